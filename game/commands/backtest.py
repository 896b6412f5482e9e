"""``backtest``: play the historical episodes of ``data/episodes.toml`` over many seeds.

``python main.py backtest [--seeds N] [--json] [--episode ID]`` prints, per episode, the share of
seeds in which the government moved in the historical direction, and exits with status 1 when any
episode falls under its threshold (2 on bad usage or broken data). Never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from pydantic import ValidationError

from game.cli import COMMANDS
from game.commands._scripting import _pydantic_message, add_data_option, load_bundle
from game.engine import Rules, UnknownContent, compile_rules
from game.engine.backtest import EpisodeResult, run_episode
from game.i18n import _


def add_parser(subparsers: Any) -> None:
    """Register the ``backtest`` subcommand."""
    parser = subparsers.add_parser(
        "backtest",
        help=_(COMMANDS["backtest"]),
        description=_("Play every episode of episodes.toml over N seeds and print the share of seeds "
        "that move in the historical direction; exit status 1 when an episode is under its threshold."),
    )
    parser.add_argument("--seeds", type=int, default=50, help=_("seeds per episode (default: 50)"))
    parser.add_argument("--seed", type=int, default=1, help=_("first seed (default: 1)"))
    parser.add_argument("--episode", default=None, help=_("play only this episode id"))
    parser.add_argument("--json", action="store_true", help=_("print one JSON document instead of a table"))
    add_data_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Play the episodes; returns the exit status."""
    if args.seeds < 1:
        print(_("backtest: --seeds must be at least 1"), file=sys.stderr)
        return 2
    bundle = load_bundle(getattr(args, "data", None), "backtest")
    if bundle is None:
        return 2
    episodes = dict(bundle.episodes)
    if args.episode is not None:
        if args.episode not in episodes:
            print(_("backtest: there is no episode '{episode}' (known: {known})").format(
                      episode=args.episode, known=', '.join(episodes) or _('none')), file=sys.stderr)
            return 2
        episodes = {args.episode: episodes[args.episode]}
    if not episodes:
        print(_("backtest: the data has no episodes (write them in episodes.toml)"), file=sys.stderr)
        return 2
    compiled: dict[str, Rules] = {}
    results: list[EpisodeResult] = []
    for eid, episode in episodes.items():
        try:
            rules = compiled.get(episode.scenario) or compile_rules(bundle, episode.scenario)
            compiled[episode.scenario] = rules
            results.append(run_episode(rules, eid, episode, args.seeds, args.seed))
        except UnknownContent as error:
            print(_("backtest: episode '{eid}': {error}").format(eid=eid, error=error), file=sys.stderr)
            return 2
        except ValidationError as error:
            print(_("backtest: episode '{eid}': an order is not valid: {pydantic_message}").format(
                      eid=eid, pydantic_message=_pydantic_message(error)), file=sys.stderr)
            return 2
    failed = [r for r in results if not r.passed]
    if args.json:
        print(json.dumps({"seeds": args.seeds, "passed": not failed, "episodes": [
            {"id": r.id, "title": r.title, "matched": r.matched, "seeds": r.seeds, "share": round(r.share, 3),
             "threshold": r.threshold, "passed": r.passed, "refused_orders": r.refused} for r in results]}, indent=2))
    else:
        width = max(len(_("episode")), *(len(r.title) for r in results))
        match, threshold = _("match"), _("threshold")
        episode_word = _("episode")
        print(f"{episode_word:<{width}}  {match:>5}  {threshold:>6}")
        for r in results:
            mark = "ok" if r.passed else _("UNDER THRESHOLD")
            note = _("  ({refused} seeds had a refused order)").format(refused=r.refused) if r.refused else ""
            print(f"{r.title:<{width}}  {100 * r.share:>{max(4, len(match) - 1)}.0f}%  "
                  f"{100 * r.threshold:>{max(5, len(threshold) - 1)}.0f}%  {mark}{note}")
        print(_("{passed} of {n} episodes in the historical direction over {seeds} seeds").format(
                  passed=len(results) - len(failed), n=len(results), seeds=args.seeds))
    return 1 if failed else 0
