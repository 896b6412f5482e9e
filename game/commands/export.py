"""``export RECORD --format html|csv|json --out PATH``: the debrief of a record as a file.

HTML is a standalone page (inline SVG charts, no scripts, fonts or requests); CSV is one tidy
table for grading (formula-like cells neutralised); JSON is the whole debrief. ``--without
MONTH:N`` adds the counterfactual of the game without action N of that month. Exit status 0 on
success, 1 for an unreadable record or a failed write, 2 for a bad option. Never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from game.cli import COMMANDS
from game.commands._scripting import add_data_option, load_bundle
from game.debrief import FORMATS, build_debrief, render
from game.i18n import _
from game.records import RecordError, atomic_write, recover_record


def add_parser(subparsers: Any) -> None:
    """Register the ``export`` subcommand."""
    parser = subparsers.add_parser(
        "export",
        help=_(COMMANDS["export"]),
        description=_("Replay a record and write its debrief: a readable standalone HTML page (charts "
        "included, opens offline), or CSV/JSON for grading."),
    )
    parser.add_argument("record", metavar="RECORD", help=_("a record file (.json)"))
    parser.add_argument("--format", choices=FORMATS, default=None,
                        help=_("html, csv or json (default: from the extension of --out, else html)"))
    parser.add_argument("--out", metavar="PATH", required=True, help=_("the file to write"))
    parser.add_argument("--without", metavar="MONTH:N", default=None,
                        help=_("add the counterfactual: the game without action N (1-based) of that month"))
    add_data_option(parser)
    parser.set_defaults(func=run)


def parse_without(text: str | None) -> tuple[int, int] | None:
    """'3:2' -> (3, 1) (month, 0-based index); raises ValueError for anything else."""
    if text is None:
        return None
    month, _sep, number = text.partition(":")
    if not month.strip().isdigit() or not number.strip().isdigit() or int(number) < 1:
        raise ValueError(_("--without must be MONTH:N with whole numbers, N from 1 (not '{text}')").format(text=text))
    return int(month), int(number) - 1


def run(args: argparse.Namespace) -> int:
    """Build the debrief and write it; returns the exit status."""
    out = Path(args.out)
    fmt = args.format or (out.suffix.lstrip(".").lower() if out.suffix.lstrip(".").lower() in FORMATS else "html")
    try:
        without = parse_without(args.without)
    except ValueError as error:
        print(_("export: {error}").format(error=error), file=sys.stderr)
        return 2
    try:
        record, source = recover_record(args.record)
    except RecordError as error:
        print(_("export: {error}").format(error=error), file=sys.stderr)
        return 1
    if str(source) != str(args.record):
        print(_("export: {record} is missing or damaged; its previous version {source} is used").format(
                  record=args.record, source=source), file=sys.stderr)
    bundle = load_bundle(args.data, "export")
    if bundle is None:
        return 1
    try:
        debrief = build_debrief(record, bundle, without=without)
        atomic_write(out, render(debrief, fmt))
    except RecordError as error:
        print(_("export: {error}").format(error=error), file=sys.stderr)
        return 1
    except OSError as error:
        print(_("export: could not write {path} ({error})").format(path=out, error=error.strerror or error), file=sys.stderr)
        return 1
    if not debrief.verified:
        print(_("export: warning: {summary}").format(summary=debrief.verify_summary), file=sys.stderr)
    print(_("wrote {path} ({format})").format(path=out, format=fmt))
    return 0
