"""Autoplay strategies for ``simulate`` and ``balance``: each picks a month's actions from the state.

Bots use only the engine API (``check``/``apply``) and public information plus their intelligence
estimates; they never read a government's hidden priorities.
"""

from __future__ import annotations

import random
import weakref
from collections.abc import Callable, Iterator
from typing import NamedTuple

from game.engine.actions import AcceptCounter, Action, CarryOut, Engage, Investigate, Lift, Propose, Threaten
from game.engine.api import apply
from game.engine.errors import Impossible
from game.engine.rules import Rules
from game.engine.state import CountryState, GameState, rules_of

Strategy = Callable[[GameState, random.Random], None]
TOP = 99  # a level above every ask's top: "ask for the most" (capped at each ask's top level)
_BOT_ASKS = ("transit_enforcement", "return_flights", "anti_smuggling", "third_country_returns")


class Kit(NamedTuple):
    """The levers and asks of the data a bot can use, found by kind (never by a fixed id)."""

    asks: tuple[str, ...]  # the asks bots make, preferred ones first
    gentle: tuple[str, ...]  # every ask, the least harmful to people on the move first
    offers: tuple[str, ...]  # offerable levers: reliefs first, then free ones, then those costing aid
    talk: str | None  # the cheapest diplomacy lever
    intel: str | None  # the intelligence lever
    # per country, the asks of ``asks`` (and of ``gentle``) that can be put to it, with their top level
    asks_of: dict[str, tuple[tuple[str, int], ...]]
    gentle_of: dict[str, tuple[tuple[str, int], ...]]
    # per country, its sticks from the cheapest in capital, the most harmful first among equals
    cheap_sticks: dict[str, tuple[str, ...]]


def kit(rules: Rules) -> Kit:
    """What the data offers bots (``kit_of`` keeps it for the rules)."""
    preferred = tuple(a for a in _BOT_ASKS if a in rules.asks)
    asks = preferred or tuple(rules.ask_order)
    offers = tuple(sorted(rules.offerable, key=lambda lid: (rules.levers[lid].requires is None,
                                                           rules.levers[lid].aid_cost_m > 0)))
    talks = sorted((lv.capital_cost, i, lid) for i, (lid, lv) in enumerate(rules.levers.items()) if lv.kind == "diplomacy")
    intel = next((lid for lid, lv in rules.levers.items() if lv.kind == "intelligence"), None)
    gentle = tuple(sorted(rules.ask_order, key=lambda a: rules.asks[a].protection_risk + rules.asks[a].stranded_share))

    def of(chosen: tuple[str, ...]) -> dict[str, tuple[tuple[str, int], ...]]:
        return {country: tuple((aid, len(rules.asks[aid].levels)) for aid in chosen if rules.asks[aid].applies(country))
                for country in rules.order}
    cheap = {cid: tuple(sorted(rank, key=lambda lid: rules.levers[lid].capital_cost))  # a stable sort keeps the rank
             for cid, rank in rules.stick_rank.items()}
    return Kit(asks, gentle, offers, talks[0][2] if talks else None, intel, of(asks), of(gentle), cheap)


_KITS: dict[int, tuple[weakref.ref[Rules], Kit]] = {}


def kit_of(state: GameState) -> Kit:
    """The ``Kit`` of the game's rules, built once per set of rules."""
    rules = rules_of(state)
    kept = _KITS.get(id(rules))
    if kept is None or kept[0]() is not rules:
        key = id(rules)

        def forget(_ref: weakref.ref[Rules]) -> None:
            _KITS.pop(key, None)
        kept = _KITS[key] = (weakref.ref(rules, forget), kit(rules))
    return kept[1]


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


def _to_work(state: GameState, min_capital: int = 1) -> Iterator[tuple[str, CountryState]]:
    """The countries by outflow while the month's capital lasts (at least ``min_capital``), after
    taking the counter-offer a government has on the table (that country is then done)."""
    for cid in _by_flow(state):
        if state.us.capital < min_capital:
            return
        cs = state.countries[cid]
        if _counter_open(state, cs) and _try(state, AcceptCounter(cid)):
            continue
        yield cid, cs


def _wanted(rules: Rules, state: GameState, cid: str, level: int = 2, gentle: bool = False) -> dict[str, int]:
    """A demand of up to two asks the country does not meet yet (``gentle``: from the least harmful)."""
    tools = kit_of(state)
    asks = tools.gentle_of if gentle else tools.asks_of
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


def _threatened(state: GameState) -> set[str]:
    """The countries with a threat pending (the plan being made does not change it)."""
    return {t.country for t in state.threats if t.status == "pending"}


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


def _offer_for(rules: Rules, tools: Kit, cs: CountryState, aid_wanted: bool) -> str | None:
    """The offer the balanced bot makes: a relief of a measure in force, else aid where the
    government seems to value it, else the first offer that costs no aid."""
    fallback = None
    for lid in tools.offers:
        lever = rules.levers[lid]
        if lever.requires:
            if lever.requires in cs.measures:
                return lid
            continue
        if (lever.aid_cost_m > 0) == aid_wanted:
            return lid
        fallback = fallback or lid
    return fallback


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
