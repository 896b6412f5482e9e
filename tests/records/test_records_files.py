"""Atomic writes with a .bak, a crash in the middle of a save, corrupt and foreign files, autosave."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from records_helpers import bot_game, bot_record, play_recorded, rules

from game.cli import main
from game.engine import dumps
from game.records import (
    RecordError,
    autosave_path,
    backup_path,
    load_record,
    read_autosave,
    save_record,
    write_autosave,
)

ROOT = Path(__file__).resolve().parents[2]


def _two_versions(tmp_path: Path) -> tuple[Path, bytes]:
    """A record saved twice (4 then 6 months): the file holds version 2, the .bak version 1."""
    state, recorder = play_recorded(tmp_path, months=4)
    first = recorder.path.read_bytes()
    from game.engine import end_turn
    for _ in range(2):
        end_turn(state)
        recorder.update(state)
    return recorder.path, first


def test_save_keeps_the_previous_version_as_bak(tmp_path: Path) -> None:
    path, _ = _two_versions(tmp_path)
    assert len(load_record(path).turns) == 6
    assert len(load_record(backup_path(path)).turns) == 5
    assert not path.with_name(path.name + ".tmp").exists()


def test_a_write_failing_midway_leaves_the_last_good_file(tmp_path: Path) -> None:
    path, _ = _two_versions(tmp_path)
    before, bak_before = path.read_bytes(), backup_path(path).read_bytes()
    record = load_record(path)
    record.turns = record.turns[:2]

    def crash() -> None:
        raise OSError(28, "No space left on device")
    with pytest.raises(RecordError, match="could not be saved"):
        save_record(path, record, before_replace=crash)
    assert path.read_bytes() == before and backup_path(path).read_bytes() == bak_before
    assert not path.with_name(path.name + ".tmp").exists()
    assert len(load_record(path).turns) == 6


def test_a_process_killed_during_the_save_leaves_the_last_good_file(tmp_path: Path) -> None:
    path, _ = _two_versions(tmp_path)
    before = path.read_bytes()
    script = textwrap.dedent(f"""
        import sys, time
        sys.path.insert(0, {str(ROOT)!r})
        from game.records import load_record, save_record
        path = {str(path)!r}
        record = load_record(path)
        record.turns = record.turns[:1]
        def hang():
            print("written", flush=True)
            time.sleep(60)
        save_record(path, record, before_replace=hang)
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "written"
        assert path.with_name(path.name + ".tmp").exists()  # the new version is half-way in place
        proc.kill()
    finally:
        proc.wait(timeout=20)
    assert path.read_bytes() == before and len(load_record(path).turns) == 6
    assert backup_path(path).exists() and len(load_record(backup_path(path)).turns) == 5
    # the next save cleans up and works
    save_record(path, load_record(path))
    assert not path.with_name(path.name + ".tmp").exists()


GARBAGE = {
    "not json": b"this is not a record {",
    "binary": bytes(range(256)) * 4,
    "truncated": None,  # filled in from a real record
    "a save file": None,
    "a list": b"[1, 2, 3]",
    "another format": b'{"format": "someone-else", "version": 1}',
    "newer version": b'{"format": "pressure-points-record", "version": 99}',
    "missing fields": b'{"format": "pressure-points-record", "version": 1, "scenario": "default"}',
    "bad action": None,
    "empty": b"",
}


def _garbage(name: str, tmp_path: Path) -> bytes:
    if name == "truncated":
        return save_record(tmp_path / "ok.json", bot_record()).read_bytes()[:5000]
    if name == "a save file":
        return dumps(bot_game()).encode()
    if name == "bad action":
        data = json.loads(save_record(tmp_path / "ok.json", bot_record()).read_text())
        data["turns"][0]["actions"] = [{"kind": "nuke", "country": "MEX"}]
        return json.dumps(data).encode()
    return GARBAGE[name]  # type: ignore[return-value]


@pytest.mark.parametrize("name", list(GARBAGE))
def test_corrupt_or_foreign_files_give_a_clear_error_and_are_never_overwritten(
        tmp_path: Path, name: str, capsys) -> None:
    path = tmp_path / "class" / "bad.json"
    path.parent.mkdir()
    content = _garbage(name, tmp_path)
    path.write_bytes(content)
    with pytest.raises(RecordError) as info:
        load_record(path)
    message = str(info.value)
    assert "bad.json" in message and "Traceback" not in message
    with pytest.raises(RecordError, match="left untouched"):
        save_record(path, bot_record())
    assert path.read_bytes() == content and not backup_path(path).exists()
    for command in (["verify", str(path)], ["export", str(path), "--out", str(tmp_path / "x.html")]):
        assert main(command) == 1
        err = capsys.readouterr().err
        assert "bad.json" in err and "Traceback" not in err
    assert path.read_bytes() == content


def test_missing_record_and_folder(tmp_path: Path, capsys) -> None:
    assert main(["verify", str(tmp_path / "nope.json")]) == 1
    assert "no record" in capsys.readouterr().err
    with pytest.raises(RecordError, match="folder"):
        load_record(tmp_path)


def test_autosave_round_trip_in_the_ui_location(user_data: Path) -> None:
    state = bot_game()
    assert autosave_path() == user_data / "saves" / "autosave.json"
    write_autosave(state, {"guesses": {"MEX": ["economy"]}})
    write_autosave(state, {"guesses": {"MEX": ["aid"]}})
    loaded, notes = read_autosave(rules("default"))
    assert loaded.turn == state.turn and notes.guesses == {"MEX": ["aid"]}
    assert backup_path(autosave_path()).exists()
    # a damaged autosave falls back to the previous one
    autosave_path().write_text("{ broken", encoding="utf-8")
    loaded, notes = read_autosave(rules("default"))
    assert notes.guesses == {"MEX": ["economy"]}


def test_autosave_moves_a_foreign_file_aside(user_data: Path) -> None:
    path = autosave_path()
    path.parent.mkdir(parents=True)
    path.write_text("my own notes, not a save", encoding="utf-8")
    with pytest.raises(RecordError, match="damaged"):
        read_autosave(rules("default"))
    write_autosave(bot_game())
    assert path.with_name("autosave.json.damaged").read_text(encoding="utf-8") == "my own notes, not a save"
    assert read_autosave(rules("default"))[0].is_over
