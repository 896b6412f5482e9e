"""``tour --out DIR``: render every scene of a game in progress to PNG (1280x720 by default).

Works without a display (it uses SDL's dummy video driver unless --show is given). Files:
title, briefing, map, dossier, planning, notes, report, end, pause, settings, load, tutorial,
debrief and debrief-SECTION (one per section), reload-problems (.png).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from game.cli import COMMANDS
from game.i18n import _


def add_parser(subparsers: Any) -> None:
    """Register the ``tour`` subcommand."""
    parser = subparsers.add_parser("tour", help=_(COMMANDS["tour"]),
                                   description=_("Play a few scripted months and save a screenshot of every scene."))
    parser.add_argument("--out", required=True, type=Path, metavar="DIR", help=_("folder for the PNG files"))
    parser.add_argument("--size", default="1280x720", metavar="WxH", help=_("window size (default 1280x720)"))
    parser.add_argument("--seed", type=int, default=7, metavar="N", help=_("seed of the scripted game"))
    parser.add_argument("--scale", type=int, default=100, metavar="PCT", help=_("UI scale in percent (100-300)"))
    parser.add_argument("--projector", action="store_true",
                        help=_("the projector preset's scale (in a window of --size, not full screen)"))
    parser.add_argument("--high-contrast", action="store_true", help=_("use the high-contrast palette"))
    parser.add_argument("--colourblind", action="store_true", help=_("use the colour-blind-safe palette"))
    parser.add_argument("--show", action="store_true", help=_("use the real display instead of rendering off screen"))
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Render the tour; returns the exit status."""
    if not args.show:
        os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    from game.commands.play import parse_size
    from game.loading import load_content
    from game.paths import data_note, validate_hint
    from game.ui.settings import Settings
    from game.ui.tour import run_tour
    print(_("tour: {data_note}").format(data_note=data_note()), file=sys.stderr)
    result = load_content()
    if result.bundle is None:
        for problem in result.problems:
            print(problem.format(), file=sys.stderr)
        print(_("tour: the data has errors; fix them first ({hint} lists them)").format(hint=validate_hint()),
              file=sys.stderr)
        return 1
    from game.ui.settings import PROJECTOR_SCALE
    scale = max(args.scale, PROJECTOR_SCALE) if args.projector else args.scale
    settings = Settings(ui_scale=scale, high_contrast=args.high_contrast, colourblind=args.colourblind).clamped()
    try:
        files = run_tour(result.bundle, args.out, size=parse_size(args.size), seed=args.seed, settings=settings)
    except Exception as exc:  # noqa: BLE001 - last resort: a clean message, never a traceback
        print(_("tour: internal error ({kind}: {error}); please report it").format(kind=type(exc).__name__, error=exc), file=sys.stderr)
        return 1
    for path in files:
        print(path)
    return 0
