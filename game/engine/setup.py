"""Starting a new game from content, a scenario, a mandate and a seed."""

from __future__ import annotations

from dataclasses import astuple
from typing import Any

from game.content import ContentBundle
from game.engine.compiler import compile_rules
from game.engine.errors import UnknownContent
from game.engine.perrules import PerRules
from game.engine.rules import Rules
from game.engine.state import CountrySnapshot, CountryState, GameState, USSnapshot, USState, attach
from game.engine.tuning import STANCE_SD
from game.engine.world import route_flows, snapshot
from game.i18n import _


def new_game(content: ContentBundle | Rules, scenario: str, mandate: str, seed: int) -> GameState:
    """A fresh game at month 1. The same arguments always give the same game."""
    rules = content if isinstance(content, Rules) else compile_rules(content, scenario)
    if rules.scenario_id != scenario:
        raise UnknownContent(_("These rules were compiled for scenario '{scenario_id}', not '{scenario}'.").format(
                                 scenario_id=rules.scenario_id, scenario=scenario))
    if mandate not in rules.mandates:
        known = ", ".join(rules.mandates)
        raise UnknownContent(_("Scenario '{scenario}' has no mandate '{mandate}' (choose one of: {known}).").format(
                                 scenario=scenario, mandate=mandate, known=known))
    sc = rules.scenario
    bundle_countries = {cid: rules.countries[cid] for cid in rules.order}
    countries: dict[str, CountryState] = {}
    for cid in bundle_countries:
        start = rules.starts[cid]
        countries[cid] = CountryState(
            id=cid, relations=start.relations, trust=start.trust, approval=start.approval,
            economy=start.economy, instability=start.instability, outflow_k=start.outflow_k,
            commitments={a: lvl for a, lvl in start.commitments.items() if a in rules.asks},
            measures={m: 0 for m in start.measures if m in rules.levers},
        )
    us = USState(
        capital=sc.resources.political_capital, capital_per_turn=sc.resources.political_capital,
        aid_budget_m=sc.resources.aid_budget_m, credibility=sc.resources.credibility,
    )
    state = GameState(
        scenario=scenario, mandate=mandate, seed=int(seed), fingerprint=rules.fingerprint,
        turn=1, turns=sc.turns, us=us, countries=countries,
    )
    attach(state, rules)
    gauss = state.rng.gauss
    for cid in rules.order:  # each government's room for a deal this year: the same seed, the same year
        countries[cid].stance = gauss(0.0, STANCE_SD)
    us.domestic_baseline = sum(rules.levers[m].domestic_cost for cs in countries.values() for m in cs.measures)
    us.domestic_cost = us.domestic_baseline
    copied = _start_of(rules)
    if copied is None:  # the first game of these rules: the flows along the routes and month 0 worked out
        route_flows(rules, state, record=False)
        snapshot(rules, state, turn=0)
        _keep_start(rules, state)
    else:
        arrivals, rows, us_row = copied
        for cid, cs in countries.items():
            cs.arrivals_k = arrivals[cid]
            cs.history.append(CountrySnapshot(*rows[cid]))
        us.history.append(USSnapshot(*us_row))
    return state


# The start of every game of a set of rules is the same but for the seeded draws (each government's
# stance), which neither the flows along the routes nor the month-0 snapshot read: they are worked
# out for the first game and copied into the next ones.
StartCopy = tuple[dict[str, float], dict[str, tuple[Any, ...]], tuple[Any, ...]]  # arrivals, month-0 rows
_STARTS: PerRules[StartCopy] = PerRules()


def _start_of(rules: Rules) -> StartCopy | None:
    return _STARTS.get(rules)


def _keep_start(rules: Rules, state: GameState) -> None:
    start: StartCopy = ({cid: cs.arrivals_k for cid, cs in state.countries.items()},
                        {cid: astuple(cs.history[0]) for cid, cs in state.countries.items()}, astuple(state.us.history[0]))
    _STARTS.put(rules, start)
