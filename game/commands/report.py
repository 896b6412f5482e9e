"""``report RECORD... --out DIR``: compare a class's records side by side, as HTML and CSV.

RECORD may be record files or folders (every ``*.json`` inside, recursively). Writes
``class-report.html``, ``class-records.csv`` (one row per record) and ``class-groups.csv``
(spreads per scenario, data version and mandate) into DIR. Unreadable files are listed, not fatal.
Exit status 0 when at least one record was read, 1 otherwise. Never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from game.commands._scripting import add_data_option, load_bundle
from game.debrief.classpage import report_html
from game.debrief.classreport import build_report, groups_csv, rows_csv
from game.records import atomic_write
from game.i18n import _
from game.i18n.formats import counted


def add_parser(subparsers: Any) -> None:
    """Register the ``report`` subcommand."""
    parser = subparsers.add_parser(
        "report",
        help=_("compare the session records of a class (HTML and CSV)"),
        description=_("Read records (files or folders of records), verify each by replaying it, and write a "
        "class comparison: one row per record (score per objective, agreements, credibility, reading of "
        "priorities) and spreads and charts per scenario and mandate. Records from different data or "
        "scenarios are grouped separately."),
    )
    parser.add_argument("records", nargs="+", metavar="RECORD", help=_("record files or folders of records"))
    parser.add_argument("--out", metavar="DIR", required=True, help=_("folder to write the report into"))
    add_data_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Build the report and write its files; returns the exit status."""
    bundle = load_bundle(args.data, "report")
    if bundle is None:
        return 1
    report = build_report(list(args.records), bundle)
    for problem in report.skipped:
        print(_("report: skipped: {problem}").format(problem=problem), file=sys.stderr)
    if not report.rows:
        print(_("report: no readable record found"), file=sys.stderr)
        return 1
    out = Path(args.out)
    files = {"class-report.html": report_html(report), "class-records.csv": rows_csv(report),
             "class-groups.csv": groups_csv(report)}
    try:
        for name, text in files.items():
            atomic_write(out / name, text)
    except OSError as error:
        print(_("report: could not write into {path} ({error})").format(path=out, error=error.strerror or error), file=sys.stderr)
        return 1
    flagged = sum(1 for r in report.rows if r.check == "NOT MATCHING")
    records = counted(len(report.rows), "{n} record", "{n} records")
    groups = counted(len(report.groups), "{n} group", "{n} groups")
    print(_("{records} in {groups}; wrote {files} into {path}").format(
        records=records, groups=groups, files=", ".join(files), path=out))
    if flagged:
        print(_("report: warning: {records} do not match their replay (see the Check column)").format(
            records=counted(flagged, "{n} record", "{n} records")), file=sys.stderr)
    return 0
