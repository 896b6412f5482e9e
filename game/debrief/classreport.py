"""Comparing a class: one row per record, and spreads per scenario, data version and mandate.

Records made with different data (fingerprint) or scenarios are put in separate groups, never
mixed. Scores come from replaying the record when the current data is the data it was made with
(so a hand-edited score changes nothing, and the row says the record does not match); records
made with other data are shown as recorded. A record that does not match its replay (NOT
MATCHING: hand-edited or damaged) is listed with its row but left out of every group statistic
and chart, and the report says so.
"""

from __future__ import annotations

import math
import statistics
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.content import ContentBundle
from game.debrief.reading import reading_score, readings
from game.debrief.tabular import csv_text
from game.engine import scorecard
from game.i18n import N_, _
from game.records.files import RecordError, load_record, record_files
from game.records.model import Record
from game.records.verify import replay_record, rules_for, scored_absolute, verify_record

TAMPERED = N_("NOT MATCHING")  # the checks are kept in English (stable in the CSV) and translated where shown
SCORED_VS_IDLE = N_("vs doing nothing")
SCORED_ABSOLUTE = N_("absolute (older record, not replayed)")
OBJECTIVES = ("agreements", "returns", "border_flow", "us_costs", "relations", "regional_standing",
              "credibility", "humanitarian")


@dataclass
class Row:
    """One record of the class."""

    file: str
    player: str
    scenario: str
    mandate: str
    seed: int
    fingerprint: str
    source: str
    months: int
    over: bool
    check: str  # verified, NOT MATCHING, verified (other data), other data, cannot replay
    total: float  # the score against doing nothing (an older record not replayed: its absolute score)
    objectives: dict[str, float] = field(default_factory=dict)  # absolute 0-100 scores
    gains: dict[str, float] = field(default_factory=dict)  # points over doing nothing, per objective
    absolute_total: float | None = None
    scoring: str = SCORED_VS_IDLE
    agreements_signed: int = 0
    agreements_in_force: int = 0
    credibility: float = 0.0
    threats_carried_out: int = 0
    bluffs_called: int = 0
    promises_kept: int = 0
    promises_broken: int = 0
    reading: float | None = None
    reading_by_country: dict[str, float] = field(default_factory=dict)


@dataclass
class Group:
    """The records of one scenario played with one version of the data."""

    scenario: str
    fingerprint: str
    rows: list[Row] = field(default_factory=list)

    def mandates(self) -> list[str]:
        """The mandates present, in first-seen order."""
        return list(dict.fromkeys(r.mandate for r in self.rows))

    def counted(self) -> list[Row]:
        """The rows that count in the statistics: every one but those that do not match their replay."""
        return [r for r in self.rows if r.check != TAMPERED]

    def left_out(self) -> list[Row]:
        """The rows left out of the statistics (NOT MATCHING)."""
        return [r for r in self.rows if r.check == TAMPERED]


@dataclass
class ClassReport:
    """Every row, grouped, and the files that could not be read."""

    groups: list[Group]
    skipped: list[str]
    current_fingerprint: str
    titles: dict[str, str] = field(default_factory=dict)  # what the page shows for a scenario's id
    mandates: dict[str, str] = field(default_factory=dict)  # ... and for a mandate's id

    def name(self, bundle: ContentBundle) -> None:
        """Show the scenarios' titles and the mandates' names as ``bundle`` writes them."""
        self.titles = {key: s.title for key, s in bundle.scenarios.items()}
        self.mandates = {key: m.name for s in reversed(bundle.scenarios.values()) for key, m in s.mandates.items()}

    @property
    def rows(self) -> list[Row]:
        """Every row of every group."""
        return [r for g in self.groups for r in g.rows]


def _number(value: Any, where: str) -> float:
    """A recorded score, or a ``RecordError`` naming the field when it is not a finite number."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise RecordError(_("{where} is {text}, not a number").format(
                              where=where, text=type(value).__name__ if value is not None else 'null'))
    return float(value)


def _from_record(row: Row, record: Record) -> None:
    """Fill the row from what the record says; a ``RecordError`` when its final scores are malformed."""
    last = record.turns[-1].outcome if record.turns else None
    final = record.final or {}
    row.total = _number(final["total"], "final.total") if "total" in final else (last.score if last else 0.0)
    objectives = final.get("objectives", {})
    if not isinstance(objectives, dict):
        raise RecordError(_("final.objectives is a {name}, not a table of scores").format(name=type(objectives).__name__))
    row.objectives = {str(k): _number(v, f"final.objectives.{k}") for k, v in objectives.items()}
    gains = final.get("gains", {})
    row.gains = {str(k): _number(v, f"final.gains.{k}") for k, v in gains.items()} if isinstance(gains, dict) else {}
    if "absolute_total" in final:
        row.absolute_total = _number(final["absolute_total"], "final.absolute_total")
    if scored_absolute(record):
        row.scoring, row.absolute_total = SCORED_ABSOLUTE, row.total
    if last is not None:
        row.agreements_signed = len(last.deals)
        row.agreements_in_force = sum(1 for s in last.deals.values() if s == "in_force")
        row.credibility = last.us.credibility
        row.threats_carried_out = sum(1 for s in last.threats.values() if s == "carried_out")
        row.bluffs_called = sum(1 for s in last.threats.values() if s == "bluff_called")
        row.promises_kept = sum(1 for s in last.promises.values() if s == "kept")
        row.promises_broken = sum(1 for s in last.promises.values() if s == "broken")


def record_row(path: Path, record: Record, bundle: ContentBundle) -> Row:
    """The class-report row of one record; a ``RecordError`` when the record's scores are malformed."""
    label = record.player or (_("bot: {strategy}").format(strategy=record.strategy) if record.strategy else path.stem)
    row = Row(file=path.name, player=label, scenario=record.scenario, mandate=record.mandate,
              seed=record.seed, fingerprint=record.fingerprint, source=record.source, months=len(record.turns),
              over=record.over, check=N_("cannot replay"), total=0.0)
    _from_record(row, record)
    try:
        rules = rules_for(record, bundle)
    except RecordError:
        return row
    items = readings(rules, record.notes)
    row.reading = reading_score(items)
    row.reading_by_country = {r.country: r.score for r in items}
    same_data = record.fingerprint == rules.fingerprint
    try:
        ok = verify_record(record, rules).ok
        state = replay_record(record, rules) if same_data else None
    except RecordError:
        return row
    if same_data:
        row.check = N_("verified") if ok else TAMPERED
    else:
        row.check = N_("verified (other data)") if ok else N_("other data")
    if state is not None:
        card = scorecard(state)
        row.total, row.objectives, row.gains = card.total, dict(card.objectives), dict(card.gains)
        row.absolute_total, row.scoring = card.absolute_total, SCORED_VS_IDLE
        row.agreements_signed = len(state.deals)
        row.agreements_in_force = sum(1 for d in state.deals if d.status == "in_force")
        row.credibility = round(state.us.credibility, 3)
        row.threats_carried_out, row.bluffs_called = card.threats_carried_out, card.bluffs_called
        row.promises_kept, row.promises_broken = card.promises_kept, card.promises_broken
    return row


def build_report(paths: list[str | Path], bundle: ContentBundle) -> ClassReport:
    """Read every record (files, or every ``*.json`` inside folders) and group them."""
    files, skipped = record_files(paths)
    rows: list[Row] = []
    for path in files:
        if path.name.endswith((".bak", ".tmp")):
            continue
        try:
            record = load_record(path)
        except RecordError as error:
            skipped.append(str(error))
            continue
        try:
            rows.append(record_row(path, record, bundle))
        except RecordError as error:
            skipped.append(_("{path} is damaged ({error}).").format(path=path, error=error))
            continue
    return group_rows(rows, skipped, bundle)


def group_rows(rows: list[Row], skipped: list[str], bundle: ContentBundle) -> ClassReport:
    """The report of some rows: grouped by scenario and data, sorted by mandate and score."""
    groups: dict[tuple[str, str], Group] = {}
    for row in rows:
        key = (row.scenario, row.fingerprint)
        groups.setdefault(key, Group(row.scenario, row.fingerprint)).rows.append(row)
    ordered = sorted(groups.values(), key=lambda g: (g.scenario, g.fingerprint != bundle.fingerprint, g.fingerprint))
    for group in ordered:
        group.rows.sort(key=lambda r: (r.mandate, -r.total, r.player))
    report = ClassReport(ordered, skipped, bundle.fingerprint)
    report.name(bundle)
    return report


def spread(values: list[float]) -> dict[str, float]:
    """n, mean, sd, min, median and max of some values."""
    if not values:
        return {"n": 0, "mean": 0.0, "sd": 0.0, "min": 0.0, "median": 0.0, "max": 0.0}
    return {"n": len(values), "mean": round(statistics.fmean(values), 2),
            "sd": round(statistics.pstdev(values), 2) if len(values) > 1 else 0.0,
            "min": round(min(values), 2), "median": round(statistics.median(values), 2), "max": round(max(values), 2)}


def group_stats(group: Group) -> list[dict[str, Any]]:
    """Per mandate: the spread of the total, reading, credibility and agreements, and mean objectives.

    Records that do not match their replay are left out (``left_out`` counts them).
    """
    out = []
    for mandate in group.mandates():
        rows = [r for r in group.counted() if r.mandate == mandate]
        entry: dict[str, Any] = {"scenario": group.scenario, "fingerprint": group.fingerprint, "mandate": mandate,
                                 "left_out": sum(1 for r in group.left_out() if r.mandate == mandate)}
        entry["total"] = spread([r.total for r in rows])
        entry["reading"] = spread([r.reading for r in rows if r.reading is not None])
        entry["credibility"] = spread([r.credibility for r in rows])
        entry["agreements_signed"] = spread([float(r.agreements_signed) for r in rows])
        entry["objectives"] = {k: spread([r.objectives[k] for r in rows if k in r.objectives])["mean"] for k in OBJECTIVES}
        entry["gains"] = {k: spread([r.gains[k] for r in rows if k in r.gains])["mean"] for k in OBJECTIVES}
        out.append(entry)
    return out


ROW_HEADER = ("file", "player", "scenario", "mandate", "seed", "data", "source", "months", "finished", "check",
              "in_statistics", "score_total", "scoring", "absolute_total", *(f"gain_{k}" for k in OBJECTIVES),
              *(f"score_{k}" for k in OBJECTIVES), "agreements_signed_count",
              "agreements_in_force_count", "credibility_at_end", "threats_carried_out", "bluffs_called",
              "promises_kept", "promises_broken", "reading_score")


def row_cells(row: Row) -> list[Any]:
    """One CSV/HTML row of a record."""
    return [row.file, row.player, row.scenario, row.mandate, row.seed, row.fingerprint[:12], row.source, row.months,
            "yes" if row.over else "no", row.check, "no" if row.check == TAMPERED else "yes", row.total, row.scoring,
            "" if row.absolute_total is None else row.absolute_total, *(row.gains.get(k, "") for k in OBJECTIVES),
            *(row.objectives.get(k, "") for k in OBJECTIVES),
            row.agreements_signed, row.agreements_in_force, row.credibility, row.threats_carried_out,
            row.bluffs_called, row.promises_kept, row.promises_broken, "" if row.reading is None else row.reading]


def rows_csv(report: ClassReport) -> str:
    """One row per record."""
    return csv_text(ROW_HEADER, (row_cells(r) for r in report.rows))


GROUP_HEADER = ("scenario", "data", "mandate", "records_counted", "records_left_out_not_matching",
                "score_total_mean", "score_total_sd", "score_total_min", "score_total_median", "score_total_max",
                "reading_score_mean", "credibility_at_end_mean", "agreements_signed_count_mean",
                *(f"gain_{k}_mean" for k in OBJECTIVES), *(f"score_{k}_mean" for k in OBJECTIVES))


def groups_csv(report: ClassReport) -> str:
    """One row per scenario, data version and mandate."""
    rows = []
    for group in report.groups:
        for e in group_stats(group):
            t = e["total"]
            rows.append([e["scenario"], e["fingerprint"][:12], e["mandate"], t["n"], e["left_out"], t["mean"], t["sd"], t["min"],
                         t["median"], t["max"], e["reading"]["mean"], e["credibility"]["mean"],
                         e["agreements_signed"]["mean"], *(e["gains"][k] for k in OBJECTIVES),
                         *(e["objectives"][k] for k in OBJECTIVES)])
    return csv_text(GROUP_HEADER, rows)
