"""Class reports on real records, ``replay``/``simulate --records``, and the ``balance`` command."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from records_helpers import NOTES, bot_record, rewrite

from game.cli import main
from game.commands import balance as balance_command
from game.debrief.classreport import build_report
from game.engine.autoplay import StrategyResult
from game.records import load_record, save_record, verify_record


def _class_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "class"
    for i, (scenario, mandate, strategy) in enumerate([
            ("default", "balanced", "balanced"), ("default", "balanced", "hardline"),
            ("default", "humanitarian", "incentives"), ("tutorial", "balanced", "random")]):
        player = "=1+2" if i == 0 else f"Student {i}"
        save_record(folder / f"s{i}.json", bot_record(scenario, mandate, 20 + i, strategy, notes=NOTES, player=player))
    other = save_record(folder / "sub" / "old-data.json", bot_record("default", "balanced", 40, "balanced"))
    rewrite(other, lambda d: d.__setitem__("fingerprint", "f" * 64))
    edited = save_record(folder / "sub" / "edited.json", bot_record("default", "balanced", 41, "hardline"))
    rewrite(edited, lambda d: d["final"].__setitem__("total", 99.0))
    (folder / "notes.json").write_text('{"not": "a record"}', encoding="utf-8")
    return folder


def test_report_groups_by_scenario_and_data(tmp_path: Path, bundle) -> None:
    report = build_report([_class_folder(tmp_path)], bundle)
    keys = [(g.scenario, g.fingerprint == bundle.fingerprint, len(g.rows)) for g in report.groups]
    assert keys == [("default", True, 4), ("default", False, 1), ("tutorial", True, 1)]
    assert len(report.skipped) == 1 and "notes.json" in report.skipped[0]
    checks = {r.file: r.check for r in report.rows}
    assert checks["edited.json"] == "NOT MATCHING" and checks["old-data.json"] == "verified (other data)"
    assert checks["s0.json"] == "verified"
    edited = next(r for r in report.rows if r.file == "edited.json")
    assert edited.total != 99.0  # the replay's score, not the edited one
    assert next(r for r in report.rows if r.file == "s1.json").reading is not None


def test_report_command_writes_html_and_csv(tmp_path: Path, capsys) -> None:
    folder = _class_folder(tmp_path)
    out = tmp_path / "out"
    assert main(["report", str(folder), str(folder / "s0.json"), "--out", str(out)]) == 0
    captured = capsys.readouterr()
    assert "6 records in 3 groups" in captured.out and "skipped" in captured.err
    page = (out / "class-report.html").read_text(encoding="utf-8")
    assert page.count('<svg class="chart"') == 6 and "NOT MATCHING" in page
    rows = list(csv.DictReader(io.StringIO((out / "class-records.csv").read_text(encoding="utf-8"))))
    assert len(rows) == 6 and {r["scenario"] for r in rows} == {"default", "tutorial"}
    assert next(r for r in rows if r["file"] == "s0.json")["player"] == "'=1+2"
    groups = list(csv.DictReader(io.StringIO((out / "class-groups.csv").read_text(encoding="utf-8"))))
    assert {(g["scenario"], g["mandate"]) for g in groups} == {
        ("default", "balanced"), ("default", "humanitarian"), ("tutorial", "balanced")}
    humanitarian = next(g for g in groups if g["mandate"] == "humanitarian")
    assert -100 <= float(humanitarian["score_total_mean"]) <= 100 and humanitarian["gain_relations_mean"] != ""


def test_report_with_nothing_readable(tmp_path: Path, capsys) -> None:
    (tmp_path / "x.json").write_text("nope", encoding="utf-8")
    assert main(["report", str(tmp_path), str(tmp_path / "missing"), "--out", str(tmp_path / "o")]) == 1
    err = capsys.readouterr().err
    assert "no readable record" in err and "Traceback" not in err


def test_simulate_and_replay_write_records(tmp_path: Path, bundle, capsys) -> None:
    folder = tmp_path / "recs"
    assert main(["simulate", "--scenario", "tutorial", "--mandate", "all", "--strategy", "random",
                 "--games", "2", "--records", str(folder)]) == 0
    orders = tmp_path / "orders.json"
    orders.write_text(json.dumps({"scenario": "tutorial", "mandate": "hardline", "seed": 4, "turns": [
        [{"kind": "engage", "country": "MEX", "lever": "diplomatic_call"}],
        [{"kind": "propose", "country": "GTM", "asks": {"return_flights": 1}, "offers": ["aid_package"]}]]}),
        encoding="utf-8")
    assert main(["replay", str(orders), "--records", str(folder)]) == 0
    files = sorted(folder.glob("*.json"))
    assert len(files) == 3 * 2 + 1
    for path in files:
        assert verify_record(load_record(path), bundle).ok
    assert {load_record(p).source for p in files} == {"simulate", "replay"}


class _Fake:
    """``run_mandates`` stand-in that returns chosen results (the same under every mandate)."""

    def __init__(self, rules) -> None:
        self.rules = rules
        self.countries = rules.order

    def __call__(self, rules, strategy, games, seed, name=None) -> dict[str, StrategyResult]:
        score = {"hardline": 70.0, "incentives": 50.0, "balanced": 60.0, "random": 20.0, "idle": 55.0}.get(strategy, 40.0)
        agreements = {c: (0.0 if c == self.countries[-1] else 0.8) for c in self.countries}
        objectives = {"agreements": 60.0, "returns": 10.0 if strategy != "random" else 30.0, "credibility": 80.0}
        result = StrategyResult(strategy, games, 0.1, 10.0, score, 1.0, score - 2, score + 2, objectives, agreements)
        return dict.fromkeys(self.rules.mandates, result)


def test_balance_flags(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    from records_helpers import rules
    r = rules("northern_triangle")
    monkeypatch.setattr(balance_command, "run_mandates", _Fake(r))
    result = balance_command.check_scenario(r, 5, 1, ["hardline", "incentives", "balanced", "random"], restarts=0)
    text = "\n".join(result.flags)
    assert "DOMINANT STRATEGY: 'hardline'" in text
    assert f"NEVER AGREES: {r.countries[r.order[-1]].name}" in text and text.count("NEVER AGREES") == 1
    assert "UNREACHED OBJECTIVE" in text and "'returns'" in text and "'agreements'" not in text
    assert text.count("IDLE TOO CLOSE") == len(r.mandates) and "only 15.0 points" in text
    assert main(["balance", "--scenario", "northern_triangle", "--games", "2", "--restarts", "0", "--strict"]) == 1
    out = capsys.readouterr()
    assert "! DOMINANT STRATEGY" in out.out and "internal error" not in out.err


def test_balance_command_runs_the_real_bots(capsys) -> None:
    assert main(["balance", "--scenario", "tutorial", "--games", "3"]) == 0
    out = capsys.readouterr().out
    for strategy in ("hardline", "incentives", "balanced", "random"):
        assert strategy in out
    assert "Mean score" in out and "agreement" in out and "0 flags in 1 scenario." in out
    assert main(["balance", "--scenario", "nowhere", "--games", "1"]) == 2
    assert main(["balance", "--games", "0"]) == 2


def test_a_tampered_record_is_left_out_of_the_statistics(tmp_path: Path, bundle) -> None:
    from game.debrief.classpage import report_html
    from game.debrief.classreport import GROUP_HEADER, ROW_HEADER, group_stats, groups_csv, rows_csv
    folder = tmp_path / "class"
    save_record(folder / "a.json", bot_record("default", "balanced", 50, "balanced", player="Ana"))
    edited = save_record(folder / "b.json", bot_record("default", "balanced", 51, "hardline", player="Ben"))
    rewrite(edited, lambda d: d["final"].__setitem__("total", 99.0))
    report = build_report([folder], bundle)
    (group,) = report.groups
    honest = next(r for r in group.rows if r.player == "Ana")
    (stats,) = group_stats(group)
    assert stats["total"]["n"] == 1 and stats["total"]["mean"] == round(honest.total, 2) and stats["left_out"] == 1
    page = report_html(report)
    assert "Left out of the statistics" in page and "Ben" in page
    assert len(set(ROW_HEADER)) == len(ROW_HEADER) and len(set(GROUP_HEADER)) == len(GROUP_HEADER)
    rows = {r["player"]: r for r in csv.DictReader(io.StringIO(rows_csv(report)))}
    assert rows["Ben"]["in_statistics"] == "no" and rows["Ana"]["in_statistics"] == "yes"
    (g,) = list(csv.DictReader(io.StringIO(groups_csv(report))))
    assert g["records_counted"] == "1" and g["records_left_out_not_matching"] == "1"
    head = page.split('class="records"', 1)[1].split("</tr>", 1)[0]
    cells = [c.split(">", 1)[1].split("<", 1)[0] for c in head.split("<th")[1:]]
    assert len(cells) == len(set(cells)), cells
