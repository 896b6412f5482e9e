"""Command-line entry point: ``python main.py``, ``python -m game`` and ``pressure-points``.

Each subcommand lives in its own module under ``game.commands`` with ``add_parser(subparsers)``
(which registers it and sets ``func``); ``COMMANDS`` lists them with their help, and only the
module of the command being run is imported.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys
from collections.abc import Sequence

# Every command and its one-line help, in the order --help shows; the first is the default when no
# subcommand is given. A command's module is imported only when that command runs (its imports,
# e.g. the data loader or pydantic models, would otherwise slow every start, the game's included).
COMMANDS: dict[str, str] = {
    "play": "play the game (the default)",
    "validate": "check the data files and list every problem",
    "schema": "write the JSON Schemas of the data files",
    "tour": "render every screen to PNG files",
    "replay": "play a scripted game from an orders file",
    "simulate": "play many games with the autoplay strategies and compare scores",
    "verify": "replay a session record and confirm every outcome and the final score",
    "export": "export the debrief of a session record as HTML, CSV or JSON",
    "report": "compare the session records of a class (HTML and CSV)",
    "balance": "run every bot strategy over many seeds and flag balance problems in the data",
}


def chosen_command(args: Sequence[str]) -> str | None:
    """The subcommand the arguments name (None for a bare --help or an unknown command)."""
    for arg in args:
        if arg in COMMANDS:
            return arg
        if not arg.startswith("-"):
            return None  # an unknown command: argparse lists the valid ones
    return None


def build_parser(command: str | None = "*") -> argparse.ArgumentParser:
    """The argument parser: every subcommand listed with its help; only ``command``'s module is
    imported to add its own arguments ("*": every module, e.g. to document them all)."""
    parser = argparse.ArgumentParser(
        prog="pressure-points",
        description="Pressure Points: a game of migration diplomacy in the Americas. "
        "With no subcommand the game starts (the same as 'play').",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, text in COMMANDS.items():
        if command not in (name, "*"):
            sub.add_parser(name, help=text, add_help=False)
            continue
        try:
            module = importlib.import_module(f"game.commands.{name}")
        except ImportError as error:  # a missing optional dependency must not break other commands
            _unavailable(sub, name, error)
            continue
        module.add_parser(sub)
    return parser


def _unavailable(sub: argparse._SubParsersAction, name: str, error: ImportError) -> None:
    """Register a command whose module could not be imported; running it explains why."""
    reason = f"the '{name}' command is unavailable: {error}. Reinstall the game with its dependencies."
    parser = sub.add_parser(name, help=f"(unavailable: {error.name or error})")

    def run(_args: argparse.Namespace) -> int:
        print(f"pressure-points: {reason}", file=sys.stderr)
        return 2

    parser.set_defaults(func=run)


def main(argv: Sequence[str] | None = None) -> int:
    """Parse arguments and run the chosen subcommand; returns the process exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or (args_list[0].startswith("-") and args_list[0] not in ("-h", "--help")):
        args_list = [next(iter(COMMANDS)), *args_list]
    parser = build_parser(chosen_command(args_list))
    args = parser.parse_args(args_list)
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into e.g. `head`: end quietly
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception as exc:  # noqa: BLE001 - last resort for every command: one clean line, never a traceback
        print(f"pressure-points {args.command}: internal error ({type(exc).__name__}: {exc}); please report it",
              file=sys.stderr)
        return 1
