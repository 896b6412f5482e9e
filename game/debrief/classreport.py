"""Comparing a class: one row per record, and spreads per scenario, data version and mandate.

Records made with different data (fingerprint) or scenarios are put in separate groups, never
mixed. Scores come from replaying the record when the current data is the data it was made with
(so a hand-edited score changes nothing, and the row says the record does not match); records
made with other data are shown as recorded.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.content import ContentBundle
from game.debrief.reading import readings, reading_score
from game.debrief.tabular import csv_text
from game.engine import scorecard
from game.records.files import RecordError, load_record, record_files
from game.records.model import Record
from game.records.verify import replay_record, rules_for, verify_record

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
    total: float
    objectives: dict[str, float] = field(default_factory=dict)
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


@dataclass
class ClassReport:
    """Every row, grouped, and the files that could not be read."""

    groups: list[Group]
    skipped: list[str]
    current_fingerprint: str

    @property
    def rows(self) -> list[Row]:
        """Every row of every group."""
        return [r for g in self.groups for r in g.rows]


def _from_record(row: Row, record: Record) -> None:
    last = record.turns[-1].outcome if record.turns else None
    final = record.final or {}
    row.total = float(final.get("total", last.score if last else 0.0))
    row.objectives = {k: float(v) for k, v in final.get("objectives", {}).items()}
    if last is not None:
        row.agreements_signed = len(last.deals)
        row.agreements_in_force = sum(1 for s in last.deals.values() if s == "in_force")
        row.credibility = last.us.credibility
        row.threats_carried_out = sum(1 for s in last.threats.values() if s == "carried_out")
        row.bluffs_called = sum(1 for s in last.threats.values() if s == "bluff_called")
        row.promises_kept = sum(1 for s in last.promises.values() if s == "kept")
        row.promises_broken = sum(1 for s in last.promises.values() if s == "broken")


def record_row(path: Path, record: Record, bundle: ContentBundle) -> Row:
    """The class-report row of one record."""
    label = record.player or (f"bot: {record.strategy}" if record.strategy else path.stem)
    row = Row(file=path.name, player=label, scenario=record.scenario, mandate=record.mandate,
              seed=record.seed, fingerprint=record.fingerprint, source=record.source, months=len(record.turns),
              over=record.over, check="cannot replay", total=0.0)
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
        row.check = "verified" if ok else "NOT MATCHING"
    else:
        row.check = "verified (other data)" if ok else "other data"
    if state is not None:
        card = scorecard(state)
        row.total, row.objectives = card.total, dict(card.objectives)
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
        rows.append(record_row(path, record, bundle))
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
    return ClassReport(ordered, skipped, bundle.fingerprint)


def spread(values: list[float]) -> dict[str, float]:
    """n, mean, sd, min, median and max of some values."""
    if not values:
        return {"n": 0, "mean": 0.0, "sd": 0.0, "min": 0.0, "median": 0.0, "max": 0.0}
    return {"n": len(values), "mean": round(statistics.fmean(values), 2),
            "sd": round(statistics.pstdev(values), 2) if len(values) > 1 else 0.0,
            "min": round(min(values), 2), "median": round(statistics.median(values), 2), "max": round(max(values), 2)}


def group_stats(group: Group) -> list[dict[str, Any]]:
    """Per mandate: the spread of the total, reading, credibility and agreements, and mean objectives."""
    out = []
    for mandate in group.mandates():
        rows = [r for r in group.rows if r.mandate == mandate]
        entry: dict[str, Any] = {"scenario": group.scenario, "fingerprint": group.fingerprint, "mandate": mandate}
        entry["total"] = spread([r.total for r in rows])
        entry["reading"] = spread([r.reading for r in rows if r.reading is not None])
        entry["credibility"] = spread([r.credibility for r in rows])
        entry["agreements_signed"] = spread([float(r.agreements_signed) for r in rows])
        entry["objectives"] = {k: spread([r.objectives[k] for r in rows if k in r.objectives])["mean"] for k in OBJECTIVES}
        out.append(entry)
    return out


ROW_HEADER = ("file", "player", "scenario", "mandate", "seed", "data", "source", "months", "finished", "check",
              "total", *(f"obj_{k}" for k in OBJECTIVES), "agreements_signed", "agreements_in_force", "credibility_end",
              "threats_carried_out",
              "bluffs_called", "promises_kept", "promises_broken", "reading")


def row_cells(row: Row) -> list[Any]:
    """One CSV/HTML row of a record."""
    return [row.file, row.player, row.scenario, row.mandate, row.seed, row.fingerprint[:12], row.source, row.months,
            "yes" if row.over else "no", row.check, row.total, *(row.objectives.get(k, "") for k in OBJECTIVES),
            row.agreements_signed, row.agreements_in_force, row.credibility, row.threats_carried_out,
            row.bluffs_called, row.promises_kept, row.promises_broken, "" if row.reading is None else row.reading]


def rows_csv(report: ClassReport) -> str:
    """One row per record."""
    return csv_text(ROW_HEADER, (row_cells(r) for r in report.rows))


GROUP_HEADER = ("scenario", "data", "mandate", "records", "total_mean", "total_sd", "total_min", "total_median",
                "total_max", "reading_mean", "credibility_end_mean", "agreements_signed_mean",
                *(f"obj_{k}_mean" for k in OBJECTIVES))


def groups_csv(report: ClassReport) -> str:
    """One row per scenario, data version and mandate."""
    rows = []
    for group in report.groups:
        for e in group_stats(group):
            t = e["total"]
            rows.append([e["scenario"], e["fingerprint"][:12], e["mandate"], t["n"], t["mean"], t["sd"], t["min"],
                         t["median"], t["max"], e["reading"]["mean"], e["credibility"]["mean"],
                         e["agreements_signed"]["mean"], *(e["objectives"][k] for k in OBJECTIVES)])
    return csv_text(GROUP_HEADER, rows)
