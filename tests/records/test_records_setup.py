"""Instructor set-up: the player's name end to end, the data folder the commands read, damaged saves."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from records_helpers import play_recorded, rules

from game.cli import main
from game.engine import end_turn, new_game
from game.paths import data_source, shipped_data_dir
from game.records import check_save, load_record, write_autosave

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "mini"


def test_player_name_from_orders_to_record_exports_and_class_report(tmp_path: Path, capsys) -> None:
    orders = tmp_path / "orders.json"
    orders.write_text(json.dumps({"scenario": "tutorial", "mandate": "balanced", "seed": 2, "player": "  Maria   José ",
                                  "turns": [[{"kind": "engage", "country": "MEX", "lever": "diplomatic_call"}]]}))
    records = tmp_path / "recs"
    assert main(["replay", str(orders), "--records", str(records)]) == 0
    assert "played by Maria José" in capsys.readouterr().out
    (path,) = records.glob("*.json")
    assert path.name.endswith("-Maria-Jose.json") and load_record(path).player == "Maria José"
    assert main(["export", str(path), "--out", str(tmp_path / "d.html")]) == 0
    assert "Maria José" in (tmp_path / "d.html").read_text(encoding="utf-8")
    assert main(["export", str(path), "--out", str(tmp_path / "d.csv")]) == 0
    rows = list(csv.reader(io.StringIO((tmp_path / "d.csv").read_text(encoding="utf-8"))))
    assert ["summary", "", "", "player", "Maria José", ""] in rows
    assert main(["report", str(records), "--out", str(tmp_path / "class")]) == 0
    table = list(csv.DictReader(io.StringIO((tmp_path / "class" / "class-records.csv").read_text(encoding="utf-8"))))
    assert table[0]["player"] == "Maria José"
    assert "Maria José" in (tmp_path / "class" / "class-report.html").read_text(encoding="utf-8")
    orders.write_text(json.dumps({"player": 7}))
    assert main(["replay", str(orders)]) == 1
    assert "'player' must be a string" in capsys.readouterr().err


def test_commands_read_data_in_the_current_folder_then_the_user_folder(tmp_path: Path, user_data: Path,
                                                                      monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    """As an installed game does: ./data when the current folder has one, else 'data init''s copy."""
    work = tmp_path / "class"
    shutil.copytree(FIXTURE, work / "data")
    monkeypatch.chdir(work)
    assert data_source().path == work / "data"
    assert main(["validate"]) == 0
    captured = capsys.readouterr()
    assert "2 countries" in captured.out and "using data from ./data (./data in the current folder)" in captured.err
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert data_source().path == shipped_data_dir()
    assert main(["data", "init"]) == 0
    shipped = len(list(shipped_data_dir().glob("*.toml")))
    assert f"copied {shipped} data files" in capsys.readouterr().out
    assert data_source().path == user_data / "data" and data_source().origin == "your data folder"
    (user_data / "data" / "countries.toml").write_text("broken = [", encoding="utf-8")
    assert main(["verify", str(tmp_path / "none.json")]) == 1
    assert main(["data", "init"]) == 1  # never overwrites an instructor's files
    assert "left as they are" in capsys.readouterr().err
    orders = tmp_path / "o.json"
    orders.write_text("{}")
    assert main(["replay", str(orders)]) == 1
    err = capsys.readouterr().err
    assert f"using data from {user_data / 'data'} (your data folder)" in err
    assert f"validate {user_data / 'data'} lists it" in err


def test_a_damaged_autosave_is_reported_with_what_can_be_recovered(tmp_path: Path, user_data: Path) -> None:
    """A truncated autosave whose .bak holds another, finished game: nothing replaces it silently."""
    r = rules("tutorial")
    other = new_game(r, "tutorial", "balanced", 1)
    while not other.is_over:
        end_turn(other)
    path = user_data / "saves" / "autosave.json"
    write_autosave(other, path=path)
    state, _ = play_recorded(user_data / "records", "tutorial", "balanced", seed=8, months=2)
    write_autosave(state, path=path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: len(text) // 2], encoding="utf-8")  # cut off in the middle
    check = check_save(path, r)
    assert check.save is None and "damaged" in (check.problem or "")
    kinds = {o.kind: o for o in check.options}
    assert set(kinds) == {"previous", "record"}
    assert "another game" in kinds["previous"].label and "finished" in kinds["previous"].label
    rebuilt = kinds["record"]
    assert rebuilt.same_game and check.options[0] is rebuilt and rebuilt.state.turn == 3
    assert "month 3 of" in rebuilt.label and "seed 8" in rebuilt.label
    assert path.read_text(encoding="utf-8") == text[: len(text) // 2]  # left as it was
