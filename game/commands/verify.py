"""``verify RECORD [--data PATH] [--json]``: replay a session record and confirm every outcome and the score.

Exit status 0 when the record matches its replay, 1 when it does not (every difference is listed
with its month and field) or cannot be read. Never a traceback.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from typing import Any

from game.cli import COMMANDS
from game.commands._scripting import add_data_option, load_bundle
from game.i18n import _
from game.records import RecordError, recover_record, verify_record

SHOWN = 25


def add_parser(subparsers: Any) -> None:
    """Register the ``verify`` subcommand."""
    parser = subparsers.add_parser(
        "verify",
        help=_(COMMANDS["verify"]),
        description=_("Replay a record (scenario, mandate, seed and every month's actions) and compare each "
        "month's outcome and the final scorecard with what the record says. Exit status 0 when everything "
        "matches, 1 when something differs or the record cannot be read."),
    )
    parser.add_argument("record", metavar="RECORD", help=_("a record file (.json)"))
    parser.add_argument("--json", action="store_true", help=_("print the verdict as one JSON document"))
    add_data_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Verify the record and print the verdict; returns the exit status."""
    try:
        record, source = recover_record(args.record)
    except RecordError as error:
        print(_("verify: {error}").format(error=error), file=sys.stderr)
        return 1
    if str(source) != str(args.record):
        print(_("verify: {record} is missing or damaged; its previous version {source} is used").format(
                  record=args.record, source=source), file=sys.stderr)
    bundle = load_bundle(args.data, "verify")
    if bundle is None:
        return 1
    result = verify_record(record, bundle)
    if args.json:
        data = dataclasses.asdict(result)
        data["mismatches"] = [{"turn": m.turn, "field": m.field, "recorded": repr(m.recorded),
                               "replayed": repr(m.replayed)} for m in result.mismatches]
        data["summary"] = result.summary()
        print(json.dumps(data, indent=2))
        return 0 if result.ok else 1
    heading = (_("Record by {player}: scenario '{scenario}', mandate '{mandate}', seed {seed}, {played} of {total} months")
               if record.player else
               _("Record: scenario '{scenario}', mandate '{mandate}', seed {seed}, {played} of {total} months"))
    print(heading.format(player=record.player, scenario=record.scenario, mandate=record.mandate, seed=record.seed,
                         played=len(record.turns), total=record.turns_total))
    for warning in result.warnings:
        print(_("warning: {warning}").format(warning=warning))
    for mismatch in result.mismatches[:SHOWN]:
        print(f"  {mismatch}")
    if len(result.mismatches) > SHOWN:
        print("  " + _("... and {n} more").format(n=len(result.mismatches) - SHOWN))
    print(result.summary())
    return 0 if result.ok else 1
