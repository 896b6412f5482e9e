"""Autoplay strategies for ``simulate`` and ``balance``: each picks a month's actions from the state.

Bots use only the engine API (``check``/``apply``) and public information plus their intelligence
estimates; they never read a government's hidden priorities.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from game.engine.actions import AcceptCounter, Action, CarryOut, Engage, Investigate, Lift, Propose, Threaten
from game.engine.api import apply
from game.engine.errors import Impossible
from game.engine.rules import Rules
from game.engine.state import CountryState, GameState, rules_of

Strategy = Callable[[GameState, random.Random], None]
_BOT_ASKS = ("transit_enforcement", "return_flights", "anti_smuggling", "third_country_returns")


def _try(state: GameState, action: Action) -> bool:
    try:
        apply(state, action)
    except Impossible:
        return False
    return True


def _counter_open(state: GameState, cs: CountryState) -> bool:
    """Whether the government made a counter-offer last month that can still be taken."""
    counter = cs.pending_counter
    return counter is not None and counter.turn == state.turn - 1


def _by_flow(state: GameState) -> list[str]:
    rules = rules_of(state)
    return sorted(rules.order, key=lambda c: -state.countries[c].outflow_k)


def _wanted(rules: Rules, state: GameState, cid: str, level: int = 2) -> dict[str, int]:
    """A demand of up to two asks the country does not meet yet."""
    asks = state.scratch.get("bot_asks")
    if asks is None:  # per country, the asks bots make that can be put to it, with their top level
        asks = state.scratch["bot_asks"] = {
            country: tuple((aid, len(rules.asks[aid].levels)) for aid in _BOT_ASKS
                           if aid in rules.asks and rules.asks[aid].applies(country))
            for country in rules.order}
    commitments = state.countries[cid].commitments
    out: dict[str, int] = {}
    for aid, top in asks[cid]:
        target = level if level < top else top
        if commitments.get(aid, 0) < target:
            out[aid] = target
            if len(out) == 2:
                break
    return out


def _biggest_stick(rules: Rules, state: GameState, cid: str) -> str | None:
    """The most harmful stick by the country's public exposures, not yet in force."""
    measures = state.countries[cid].measures
    for lid in rules.stick_rank[cid]:
        if lid not in measures:
            return lid
    return None


def _follow_through(state: GameState) -> None:
    """Carry out threats due this month; lift measures once the demand is met."""
    for threat in state.threats:
        if threat.status == "pending" and threat.deadline <= state.turn:
            _try(state, CarryOut(threat.country, threat.lever))
    for promise in state.promises:
        if promise.kind == "lift" and promise.status == "open":
            _try(state, Lift(promise.country, promise.lever))


def hardline(state: GameState, rng: random.Random) -> None:
    """Public threats with the biggest stick, always carried out."""
    rules = rules_of(state)
    _follow_through(state)
    pressing = {t.country for t in state.threats if t.status == "pending"
                or (t.status == "carried_out" and t.lever in state.countries[t.country].measures)}
    for cid in _by_flow(state):
        if state.us.capital <= 0:
            break
        if _counter_open(state, state.countries[cid]) and _try(state, AcceptCounter(cid)):
            continue
        if cid in pressing:
            continue
        stick = _biggest_stick(rules, state, cid)
        if stick is None or rules.levers[stick].capital_cost > state.us.capital:
            continue  # nothing left to threaten with, or not affordable this month
        demand = _wanted(rules, state, cid, level=2)
        if demand:
            _try(state, Threaten(cid, stick, demand, public=True, deadline=1))


def incentives(state: GameState, rng: random.Random) -> None:
    """Only carrots and diplomacy: offers for asks, counter-offers taken."""
    rules = rules_of(state)
    offers = [o for o in ("sanctions_relief", "trade_preferences", "aid_package", "work_visas", "security_cooperation")
              if o in rules.levers]
    for cid in _by_flow(state):
        if state.us.capital < 2:
            break
        cs = state.countries[cid]
        if _counter_open(state, cs) and _try(state, AcceptCounter(cid)):
            continue
        demand = _wanted(rules, state, cid, level=2)
        if not demand:
            continue
        for offer in offers:
            lever = rules.levers[offer]
            if offer in cs.measures or lever.capital_cost + 1 > state.us.capital:
                continue
            if (lever.requires and lever.requires not in cs.measures) or lever.aid_cost_m > state.us.aid_budget_m:
                continue  # would be refused: it relieves a measure not in force, or the aid is not there
            if _try(state, Propose(cid, demand, (offer,))):
                break
        else:
            _try(state, Engage(cid, "diplomatic_call"))


def balanced(state: GameState, rng: random.Random) -> None:
    """Intelligence first, then private threats where they bite and offers where they do not."""
    rules = rules_of(state)
    _follow_through(state)
    for cid in _by_flow(state):
        if state.us.capital <= 0:
            break
        cs = state.countries[cid]
        if _counter_open(state, cs) and _try(state, AcceptCounter(cid)):
            continue
        if cs.intel.effort == 0 and "intelligence" in rules.levers:
            if rules.levers["intelligence"].capital_cost <= state.us.capital:
                _try(state, Investigate(cid))
            continue
        demand = _wanted(rules, state, cid, level=2)
        if not demand or any(t.country == cid and t.status == "pending" for t in state.threats):
            continue
        est = cs.intel.estimates
        economic = est.get("economy", 0.5) + est.get("remittances", 0.5)
        stick = _biggest_stick(rules, state, cid)
        if stick and economic > 1.0 and est.get("sovereignty", 0.5) < 0.7:
            if rules.levers[stick].capital_cost <= state.us.capital:
                _try(state, Threaten(cid, stick, demand, public=False, deadline=2))
        else:
            offer = "sanctions_relief" if "sanctions" in cs.measures else ("aid_package" if est.get("aid", 0) > 0.5 else "trade_preferences")
            # an offer already in force or beyond this month's capital would be refused: talk instead
            if (offer in cs.measures or 1 + rules.levers[offer].capital_cost > state.us.capital
                    or not _try(state, Propose(cid, demand, (offer,)))):
                _try(state, Engage(cid, "diplomatic_call"))


def random_play(state: GameState, rng: random.Random) -> None:
    """Random actions within the month's budget."""
    rules = rules_of(state)
    levers = rules.lever_order
    asks = rules.ask_order
    order = rules.order
    rand = rng.random
    for _ in range(12):
        if state.us.capital <= 0:
            break
        # picks by one draw each (bots need no more than that from their own generator)
        cid = order[int(rand() * len(order))]
        roll = rand()
        lid = levers[int(rand() * len(levers))]
        aid = asks[int(rand() * len(asks))]
        level = 1 + int(rand() * len(rules.asks[aid].levels))
        if roll < 0.25:
            action: Action = Threaten(cid, lid, {aid: level}, public=rand() < 0.5, deadline=1 + int(rand() * 3))
        elif roll < 0.5:
            action = Propose(cid, {aid: level}, (lid,) if rand() < 0.6 else ())
        elif roll < 0.7:
            action = CarryOut(cid, lid)
        elif roll < 0.8:
            action = Lift(cid, lid)
        elif roll < 0.9:
            action = Engage(cid, lid)
        else:
            action = Investigate(cid)
        _try(state, action)


STRATEGIES: dict[str, Strategy] = {
    "hardline": hardline,
    "incentives": incentives,
    "balanced": balanced,
    "random": random_play,
}
