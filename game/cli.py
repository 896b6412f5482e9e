"""Command-line entry point: ``python main.py``, ``python -m game`` and ``pressure-points``.

Each subcommand lives in its own module under ``game.commands`` with ``add_parser(subparsers)``
(which registers it and sets ``func``) and is imported only when listed in ``COMMANDS``.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from typing import Sequence

# Order is the order shown in --help; the first is the default when no subcommand is given.
COMMANDS: tuple[str, ...] = (
    "play",
    "validate",
    "schema",
    "tour",
    "replay",
    "simulate",
    "verify",
    "export",
    "report",
    "balance",
    "classroom",
)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand registered."""
    parser = argparse.ArgumentParser(
        prog="pressure-points",
        description="Pressure Points: a game of migration diplomacy in the Americas. "
        "With no subcommand the game starts (the same as 'play').",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
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
    parser = build_parser()
    if not args_list or (args_list[0].startswith("-") and args_list[0] not in ("-h", "--help")):
        args_list = [COMMANDS[0], *args_list]
    args = parser.parse_args(args_list)
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into e.g. `head`: end quietly
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return 1
    except Exception as exc:  # last resort for every command: one clean line, never a traceback
        print(f"pressure-points {args.command}: internal error ({type(exc).__name__}: {exc}); please report it",
              file=sys.stderr)
        return 1
