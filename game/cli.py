"""Command-line entry point: ``python main.py``, ``python -m game`` and ``pressure-points``.

Each subcommand lives in its own module under ``game.commands`` with ``add_parser(subparsers)``
(which registers it and sets ``func``); ``COMMANDS`` lists them with their help, and only the
module of the command being run is imported.

``--lang CODE`` is global (``pressure-points --lang es play``, or after the command): it is read
before the parser is built, because every help text is written in the chosen language. Without
it the language is the one remembered in the settings, else the system's.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys
from collections.abc import Sequence
from typing import Any

from game.i18n import N_, UnknownLanguage, _, available_languages, choose_language

# Every command and its one-line help (translated where shown), in the order --help shows; the first
# is the default when no subcommand is given. A command's module is imported only when that command
# runs: its imports (the data loader, pydantic models, ...) would otherwise slow every start.
COMMANDS: dict[str, str] = {
    "play": N_("play the game (the default)"),
    "validate": N_("check the data files and list every problem"),
    "schema": N_("write the JSON Schemas of the data files"),
    "tour": N_("render every screen to PNG files"),
    "replay": N_("play a scripted game from an orders file"),
    "simulate": N_("play many games with the autoplay strategies and compare scores"),
    "verify": N_("replay a session record and confirm every outcome and the final score"),
    "export": N_("export the debrief of a session record as HTML, CSV or JSON"),
    "report": N_("compare the session records of a class (HTML and CSV)"),
    "balance": N_("run every bot strategy over many seeds and flag balance problems in the data"),
    "backtest": N_("play historical episodes over many seeds and check the model's direction"),
    "data": N_("show which data folder is used; 'data init [DIR]' makes an editable copy"),
    "class": N_("host a class on the local network, play as a headless student, export a class"),
}
# Commands whose module has another name ("class" is a Python keyword).
MODULES: dict[str, str] = {"class": "classroom"}


def chosen_command(args: Sequence[str]) -> str | None:
    """The subcommand the arguments name (None for a bare --help or an unknown command)."""
    for arg in args:
        if arg in COMMANDS:
            return arg
        if not arg.startswith("-"):
            return None  # an unknown command: argparse lists the valid ones
    return None


class _Formatter(argparse.HelpFormatter):
    """argparse's help layout with the ``usage:`` heading in the current language."""

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, _("usage: ") if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """argparse with its headings, ``-h`` help and error line in the current language.

    argparse's own detailed errors (a missing argument, an invalid choice) stay in English.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["add_help"] = False
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)
        self._positionals.title = _("positional arguments")
        self._optionals.title = _("options")
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                          help=_("show this help message and exit"))

    def error(self, message: str) -> Any:
        """Print the usage and a one-line error, exit with status 2."""
        self.print_usage(sys.stderr)
        self.exit(2, _("{prog}: error: {message}").format(prog=self.prog, message=message) + "\n")


def _lang_help() -> str:
    return _("language of the texts: {languages} (default: the one chosen in the game's settings, "
             "else the system's)").format(languages=", ".join(available_languages()))


def build_parser(command: str | None = "*") -> argparse.ArgumentParser:
    """The argument parser (in the current language): every subcommand listed with its help; only
    ``command``'s module is imported to add its own arguments ("*": every module)."""
    parser = Parser(
        prog="pressure-points",
        description=_("Pressure Points: a game of migration diplomacy in the Americas. "
                      "With no subcommand the game starts (the same as 'play')."),
    )
    parser.add_argument("--lang", metavar="CODE", help=_lang_help())
    sub = parser.add_subparsers(dest="command", metavar=_("COMMAND"), parser_class=Parser)
    for name, text in COMMANDS.items():
        if command not in (name, "*"):
            sub.add_parser(name, help=_(text))
            continue
        try:
            module = importlib.import_module(f"game.commands.{MODULES.get(name, name)}")
        except ImportError as error:  # a missing optional dependency must not break other commands
            _unavailable(sub, name, error)
            continue
        module.add_parser(sub)
    for command_parser in sub.choices.values():  # shown in each command's help; read before parsing
        command_parser.add_argument("--lang", metavar="CODE", help=_lang_help())
    return parser


def _unavailable(sub: argparse._SubParsersAction, name: str, error: ImportError) -> None:
    """Register a command whose module could not be imported; running it explains why."""
    reason = _("the '{name}' command is unavailable: {error}. Reinstall the game with its "
               "dependencies.").format(name=name, error=error)
    parser = sub.add_parser(name, help=_("(unavailable: {error})").format(error=error.name or error))

    def run(_args: argparse.Namespace) -> int:
        print(_("pressure-points: {reason}").format(reason=reason), file=sys.stderr)
        return 2

    parser.set_defaults(func=run)


def take_lang(args: list[str]) -> tuple[str | None, list[str]]:
    """The value of ``--lang`` wherever it is (before a ``--``) and the arguments without it."""
    rest: list[str] = []
    lang: str | None = None
    index = 0
    while index < len(args):
        arg = args[index]
        if arg == "--":
            rest += args[index:]
            break
        if arg == "--lang":
            if index + 1 >= len(args):
                raise UnknownLanguage(_("--lang needs a language code, e.g. --lang es"))
            lang = args[index + 1]
            index += 2
            continue
        if arg.startswith("--lang="):
            lang = arg.split("=", 1)[1]
        else:
            rest.append(arg)
        index += 1
    return lang, rest


def _remembered_language() -> str | None:
    """The language saved in the player's settings, if any (a damaged file is reported by the game)."""
    from game.ui.settings import load_settings

    settings, _problem = load_settings()
    return settings.language or None


def main(argv: Sequence[str] | None = None) -> int:
    """Choose the language, parse the arguments and run the subcommand; returns the exit status."""
    try:
        lang, args_list = take_lang(list(sys.argv[1:] if argv is None else argv))
        choose_language(lang, None if lang else _remembered_language())
    except UnknownLanguage as error:
        print(_("pressure-points: {error}").format(error=error), file=sys.stderr)
        return 2
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
        print(_("pressure-points {command}: internal error ({kind}: {error}); please report it").format(
            command=args.command, kind=type(exc).__name__, error=exc), file=sys.stderr)
        return 1
