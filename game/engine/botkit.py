"""What bots work with (``bots``): the levers and asks of the data found by kind (the ``Kit``, kept
once per set of rules), and the moves every strategy shares: trying an action through the engine
API, the countries by outflow, taking a counter-offer on the table, the asks still to win, the stick
that bites most, carrying out threats that fall due."""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from game.engine.actions import AcceptCounter, Action, CarryOut, Lift
from game.engine.api import action_cost, apply
from game.engine.errors import Impossible
from game.engine.perrules import PerRules
from game.engine.rules import Rules
from game.engine.state import CountryState, GameState, rules_of

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


_KITS: PerRules[Kit] = PerRules()


def kit_of(state: GameState) -> Kit:
    """The ``Kit`` of the game's rules, built once per set of rules."""
    return _KITS.of(rules_of(state), kit)


def _try(state: GameState, action: Action) -> bool:
    """Queue the action through the engine API; False when it is refused (an action beyond the
    month's capital is refused whatever else holds, so it is not checked further)."""
    try:
        if action_cost(rules_of(state), state, action) > state.us.capital:
            return False
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
