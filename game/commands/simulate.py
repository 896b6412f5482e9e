"""``simulate``: play many games with the autoplay strategies and compare their scores.

``python main.py simulate --scenario default --mandate balanced --strategy all --games 200 --seed 1``
plays games with seeds S, S+1, ... for each strategy (the same seeds for every strategy) and prints
a table, or one JSON document with ``--json``. ``--mandate all`` runs every mandate of the
scenario. Unknown scenario, mandate or strategy: a message and exit status 2. Never a traceback.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from typing import Any

from game.cli import COMMANDS
from game.commands._scripting import add_data_option, load_bundle
from game.engine import Rules, UnknownContent, compile_rules
from game.engine.autoplay import StrategyResult, run_strategy
from game.engine.bots import STRATEGIES
from game.i18n import _
from game.i18n.formats import number
from game.records.batch import write_simulated_records


def add_parser(subparsers: Any) -> None:
    """Register the ``simulate`` subcommand."""
    parser = subparsers.add_parser(
        "simulate",
        help=_(COMMANDS["simulate"]),
        description=_("Play N games per strategy (seeds S, S+1, ...) and print games per second, the "
        "mean and standard deviation of the score and the share of games ending with an agreement "
        "per country. Strategies: ") + ", ".join(STRATEGIES) + ".",
    )
    parser.add_argument("--scenario", default="default", help=_("scenario id (default: default)"))
    parser.add_argument("--mandate", default="balanced", help=_("mandate id, or 'all' (default: balanced)"))
    parser.add_argument("--strategy", default="all", help=_("strategy name, or 'all' (default: all)"))
    parser.add_argument("--games", type=int, default=200, help=_("games per strategy (default: 200)"))
    parser.add_argument("--seed", type=int, default=1, help=_("seed of the first game (default: 1)"))
    parser.add_argument("--json", action="store_true", help=_("print one JSON document instead of tables"))
    add_data_option(parser)
    parser.add_argument("--records", metavar="DIR", default=None, help=_("also write one record per game into DIR"))
    parser.set_defaults(func=run)


def _usage_error(message: str) -> int:
    print(_("simulate: {message}").format(message=message), file=sys.stderr)
    return 2


def _choose(value: str, known: list[str], unknown: str) -> list[str] | str:
    """The ids to run, or an error message (``unknown`` says what is missing)."""
    if value == "all":
        return list(known)
    if value in known:
        return [value]
    return _("{unknown} (choose one of: {join}, or all)").format(unknown=unknown, join=', '.join(known))


def result_dict(mandate: str, result: StrategyResult) -> dict[str, Any]:
    """One strategy's results under one mandate as JSON data."""
    return {"strategy": result.strategy, "mandate": mandate, **{
        k: v for k, v in dataclasses.asdict(result).items() if k != "strategy"}}


def winners(entries: list[dict[str, Any]]) -> dict[str, str]:
    """The strategy with the best mean score under each mandate."""
    best: dict[str, dict[str, Any]] = {}
    for entry in entries:
        current = best.get(entry["mandate"])
        if current is None or entry["score_mean"] > current["score_mean"]:
            best[entry["mandate"]] = entry
    return {mandate: entry["strategy"] for mandate, entry in best.items()}


def simulate(rules: Rules, mandates: list[str], strategies: list[str], games: int, seed: int) -> list[dict[str, Any]]:
    """Run every strategy under every mandate; one entry per pair, mandate by mandate."""
    return [result_dict(m, run_strategy(rules, m, s, games, seed)) for m in mandates for s in strategies]


def print_table(rules: Rules, mandate: str, entries: list[dict[str, Any]], seed: int) -> None:
    """The readable table of one mandate."""
    countries = list(rules.order)
    print(_("Scenario '{scenario_id}', mandate '{mandate}', seeds from {seed}").format(
              scenario_id=rules.scenario_id, mandate=mandate, seed=seed))
    labels = [_("strategy"), _("games"), _("games/s"), _("score"), _("sd")]
    widths = [max(len(label), least) for label, least in zip(labels, (16, 6, 8, 6, 5))]
    head = " ".join(f"{label:<{w}}" if i == 0 else f"{label:>{w}}" for i, (label, w) in enumerate(zip(labels, widths))) + "  "
    print(head + _("agreements (share of games)"))
    print(" " * len(head) + " ".join(f"{c:>4}" for c in countries))
    for e in entries:
        rates = " ".join(number(e["agreements"].get(c, 0.0), 2) for c in countries)
        cells = [e["strategy"], str(e["games"]), number(e["games_per_second"], 1), number(e["score_mean"], 1),
                 number(e["score_sd"], 1)]
        print(" ".join(f"{cell:<{w}}" if i == 0 else f"{cell:>{w}}" for i, (cell, w) in enumerate(zip(cells, widths)))
              + f"  {rates}")
    best = winners(entries)[mandate]
    print(_("best mean score: {best}").format(best=best))
    print()


def run(args: argparse.Namespace) -> int:
    """The command's entry point (see ``_run``); never a traceback."""
    """Validate the choices, run the games and print the results; returns the exit status."""
    if args.games < 1:
        return _usage_error(_("--games must be 1 or more, not {games}").format(games=args.games))
    strategies = _choose(args.strategy, list(STRATEGIES), _("there is no strategy '{strategy}'").format(
                                                              strategy=args.strategy))
    if isinstance(strategies, str):
        return _usage_error(strategies)
    bundle = load_bundle(args.data, "simulate")
    if bundle is None:
        return 1
    try:
        rules = compile_rules(bundle, args.scenario)
    except UnknownContent as error:
        return _usage_error(str(error))
    mandates = _choose(args.mandate, list(rules.mandates),
                       _("scenario '{scenario}' has no mandate '{mandate}'").format(
                           scenario=args.scenario, mandate=args.mandate))
    if isinstance(mandates, str):
        return _usage_error(mandates)
    entries = simulate(rules, mandates, strategies, args.games, args.seed)
    if args.records and not write_simulated_records(rules, mandates, strategies, args.games, args.seed, args.records):
        return 1
    if args.json:
        print(json.dumps({
            "scenario": args.scenario, "mandate": args.mandate, "mandates": mandates, "seed": args.seed,
            "games": args.games, "strategies": entries, "winners": winners(entries),
        }, indent=2))
        return 0
    for mandate in mandates:
        print_table(rules, mandate, [e for e in entries if e["mandate"] == mandate], args.seed)
    return 0
