"""Data-driven events: evaluating structured conditions on the state and applying effects."""

from __future__ import annotations

import math
from typing import Callable

from game.content.event import COUNTRY_METRICS, Event
from game.engine.conditions import US_FIELDS
from game.engine.rules import Rules
from game.engine.state import GameState, News
from game.engine.world import clamp

_RANGES = {
    "relations": (-100.0, 100.0), "trust": (0.0, 100.0), "approval": (0.0, 100.0),
    "economy": (0.0, 100.0), "instability": (0.0, 1.0), "outflow_k": (0.0, 1000.0),
    "grievance": (0.0, 100.0), "credibility": (0.0, 100.0), "political_capital": (0.0, 100.0),
    "aid_budget_m": (0.0, 1e6), "domestic_cost": (0.0, 1e3), "regional_resistance": (0.0, 100.0),
}
# Effects on the monthly domestic cost add to the extra cost (retaliation, court rulings).
_EFFECT_FIELDS = {**US_FIELDS, "domestic_cost": "domestic_cost_extra"}


def _apply_effects(rules: Rules, state: GameState, event: Event, here: str | None) -> None:
    for effect in event.effects:
        name = effect.metric.value
        low, high = _RANGES[name]
        if effect.metric in COUNTRY_METRICS:
            cs = state.countries.get(effect.country or here or "")
            if cs is None:
                continue
            if name == "outflow_k":  # a surge of departures that fades over the next months
                cs.surge_k = max(0.0, cs.surge_k + effect.delta)
            setattr(cs, name, clamp(getattr(cs, name) + effect.delta, low, high))
        elif name == "political_capital":
            state.us.capital_bonus += int(round(effect.delta))
        else:
            field = _EFFECT_FIELDS[name]
            setattr(state.us, field, clamp(getattr(state.us, field) + effect.delta, low, high))


def _fill(rules: Rules, text: str, here: str | None) -> str:
    if here is None or here not in rules.countries:
        return text
    c = rules.countries[here]
    return text.replace("{country}", c.name).replace("{leader}", c.leader)


def _lucky(places: tuple[str | None, ...], chance: float, rand: Callable[[], float]) -> list[str | None]:
    """The places whose roll of ``chance`` succeeds, in order. Rather than one roll per place, the
    gap to the next success is drawn from its geometric distribution: the same odds for every place,
    with one draw per success (plus one) instead of one per place."""
    if chance >= 1.0:
        return list(places)
    if chance <= 0.0:
        return []
    if len(places) == 1:
        return list(places) if rand() < chance else []
    log_miss = math.log1p(-chance)
    out: list[str | None] = []
    index = -1
    count = len(places)
    while True:
        index += 1 + int(math.log(1.0 - rand()) / log_miss)
        if index >= count:
            return out
        out.append(places[index])


def fire_events(rules: Rules, state: GameState) -> list[News]:
    """Check every event of the scenario and fire those whose condition holds."""
    fired_now: list[News] = []
    fired = state.fired
    rand = state.rng.random
    turn = state.turn
    remaining = state.scratch.setdefault("event_places", {})  # event id -> (places done, places left)
    for eid, places, once, first, last, chance, check in rules.event_plan:
        if turn < first or turn > last:
            continue
        done = fired.get(eid)
        if once and done:
            cached = remaining.get(eid)
            if cached is None or cached[0] != len(done):
                cached = remaining[eid] = (len(done), tuple(here for here in places if (here or "*") not in done))
            places = cached[1]
            if not places:
                continue
        for here in (places if chance is None else _lucky(places, chance, rand)):
            if check is not None and not check(state, here):
                continue
            event = rules.events[eid]
            _apply_effects(rules, state, event, here)
            if done is None:
                done = fired[eid] = []
            key = here or "*"
            if key not in done:
                done.append(key)
            news = News(turn=state.turn, title=_fill(rules, event.title, here), text=_fill(rules, event.text, here),
                        country=here, event=eid)
            state.news.append(news)
            fired_now.append(news)
    return fired_now
