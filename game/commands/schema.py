"""``schema [--out DIR]``: write the JSON Schemas of the data files (default ``data/schema``).

Text editors use them to complete and check the TOML (``#:schema ./schema/countries.schema.json``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from game import paths as game_paths
from game.loading import write_schemas
from game.i18n import _


def add_parser(subparsers: Any) -> None:
    """Register the ``schema`` subcommand."""
    parser = subparsers.add_parser(
        "schema",
        help=_("write the JSON Schemas of the data files"),
        description=_("Write one JSON Schema per kind of data file (countries, levers, asks, events, "
        "scenarios, and data for any other .toml) for editors that check TOML."),
    )
    parser.add_argument("--out", metavar="DIR", type=Path, default=None,
                        help=_("folder to write to (default: the schema folder beside the data)"))
    parser.set_defaults(func=run)


def _shown(path: Path) -> str:
    """A written path, relative to the working folder when it is inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def run(args: argparse.Namespace) -> int:
    """Write the schemas and list them; returns the exit status."""
    out_dir: Path = args.out if args.out is not None else game_paths.schema_dir()
    try:
        written = write_schemas(out_dir)
    except OSError as exc:
        print(_("schema: cannot write to {path}: {error}").format(path=out_dir, error=exc.strerror or exc), file=sys.stderr)
        return 1
    except Exception as exc:  # last resort: a clean message, never a traceback
        print(_("schema: internal error ({kind}: {error}); please report it").format(kind=type(exc).__name__, error=exc), file=sys.stderr)
        return 1
    for path in written:
        print(_("wrote {path}").format(path=_shown(path)))
    return 0
