"""The player's side of the engine: legal_actions, apply (queue or refuse), unqueue, action costs.

The public API is the package (``game.engine``), which re-exports these beside ``end_turn``
(``turn``), ``new_game`` (``setup``) and the saves; the two import the same action classes because
both name them, not because either repeats the other.

``apply`` checks an action against the rules, this month's budget and the aid the measures in
force will cost until the end (:func:`aid_outlook`) and queues it (spending the political capital
at once); ``end_turn`` resolves the queue and the world. A refused action
raises ``Impossible`` with a sentence for the player.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from game.engine.actions import (
    AcceptCounter,
    Action,
    CarryOut,
    Engage,
    FireEvent,
    Investigate,
    Lift,
    Propose,
    Threaten,
)
from game.engine.aid import AidOutlook as AidOutlook
from game.engine.aid import aid_outlook as aid_outlook
from game.engine.aid import check_aid
from game.engine.errors import Impossible
from game.engine.inject import check_inject
from game.engine.rules import CountryRule, Rules, is_stick
from game.engine.state import GameState, rules_of
from game.i18n import _

NEGOTIATIONS = frozenset({Threaten, Propose, AcceptCounter})  # one negotiation per country a month
MAX_DEADLINE = 6


def action_cost(rules: Rules, state: GameState, action: Action) -> int:
    """Political capital the action takes."""
    if isinstance(action, (Threaten, CarryOut, Engage, Investigate)):
        return rules.lever(action.lever).capital_cost
    if isinstance(action, Propose):
        cost = 1
        for o in action.offers:
            cost += rules.lever(o).capital_cost
        return cost + (rules.lever(action.threat).capital_cost if action.threat else 0)
    if isinstance(action, AcceptCounter):
        counter = state.countries[action.country].pending_counter
        return sum(rules.lever(o).capital_cost for o in counter.offers) if counter else 0
    return 0


def _in_force_after_queue(state: GameState, country: str, lever: str) -> bool:
    in_force = lever in state.countries[country].measures
    for queued in state.queue:
        if queued.country == country and getattr(queued, "lever", None) == lever:
            if isinstance(queued, CarryOut):
                in_force = True
            elif isinstance(queued, Lift):
                in_force = False
    return in_force


def _check_asks(rules: Rules, country: str, asks: dict[str, int], what: str) -> None:
    if not asks or max(asks.values()) <= 0:
        raise Impossible(_("A {what} needs at least one ask with a level of 1 or more.").format(what=what))
    for aid, level in asks.items():
        rule = rules.ask(aid)
        if rule.applies_to and country not in rule.applies_to:
            raise Impossible(_("'{name}' cannot be asked of {country}.").format(
                                 name=rule.name, country=rules.country(country).name))
        if not 0 <= level <= len(rule.levels):
            raise Impossible(_("'{name}' has levels 1 to {n}; {level} is not one of them.").format(
                                 name=rule.name, n=len(rule.levels), level=level))


def _check_offers(rules: Rules, state: GameState, country: str, offers: tuple[str, ...] | list[str]) -> float:
    aid = 0.0
    if len(set(offers)) != len(offers):
        raise Impossible(_("The same offer is listed twice."))
    for oid in offers:
        lever = rules.lever(oid)
        if not lever.offerable:
            raise Impossible(_("{name} cannot be offered in a proposal.").format(name=lever.name))
        if _in_force_after_queue(state, country, oid):
            raise Impossible(_("{name} is already in force for {country}.").format(
                                 name=lever.name, country=rules.country(country).name))
        if lever.requires and not _in_force_after_queue(state, country, lever.requires):
            req = rules.lever(lever.requires).name.lower()
            raise Impossible(_("{name} can only be offered while {req} is in force.").format(name=lever.name, req=req))
        aid += lever.aid_cost_m
    return aid


def check(state: GameState, action: Action) -> None:
    """Raise ``Impossible`` if the action cannot be queued now."""
    _check(state, action)


def _check(state: GameState, action: Action) -> int:
    """``check``, returning the political capital the action takes."""
    rules = rules_of(state)
    if state.is_over:
        raise Impossible(_("The game is over; no more actions can be taken."))
    if isinstance(action, FireEvent):
        check_inject(rules, state, action)
        return 0
    kind = type(action)
    country = rules.country(action.country)
    if kind in NEGOTIATIONS:
        for queued in state.queue:
            if type(queued) in NEGOTIATIONS and queued.country == action.country:
                raise Impossible(_("You already have a demand or proposal for {name} this month.").format(
                                     name=country.name))
    checker = _CHECKS.get(kind)
    if checker is None:  # pragma: no cover - the Action union is closed
        raise Impossible(_("That is not an action the envoy can take."))
    checker(rules, state, action, country)
    cost = action_cost(rules, state, action)
    if cost > state.us.capital:
        raise Impossible(_("That needs {cost} political capital; {capital} is left this month.").format(
                             cost=cost, capital=state.us.capital))
    return cost


def _check_threaten(rules: Rules, state: GameState, action: Threaten, country: CountryRule) -> None:
    lever = rules.lever(action.lever)
    if not is_stick(lever):
        raise Impossible(_("{name} is not a measure you can threaten.").format(name=lever.name))
    if action.public and not lever.threat_public:
        raise Impossible(_("{name} cannot be threatened in public.").format(name=lever.name))
    if not action.public and not lever.threat_private:
        raise Impossible(_("{name} cannot be threatened in private.").format(name=lever.name))
    if _in_force_after_queue(state, action.country, action.lever):
        raise Impossible(_("{name} is already in force on {country}; lift it or offer to lift it instead.").format(
                             name=lever.name, country=country.name))
    if not 1 <= action.deadline <= MAX_DEADLINE:
        raise Impossible(_("A deadline must be 1 to {most} months.").format(most=MAX_DEADLINE))
    _check_asks(rules, action.country, action.demand, "demand")


def _check_propose(rules: Rules, state: GameState, action: Propose, country: CountryRule) -> None:
    _check_asks(rules, action.country, action.asks, "proposal")
    aid = _check_offers(rules, state, action.country, action.offers)
    if aid > state.us.aid_budget_m:
        raise Impossible(_("These offers need ${aid:.0f} M of aid a month; ${aid_budget_m:.0f} M is left.").format(
                             aid=aid, aid_budget_m=state.us.aid_budget_m))
    check_aid(rules, state, action.offers, _("If accepted, these offers"))
    if action.threat:
        _check(state, Threaten(action.country, action.threat, action.asks, action.public, action.deadline))


def _check_carry_out(rules: Rules, state: GameState, action: CarryOut, country: CountryRule) -> None:
    lever = rules.lever(action.lever)
    if lever.kind not in ("stick", "carrot"):
        raise Impossible(_("{name} is not a measure that can be put in force.").format(name=lever.name))
    if _in_force_after_queue(state, action.country, action.lever):
        raise Impossible(_("{name} is already in force on {country}.").format(name=lever.name, country=country.name))
    if lever.requires and not _in_force_after_queue(state, action.country, lever.requires):
        raise Impossible(_("{name} is only possible while {required} is in force.").format(
                             name=lever.name, required=rules.lever(lever.requires).name.lower()))
    if lever.aid_cost_m > state.us.aid_budget_m:
        raise Impossible(_("{name} needs ${aid_cost_m:.0f} M of aid a month; ${aid_budget_m:.0f} M is left.").format(
                             name=lever.name, aid_cost_m=lever.aid_cost_m, aid_budget_m=state.us.aid_budget_m))
    check_aid(rules, state, (action.lever,), lever.name)


def _check_lift(rules: Rules, state: GameState, action: Lift, country: CountryRule) -> None:
    lever = rules.lever(action.lever)
    if not _in_force_after_queue(state, action.country, action.lever):
        raise Impossible(_("{name} is not in force on {country}.").format(name=lever.name, country=country.name))


def _check_engage(rules: Rules, state: GameState, action: Engage, country: CountryRule) -> None:
    if rules.lever(action.lever).kind != "diplomacy":
        raise Impossible(_("{name} is not a diplomatic move.").format(name=rules.lever(action.lever).name))
    if any(type(q) is Engage and q.country == action.country and q.lever == action.lever for q in state.queue):
        raise Impossible(_("That is already planned with {name} this month.").format(name=country.name))


def _check_investigate(rules: Rules, state: GameState, action: Investigate, country: CountryRule) -> None:
    if rules.lever(action.lever).kind != "intelligence":
        raise Impossible(_("{name} is not intelligence work.").format(name=rules.lever(action.lever).name))
    if any(type(q) is Investigate and q.country == action.country for q in state.queue):
        raise Impossible(_("Intelligence on {name} is already planned this month.").format(name=country.name))


def _check_accept_counter(rules: Rules, state: GameState, action: AcceptCounter, country: CountryRule) -> None:
    counter = state.countries[action.country].pending_counter
    if counter is None or counter.turn != state.turn - 1:
        raise Impossible(_("{name} has no counter-offer on the table this month.").format(name=country.name))
    aid = _check_offers(rules, state, action.country, counter.offers)
    if aid > state.us.aid_budget_m:
        raise Impossible(_("The counter-offer needs ${aid:.0f} M of aid a month; ${aid_budget_m:.0f} M is left.").format(
                             aid=aid, aid_budget_m=state.us.aid_budget_m))
    check_aid(rules, state, counter.offers, _("The counter-offer"))


# The checks of each kind of action, after those every action shares (see ``_check``).
_CHECKS: dict[type, Callable[[Rules, GameState, Any, CountryRule], None]] = {
    Threaten: _check_threaten, Propose: _check_propose, CarryOut: _check_carry_out, Lift: _check_lift,
    Engage: _check_engage, Investigate: _check_investigate, AcceptCounter: _check_accept_counter,
}


def apply(state: GameState, action: Action) -> None:
    """Queue the action for this month, or raise ``Impossible`` explaining why not."""
    state.us.capital -= _check(state, action)
    state.queue.append(action)


def unqueue(state: GameState, index: int) -> list[Action]:
    """Take back a queued action (undo) and refund its political capital.

    Returns the removed action first, then any queued action that no longer fits without it
    (for example offering sanctions relief after undoing the sanctions); those are removed too.
    """
    if not 0 <= index < len(state.queue):
        raise Impossible(_("There is no such action in this month's plan."))
    rules = rules_of(state)
    for queued in state.queue:
        state.us.capital += action_cost(rules, state, queued)
    removed = [state.queue.pop(index)]
    kept = list(state.queue)
    state.queue.clear()
    for action in kept:
        try:
            apply(state, action)
        except Impossible:
            removed.append(action)
    return removed


def legal_actions(state: GameState) -> list[Action]:
    """A representative list of actions that ``apply`` would accept now.

    Proposals are listed with one ask at a time (every level), with no offer or one offer;
    threats demand one ask at its lowest level with a two-month deadline.
    """
    rules = rules_of(state)
    out: list[Action] = []
    candidates: list[Action] = []
    for cid in rules.order:
        cs = state.countries[cid]
        for lid in rules.lever_order:
            lever = rules.levers[lid]
            if lever.kind in ("stick", "carrot"):
                candidates.append(CarryOut(cid, lid))
                if lid in cs.measures:
                    candidates.append(Lift(cid, lid))
            elif lever.kind == "diplomacy":
                candidates.append(Engage(cid, lid))
            else:
                candidates.append(Investigate(cid, lid))
        sticks = [lid for lid in rules.lever_order if is_stick(rules.levers[lid])]
        for aid in rules.ask_order:
            rule = rules.asks[aid]
            if not rule.applies(cid):
                continue
            for level in range(1, len(rule.levels) + 1):
                candidates.append(Propose(cid, {aid: level}))
                candidates.extend(Propose(cid, {aid: level}, (o,)) for o in rules.offerable)
            for lid in sticks:
                candidates.append(Threaten(cid, lid, {aid: 1}, public=False))
                candidates.append(Threaten(cid, lid, {aid: 1}, public=True))
        if cs.pending_counter is not None:
            candidates.append(AcceptCounter(cid))
    for action in candidates:
        try:
            check(state, action)
        except Impossible:
            continue
        out.append(action)
    return out
