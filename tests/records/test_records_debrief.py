"""The debrief data, the counterfactual, and the HTML/CSV/JSON exports of real (bot-played) records."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from records_helpers import NOTES, bot_record, rules

from game.cli import main
from game.debrief import build_debrief, read_country, render, safe_cell
from game.records import RecordError, counterfactual, list_actions, load_record


def test_debrief_reveals_priorities_beside_the_guesses(record_path: Path, bundle) -> None:
    d = build_debrief(load_record(record_path), bundle)
    assert d.verified and d.over and d.player == "Ana"
    by_country = {r.country: r for r in d.readings}
    assert list(by_country) == list(rules().order)
    mex = by_country["MEX"]
    true_mex = bundle.countries["MEX"].priorities.model_dump()
    assert mex.weights == true_mex and list(mex.weights.values()) == sorted(true_mex.values(), reverse=True)
    assert mex.guessed == NOTES["guesses"]["MEX"] and mex.score == round(100 * len(mex.matched) / 3, 1)
    assert by_country["HND"].no_guess and by_country["HND"].score == 0
    assert d.reading_score == round(sum(r.score for r in d.readings) / len(d.readings), 1)
    assert d.prompts == list(bundle.scenarios["default"].discussion) and d.prompts


def test_reading_score_counts_the_overlap_with_the_true_top_three() -> None:
    r = rules()
    weights = dict(zip(("economy", "remittances", "sovereignty", "approval", "security", "aid",
                        "regime_survival", "alt_partners"), r.countries["MEX"].priorities))
    top = sorted(weights, key=lambda k: -weights[k])[:3]
    bottom = sorted(weights, key=lambda k: weights[k])[:3]
    assert read_country(r, "MEX", top).score == 100.0
    assert read_country(r, "MEX", bottom).score == 0.0
    assert read_country(r, "MEX", [top[0], bottom[0], top[0]]).score == pytest.approx(33.3)
    assert read_country(r, "MEX", ["nonsense"]).no_guess


def test_debrief_timelines_ledgers_and_decisions(record_path: Path, bundle) -> None:
    d = build_debrief(load_record(record_path), bundle)
    ids = {t.id for t in d.timelines}
    assert {"standing", "relations", "arrivals", "commitments", "score", "people"} <= ids
    for t in d.timelines:
        assert all(len(s.values) == len(t.turns) == 13 for s in t.series)
    relations = next(t for t in d.timelines if t.id == "relations")
    assert len(relations.series) == len(rules().order)
    assert d.decisions and all(x.factors for x in d.decisions)
    assert any(abs(f.value) > 0 for x in d.decisions for f in x.factors)  # the hidden numbers are there
    assert d.promises and all(p.kept in (True, False, None) for p in d.promises)
    assert d.humanitarian[-1].name == "All countries"
    assert d.objectives and d.total == load_record(record_path).final["total"]


def test_counterfactual_replays_without_one_action(record_path: Path, bundle) -> None:
    record = load_record(record_path)
    actions = list_actions(record, bundle)
    assert actions and all(text for _, _, text in actions)
    turn, index = next((t, i) for t, i, text in actions if text.startswith("Propose"))
    comparison = counterfactual(record, bundle, turn, index)
    assert comparison.removed.startswith("Propose")
    assert comparison.changed(), "removing an accepted proposal should change something"
    sections = {c.section for c in comparison.changes}
    assert {"score", "objective", "cooperation", "commitments", "credibility", "flows"} <= sections
    with pytest.raises(RecordError, match="no month"):
        counterfactual(record, bundle, 99, 0)
    with pytest.raises(RecordError, match="no action"):
        counterfactual(record, bundle, turn, 50)


@pytest.mark.parametrize("text", ["=1+1", "+cmd", "-2+3", "@SUM(A1)", "\tx", "=HYPERLINK(\"x\")"])
def test_formula_like_text_is_neutralised(text: str) -> None:
    assert safe_cell(text) == "'" + text
    assert safe_cell("plain text") == "plain text" and safe_cell(-3.5) == -3.5 and safe_cell(7) == 7


def _csv_cells(path: Path) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(path.read_text(encoding="utf-8"))) for cell in row]


def test_export_all_formats(tmp_path: Path, bundle, capsys) -> None:
    record = bot_record(notes=NOTES, player="=cmd|' /C calc'!A0")
    from game.records import save_record
    path = save_record(tmp_path / "r.json", record)
    for fmt in ("html", "csv", "json"):
        out = tmp_path / f"debrief.{fmt}"
        assert main(["export", str(path), "--format", fmt, "--out", str(out), "--without", "2:1"]) == 0
        assert out.stat().st_size > 1000
    cells = _csv_cells(tmp_path / "debrief.csv")
    assert not [c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r")]
    assert "'=cmd|' /C calc'!A0" in cells and "'=HYPERLINK(\"http://evil.invalid\",\"x\")" in cells
    assert "-" not in {c[:1] for c in cells if not _number(c)}
    data = json.loads((tmp_path / "debrief.json").read_text(encoding="utf-8"))
    assert data["format"] == "pressure-points-debrief" and data["verified"] is True
    assert data["counterfactual"]["turn"] == 2 and data["readings"][0]["country"] == "MEX"
    page = (tmp_path / "debrief.html").read_text(encoding="utf-8")
    assert "<svg" in page and "Counterfactual" in page and "&lt;" not in NOTES["text"]["GTM"]


def _number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def test_export_bad_option_and_format_from_extension(record_path: Path, tmp_path: Path, capsys) -> None:
    assert main(["export", str(record_path), "--out", str(tmp_path / "a.json")]) == 0
    assert json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))["format"] == "pressure-points-debrief"
    assert main(["export", str(record_path), "--out", str(tmp_path / "b.html"), "--without", "two"]) == 2
    assert main(["export", str(record_path), "--out", str(tmp_path / "c.html"), "--without", "99:1"]) == 1
    assert "no month" in capsys.readouterr().err


def test_html_escapes_player_text(tmp_path: Path, bundle) -> None:
    notes = {"guesses": {}, "text": {"MEX": "<script>alert(1)</script>"}}
    page = render(build_debrief(bot_record(notes=notes, player="<b>x</b>"), bundle), "html")
    assert "<script>" not in page and "&lt;script&gt;" in page and "&lt;b&gt;x&lt;/b&gt;" in page
