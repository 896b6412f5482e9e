"""The ``validate`` and ``schema`` subcommands through the real dispatcher ``game.cli.main``."""

from __future__ import annotations

from pathlib import Path

import pytest

import game.cli
from game.commands import validate as validate_command


@pytest.fixture(autouse=True)
def only_data_commands(monkeypatch: pytest.MonkeyPatch) -> None:
    """Register only the subcommands under test, so these tests need neither pygame nor the game UI."""
    monkeypatch.setattr(game.cli, "COMMANDS", ("validate", "schema"))


def test_validate_ok(mini_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert game.cli.main(["validate", str(mini_dir)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == ["ok: 5 files, 2 countries, 3 levers, 2 asks, 2 events, 1 scenario"]


def test_validate_warnings_still_exit_zero(mini_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = mini_dir / "scenarios.toml"
    path.write_text(path.read_text(encoding="utf-8").replace("turns = 12", "turns = 30"), encoding="utf-8")
    assert game.cli.main(["validate", str(mini_dir)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"{path.as_posix()}:8:1: warning: scenarios.default.turns: ")
    assert out[-1] == "ok: 5 files, 2 countries, 3 levers, 2 asks, 2 events, 1 scenario (1 warning)"


def test_validate_errors_exit_one(mini_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = mini_dir / "countries.toml"
    text = path.read_text(encoding="utf-8").replace("economy = 0.9", "economyy = 0.9")
    path.write_text(text.replace("remittances = 0.8", "remittances = 1.4"), encoding="utf-8")
    (mini_dir / "empty.toml").write_text("", encoding="utf-8")
    assert game.cli.main(["validate", str(mini_dir)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 4
    assert out[0].endswith("countries.MEX.priorities.economyy: unknown key 'economyy'; did you mean 'economy'?")
    assert out[1].endswith("countries.GTM.exposure.remittances: must be between 0 and 1; got 1.4")
    assert out[2].endswith("empty.toml:1:1: warning: the file is empty")
    assert out[-1] == "2 errors, 1 warning in 6 files"


def test_validate_missing_path(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert game.cli.main(["validate", str(tmp_path / "nope")]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [f"{(tmp_path / 'nope').as_posix()}:1:1: error: no such file or folder", "1 error, 0 warnings in 0 files"]


def test_validate_never_shows_a_traceback(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def explode(paths: object, **options: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(validate_command, "load_content", explode)
    assert game.cli.main(["validate"]) == 1
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    assert "internal error (RuntimeError: boom)" in captured.err


def test_schema_writes_every_kind(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_dir = tmp_path / "schema"
    assert game.cli.main(["schema", "--out", str(out_dir)]) == 0
    names = sorted(p.name for p in out_dir.iterdir())
    assert names == ["asks.schema.json", "countries.schema.json", "data.schema.json", "episodes.schema.json",
                     "events.schema.json", "levers.schema.json", "scenarios.schema.json", "translation.schema.json"]
    assert all(p.read_text(encoding="utf-8").endswith("}\n") for p in out_dir.iterdir())
    assert capsys.readouterr().out.count("wrote ") == 8


def test_schema_to_an_unwritable_place(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    assert game.cli.main(["schema", "--out", str(blocker / "schema")]) == 1
    assert "schema: cannot write to" in capsys.readouterr().err
