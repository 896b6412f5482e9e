"""Autoplay strategies for ``simulate`` and ``balance``: each picks a month's actions from the state.

Bots use only the engine API (``check``/``apply``) and public information plus their intelligence
estimates; they never read a government's hidden priorities.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from game.engine.actions import Action, CarryOut, Engage, Investigate, Lift, Propose, Threaten
from game.engine.botkit import (
    TOP,
    _biggest_stick,
    _follow_through,
    _offer_for,
    _threatened,
    _to_work,
    _try,
    _wanted,
    kit_of,
)
from game.engine.state import GameState, rules_of

Strategy = Callable[[GameState, random.Random], None]


def hardline(state: GameState, rng: random.Random) -> None:
    """Public threats with the biggest stick, always carried out."""
    rules = rules_of(state)
    _follow_through(state)
    pressing = {t.country for t in state.threats if t.status == "pending"
                or (t.status == "carried_out" and t.lever in state.countries[t.country].measures)}
    for cid, _cs in _to_work(state):
        if cid in pressing:
            continue
        stick = _biggest_stick(rules, state, cid)
        if stick is None or rules.levers[stick].capital_cost > state.us.capital:
            continue  # nothing left to threaten with, or not affordable this month
        demand = _wanted(rules, state, cid, level=TOP)
        if demand:
            _try(state, Threaten(cid, stick, demand, public=True, deadline=1))


def incentives(state: GameState, rng: random.Random) -> None:
    """Only carrots and diplomacy: offers for asks, counter-offers taken."""
    rules = rules_of(state)
    tools = kit_of(state)
    offers = tools.offers
    for cid, cs in _to_work(state, min_capital=2):
        demand = _wanted(rules, state, cid, level=TOP)
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
            if tools.talk:
                _try(state, Engage(cid, tools.talk))


def balanced(state: GameState, rng: random.Random) -> None:
    """Intelligence first, then private threats where they bite and offers where they do not."""
    rules = rules_of(state)
    tools = kit_of(state)
    _follow_through(state)
    threatened = _threatened(state)
    for cid, cs in _to_work(state):
        if cs.intel.effort == 0 and tools.intel:
            if rules.levers[tools.intel].capital_cost <= state.us.capital:
                _try(state, Investigate(cid, tools.intel))
            continue
        demand = _wanted(rules, state, cid, level=3)
        if not demand or cid in threatened:
            continue
        est = cs.intel.estimates
        economic = est.get("economy", 0.5) + est.get("remittances", 0.5)
        stick = _biggest_stick(rules, state, cid)
        if stick and economic > 1.0 and est.get("sovereignty", 0.5) < 0.7:
            if rules.levers[stick].capital_cost <= state.us.capital:
                _try(state, Threaten(cid, stick, demand, public=False, deadline=2))
        else:
            offer = _offer_for(rules, tools, cs, est.get("aid", 0) > 0.5)
            # an offer already in force or beyond this month's capital would be refused: talk instead
            if (offer is None or offer in cs.measures or 1 + rules.levers[offer].capital_cost > state.us.capital
                    or not _try(state, Propose(cid, demand, (offer,)))) and tools.talk:
                _try(state, Engage(cid, tools.talk))


def carrot_and_stick(state: GameState, rng: random.Random) -> None:
    """Coercive bargaining: an offer for the most, backed by a private threat with the cheapest stick
    (the most harmful of those), carried out when it comes due; counter-offers taken."""
    rules = rules_of(state)
    tools = kit_of(state)
    _follow_through(state)
    threatened = _threatened(state)
    for cid, cs in _to_work(state):
        if cid in threatened:
            continue
        demand = _wanted(rules, state, cid, level=TOP)
        if not demand:
            continue
        offer = _offer_for(rules, tools, cs, False)
        offers = (offer,) if offer and offer not in cs.measures else ()
        # the cheapest stick not in force (the most harmful of those)
        stick = next((lid for lid in tools.cheap_sticks[cid] if lid not in cs.measures), None)
        if stick and _try(state, Propose(cid, demand, offers, threat=stick, public=False, deadline=2)):
            continue
        if not (offers and _try(state, Propose(cid, demand, offers))) and tools.talk:
            _try(state, Engage(cid, tools.talk))


def partnership(state: GameState, rng: random.Random) -> None:
    """No threats: offers for the asks that harm people on the move least, promises kept, and
    diplomacy with every government the month leaves capital for."""
    rules = rules_of(state)
    tools = kit_of(state)
    _follow_through(state)
    talks = sorted((lid for lid, lv in rules.levers.items() if lv.kind == "diplomacy"),
                   key=lambda lid: rules.levers[lid].capital_cost)
    for cid, cs in _to_work(state):
        demand = _wanted(rules, state, cid, level=1, gentle=True)
        offer = _offer_for(rules, tools, cs, False) if demand else None  # aid is kept for the region's needs
        if (offer and offer not in cs.measures and 1 + rules.levers[offer].capital_cost <= state.us.capital
                and _try(state, Propose(cid, demand, (offer,)))):
            continue
        for lid in talks:  # the cheapest gesture, so that the month reaches as many governments as it can
            if rules.levers[lid].capital_cost <= state.us.capital and _try(state, Engage(cid, lid)):
                break


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
            intel = kit_of(state).intel
            if intel is None:
                continue
            action = Investigate(cid, intel)
        _try(state, action)


def idle(state: GameState, rng: random.Random) -> None:
    """No actions at all: the year as it goes without the envoy (every score is measured against it)."""


IDLE = "idle"
STRATEGIES: dict[str, Strategy] = {
    "hardline": hardline,
    "incentives": incentives,
    "balanced": balanced,
    "carrot_and_stick": carrot_and_stick,
    "partnership": partnership,
    "random": random_play,
    IDLE: idle,
}
BUILT_IN = tuple(name for name in STRATEGIES if name != IDLE)  # the bots balance compares exploits with
