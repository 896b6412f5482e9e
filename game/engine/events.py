"""Data-driven events: evaluating structured conditions on the state and applying effects."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from game.engine.conditions import CAPITAL, COUNTRY, Effect
from game.engine.rules import Rules
from game.engine.state import CountryState, GameState, News, USState


def _apply_effects(state: GameState, effects: tuple[Effect, ...], here: str | None) -> None:
    target: CountryState | USState | None
    for kind, name, country, delta, low, high in effects:
        if kind == COUNTRY:
            target = state.countries.get(country or here or "")
            if target is None:
                continue
            if name == "outflow_k":  # a surge of departures that fades over the next months
                target.surge_k = max(0.0, target.surge_k + delta)
        elif kind == CAPITAL:
            state.us.capital_bonus += round(delta)
            continue
        else:
            target = state.us
        value = getattr(target, name) + delta
        setattr(target, name, low if value < low else high if value > high else value)


def _lucky(places: Sequence[str | None], chance: float, log_miss: float, rand: Callable[[], float]) -> list[str | None]:
    """The places whose roll of ``chance`` succeeds, in order. Rather than one roll per place, the
    gap to the next success is drawn from its geometric distribution (``log_miss`` is log(1 - chance)):
    the same odds for every place, with one draw per success (plus one) instead of one per place."""
    if chance >= 1.0:
        return list(places)
    if chance <= 0.0 or not places:
        return []
    log = math.log
    out: list[str | None] = []
    index = -1
    count = len(places)
    while True:
        index += 1 + int(log(1.0 - rand()) / log_miss)
        if index >= count:
            return out
        out.append(places[index])


def fire_events(rules: Rules, state: GameState) -> list[News]:
    """Check every event of the scenario and fire those whose condition holds."""
    fired_now: list[News] = []
    fired = state.fired
    rand = state.rng.random
    turn = state.turn
    remaining = state.scratch.get("event_places")
    if remaining is None:  # once-only event id -> places where it may still fire (kept with the state)
        remaining = state.scratch["event_places"] = {
            plan.id: tuple(here for here in plan.places if (here or "*") not in done) if (done := fired.get(plan.id))
            else plan.places for plan in rules.event_plan if plan.once}
    places: Sequence[str | None]  # the plan's tuple, or the list of the lucky ones
    for eid, places, once, first, last, chance, log_miss, check, effects, texts in rules.event_plan:
        if turn < first or turn > last:
            continue
        if once:
            places = remaining[eid]
            if not places:
                continue
        if chance is not None:
            if len(places) == 1:  # what ``_lucky`` would do, without the call
                if rand() >= chance:
                    continue
            else:
                places = _lucky(places, chance, log_miss, rand)
        for here in places:
            if check is not None and not check(state, here):
                continue
            _apply_effects(state, effects, here)
            done = fired.get(eid)
            if done is None:
                done = fired[eid] = []
            key = here or "*"
            if key not in done:
                done.append(key)
            if once:
                left = remaining[eid]
                at = left.index(here)
                remaining[eid] = left[:at] + left[at + 1:]
            title, text = texts[here]
            news = News(turn=turn, title=title, text=text, country=here, event=eid)
            state.news.append(news)
            fired_now.append(news)
    return fired_now
