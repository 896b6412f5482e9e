"""``schema [--out DIR]``: write the JSON Schemas of the data files (default ``data/schema``).

Text editors use them to complete and check the TOML (``#:schema ./schema/countries.schema.json``).
``--with-ids`` also lists the ids the current data defines wherever an id is named (see
``game.loading.schemaids``); run it again after adding or renaming an id.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from game import paths as game_paths
from game.cli import COMMANDS
from game.i18n import _
from game.loading import write_schemas


def add_parser(subparsers: Any) -> None:
    """Register the ``schema`` subcommand."""
    parser = subparsers.add_parser(
        "schema",
        help=_(COMMANDS["schema"]),
        description=_("Write one JSON Schema per kind of data file (countries, levers, asks, events, "
        "scenarios, and data for any other .toml) for editors that check TOML."),
    )
    parser.add_argument("--out", metavar="DIR", type=Path, default=None,
                        help=_("folder to write to (default: the schema folder beside the data)"))
    parser.add_argument("--with-ids", action="store_true",
                        help=_("also list the ids of the current data (countries, levers, asks, events, scenarios) "
                               "where an id is named, so the editor completes them; run again after adding one"))
    parser.add_argument("--data", metavar="PATH", nargs="+", default=None,
                        help=_("with --with-ids: the data files or folder whose ids are listed (default: the game's data)"))
    parser.set_defaults(func=run)


def _shown(path: Path) -> str:
    """A written path, relative to the working folder when it is inside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _data_ids(data: list[str] | None) -> dict[str, list[str]] | None:
    """Section -> sorted ids of the data; None (after saying why) when the data has errors."""
    from game.loading import load_content
    result = load_content(data)
    if not result.ok or result.bundle is None:
        print(_("schema: the data has errors, so its ids cannot be listed; run validate and fix them first"),
              file=sys.stderr)
        return None
    bundle = result.bundle
    return {section: sorted(getattr(bundle, section)) for section in
            ("countries", "levers", "asks", "events", "scenarios")}


def run(args: argparse.Namespace) -> int:
    """Write the schemas and list them; returns the exit status."""
    out_dir: Path = args.out if args.out is not None else game_paths.schema_dir()
    ids = None
    if getattr(args, "with_ids", False):
        ids = _data_ids(getattr(args, "data", None))
        if ids is None:
            return 1
    try:
        written = write_schemas(out_dir, ids)
    except OSError as exc:
        print(_("schema: cannot write to {path}: {error}").format(path=out_dir, error=exc.strerror or exc), file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 - last resort: a clean message, never a traceback
        print(_("schema: internal error ({kind}: {error}); please report it").format(kind=type(exc).__name__, error=exc), file=sys.stderr)
        return 1
    for path in written:
        print(_("wrote {path}").format(path=_shown(path)))
    if ids is not None:
        print(_("listed the ids of the current data: {counts}; run this again after adding or renaming one")
              .format(counts=", ".join(f"{len(v)} {k}" for k, v in ids.items())))
    return 0
