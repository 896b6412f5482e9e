"""Records carry the score against doing nothing: the debrief, its exports and the class report show
it objective by objective; records scored the older, absolute way still verify, with a warning."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from records_helpers import bot_record, rewrite

from game.debrief import build_debrief
from game.debrief.classreport import build_report, rows_csv
from game.debrief.page import debrief_html
from game.debrief.tabular import debrief_csv, debrief_json
from game.engine import scorecard
from game.records import load_record, save_record, verify_record
from game.records.verify import NEW_SCORE_KEYS, play_month, start_game


def _absolute_by_month(record, bundle) -> list[float]:
    state = start_game(record, bundle)
    out = []
    for entry in record.turns:
        play_month(state, list(entry.actions))
        out.append(round(scorecard(state).absolute_total, 6))
    return out


def _make_old(path: Path, bundle) -> None:
    """Rewrite a record as version 0.2 wrote it: absolute scores, no gains in the final scorecard."""
    absolute = _absolute_by_month(load_record(path), bundle)

    def change(data: dict) -> None:
        data["game_version"] = "0.2.0"
        for entry, score in zip(data["turns"], absolute):
            entry["outcome"]["score"] = score
        final = data["final"]
        final["total"] = final["absolute_total"]
        for key in NEW_SCORE_KEYS:
            final.pop(key)
    rewrite(path, change)


def test_an_old_absolute_scored_record_still_verifies_with_a_warning(tmp_path: Path, bundle) -> None:
    path = save_record(tmp_path / "old.json", bot_record("northern_triangle", "hardline", seed=4, strategy="hardline"))
    new_total = load_record(path).final["total"]
    _make_old(path, bundle)
    result = verify_record(load_record(path), bundle)
    assert result.ok, [str(m) for m in result.mismatches]
    assert any("version 0.2.0" in w for w in result.warnings)
    assert any("scored before scores were measured against" in w for w in result.warnings)
    assert result.final_total == new_total  # the replay gives the score against doing nothing
    rewrite(path, lambda d: d["final"].__setitem__("total", d["final"]["total"] + 5))
    tampered = verify_record(load_record(path), bundle)
    assert not tampered.ok and any(m.field == "final.total" for m in tampered.mismatches)


def test_a_new_record_checks_its_gains(tmp_path: Path, bundle) -> None:
    path = save_record(tmp_path / "new.json", bot_record("tutorial", seed=2))
    assert verify_record(load_record(path), bundle).ok
    rewrite(path, lambda d: d["final"]["gains"].__setitem__("relations", 99.0))
    result = verify_record(load_record(path), bundle)
    assert not result.ok and any(m.field == "final.gains.relations" for m in result.mismatches)


def test_debrief_and_exports_show_you_against_doing_nothing(tmp_path: Path, bundle) -> None:
    record = load_record(save_record(tmp_path / "g.json", bot_record("northern_triangle", "hardline", 4, "hardline")))
    d = build_debrief(record, bundle)
    assert d.total == record.final["total"] and d.absolute_total - d.idle_total != 0
    rows = {o.id: o for o in d.objectives}
    assert rows["returns"].gain > 0 and "better than doing nothing" in rows["returns"].verdict
    assert "thousand people returned" in rows["returns"].figures and "doing nothing:" in rows["returns"].figures
    assert rows["us_costs"].gain < 0 and "worse than doing nothing" in rows["us_costs"].verdict
    html = debrief_html(d)
    assert "you against doing nothing" in html and rows["returns"].figures in html
    table = list(csv.reader(io.StringIO(debrief_csv(d))))
    assert any(r[0] == "objective_gain" and r[3] == "returns" for r in table)
    assert any(r[0] == "summary" and r[3] == "idle_total" for r in table)
    data = json.loads(debrief_json(d))
    assert data["scorecard"]["gains"]["returns"] == rows["returns"].gain and "total_words" in data


def test_class_report_lists_the_score_against_doing_nothing(tmp_path: Path, bundle) -> None:
    save_record(tmp_path / "a.json", bot_record("tutorial", "balanced", 2, "incentives"))
    save_record(tmp_path / "b.json", bot_record("tutorial", "balanced", 3, "idle"))
    report = build_report([tmp_path], bundle)
    by_file = {r.file: r for r in report.rows}
    assert by_file["b.json"].total == 0.0 and set(by_file["b.json"].gains.values()) == {0.0}
    assert by_file["a.json"].total > 0 and by_file["a.json"].scoring == "vs doing nothing"
    header = rows_csv(report).splitlines()[0]
    assert "gain_agreements" in header and "absolute_total" in header
