"""Injects: an event from the data fired on purpose (by a class instructor) as a queued action.

A ``FireEvent`` action costs nothing and is resolved with the rest of the month's plan: the
event's effects apply at each of its places (or the one named), its news is written, and a
once-only event counts as fired there. Being an action, it is in the record and replays exactly.
"""

from __future__ import annotations

from game.engine.actions import FireEvent
from game.engine.errors import Impossible
from game.engine.events import _apply_effects
from game.engine.rules import EventPlan, Rules
from game.engine.state import GameState, News
from game.i18n import _


def _plan(rules: Rules, event: str) -> EventPlan | None:
    for plan in rules.event_plan:
        if plan.id == event:
            return plan
    return None


def inject_places(rules: Rules, action: FireEvent) -> tuple[str | None, ...]:
    """Where the event fires: every place it has in the scenario, or the one country named."""
    plan = _plan(rules, action.event)
    if plan is None:
        return ()
    places: tuple[str | None, ...] = plan.places
    return tuple(p for p in places if p == action.country) if action.country else places


def check_inject(rules: Rules, state: GameState, action: FireEvent) -> None:
    """Raise ``Impossible`` unless the event exists in this scenario and can fire where asked.

    The same event may be planned twice in a month (two injects): a class's game plays every inject."""
    if _plan(rules, action.event) is None:
        raise Impossible(_("There is no event '{event}' in this scenario.").format(event=action.event))
    if not inject_places(rules, action):
        raise Impossible(_("The event '{event}' cannot happen in '{country}'.").format(
                             event=action.event, country=action.country))


def fire_inject(rules: Rules, state: GameState, action: FireEvent) -> None:
    """Apply the event's effects and news at each of its places (its condition and odds are not checked)."""
    plan = _plan(rules, action.event)
    if plan is None:
        return
    eid, once, effects, texts = plan.id, plan.once, plan.effects, plan.texts
    remaining = state.scratch.get("event_places")
    for here in inject_places(rules, action):
        _apply_effects(state, effects, here)
        done = state.fired.setdefault(eid, [])
        key = here or "*"
        if key not in done:
            done.append(key)
        if once and remaining is not None and here in remaining.get(eid, ()):
            left = remaining[eid]
            at = left.index(here)
            remaining[eid] = left[:at] + left[at + 1:]
        title, text = texts[here]
        state.news.append(News(turn=state.turn, title=title, text=text, country=here, event=eid))
