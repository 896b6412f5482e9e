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

from game.commands._scripting import add_data_option, load_bundle
from game.records import RecordError, recover_record, verify_record

SHOWN = 25


def add_parser(subparsers: Any) -> None:
    """Register the ``verify`` subcommand."""
    parser = subparsers.add_parser(
        "verify",
        help="replay a session record and confirm every outcome and the final score",
        description="Replay a record (scenario, mandate, seed and every month's actions) and compare each "
        "month's outcome and the final scorecard with what the record says. Exit status 0 when everything "
        "matches, 1 when something differs or the record cannot be read.",
    )
    parser.add_argument("record", metavar="RECORD", help="a record file (.json)")
    parser.add_argument("--json", action="store_true", help="print the verdict as one JSON document")
    add_data_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Verify the record and print the verdict; returns the exit status."""
    try:
        record, source = recover_record(args.record)
    except RecordError as error:
        print(f"verify: {error}", file=sys.stderr)
        return 1
    if str(source) != str(args.record):
        print(f"verify: {args.record} is missing or damaged; its previous version {source} is used", file=sys.stderr)
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
    who = f" by {record.player}" if record.player else ""
    print(f"Record{who}: scenario '{record.scenario}', mandate '{record.mandate}', seed {record.seed}, "
          f"{len(record.turns)} of {record.turns_total} months")
    for warning in result.warnings:
        print(f"warning: {warning}")
    for mismatch in result.mismatches[:SHOWN]:
        print(f"  {mismatch}")
    if len(result.mismatches) > SHOWN:
        print(f"  ... and {len(result.mismatches) - SHOWN} more")
    print(result.summary())
    return 0 if result.ok else 1
