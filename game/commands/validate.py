"""``validate [PATH ...]``: check the data files and print every problem, one per line.

Exit status 0 when there is no error (warnings are allowed), 1 otherwise. Never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from game.i18n import _, language_name, ngettext
from game.i18n.formats import counted, number, percent
from game.loading import LoadResult, load_content


def add_parser(subparsers: Any) -> None:
    """Register the ``validate`` subcommand."""
    parser = subparsers.add_parser(
        "validate",
        help=_("check the data files and list every problem"),
        description=_("Check the TOML data files (by default the shipped data folder) and their "
                      "translations (each folder's i18n/<lang>/), and print every problem as "
                      "PATH:LINE:COL: error|warning: field: message, then how complete each "
                      "language is. Exit status 0 when there are no errors (warnings are allowed), "
                      "1 otherwise."),
    )
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help=_("data folders (every *.toml directly inside) or single .toml files"))
    parser.set_defaults(func=run)


def summary(result: LoadResult) -> str:
    """The last line: ``3 errors, 1 warning in 5 files`` or ``ok: 5 files, 12 countries, ...``."""
    files = counted(len(result.files), "{n} file", "{n} files")
    warnings = counted(len(result.warnings), "{n} warning", "{n} warnings")
    if not result.ok or result.bundle is None:
        errors = counted(len(result.errors), "{n} error", "{n} errors")
        return _("{errors}, {warnings} in {files}").format(errors=errors, warnings=warnings, files=files)
    bundle = result.bundle
    counts = ", ".join([
        counted(len(bundle.countries), "{n} country", "{n} countries"),
        counted(len(bundle.levers), "{n} lever", "{n} levers"),
        counted(len(bundle.asks), "{n} ask", "{n} asks"),
        counted(len(bundle.events), "{n} event", "{n} events"),
        counted(len(bundle.scenarios), "{n} scenario", "{n} scenarios"),
    ])
    text = _("ok: {files}, {counts}").format(files=files, counts=counts)
    return text + (f" ({warnings})" if result.warnings else "")


def completeness_lines(result: LoadResult) -> list[str]:
    """One line per language the data is translated into: how many of its texts are."""
    lines = []
    for item in result.completeness:
        share = percent(item.percent / 100, 0 if item.done in (0, item.total) else 1)
        lines.append(ngettext("translation {code} ({name}): {share}, {done} of {total} text",
                              "translation {code} ({name}): {share}, {done} of {total} texts", item.total).format(
            code=item.language, name=language_name(item.language), share=share,
            done=number(item.done), total=number(item.total)))
    return lines


def run(args: argparse.Namespace) -> int:
    """Validate, print the problems and the summary; returns the exit status."""
    try:
        result = load_content(list(args.paths) or None, check_languages=True)
        for problem in result.problems:
            print(problem.format())
        for line in completeness_lines(result):
            print(line)
        print(summary(result))
        return 0 if result.ok else 1
    except Exception as exc:  # last resort: a clean message, never a traceback
        print(_("validate: internal error ({kind}: {error}); please report it").format(
            kind=type(exc).__name__, error=exc), file=sys.stderr)
        return 1
