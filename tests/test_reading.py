"""Robust reading: missing paths, empty folders, huge, binary, mis-encoded and empty files."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.loading import MAX_BYTES, Severity, load_content


def _only(result_problems: list, severity: Severity = Severity.error) -> object:
    found = [p for p in result_problems if p.severity is severity]
    assert len(found) == 1, [p.format() for p in result_problems]
    return found[0]


def test_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    result = load_content([missing])
    problem = _only(result.problems)
    assert (problem.path, problem.line, problem.column, problem.field) == (missing.as_posix(), 1, 1, "")
    assert problem.message == "no such file or folder"
    assert result.bundle is None and not result.ok


def test_path_is_shown_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = load_content(["data/none.toml"])
    assert result.problems[0].format() == "data/none.toml:1:1: error: no such file or folder"


def test_empty_directory(tmp_path: Path) -> None:
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "not_data.toml").write_text("x = 1\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not data", encoding="utf-8")
    result = load_content([tmp_path])
    problem = _only(result.problems)
    assert problem.path == tmp_path.as_posix()
    assert problem.message == "no .toml data files in this folder"
    assert result.files == []


def test_empty_section_file_is_an_error(mini_dir: Path) -> None:
    (mini_dir / "events.toml").write_text("\n   \n", encoding="utf-8")
    problem = _only(load_content([mini_dir]).problems)
    assert (problem.path, problem.line, problem.column) == ((mini_dir / "events.toml").as_posix(), 1, 1)
    assert problem.message.startswith("the file is empty")


def test_empty_generic_file_is_a_warning(mini_dir: Path) -> None:
    (mini_dir / "extra.toml").write_bytes(b"")
    result = load_content([mini_dir])
    problem = _only(result.problems, Severity.warning)
    assert problem.message == "the file is empty"
    assert result.ok and result.bundle is not None


def test_binary_garbage(mini_dir: Path) -> None:
    (mini_dir / "levers.toml").write_bytes(b"[levers.x]\nname = \"\x89PNG\x00\x00\x1a\n")
    problem = _only(load_content([mini_dir]).problems)
    assert (problem.line, problem.column) == (2, 13)
    assert "NUL character (U+0000)" in problem.message and "not a text file" in problem.message


def test_latin1_file(mini_dir: Path) -> None:
    path = mini_dir / "countries.toml"
    text = path.read_text(encoding="utf-8").replace('capital = "Guatemala City"', 'capital = "Ciudad de Guatemalá"')
    path.write_bytes(text.encode("latin-1"))
    problem = _only(load_content([mini_dir]).problems)
    line = text.split("\n").index('capital = "Ciudad de Guatemalá"') + 1
    assert (problem.path, problem.line, problem.column) == (path.as_posix(), line, 30)
    assert "0xE1" in problem.message
    assert f"line {line}, column 30" in problem.message
    assert "must be saved as UTF-8" in problem.message


def test_utf8_bom_is_accepted_with_a_warning(mini_dir: Path) -> None:
    path = mini_dir / "levers.toml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    result = load_content([mini_dir])
    problem = _only(result.problems, Severity.warning)
    assert "byte order mark" in problem.message
    assert result.ok and result.bundle is not None and "tariff" in result.bundle.levers


def test_huge_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.toml"
    line = b"# " + b"x" * 1000 + b"\n"
    with path.open("wb") as handle:
        for _ in range(MAX_BYTES // len(line) + 10):
            handle.write(line)
    problem = _only(load_content([path]).problems)
    assert problem.path == path.as_posix()
    assert "at most 5 MB" in problem.message


def test_single_file_and_directory_listing(mini_dir: Path) -> None:
    result = load_content([mini_dir / "levers.toml"])
    assert result.ok and result.bundle is not None
    assert sorted(result.bundle.levers) == ["aid_package", "diplomatic_call", "tariff"]
    listing = load_content([mini_dir, mini_dir / "levers.toml"])
    assert [p.name for p in listing.files] == ["asks.toml", "countries.toml", "events.toml", "levers.toml", "scenarios.toml"]


def test_fingerprint_is_stable_and_follows_the_bytes(mini_dir: Path) -> None:
    first = load_content([mini_dir]).bundle
    again = load_content([mini_dir]).bundle
    assert first is not None and again is not None
    assert len(first.fingerprint) == 64 and first.fingerprint == again.fingerprint
    path = mini_dir / "levers.toml"
    path.write_text(path.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    changed = load_content([mini_dir]).bundle
    assert changed is not None and changed.fingerprint != first.fingerprint


def test_generic_file_may_hold_any_section(mini_dir: Path) -> None:
    levers = (mini_dir / "levers.toml").read_text(encoding="utf-8")
    (mini_dir / "levers.toml").unlink()
    (mini_dir / "my_levers.toml").write_text(levers, encoding="utf-8")
    result = load_content([mini_dir])
    assert result.ok, [p.format() for p in result.problems]
    assert result.bundle is not None and "tariff" in result.bundle.levers


def test_syntax_error_at_end_of_document(mini_dir: Path) -> None:
    path = mini_dir / "levers.toml"
    path.write_text(path.read_text(encoding="utf-8") + 'extra = "unterminated', encoding="utf-8")
    problem = _only(load_content([mini_dir]).problems)
    lines = path.read_text(encoding="utf-8").split("\n")
    assert (problem.line, problem.column) == (len(lines), len(lines[-1]) + 1)
    assert problem.message.startswith("TOML syntax error: ") and "(at" not in problem.message
