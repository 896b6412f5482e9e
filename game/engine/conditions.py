"""Compiling events (data) once per scenario: conditions into small Python closures, effects into
plain tuples.

A condition tree from the data becomes a function ``check(state, here) -> bool``; nothing is
``eval``-ed. ``here`` is the country an each_country event is being checked for.
"""

from __future__ import annotations

import operator
from collections.abc import Callable

from game.content.event import COUNTRY_METRICS, Condition, Event, Metric
from game.engine.state import GameState

Check = Callable[[GameState, "str | None"], bool]

_OPS: dict[str, Callable[[float, float], bool]] = {
    "<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge,
    "==": operator.eq, "!=": operator.ne,
}
US_FIELDS = {
    "credibility": "credibility", "political_capital": "capital", "aid_budget_m": "aid_budget_m",
    "domestic_cost": "domestic_cost", "regional_resistance": "regional_resistance",
}


def _comparison(cond: Condition, metric: Metric) -> Check:
    """``metric`` (the condition's) compared with a value; a country metric of a country not in the game is false."""
    fixed = cond.country
    compare = _OPS[cond.op.value if cond.op else "=="]
    target = float(cond.value if cond.value is not None else 0.0)
    if metric in COUNTRY_METRICS:
        if metric not in (Metric.commitment, Metric.lever_in_force) and fixed is None:
            return _here_metric(metric.value, cond.op.value if cond.op else "==", target)
        if metric is Metric.commitment:
            ask = cond.ask or ""

            def check(state: GameState, here: str | None) -> bool:
                cs = state.countries.get(fixed or here or "")
                return cs is not None and compare(float(cs.commitments.get(ask, 0)), target)
        elif metric is Metric.lever_in_force:
            lever = cond.lever or ""

            def check(state: GameState, here: str | None) -> bool:
                cs = state.countries.get(fixed or here or "")
                return cs is not None and compare(1.0 if lever in cs.measures else 0.0, target)
        else:
            name = metric.value

            def check(state: GameState, here: str | None) -> bool:
                cs = state.countries.get(fixed or here or "")
                return cs is not None and compare(getattr(cs, name), target)
        return check
    if metric is Metric.turn:
        return lambda state, here: compare(float(state.turn), target)
    name = US_FIELDS[metric.value]
    return lambda state, here: compare(getattr(state.us, name), target)


def _here_metric(name: str, op: str, target: float) -> Check:
    """A meter of the country the event is checked for, compared with a value: the commonest
    comparison, written out per operator (no call through ``operator``)."""
    read = operator.attrgetter(name)
    if op == "<":
        def check(state: GameState, here: str | None) -> bool:
            cs = state.countries.get(here or "")
            return cs is not None and read(cs) < target
    elif op == "<=":
        def check(state: GameState, here: str | None) -> bool:
            cs = state.countries.get(here or "")
            return cs is not None and read(cs) <= target
    elif op == ">":
        def check(state: GameState, here: str | None) -> bool:
            cs = state.countries.get(here or "")
            return cs is not None and read(cs) > target
    elif op == ">=":
        def check(state: GameState, here: str | None) -> bool:
            cs = state.countries.get(here or "")
            return cs is not None and read(cs) >= target
    else:
        compare = _OPS[op]

        def check(state: GameState, here: str | None) -> bool:
            cs = state.countries.get(here or "")
            return cs is not None and compare(read(cs), target)
    return check


def _cost(cond: Condition) -> int:
    """Evaluation order inside all/any: turn ranges, then unlikely dice (a roll is cheaper than
    reading the state and usually ends the test), then comparisons, then likely dice."""
    if cond.turn_min is not None or cond.turn_max is not None:
        return 0
    if cond.chance is not None:
        return 1 if cond.chance <= 0.5 else 4
    if cond.metric is not None:
        return 2
    return 3


def compile_condition(cond: Condition) -> Check:
    """Turn a condition model into a fast check."""
    if cond.all is not None:
        return _all([compile_condition(c) for c in sorted(cond.all, key=_cost)])
    if cond.any is not None:
        return _any([compile_condition(c) for c in sorted(cond.any, key=_cost)])
    if cond.not_ is not None:
        inner = compile_condition(cond.not_)
        return lambda state, here: not inner(state, here)
    if cond.metric is not None:
        return _comparison(cond, cond.metric)
    if cond.turn_min is not None or cond.turn_max is not None:
        low = cond.turn_min or 0
        high = cond.turn_max or 10**6
        return lambda state, here: low <= state.turn <= high
    if cond.chance is not None:
        chance = cond.chance
        return lambda state, here: state.rng.random() < chance
    return lambda state, here: False


def _all(parts: list[Check]) -> Check:
    if len(parts) == 1:
        return parts[0]
    if len(parts) == 2:
        first, second = parts
        return lambda state, here: first(state, here) and second(state, here)

    def check(state: GameState, here: str | None) -> bool:
        for part in parts:
            if not part(state, here):
                return False
        return True
    return check


def _any(parts: list[Check]) -> Check:
    if len(parts) == 1:
        return parts[0]
    if len(parts) == 2:
        first, second = parts
        return lambda state, here: first(state, here) or second(state, here)

    def check(state: GameState, here: str | None) -> bool:
        for part in parts:
            if part(state, here):
                return True
        return False
    return check


def compile_event_condition(cond: Condition) -> tuple[Check | None, float | None, int, int]:
    """An event's condition split for speed: (check of the rest or None, chance or None, first turn,
    last turn). Top-level turn ranges become a window tested once per event; top-level chances
    become one roll made before anything else is read."""
    low, high = 0, 10**6
    chance: float | None = None
    parts = list(cond.all) if cond.all is not None else [cond]
    rest: list[Condition] = []
    for part in parts:
        if part.chance is not None:
            chance = part.chance if chance is None else chance * part.chance
        elif part.turn_min is not None or part.turn_max is not None:
            if part.turn_min is not None:
                low = max(low, part.turn_min)
            if part.turn_max is not None:
                high = min(high, part.turn_max)
        else:
            rest.append(part)
    check = _all([compile_condition(c) for c in sorted(rest, key=_cost)]) if rest else None
    return check, chance, low, high


_RANGES = {
    "relations": (-100.0, 100.0), "trust": (0.0, 100.0), "approval": (0.0, 100.0),
    "economy": (0.0, 100.0), "instability": (0.0, 1.0), "outflow_k": (0.0, 1000.0),
    "grievance": (0.0, 100.0), "credibility": (0.0, 100.0), "political_capital": (0.0, 100.0),
    "aid_budget_m": (0.0, 1e6), "domestic_cost": (0.0, 1e3), "regional_resistance": (0.0, 100.0),
}
# Effects on the monthly domestic cost add to the extra cost (retaliation, court rulings).
_EFFECT_FIELDS = {**US_FIELDS, "domestic_cost": "domestic_cost_extra"}
COUNTRY, CAPITAL, US = 0, 1, 2
# (COUNTRY, CAPITAL or US; the field changed; the country named by the effect or None; delta; low; high)
Effect = tuple[int, str, "str | None", float, float, float]


def compile_effects(event: Event) -> tuple[Effect, ...]:
    """An event's effects as tuples: whose field, by how much, within which range."""
    out: list[Effect] = []
    for effect in event.effects:
        name = effect.metric.value
        low, high = _RANGES[name]
        if effect.metric in COUNTRY_METRICS:
            out.append((COUNTRY, name, effect.country, effect.delta, low, high))
        elif name == "political_capital":
            out.append((CAPITAL, "capital_bonus", None, effect.delta, low, high))
        else:
            out.append((US, _EFFECT_FIELDS[name], None, effect.delta, low, high))
    return tuple(out)


def event_texts(event: Event, places: tuple[str | None, ...], names: dict[str, tuple[str, str]],
                ) -> dict[str | None, tuple[str, str]]:
    """Place -> the event's title and text with {country} and {leader} filled in for that place
    (``names``: country id -> (name, leader)); a global event (place None) keeps them as written."""
    out: dict[str | None, tuple[str, str]] = {}
    for here in places:
        name, leader = names.get(here or "", ("{country}", "{leader}"))
        out[here] = (event.title.replace("{country}", name).replace("{leader}", leader),
                     event.text.replace("{country}", name).replace("{leader}", leader))
    return out
