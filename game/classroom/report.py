"""The class report of a hosted class: the existing class comparison, built from the database.

``class_report`` gives the same ``ClassReport`` the ``report`` command builds from files (one row
per student, replayed and checked); ``report_data`` is its JSON form for the dashboard;
``write_export`` writes the report's files and every record into a folder.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from game.classroom.checker import parse_stored
from game.classroom.dashboard_text import shown_bundle
from game.classroom.room import Room
from game.classroom.store import Store
from game.content import ContentBundle
from game.debrief.classpage import report_html
from game.debrief.classreport import (
    OBJECTIVES,
    ROW_HEADER,
    ClassReport,
    group_rows,
    group_stats,
    groups_csv,
    record_row,
    row_cells,
    rows_csv,
)
from game.records import atomic_write, save_record
from game.records.model import Record


def _file_name(sid: int, name: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9]+", "-", name).strip("-").lower()[:40] or "student"
    return f"{sid:03d}-{slug}.json"


def stored_records(store: Store) -> tuple[list[tuple[str, Record]], list[str]]:
    """Every student's record as (file name, record), and why any could not be read."""
    out: list[tuple[str, Record]] = []
    skipped: list[str] = []
    for row in store.all_students(with_records=True):
        if row.record is None:
            continue
        name = _file_name(row.id, row.name)
        try:
            record = parse_stored(row.record)
        except ValidationError as error:
            skipped.append(f"{name}: {str(error).splitlines()[0]}")
            continue
        record.player = row.name
        out.append((name, record))
    return out, skipped


def build_class_report(store: Store, bundle: ContentBundle) -> ClassReport:
    """The class comparison of every record in the database."""
    records, skipped = stored_records(store)
    return group_rows([record_row(Path(name), record, bundle) for name, record in records], skipped, bundle)


def class_report(room: Room) -> ClassReport:
    """The class comparison of a hosted class."""
    return build_class_report(room.store, room.bundle)


def report_data(report: ClassReport) -> dict[str, Any]:
    """The report as JSON for the dashboard: the row table and each group's spread by mandate."""
    return {"header": list(ROW_HEADER), "objectives": list(OBJECTIVES),
            "rows": [row_cells(row) for row in report.rows],
            "groups": [stats for group in report.groups for stats in group_stats(group)],
            "skipped": report.skipped}


def write_export(store: Store, bundle: ContentBundle, out: Path) -> list[Path]:
    """Write the class report (HTML and CSV) and every record into ``out``; returns the files written.

    Raises ``OSError`` or ``RecordError`` when a file cannot be written."""
    report = build_class_report(store, bundle)
    report.name(shown_bundle(bundle))  # the scenarios' and mandates' names in the host's language
    written = []
    for name, text in (("class-report.html", report_html(report)), ("class-records.csv", rows_csv(report)),
                       ("class-groups.csv", groups_csv(report))):
        atomic_write(out / name, text)
        written.append(out / name)
    records, _ = stored_records(store)
    for name, record in records:
        written.append(save_record(out / "records" / name, record))
    return written
