"""``balance [--scenario ID] [--games N] [--seed S]``: check the data's balance with the bot strategies.

For each scenario (all by default) and mandate, every strategy of ``game.engine.bots`` plays N
games (seeds S, S+1, ...). The tables show mean scores, objectives and agreement rates; flags
point at what instructors usually want to fix after editing the data:

- a strategy that dominates: the best mean score under every mandate;
- a country that never agrees: no agreement in (almost) any game, whatever the strategy;
- an objective nobody reaches: no strategy averages ``REACH`` or more on it under any mandate.

Exit status 0 (1 with ``--strict`` when something is flagged; 2 for a bad option). Never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict, dataclass, field
from typing import Any

from game.commands._scripting import add_data_option, load_bundle
from game.engine import Rules, UnknownContent, compile_rules
from game.engine.autoplay import StrategyResult, run_strategy
from game.engine.bots import STRATEGIES
from game.i18n import _

NEVER = 0.02  # agreement rate at or below which a country "never agrees"
REACH = 50.0  # an objective is reached when some strategy averages at least this


@dataclass
class Balance:
    """The results and flags of one scenario."""

    scenario: str
    games: int
    seed: int
    results: dict[str, dict[str, StrategyResult]] = field(default_factory=dict)  # mandate -> strategy -> result
    flags: list[str] = field(default_factory=list)


def check_scenario(rules: Rules, games: int, seed: int, strategies: list[str]) -> Balance:
    """Play every strategy under every mandate and flag what looks unbalanced."""
    out = Balance(rules.scenario_id, games, seed)
    for mandate in rules.mandates:
        out.results[mandate] = {s: run_strategy(rules, mandate, s, games, seed) for s in strategies}
    mandates = list(out.results)
    best = {m: max(out.results[m].values(), key=lambda r: r.score_mean).strategy for m in mandates}
    if len(strategies) > 1 and len(mandates) > 1 and len(set(best.values())) == 1:
        winner = next(iter(best.values()))
        out.flags.append(f"DOMINANT STRATEGY: '{winner}' has the best mean score under every mandate "
                         f"({', '.join(mandates)}); the mandates do not change what wins.")
    for cid in rules.order:
        rates = [r.agreements.get(cid, 0.0) for m in mandates for r in out.results[m].values()]
        if rates and max(rates) <= NEVER:
            out.flags.append(f"NEVER AGREES: {rules.countries[cid].name} ({cid}) signs an agreement in at most "
                             f"{NEVER:.0%} of games with every strategy.")
    objectives = next(iter(next(iter(out.results.values())).values())).objectives if mandates else {}
    for key in objectives:
        top = max(((r.objectives.get(key, 0.0), r.strategy) for m in mandates for r in out.results[m].values()))
        if top[0] < REACH:
            out.flags.append(f"UNREACHED OBJECTIVE: no strategy averages {REACH:.0f} or more on '{key}' "
                             f"(best: {top[1]}, {top[0]:.1f}).")
    return out


def print_balance(rules: Rules, b: Balance) -> None:
    """The readable tables and flags of one scenario."""
    mandates = list(b.results)
    strategies = list(next(iter(b.results.values())))
    print(f"Scenario '{b.scenario}': {len(rules.order)} countries, {b.games} games per strategy and mandate, "
          f"seeds {b.seed}..{b.seed + b.games - 1}")
    print("Mean score (standard deviation); * = best under the mandate")
    print(f"  {'strategy':<12}" + "".join(f"{m:>18}" for m in mandates))
    for s in strategies:
        cells = []
        for m in mandates:
            r = b.results[m][s]
            star = "*" if r.score_mean == max(x.score_mean for x in b.results[m].values()) else " "
            cells.append(f"{r.score_mean:>9.1f} ({r.score_sd:4.1f}){star}")
        print(f"  {s:<12}" + "".join(f"{c:>18}" for c in cells))
    first = b.results[mandates[0]]
    keys = list(next(iter(first.values())).objectives)
    print("Mean objective scores (0-100)")
    print(f"  {'strategy':<12}" + "".join(f"{k[:12]:>13}" for k in keys))
    for s in strategies:
        print(f"  {s:<12}" + "".join(f"{first[s].objectives.get(k, 0.0):>13.1f}" for k in keys))
    print("Share of games ending with an agreement, per country")
    print(f"  {'strategy':<12}" + "".join(f"{c:>6}" for c in rules.order))
    for s in strategies:
        print(f"  {s:<12}" + "".join(f"{first[s].agreements.get(c, 0.0):>6.2f}" for c in rules.order))
    for flag in b.flags or ["no balance problem flagged"]:
        print(f"  ! {flag}" if b.flags else f"  {flag}")
    print()


def add_parser(subparsers: Any) -> None:
    """Register the ``balance`` subcommand."""
    parser = subparsers.add_parser(
        "balance",
        help=_("run every bot strategy over many seeds and flag balance problems in the data"),
        description="For each scenario and mandate, play N games with every autoplay strategy and print "
        "mean scores, objectives and agreement rates. Flags a strategy that is best under every mandate, "
        f"a country that never agrees to anything, and an objective no strategy averages {REACH:.0f} on.",
    )
    parser.add_argument("--scenario", default=None, help=_("scenario id (default: every scenario)"))
    parser.add_argument("--games", type=int, default=100, help=_("games per strategy and mandate (default: 100)"))
    parser.add_argument("--seed", type=int, default=1, help=_("seed of the first game (default: 1)"))
    parser.add_argument("--strict", action="store_true", help=_("exit status 1 when anything is flagged"))
    parser.add_argument("--json", action="store_true", help=_("print one JSON document instead of tables"))
    add_data_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run the games and print the tables and flags; returns the exit status."""
    if args.games < 1:
        print(f"balance: --games must be 1 or more, not {args.games}", file=sys.stderr)
        return 2
    bundle = load_bundle(args.data, "balance")
    if bundle is None:
        return 1
    scenarios = [args.scenario] if args.scenario else sorted(bundle.scenarios)
    results: list[tuple[Rules, Balance]] = []
    for scenario in scenarios:
        try:
            rules = compile_rules(bundle, scenario)
        except UnknownContent as error:
            print(f"balance: {error}", file=sys.stderr)
            return 2
        results.append((rules, check_scenario(rules, args.games, args.seed, list(STRATEGIES))))
    if args.json:
        print(json.dumps([{"scenario": b.scenario, "games": b.games, "seed": b.seed, "flags": b.flags,
                           "results": {m: {s: asdict(r) for s, r in rs.items()} for m, rs in b.results.items()}}
                          for _, b in results], indent=2))
    else:
        for rules, b in results:
            print_balance(rules, b)
    flagged = sum(len(b.flags) for _, b in results)
    if not args.json:
        print(f"{flagged} flag(s) in {len(results)} scenario(s).")
    return 1 if args.strict and flagged else 0
