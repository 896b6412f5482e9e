"""``validate [PATH ...]``: check the data files and print every problem, one per line.

Exit status 0 when there is no error (warnings are allowed), 1 otherwise. Never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from game.loading import LoadResult, load_content
from game.loading.problems import plural
from game.paths import data_note


def add_parser(subparsers: Any) -> None:
    """Register the ``validate`` subcommand."""
    parser = subparsers.add_parser(
        "validate",
        help="check the data files and list every problem",
        description="Check the TOML data files (by default the shipped data folder) and print every "
        "problem as PATH:LINE:COL: error|warning: field: message. Exit status 0 when there are no "
        "errors (warnings are allowed), 1 otherwise.",
    )
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="data folders (every *.toml directly inside) or single .toml files")
    parser.set_defaults(func=run)


def summary(result: LoadResult) -> str:
    """The last line: ``3 errors, 1 warning in 5 files`` or ``ok: 5 files, 12 countries, ...``."""
    files = plural(len(result.files), "file")
    warnings = len(result.warnings)
    if not result.ok or result.bundle is None:
        return f"{plural(len(result.errors), 'error')}, {plural(warnings, 'warning')} in {files}"
    bundle = result.bundle
    counts = ", ".join(plural(len(getattr(bundle, section)), noun) for section, noun in (
        ("countries", "country"), ("levers", "lever"), ("asks", "ask"), ("events", "event"),
        ("scenarios", "scenario")))
    tail = f" ({plural(warnings, 'warning')})" if warnings else ""
    return f"ok: {files}, {counts}{tail}"


def run(args: argparse.Namespace) -> int:
    """Validate, print the problems and the summary; returns the exit status."""
    try:
        print(f"validate: {data_note(list(args.paths), given='named on the command line')}", file=sys.stderr)
        result = load_content(list(args.paths) or None)
        for problem in result.problems:
            print(problem.format())
        print(summary(result))
        return 0 if result.ok else 1
    except Exception as exc:  # last resort: a clean message, never a traceback
        print(f"validate: internal error ({type(exc).__name__}: {exc}); please report it", file=sys.stderr)
        return 1
