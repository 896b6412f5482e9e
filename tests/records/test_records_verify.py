"""Record -> verify round trips, and tampered records caught by the replay (not only by the checksum)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from records_helpers import NOTES, bot_game, bot_record, play_recorded, rewrite, rules

from game.cli import main
from game.engine import scorecard
from game.records import (
    RecordError,
    load_record,
    record_from_state,
    records_dir,
    replay_record,
    save_record,
    verify_record,
)


@pytest.mark.parametrize("scenario,strategy", [("default", "balanced"), ("default", "hardline"),
                                               ("default", "random"), ("northern_triangle", "incentives")])
def test_round_trip_verifies(tmp_path: Path, bundle, scenario: str, strategy: str) -> None:
    state = bot_game(scenario, "hardline", 11, strategy)
    path = save_record(tmp_path / "r.json", record_from_state(state, NOTES, source="simulate", strategy=strategy))
    record = load_record(path)
    assert record.checksum_ok() and record.over and len(record.turns) == state.turns
    result = verify_record(record, bundle)
    assert result.ok, [str(m) for m in result.mismatches]
    assert result.final_total == scorecard(state).total == record.final["total"]
    assert replay_record(record, bundle).us.credibility == state.us.credibility


def test_live_recording_equals_the_replayed_record(tmp_path: Path, bundle) -> None:
    state, recorder = play_recorded(tmp_path, notes=NOTES)
    live = load_record(recorder.path)
    rebuilt = record_from_state(state, NOTES)
    assert [t.model_dump() for t in live.turns] == [t.model_dump() for t in rebuilt.turns]
    assert live.final == rebuilt.final and live.player == "Ana"
    assert live.notes.guesses["MEX"] == NOTES["guesses"]["MEX"]
    assert verify_record(live, bundle).ok


def test_cli_verify_ok(record_path: Path, capsys) -> None:
    assert main(["verify", str(record_path)]) == 0
    assert "OK: all 12 months" in capsys.readouterr().out


def _first_action_turn(data: dict) -> int:
    return next(i for i, t in enumerate(data["turns"]) if t["actions"])


TAMPERS = {
    "changed score": lambda d: d["final"].__setitem__("total", d["final"]["total"] + 5),
    "changed objective": lambda d: d["final"]["objectives"].__setitem__("returns", 99.0),
    "removed action": lambda d: d["turns"][_first_action_turn(d)]["actions"].pop(),
    "removed action and its count": lambda d: (
        d["turns"][_first_action_turn(d)]["actions"].pop(),
        d["turns"][_first_action_turn(d)]["outcome"].__setitem__("actions", len(d["turns"][_first_action_turn(d)]["actions"]))),
    "changed outcome meter": lambda d: d["turns"][3]["outcome"]["countries"]["MEX"].__setitem__("relations", 99.5),
    "changed response": lambda d: next(t for t in d["turns"] if t["outcome"]["responses"])["outcome"]["responses"][0]
    .__setitem__("kind", "reject" if "accept" in json.dumps(d["turns"]) else "accept"),
    "changed commitments": lambda d: d["turns"][-1]["outcome"]["countries"]["HTI"]["commitments"].__setitem__("return_flights", 3),
    "changed seed": lambda d: d.__setitem__("seed", d["seed"] + 1),
    "changed mandate": lambda d: d.__setitem__("mandate", "humanitarian"),
    "removed month": lambda d: d["turns"].pop(4),
}


@pytest.mark.parametrize("name", list(TAMPERS))
def test_tampered_record_is_reported(record_path: Path, bundle, name: str, capsys) -> None:
    rewrite(record_path, TAMPERS[name])  # checksum recomputed: the replay itself must notice
    result = verify_record(load_record(record_path), bundle)
    assert not result.ok and result.mismatches
    assert main(["verify", str(record_path)]) == 1
    out = capsys.readouterr().out
    assert "NOT MATCHING" in out and "month" in out


def test_hand_edit_without_new_checksum_is_also_flagged(record_path: Path, bundle) -> None:
    rewrite(record_path, lambda d: d.__setitem__("player", "Someone else"), checksum=False)
    result = verify_record(load_record(record_path), bundle)
    assert result.ok  # the game itself is intact...
    assert any("edited" in w for w in result.warnings)  # ...but the edit is reported


def test_verify_json_and_changed_data_warning(record_path: Path, capsys) -> None:
    rewrite(record_path, lambda d: d.__setitem__("fingerprint", "0" * 64))
    assert main(["verify", str(record_path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is True and any("differ" in w for w in data["warnings"])


def test_record_from_another_version_is_flagged(record_path: Path, bundle) -> None:
    assert not any("version" in w for w in verify_record(load_record(record_path), bundle).warnings)
    rewrite(record_path, lambda d: d.__setitem__("game_version", "0.0.1"))
    result = verify_record(load_record(record_path), bundle)
    assert result.ok and any("version 0.0.1" in w for w in result.warnings)


def test_unfinished_record_verifies(tmp_path: Path, bundle) -> None:
    _state, recorder = play_recorded(tmp_path, months=4)
    record = load_record(recorder.path)
    assert len(record.turns) == 4 and record.final is None and not record.over
    assert verify_record(record, bundle).ok


def test_recorder_resumes_after_a_crash_and_catches_up(tmp_path: Path, bundle) -> None:
    from game.engine import Engage, apply, dumps, end_turn, loads
    from game.records import SessionRecorder

    state, recorder = play_recorded(tmp_path, months=3)
    saved = dumps(state)  # the autosave at month 3
    end_turn(state)  # month 4 is played, then the window closes before the record is written
    resumed = loads(dumps(state), rules("default"))
    again = SessionRecorder.open(resumed, directory=tmp_path)
    assert again.path == recorder.path  # the same session's record is continued, not a new one
    assert len(load_record(again.path).turns) == 4
    assert verify_record(load_record(again.path), bundle).ok
    # an older save played differently starts a new record and leaves the first one alone
    older = loads(saved, rules("default"))
    apply(older, Engage("MEX", "diplomatic_call"))  # month 4 differs from the recorded month 4
    end_turn(older)
    branch = SessionRecorder.open(older, directory=tmp_path)
    assert branch.path != recorder.path
    assert len(load_record(recorder.path).turns) == 4 and verify_record(load_record(branch.path), bundle).ok


def test_default_records_folder_follows_the_data_dir(user_data: Path) -> None:
    assert records_dir() == user_data / "records"


def test_bad_counts_and_refused_actions_are_reported(tmp_path: Path, bundle) -> None:
    record = bot_record()
    path = save_record(tmp_path / "r.json", record)

    def impossible(d: dict) -> None:
        d["turns"][0]["actions"] = [{"kind": "lift", "country": "MEX", "lever": "tariff"}]
    rewrite(path, impossible)
    result = verify_record(load_record(path), bundle)
    assert not result.ok and "refused" in str(result.mismatches[0])
    with pytest.raises(RecordError):
        replay_record(load_record(path), bundle)
