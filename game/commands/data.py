"""``data [init [DIR]] [--force]``: where the game reads its data, and an editable copy of it.

``data`` says which data folder the game reads from here (see :mod:`game.paths`). ``data init``
copies the data shipped with the game into DIR (default: the ``data`` folder in the user data
folder, which the game reads whenever the current folder has no ``./data``) so an instructor can
edit it; a folder that already holds data files is left alone unless ``--force`` is given.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path
from typing import Any

from game import paths as game_paths
from game.cli import COMMANDS
from game.i18n import _


def add_parser(subparsers: Any) -> None:
    """Register the ``data`` subcommand."""
    parser = subparsers.add_parser(
        "data",
        help=_(COMMANDS["data"]),
        description=_("Without an action: say which data folder the game reads from the current folder "
        "(./data when it has one, else the data folder in your user data folder once 'data init' has "
        "filled it, else the data shipped with the game). 'data init [DIR]' copies the shipped data "
        "into DIR (default: the data folder in your user data folder) for editing."),
    )
    parser.add_argument("action", nargs="?", choices=("where", "init"), default="where",
                        help=_("where (default): show the folder in use; init: copy the shipped data for editing"))
    parser.add_argument("dir", nargs="?", type=Path, metavar="DIR",
                        help=_("for init: the folder to copy into (default: the data folder in your user data folder)"))
    parser.add_argument("--force", action="store_true", help=_("for init: overwrite data files already in DIR"))
    parser.set_defaults(func=run)


def where() -> int:
    """Print the folder in use and how to change it."""
    source = game_paths.data_source()
    print(_("The game reads its data from {shown} ({origin}).").format(
              shown=game_paths.shown(source.path), origin=source.origin))
    print(_("Editable copy (made by '{command_name} data init'): {user_data_dir}").format(
              command_name=game_paths.command_name(), user_data_dir=game_paths.user_data_dir()))
    print(_("A folder named 'data' in the current folder is read first; '--data PATH' overrides both."))
    return 0


def init(target: Path | None, force: bool) -> int:
    """Copy the shipped data into ``target``; returns the exit status."""
    source = game_paths.shipped_data_dir()
    folder = target if target is not None else game_paths.user_data_dir()
    if folder.exists() and not folder.is_dir():
        print(_("data init: {folder} is a file, not a folder").format(folder=folder), file=sys.stderr)
        return 1
    existing = sorted(p.name for p in folder.glob("*.toml")) if folder.is_dir() else []
    if existing and not force:
        print(_("data init: {folder} already holds data files ({join}); they were left as they are. Use "
                 "--force to replace them with the shipped data.").format(folder=folder, join=', '.join(existing)), file=sys.stderr)
        return 1
    try:
        shutil.copytree(source, folder, dirs_exist_ok=True)
    except (OSError, shutil.Error) as error:
        print(_("data init: could not copy the data into {folder} ({error})").format(folder=folder, error=error), file=sys.stderr)
        return 1
    count = len(list(folder.glob("*.toml")))
    label = game_paths.data_label([game_paths.shown(folder)])
    print(_("copied {count} data files into {shown}").format(count=count, shown=game_paths.shown(folder)))
    print(_("Edit them, then check them with: {command_name} validate {label}").format(
              command_name=game_paths.command_name(), label=label))
    if target is None:
        print(_("The game reads this folder whenever it is started from a folder without ./data."))
    else:
        print(_("Play with them: {command_name} play --data {label} (or start the game from the folder that "
                 "contains them as ./data).").format(command_name=game_paths.command_name(), label=label))
    return 0


def run(args: argparse.Namespace) -> int:
    """The command's entry point."""
    if args.action == "init":
        return init(args.dir, args.force)
    if args.dir is not None:
        print(_("data: a folder is only taken by 'data init DIR'"), file=sys.stderr)
        return 2
    return where()
