"""Retaliation: when a government hits back, with which of the answers it holds, and what each does."""

from __future__ import annotations

from game.content.common import ResponseKind
from game.engine import tuning as T
from game.engine.decide import SMALL
from game.engine.respond import respond
from game.engine.rules import Rules
from game.engine.state import Factor, GameState, News
from game.engine.terms import stick_pain
from game.engine.world import clamp
from game.i18n import _, ngettext


def retaliation_chance(rules: Rules, state: GameState, cid: str, coerced: bool) -> float:
    """Chance this month that the government hits back (none without a repertoire)."""
    c = rules.countries[cid]
    if not coerced or not c.repertoire:
        return 0.0
    cs = state.countries[cid]
    return min(0.9, c.retaliation * (0.25 + cs.grievance / 100.0 + 0.3 * c.pride))


def new_coercion(rules: Rules, state: GameState, cid: str) -> list[str]:
    """Sticks imposed on the country during this game and still in force (long-standing sanctions
    are not new coercion)."""
    cs = state.countries[cid]
    if not cs.imposed:
        return []
    return [lid for lid in cs.imposed if lid in cs.measures]


def pick_retaliation(rules: Rules, state: GameState, cid: str) -> int | None:
    """Which of its answers the government picks (by weight, among those it can give now), or None."""
    cs = state.countries[cid]
    options = rules.countries[cid].repertoire
    usable = [(i, o.weight) for i, o in enumerate(options)
              if o.weight > 0 and (not o.drops or any(a in cs.commitments for a in o.drops))]
    total = sum(w for _, w in usable)
    if total <= 0:
        return None
    roll = state.rng.random() * total
    for index, weight in usable:
        roll -= weight
        if roll < 0:
            return index
    return usable[-1][0]


def retaliate(rules: Rules, state: GameState, cid: str, about: str, asks: dict[str, int],
              factors: list[Factor], utility: float, trigger: str, option: int | None = None) -> bool:
    """The government hits back with one of the answers it holds (its repertoire in the data):
    each has its cost to the US, its effect on the region and its cost to the government itself.
    ``trigger`` is the sentence stating what it answers; returns whether it hit back."""
    if option is None:
        option = pick_retaliation(rules, state, cid)
    if option is None:
        return False
    o = rules.countries[cid].repertoire[option]
    cs = state.countries[cid]
    us = state.us
    if o.us_cost:
        us.domestic_cost_extra += o.us_cost
        us.retaliation_months = max(us.retaliation_months, o.months)
    if o.resistance:
        us.regional_resistance = clamp(us.regional_resistance + o.resistance, 0.0, 100.0)
    if o.own_cost:
        cs.economy = clamp(cs.economy - o.own_cost, 0.0, 100.0)
    for aid in o.drops:
        level = cs.commitments.get(aid, 0)
        if level <= 1:
            cs.commitments.pop(aid, None)
            cs.commitment_deals.pop(aid, None)
        else:
            cs.commitments[aid] = level - 1
    done = o.text.rstrip(".") + "."  # what it does, as one sentence (a text may end with "EE. UU.")
    extra = f"{done} {trigger}"
    if o.alternatives:  # turning to other partners: US sticks bite less for a while
        base = rules.countries[cid].exposure["alternatives"]
        cs.alternatives = min(1.0 - base, cs.alternatives + o.alternatives)
        extra += " " + _("With other partners to lean on, US measures will bite less for some months.")
    cs.relations = clamp(cs.relations - T.RETALIATION_RELATIONS, -100.0, 100.0)
    cs.counter_threat = None
    name = rules.countries[cid].name
    state.news.append(News(turn=state.turn, country=cid, title=_("{name} hits back").format(name=name), text=done))
    respond(rules, state, cid, ResponseKind.retaliate, about, asks, factors, utility, extra=extra)
    return True


def answer_measure(rules: Rules, state: GameState, cid: str, lid: str) -> None:
    """The government answers a stick imposed this month: it does what it warned it would, or may hit
    back; otherwise the report still says that it held back, and why."""
    cs = state.countries[cid]
    lever = rules.levers[lid]
    harm = stick_pain(rules, cid, lid, cs)
    factors = [Factor("measure", _("{name} was imposed.").format(name=lever.name), -harm)] if harm >= SMALL else []
    measure = lever.name
    if cs.counter_threat is not None:  # it said what it would do: it does it
        trigger = _("As it warned, this answers a measure imposed this month: {measure}.").format(measure=measure)
        if retaliate(rules, state, cid, "measure", {}, factors, -harm, trigger, cs.counter_threat):
            return
    elif state.rng.random() < retaliation_chance(rules, state, cid, coerced=True):
        trigger = _("This answers a measure imposed this month: {measure}.").format(measure=measure)
        if retaliate(rules, state, cid, "measure", {}, factors, -harm, trigger):
            return
    why = (_("The government has no way of hitting back.") if not rules.countries[cid].repertoire
           else _("The government holds back for now; the measure will weigh on its next decisions."))
    respond(rules, state, cid, ResponseKind.none, "measure", {}, factors, -harm,
            extra=_("Now in force: {measure}.").format(measure=measure) + " " + why)


def monthly_retaliation(rules: Rules, state: GameState, answered: set[str]) -> None:
    """Governments under new coercion may hit back on their own; the urge fades as a measure ages,
    and sanctions that stood before the game are not new coercion."""
    for cid in rules.order:
        cs = state.countries[cid]
        if not cs.imposed or cid in answered:
            continue
        fresh = new_coercion(rules, state, cid)
        if not fresh:
            continue
        age = state.turn - max(cs.imposed[lid] for lid in fresh)
        chance = T.RETALIATION_MONTHLY * retaliation_chance(rules, state, cid, True) * T.RETALIATION_AGE_KEEP ** age
        if state.rng.random() < chance:
            harm = sum(stick_pain(rules, cid, lid, cs) for lid in fresh)
            names = ", ".join(rules.levers[lid].name.lower() for lid in fresh)
            factors = [Factor("measures", ngettext("The {names} imposed by Washington still hurts.",
                                                     "The {names} imposed by Washington still hurt.", len(fresh)).format(names=names), -harm)] \
                if harm >= SMALL else []
            trigger = ngettext("This answers what Washington imposed last month: {measures}.",
                               "This answers what Washington imposed {months} months ago: {measures}.", age)
            imposed = ", ".join(rules.levers[lid].name for lid in fresh)
            if retaliate(rules, state, cid, "measure", {}, factors, -harm, trigger.format(measures=imposed, months=age)):
                answered.add(cid)
