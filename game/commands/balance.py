"""``balance [--scenario ID] [--games N] [--seed S] [--json]``: check the data's balance and search for exploits.

For each scenario (all by default), the built-in bots of ``game.engine.bots`` and the idle
strategy (no actions) play N games (seeds S, S+1, ...), each scored under every mandate against
the idle game. Then a seeded search (random restarts plus hill climbing, ``game.engine.exploits``)
runs a parameterised bot over plans — which levers, public or private, carry out or bluff,
counter-offers taken or not, how many governments a month — and the strongest plans are replayed
on fresh seeds. Flags point at what instructors usually want to fix after editing the data:

- EXPLOIT, WINS EVERY MANDATE: a searched plan beats the best built-in bot under every mandate;
- EXPLOIT, BEATS THE BOTS: a searched plan beats the best built-in bot by more than ``LEAD`` points;
- DOMINANT STRATEGY: one built-in bot has the best mean score under every mandate;
- IDLE TOO CLOSE: doing nothing is within ``IDLE_GAP`` points of the best built-in bot;
- NEVER AGREES: a country agrees to nothing in (almost) any game, whatever the strategy;
- UNREACHED OBJECTIVE: no built-in bot averages ``REACH`` or more on an objective's 0-100 scale.

The winning parameters of every exploit are printed. A progress bar goes to the terminal (not
into ``--json`` output). Exit status 0 (1 with ``--strict`` when something is flagged; 2 for a
bad option). Never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from tqdm import tqdm

from game.cli import COMMANDS
from game.commands._scripting import add_data_option, load_bundle
from game.debrief.versus import objective_title
from game.engine import Rules, UnknownContent, compile_rules
from game.engine.autoplay import StrategyResult, run_mandates
from game.engine.bots import BUILT_IN, IDLE
from game.engine.exploits import Candidate, evaluate, search, strongest
from game.i18n import _
from game.i18n.formats import counted, number

NEVER = 0.02  # agreement rate at or below which a country "never agrees"
REACH = 50.0  # an objective is reached when some bot averages at least this on its 0-100 scale
LEAD = 5.0  # a searched plan this many points above the best built-in bot is an exploit
WIN = 1.0  # a lead above this under a mandate "wins" it (below it is noise between seeds)
IDLE_GAP = 20.0  # the best built-in bot should beat doing nothing by at least this
RESTARTS = 6
STEPS = 12
SEARCHED = "searched"


@dataclass
class Exploit:
    """A searched plan that scores too well, with its scores on the search seeds and fresh ones."""

    kind: str
    plan: dict[str, Any]
    words: str
    scores: dict[str, float]
    leads: dict[str, float]
    fresh_leads: dict[str, float]


@dataclass
class Balance:
    """The results and flags of one scenario."""

    scenario: str
    games: int
    seed: int
    results: dict[str, dict[str, StrategyResult]] = field(default_factory=dict)  # mandate -> strategy -> result
    best: dict[str, float] = field(default_factory=dict)  # mandate -> best built-in mean score
    searched: dict[str, Any] = field(default_factory=dict)  # the strongest plan found and how many were tried
    exploits: list[Exploit] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    seconds: float = 0.0


def search_steps(restarts: int, steps: int, bots: int) -> int:
    """Strategies played for one scenario (for the progress bar)."""
    return (bots + 1) + restarts * (steps + 1) + (bots + 2)


def _exploits(rules: Rules, out: Balance, one: Candidate | None, every: Candidate | None,
              bots: list[str], tick: Callable[[int], None]) -> None:
    """Replay the strongest plans on fresh seeds and keep the leads that hold there too."""
    fresh_seed = out.seed + out.games
    fresh_best = dict.fromkeys(rules.mandates, -1000000000.0)
    for bot in bots:
        for m, r in run_mandates(rules, bot, out.games, fresh_seed).items():
            fresh_best[m] = max(fresh_best[m], r.score_mean)
        tick(1)
    checks = [(_("WINS EVERY MANDATE"), every), (_("BEATS THE BOTS"), one)]
    for kind, cand in checks:
        tick(1)
        if cand is None:
            continue
        leads = cand.leads(out.best)
        wins = min(leads.values()) > WIN if kind == "WINS EVERY MANDATE" else max(leads.values()) > LEAD
        if not wins:
            continue
        fresh = evaluate(rules, cand.plan, out.games, fresh_seed).leads(fresh_best)
        holds = min(fresh.values()) > WIN if kind == "WINS EVERY MANDATE" else any(
            leads[m] > LEAD and fresh[m] > LEAD for m in leads)
        if holds:
            out.exploits.append(Exploit(kind, cand.plan.describe(), cand.plan.words(), cand.scores, leads, fresh))


def check_scenario(rules: Rules, games: int, seed: int, bots: list[str] | None = None, restarts: int = RESTARTS,
                   steps: int = STEPS, tick: Callable[[int], None] | None = None) -> Balance:
    """Play the bots and idle under every mandate, search for exploits and flag what looks unbalanced."""
    bots = list(bots or BUILT_IN)
    step = tick or (lambda _n: None)
    started = time.perf_counter()
    out = Balance(rules.scenario_id, games, seed)
    mandates = list(rules.mandates)
    out.results = {m: {} for m in mandates}
    for strategy in [*bots, IDLE]:
        for m, result in run_mandates(rules, strategy, games, seed).items():
            out.results[m][strategy] = result
        step(1)
    out.best = {m: max(out.results[m][s].score_mean for s in bots) for m in mandates}
    candidates = search(rules, out.best, games, seed, restarts, steps, step) if restarts > 0 else []
    one, every = strongest(candidates, out.best)
    if one is not None:
        out.searched = {"plans_tried": len(candidates), "plan": one.plan.describe(), "words": one.plan.words(),
                        "scores": one.scores, "leads": one.leads(out.best)}
    _exploits(rules, out, one, every, bots, step)
    for ex in out.exploits:
        where = ", ".join(f"{m} {lead:+.1f}" for m, lead in ex.leads.items())
        out.flags.append(_("EXPLOIT, {kind}: a searched strategy leads the best built-in bot ({where}; on fresh seeds "
                            "{join}). Winning parameters: {words}.").format(
                             kind=ex.kind, where=where, join=', '.join(f'{v:+.1f}' for v in ex.fresh_leads.values()), words=ex.words))
    winners = {m: max(bots, key=lambda s: out.results[m][s].score_mean) for m in mandates}
    if len(bots) > 1 and len(mandates) > 1 and len(set(winners.values())) == 1:
        out.flags.append(_("DOMINANT STRATEGY: '{winners}' has the best mean score under every mandate ({join}); the "
                            "mandates do not change what wins.").format(
                             winners=winners[mandates[0]], join=', '.join(mandates)))
    for m in mandates:
        gap = out.best[m] - out.results[m][IDLE].score_mean
        if gap < IDLE_GAP:
            out.flags.append(_("IDLE TOO CLOSE: under '{m}' the best bot ({winners}) beats doing nothing by only {gap:.1f} "
                                "points (at least {IDLE_GAP:.0f} expected).").format(
                                 m=m, winners=winners[m], gap=gap, IDLE_GAP=IDLE_GAP))
    rates_of = [r.agreements for m in mandates for r in out.results[m].values()] + [c.agreements for c in candidates]
    for cid in rules.order:
        if max(rates.get(cid, 0.0) for rates in rates_of) <= NEVER:
            out.flags.append(_("NEVER AGREES: {name} ({cid}) signs an agreement in at most {NEVER:.0%} of games with every "
                                "strategy, searched ones included.").format(
                                 name=rules.countries[cid].name, cid=cid, NEVER=NEVER))
    first = out.results[mandates[0]]
    for key in first[bots[0]].objectives:
        top = max((first[s].objectives.get(key, 0.0), s) for s in bots)
        if top[0] < REACH:
            out.flags.append(_("UNREACHED OBJECTIVE: no bot averages {REACH:.0f} or more on '{key}' (best: {top}, {top2:.1f}).").format(
                                 REACH=REACH, key=key, top=top[1], top2=top[0]))
    out.seconds = round(time.perf_counter() - started, 2)
    return out


def print_balance(rules: Rules, b: Balance) -> None:
    """The readable tables, the strongest searched plan and the flags of one scenario."""
    mandates = list(b.results)
    strategies = list(b.results[mandates[0]])
    strategy = _("strategy")
    print(_("Scenario '{scenario}': {n} countries, {games} games per strategy, seeds {first}..{last}, "
            "{seconds:.1f} s").format(
              scenario=b.scenario, n=len(rules.order), games=b.games, first=b.seed, last=b.seed + b.games - 1, seconds=b.seconds))
    print(_("Mean score against doing nothing (standard deviation); * = best under the mandate"))
    print(f"  {strategy:<16}" + "".join(f"{m:>18}" for m in mandates))
    # (strategy, per mandate: mean and standard deviation; the searched plan is one game, without one)
    rows: list[tuple[str, list[tuple[float, float | None]]]] = [
        (s, [(b.results[m][s].score_mean, b.results[m][s].score_sd) for m in mandates]) for s in strategies]
    if b.searched:
        rows.append((SEARCHED, [(b.searched["scores"][m], None) for m in mandates]))
    tops = [max(r[1][i][0] for r in rows) for i in range(len(mandates))]
    for name, cells in rows:
        text = []
        for i, (mean, sd) in enumerate(cells):
            star = "*" if mean == tops[i] else " "
            text.append(f"{number(mean, 1):>9} ({number(sd, 1):>4}){star}" if sd is not None
                        else f"{number(mean, 1):>9}       {star}")
        print(f"  {name:<16}" + "".join(f"{c:>18}" for c in text))
    if b.searched:
        print(_("  searched: the strongest of {tried} plans tried: {words}").format(
                  tried=b.searched['plans_tried'], words=b.searched['words']))
    first = b.results[mandates[0]]
    keys = list(first[strategies[0]].objectives)
    print(_("Mean objective scores (0-100; doing nothing: the idle row)"))
    print(f"  {strategy:<16}" + "".join(f"{objective_title(k)[:12]:>13}" for k in keys))
    for s in strategies:
        print(f"  {s:<16}" + "".join(f"{number(first[s].objectives.get(k, 0.0), 1):>13}" for k in keys))
    print(_("Share of games ending with an agreement, per country"))
    print(f"  {strategy:<16}" + "".join(f"{c:>6}" for c in rules.order))
    for s in strategies:
        print(f"  {s:<16}" + "".join(f"{number(first[s].agreements.get(c, 0.0), 2):>6}" for c in rules.order))
    for flag in b.flags or [_("no balance problem flagged")]:
        print(f"  ! {flag}" if b.flags else f"  {flag}")
    print()


def balance_data(b: Balance) -> dict[str, Any]:
    """One scenario's results as JSON data."""
    return {"scenario": b.scenario, "games": b.games, "seed": b.seed, "seconds": b.seconds, "flags": b.flags,
            "best_built_in": b.best, "searched": b.searched, "exploits": [asdict(e) for e in b.exploits],
            "results": {m: {s: asdict(r) for s, r in rs.items()} for m, rs in b.results.items()}}


def add_parser(subparsers: Any) -> None:
    """Register the ``balance`` subcommand."""
    parser = subparsers.add_parser(
        "balance",
        help=_(COMMANDS["balance"]),
        description=_("For each scenario, play N games with every built-in bot and with doing nothing, scored "
                       "against doing nothing under every mandate, then search plans of a parameterised bot for "
                       "exploits. Flags a searched plan that wins every mandate or beats the best bot by more than "
                       "{LEAD:.0f} points (with its parameters), a bot that is best under every mandate, doing "
                       "nothing within {IDLE_GAP:.0f} points of the best bot, a country that never agrees and an "
                       "objective no bot averages {REACH:.0f} on.").format(LEAD=LEAD, IDLE_GAP=IDLE_GAP, REACH=REACH),
    )
    parser.add_argument("--scenario", default=None, help=_("scenario id (default: every scenario)"))
    parser.add_argument("--games", type=int, default=30, help=_("games per strategy (default: 30)"))
    parser.add_argument("--seed", type=int, default=1, help=_("seed of the first game (default: 1)"))
    parser.add_argument("--restarts", type=int, default=RESTARTS,
                        help=_("random restarts of the exploit search; 0 = no search (default: {RESTARTS})").format(
                                 RESTARTS=RESTARTS))
    parser.add_argument("--steps", type=int, default=STEPS, help=_("hill-climbing steps per restart (default: {STEPS})").format(
                                                                     STEPS=STEPS))
    parser.add_argument("--strict", action="store_true", help=_("exit status 1 when anything is flagged"))
    parser.add_argument("--json", action="store_true", help=_("print one JSON document instead of tables"))
    add_data_option(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run the games and the search and print the tables and flags; returns the exit status."""
    for name in ("games", "restarts", "steps"):
        low = 1 if name == "games" else 0
        if getattr(args, name) < low:
            print(_("balance: --{name} must be {low} or more, not {value}").format(
                      name=name, low=low, value=getattr(args, name)), file=sys.stderr)
            return 2
    bundle = load_bundle(args.data, "balance")
    if bundle is None:
        return 1
    scenarios = [args.scenario] if args.scenario else sorted(bundle.scenarios)
    compiled: list[Rules] = []
    for scenario in scenarios:
        try:
            compiled.append(compile_rules(bundle, scenario))
        except UnknownContent as error:
            print(_("balance: {error}").format(error=error), file=sys.stderr)
            return 2
    total = len(compiled) * search_steps(args.restarts, args.steps, len(BUILT_IN))
    results: list[tuple[Rules, Balance]] = []
    with tqdm(total=total, desc="balance", unit="strategy", file=sys.stderr, disable=None, leave=False) as bar:

        def tick(done: int) -> None:
            bar.update(done)
        for rules in compiled:
            bar.set_postfix_str(rules.scenario_id)
            results.append((rules, check_scenario(rules, args.games, args.seed, list(BUILT_IN), args.restarts,
                                                  args.steps, tick)))
    if args.json:
        print(json.dumps([balance_data(b) for _, b in results], indent=2))
    else:
        for rules, b in results:
            print_balance(rules, b)
    flagged = sum(len(b.flags) for _, b in results)
    if not args.json:
        print(_("{flags} in {scenarios}.").format(flags=counted(flagged, "{n} flag", "{n} flags"),
                                            scenarios=counted(len(results), "{n} scenario", "{n} scenarios")))
    return 1 if args.strict and flagged else 0
