"""Damaged or odd data folders: every problem is located, named in plain words and kept on one line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.loading import load_content
from game.loading.locate import SourceMap
from game.loading.reading import MAX_BYTES

ROOT = Path(__file__).resolve().parent.parent


def _errors(path: Path | list[Path]) -> list[str]:
    result = load_content(path if isinstance(path, list) else [path])
    return [problem.format() for problem in result.errors]


def test_a_long_dotted_key_is_refused_quickly_with_its_place(mini_dir: Path) -> None:
    key = ".".join(["not"] * 40_000)  # 160 KB: tomllib alone needs about a minute for it
    (mini_dir / "events.toml").write_text(f"[events.x]\ntitle = \"x\"\nwhen.{key} = 1\n", encoding="utf-8")
    errors = _errors(mini_dir)
    assert errors == [f"{(mini_dir / 'events.toml').as_posix()}:3:1: error: this key has more than 100 dotted parts "
                      "(a.b.c...); that many cannot be read in reasonable time and no data file needs them: shorten it "
                      "(the file may be damaged)"]
    assert SourceMap(f"a.{key} = 1\n").find(("a",)) is None  # the scanner gives up on it too, at once


def test_whole_file_problems_are_at_line_1_column_1(mini_dir: Path, tmp_path: Path) -> None:
    big = mini_dir / "levers.toml"
    with big.open("r+b") as handle:
        handle.truncate(MAX_BYTES + 10)
    (mini_dir / "odd.toml").mkdir()
    empty = tmp_path / "empty"
    empty.mkdir()
    messages = _errors([mini_dir, empty, tmp_path / "nowhere"])
    assert any(m.startswith(f"{big.as_posix()}:1:1: error: the file is 5.1 MB; a data file may be at most 5 MB") for m in messages)
    assert f"{(mini_dir / 'odd.toml').as_posix()}:1:1: error: this is a folder: a data file must be a plain .toml text file" in messages
    assert f"{empty.as_posix()}:1:1: error: no .toml data files in this folder" in messages
    assert f"{(tmp_path / 'nowhere').as_posix()}:1:1: error: no such file or folder" in messages
    assert not any(":0:0:" in m for m in messages)


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges on Windows")
@pytest.mark.parametrize("target, words", [
    ("missing.toml", "this is a link to missing.toml, which does not exist"),
    ("asks.toml", "this is a link that leads back to itself (a loop of links)"),
    ("/dev/zero", "this is a device or pipe, not a file: a data file must be a plain .toml text file"),
])
def test_a_broken_looping_or_device_link_is_reported(mini_dir: Path, target: str, words: str) -> None:
    asks = mini_dir / "asks.toml"
    asks.unlink()
    if target == "/dev/zero" and not Path(target).exists():
        pytest.skip("no /dev/zero here")
    os.symlink(target, asks)
    assert any(e.startswith(f"{asks.as_posix()}:1:1: error: {words}") for e in _errors(mini_dir))


def test_a_missing_countries_file_is_said_first_and_once(mini_dir: Path) -> None:
    (mini_dir / "countries.toml").unlink()
    errors = _errors(mini_dir)
    assert errors[0] == (f"{mini_dir.as_posix()}:1:1: error: no countries are defined: the data needs countries.toml "
                         "(or [countries.XXX] tables in another .toml file); until then every country named elsewhere "
                         "is unknown")
    assert not [e for e in errors if "unknown country" in e]


def test_data_without_a_scenario_is_an_error(mini_dir: Path) -> None:
    (mini_dir / "scenarios.toml").unlink()
    result = load_content([mini_dir])
    assert not result.ok and result.bundle is None
    assert [p.message for p in result.errors] == [
        "no scenario is defined: add a [scenarios.<id>] table (in scenarios.toml) so that a game can start"]


def test_a_file_name_with_a_line_break_stays_on_one_line(mini_dir: Path) -> None:
    odd = mini_dir / "bad\nname.toml"
    odd.write_text("x = \n", encoding="utf-8")
    errors = _errors(mini_dir)
    assert len(errors) == 1 and "\n" not in errors[0]
    assert errors[0].startswith(f"{mini_dir.as_posix()}/bad\\nname.toml:1:5: error: TOML syntax error: the value is missing")


def test_a_stick_set_offerable_is_reported_at_the_offerable_line(mini_dir: Path) -> None:
    path = mini_dir / "levers.toml"
    text = path.read_text(encoding="utf-8").replace("threat_private = true\n", "threat_private = true\nofferable = true\n", 1)
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("offerable = true") + 1
    assert _errors(mini_dir) == [f"{path.as_posix()}:{line}:1: error: levers.tariff.offerable: only a carrot can be "
                                 "offered in a proposal: set offerable = false (or kind = \"carrot\")"]


def test_a_carrot_threatened_is_reported_at_its_threat_line(mini_dir: Path) -> None:
    path = mini_dir / "levers.toml"
    text = path.read_text(encoding="utf-8").replace("offerable = true\n", "offerable = true\nthreat_public = true\n", 1)
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("threat_public = true", 20) + 1
    assert _errors(mini_dir) == [f"{path.as_posix()}:{line}:1: error: levers.aid_package.threat_public: only a stick "
                                 "can be threatened: set threat_public = false (or kind = \"stick\")"]


def test_an_ask_cost_above_zero_is_refused(mini_dir: Path) -> None:
    path = mini_dir / "asks.toml"
    path.write_text(path.read_text(encoding="utf-8").replace('amount = -0.2 }', 'amount = 0.2 }', 1), encoding="utf-8")
    errors = _errors(mini_dir)
    assert len(errors) == 1 and errors[0].endswith("costs[0].amount: must be between -1 and 0; got 0.2")


def test_an_out_of_range_escape_after_a_duplicate_key_is_no_internal_error(mini_dir: Path) -> None:
    path = mini_dir / "levers.toml"
    path.write_text(path.read_text(encoding="utf-8") + '\na = 1\na = 2\nb = "\\UFFFFFFFF"\n', encoding="utf-8")
    SourceMap(path.read_text(encoding="utf-8"))  # the scanner alone must not raise either
    run = subprocess.run([sys.executable, "main.py", "validate", str(mini_dir)], cwd=ROOT, capture_output=True,
                         text=True, timeout=120, env={**os.environ, "SDL_VIDEODRIVER": "dummy"})
    assert "internal error" not in run.stdout + run.stderr and "Traceback" not in run.stderr
    assert "the key 'a' is given twice in the same table" in run.stdout
