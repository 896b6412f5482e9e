"""Damaged and crafted files: deep JSON, odd numbers, formula injection, malformed scores, kills mid-save.

The fuzzers here run a CI-sized number of examples; set ``PP_FUZZ_EXAMPLES`` (e.g. 5000) for a bigger run.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import random
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from records_helpers import NOTES, bot_game, bot_record, rewrite, rules

from game.cli import main
from game.debrief.classreport import build_report
from game.engine import SaveError, loads
from game.records import (
    RecordError,
    atomic_write,
    backup_path,
    is_save,
    load_record,
    parse_record,
    read_save,
    recover_record,
    remove_stale_temps,
    save_record,
    write_save,
)
from game.records.session import find_session_record
from game.safe_json import MAX_DEPTH, NestingError, nesting_depth, peek_object
from game.safe_json import loads as safe_loads
from game.ui.settings import Settings, load_settings

ROOT = Path(__file__).resolve().parents[2]
DEEP = "[" * 1000 + "]" * 1000
EXAMPLES = int(os.environ.get("PP_FUZZ_EXAMPLES", "60"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))


def test_the_safe_reader_refuses_deep_nesting_and_reads_the_rest() -> None:
    for text in (DEEP, '{"a":' * 70 + "1" + "}" * 70, "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1)):
        with pytest.raises(NestingError, match="nested more than"):
            safe_loads(text)
    ok = "[" * MAX_DEPTH + "]" * MAX_DEPTH
    assert nesting_depth(safe_loads(ok)) == MAX_DEPTH
    assert safe_loads('{"a": [1, {"b": 2}]}') == {"a": [1, {"b": 2}]}


def test_every_reader_refuses_deep_json_with_a_message(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text(DEEP, encoding="utf-8")
    with pytest.raises(RecordError, match=r"not readable JSON.*nested more than"):
        read_save(path, rules())
    assert is_save(path) is False
    with pytest.raises(RecordError, match="nested more than"):
        parse_record(DEEP)
    with pytest.raises(RecordError, match="nested more than"):
        load_record(path)
    with pytest.raises(SaveError, match="nested more than"):
        loads(DEEP, rules())
    assert peek_object(path) is None
    settings_file = tmp_path / "settings.json"
    settings_file.write_text(DEEP, encoding="utf-8")
    values, message = load_settings(settings_file)
    assert values == Settings() and message is not None and "nested more than" in message


def test_a_deep_autosave_falls_back_to_its_previous_copy(tmp_path: Path) -> None:
    path = tmp_path / "autosave.json"
    write_save(path, bot_game())
    write_save(path, bot_game())
    path.write_text(DEEP, encoding="utf-8")
    save = read_save(path, rules(), fallback=True)  # the recovery the title screen offers
    assert save.from_backup and save.state.is_over


@pytest.mark.parametrize("scale", ["1e400", "-1e400", "NaN", "Infinity"])
def test_a_non_finite_ui_scale_gives_the_defaults_and_a_message(tmp_path: Path, scale: str) -> None:
    path = tmp_path / "settings.json"
    path.write_text(f'{{"ui_scale": {scale}, "fullscreen": false}}', encoding="utf-8")
    values, message = load_settings(path)
    assert values == Settings() and message is not None and "ui_scale" in message


def test_a_huge_finite_ui_scale_is_clamped(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"ui_scale": 1e300}', encoding="utf-8")
    assert load_settings(path) == (Settings(ui_scale=300), None)


def _lines_of_cells(text: str) -> list[str]:
    return [line for row in csv.reader(io.StringIO(text, newline="")) for cell in row for line in cell.splitlines()]


def _assert_no_formula(text: str) -> None:
    assert "\r" not in text.replace("\r\n", "\n")  # no bare carriage return survives, quoted or not
    for line in _lines_of_cells(text):
        assert not line.startswith(("=", "+", "@", "\t")), line
    for line in text.splitlines():  # nor as a raw line a loose reader would take for a row
        assert not line.startswith(("=", "+", "@")), line


def test_class_records_csv_has_no_formula_on_any_line(tmp_path: Path) -> None:
    folder = tmp_path / "class"
    save_record(folder / "a.json", bot_record(player="Student A\r=cmd|' /C calc'!A0", notes=NOTES))
    save_record(folder / "b.json", bot_record(seed=4, player="B\n@SUM(1)\r\n+1"))
    out = tmp_path / "out"
    assert main(["report", str(folder), "--out", str(out)]) == 0
    text = (out / "class-records.csv").read_bytes().decode("utf-8")
    _assert_no_formula(text)
    players = [row["player"] for row in csv.DictReader(io.StringIO(text, newline=""))]
    assert "Student A\n'=cmd|' /C calc'!A0" in players


def test_debrief_csv_has_no_formula_on_any_line(tmp_path: Path) -> None:
    notes = {**NOTES, "text": {"MEX": "\r=4+4", "GTM": "ok\r-1+2\n=3"}}
    path = save_record(tmp_path / "g.json", bot_record(notes=notes, player="\r=4+4"))
    out = tmp_path / "debrief.csv"
    assert main(["export", str(path), "--out", str(out)]) == 0
    text = out.read_bytes().decode("utf-8")
    _assert_no_formula(text)
    assert "'=4+4" in text


@pytest.mark.parametrize("change", [
    lambda d: d["final"].__setitem__("total", "lots"),
    lambda d: d["final"].__setitem__("total", None),
    lambda d: d["final"].__setitem__("objectives", [1, 2]),
    lambda d: d["final"]["objectives"].__setitem__("returns", {"x": 1}),
], ids=["total text", "total null", "objectives list", "objective table"])
def test_report_lists_a_record_with_malformed_scores_and_goes_on(tmp_path: Path, bundle, change) -> None:
    folder = tmp_path / "class"
    save_record(folder / "good.json", bot_record(player="Good"))
    bad = save_record(folder / "bad.json", bot_record(seed=4, player="Bad"))
    rewrite(bad, change)
    report = build_report([folder], bundle)
    assert [r.player for r in report.rows] == ["Good"]
    assert len(report.skipped) == 1 and "bad.json" in report.skipped[0] and "final." in report.skipped[0]


def test_a_damaged_record_is_read_from_its_bak(tmp_path: Path) -> None:
    path = save_record(tmp_path / "r.json", bot_record())
    save_record(path, bot_record())
    path.write_text("{ damaged", encoding="utf-8")
    record, source = recover_record(path)
    assert source == backup_path(path) and record.turns
    path.unlink()
    assert recover_record(path)[1] == backup_path(path)
    backup_path(path).write_text("[]", encoding="utf-8")
    with pytest.raises(RecordError, match="no record"):
        recover_record(path)


def test_the_verify_command_falls_back_to_the_bak(tmp_path: Path, capsys) -> None:
    path = save_record(tmp_path / "r.json", bot_record())
    save_record(path, bot_record())
    path.write_text(DEEP, encoding="utf-8")
    assert main(["verify", str(path)]) == 0
    assert "previous version" in capsys.readouterr().err


def test_a_game_continues_its_record_from_the_bak(tmp_path: Path) -> None:
    from records_helpers import play_recorded
    state, recorder = play_recorded(tmp_path, months=3)
    recorder.update(state)
    recorder.path.write_text("{ damaged", encoding="utf-8")
    found = find_session_record(state, tmp_path)
    assert found is not None and found[0] != recorder.path and len(found[1].turns) == 3
    assert recorder.path.read_text(encoding="utf-8") == "{ damaged"  # left alone


def test_stale_temporary_files_are_cleaned(tmp_path: Path) -> None:
    old, fresh, other = tmp_path / "a.json.tmp", tmp_path / "b.json.tmp", tmp_path / "notes.tmp"
    for p in (old, fresh, other):
        p.write_text("x", encoding="utf-8")
    os.utime(old, (time.time() - 3600, time.time() - 3600))
    os.utime(other, (time.time() - 3600, time.time() - 3600))
    assert remove_stale_temps(tmp_path) == [old]
    assert fresh.exists() and other.exists()
    write_save(tmp_path / "autosave.json", bot_game())
    os.utime(fresh, (time.time() - 3600, time.time() - 3600))
    save_record(tmp_path / "r.json", bot_record())
    assert not fresh.exists()


def test_atomic_write_keeps_the_target_in_place_when_the_replace_fails(tmp_path: Path) -> None:
    path = tmp_path / "f.json"
    atomic_write(path, "one")
    atomic_write(path, "two")
    assert path.read_text() == "two" and backup_path(path).read_text() == "one"

    def crash() -> None:
        raise OSError(28, "No space left on device")
    with pytest.raises(OSError):
        atomic_write(path, "three", before_replace=crash)
    assert path.read_text() == "two" and not path.with_name("f.json.tmp").exists()


KILL_SCRIPT = textwrap.dedent("""
    import sys
    from pathlib import Path
    from game.records.files import atomic_write
    path = Path(sys.argv[1])
    texts = [("A" * 400_000) + "\\n", ("B" * 300_000) + "\\n"]
    print("ready", flush=True)
    n = 0
    while True:
        atomic_write(path, texts[n % 2])
        n += 1
""")


def test_kills_mid_save_never_leave_the_target_absent_or_partial(tmp_path: Path) -> None:
    """A process writing in a loop is killed at random moments: the file is always one whole version."""
    path = tmp_path / "target.json"
    atomic_write(path, ("A" * 400_000) + "\n")
    whole = {("A" * 400_000) + "\n", ("B" * 300_000) + "\n"}
    rng = random.Random(12)
    kills = int(os.environ.get("PP_FUZZ_KILLS", "8"))
    for _ in range(kills):
        proc = subprocess.Popen([sys.executable, "-c", KILL_SCRIPT, str(path)], stdout=subprocess.PIPE, text=True,
                                env={**os.environ, "PYTHONPATH": str(ROOT)}, cwd=ROOT)
        try:
            assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
            time.sleep(rng.uniform(0.0, 0.25))
            proc.kill()
        finally:
            proc.wait(timeout=20)
        assert path.read_text(encoding="utf-8") in whole
        assert backup_path(path).read_text(encoding="utf-8") in whole
    atomic_write(path, "after")  # the next write cleans up after the killed one
    assert path.read_text() == "after" and not path.with_name(path.name + ".tmp").exists()


# ---- fuzzers ----------------------------------------------------------------------------------

def _mutate(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        roll = rng.random()
        i = rng.randrange(len(out) + 1)
        if roll < 0.3 and out:
            out[min(i, len(out) - 1)] = rng.randrange(256)
        elif roll < 0.55:
            out[i:i] = rng.choice([b"[", b"{", b"]", b"}", b'"', b",", b"NaN", b"1e400", b"-", b"\\u0000", b"\xff"])
        elif roll < 0.8:
            del out[i:i + rng.randint(1, 50)]
        else:
            out = out[:i]
    return bytes(out)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12)


def _paths(data, prefix=()):
    yield prefix
    if isinstance(data, dict):
        for k, v in data.items():
            yield from _paths(v, prefix + (k,))
    elif isinstance(data, list):
        for i, v in enumerate(data[:3]):
            yield from _paths(v, prefix + (i,))


def _replace(data, path, value):
    if not path:
        return value
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return data


@pytest.fixture(scope="module")
def record_text(tmp_path_factory) -> str:
    return save_record(tmp_path_factory.mktemp("rec") / "r.json", bot_record(notes=NOTES)).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def save_text(tmp_path_factory) -> str:
    return write_save(tmp_path_factory.mktemp("save") / "s.json", bot_game(), NOTES).read_text(encoding="utf-8")


@FUZZ
@given(seed=st.integers(0, 2**32 - 1))
def test_fuzz_mutated_record_bytes_give_record_errors(record_text: str, seed: int) -> None:
    damaged = _mutate(record_text.encode(), random.Random(seed))
    with contextlib.suppress(RecordError):
        parse_record(damaged)


@FUZZ
@given(seed=st.integers(0, 2**32 - 1))
def test_fuzz_mutated_save_bytes_give_record_errors(tmp_path_factory, save_text: str, seed: int) -> None:
    path = tmp_path_factory.mktemp("fz") / "s.json"
    path.write_bytes(_mutate(save_text.encode(), random.Random(seed)))
    with contextlib.suppress(RecordError):
        read_save(path, rules(), fallback=False)
    is_save(path)
    peek_object(path)


@FUZZ
@given(data=st.data(), value=JSON_VALUES)
def test_fuzz_records_with_a_value_replaced_are_read_or_reported(tmp_path_factory, record_text: str, bundle,
                                                                    data, value) -> None:
    """Any field of a valid record replaced by any JSON value (checksum fixed): a row or a skipped file."""
    record = json.loads(record_text)
    where = data.draw(st.sampled_from(list(_paths(record))))
    record = _replace(record, where, value)
    if isinstance(record, dict):
        from game.records.model import compute_checksum
        record["checksum"] = compute_checksum(record)
    folder = tmp_path_factory.mktemp("cls")
    (folder / "r.json").write_text(json.dumps(record), encoding="utf-8")
    report = build_report([folder], bundle)
    assert len(report.rows) + len(report.skipped) == 1


@FUZZ
@given(data=st.data(), value=JSON_VALUES)
def test_fuzz_saves_with_a_value_replaced_load_or_refuse(tmp_path_factory, save_text: str, data, value) -> None:
    save = json.loads(save_text)
    where = data.draw(st.sampled_from(list(_paths(save))))
    path = tmp_path_factory.mktemp("sv") / "s.json"
    path.write_text(json.dumps(_replace(save, where, value)), encoding="utf-8")
    with contextlib.suppress(RecordError):
        read_save(path, rules(), fallback=False)


@FUZZ
@given(value=JSON_VALUES)
def test_fuzz_any_settings_file_gives_settings(tmp_path_factory, value) -> None:
    path = tmp_path_factory.mktemp("st") / "settings.json"
    path.write_text(json.dumps({"ui_scale": value, "fullscreen": value} if value is not None else value), encoding="utf-8")
    values, _ = load_settings(path)
    assert isinstance(values, Settings) and values.ui_scale in (100, 125, 150, 175, 200, 250, 300)
