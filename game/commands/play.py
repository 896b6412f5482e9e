"""``play``: start the game window (the default command).

``play [--scenario ID --mandate ID --seed N] [--player NAME] [--windowed | --fullscreen] [--data PATH ...] [--records DIR]``.
With a scenario the game skips the title screen and opens its briefing. F5 in the game reads the
data (``--data``, or the shipped data) again; every game played writes its record to ``--records``
(default: the ``records`` folder in the user data folder).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from game.cli import COMMANDS
from game.i18n import _


def add_parser(subparsers: Any) -> None:
    """Register the ``play`` subcommand."""
    parser = subparsers.add_parser("play", help=_(COMMANDS["play"]),
                                   description=_("Open the game window. With --scenario, start that scenario at once."))
    parser.add_argument("--scenario", metavar="ID", help=_("start this scenario at once (e.g. default, tutorial)"))
    parser.add_argument("--mandate", metavar="ID", default="balanced", help=_("mandate: hardline, balanced or humanitarian"))
    parser.add_argument("--seed", type=int, metavar="N", help=_("random seed (default: random, shown in the game)"))
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--fullscreen", action="store_true", help=_("full screen for this run"))
    mode.add_argument("--windowed", action="store_true", help=_("in a window for this run"))
    parser.add_argument("--size", default="1280x720", metavar="WxH", help=_("window size (default 1280x720)"))
    parser.add_argument("--data", nargs="*", metavar="PATH",
                        help=_("data folders or files (default: the shipped data); F5 in the game reloads them"))
    parser.add_argument("--player", metavar="NAME", default="",
                        help=_("the player's name: it goes into the record, its file name, the exports and the class report"))
    parser.add_argument("--records", type=Path, metavar="DIR",
                        help=_("folder for the records of the games played (default: 'records' in the user data folder)"))
    parser.set_defaults(func=run)


def parse_size(text: str) -> tuple[int, int]:
    """'1280x720' to (1280, 720)."""
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise SystemExit(_("play: --size must look like 1280x720, not {text!r}").format(text=text)) from None
    return max(1024, w), max(600, h)


def run(args: argparse.Namespace) -> int:
    """Load the data and settings, open the window and run until the player quits."""
    from game.paths import data_note
    from game.player import clean_player
    from game.ui.launch import launch

    print(_("play: {data_note}").format(data_note=data_note(args.data)), file=sys.stderr)
    try:
        return launch(scenario=args.scenario, mandate=args.mandate, seed=args.seed,
                      fullscreen=True if args.fullscreen else False if args.windowed else None,
                      size=parse_size(args.size), data=args.data or None, records=args.records,
                      player=clean_player(args.player))
    except KeyboardInterrupt:
        return 130
    except ImportError as exc:
        print(_("play: a required package is missing ({error}); install the game with its dependencies").format(error=exc),
              file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 - pygame.error among others
        if type(exc).__name__ == "error":  # pygame.error: no display, no video driver
            print(_("play: could not open a window ({error}). Is a display available? "
                    "(Use 'tour --out DIR' to render the screens without one.)").format(error=exc), file=sys.stderr)
            return 1
        print(_("play: internal error ({kind}: {error}); please report it").format(kind=type(exc).__name__, error=exc),
              file=sys.stderr)  # never a traceback
        return 1
