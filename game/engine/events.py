"""Data-driven events: evaluating structured conditions on the state and applying effects."""

from __future__ import annotations

from game.content.event import COUNTRY_METRICS, Condition, Event, Metric, Scope
from game.engine.rules import Rules
from game.engine.state import GameState, News
from game.engine.world import clamp

_RANGES = {
    "relations": (-100.0, 100.0), "trust": (0.0, 100.0), "approval": (0.0, 100.0),
    "economy": (0.0, 100.0), "instability": (0.0, 1.0), "outflow_k": (0.0, 1000.0),
    "grievance": (0.0, 100.0), "credibility": (0.0, 100.0), "political_capital": (0.0, 100.0),
    "aid_budget_m": (0.0, 1e6), "domestic_cost": (0.0, 1e3), "regional_resistance": (0.0, 100.0),
}
_US_FIELDS = {
    "credibility": "credibility", "political_capital": "capital", "aid_budget_m": "aid_budget_m",
    "domestic_cost": "domestic_cost_extra", "regional_resistance": "regional_resistance",
}


def metric_value(state: GameState, cond: Condition, here: str | None) -> float | None:
    """The current value a comparison reads, or None when it does not apply (e.g. no such country)."""
    metric = cond.metric
    if metric in COUNTRY_METRICS:
        cid = cond.country or here
        cs = state.countries.get(cid) if cid else None
        if cs is None:
            return None
        if metric is Metric.commitment:
            return float(cs.commitments.get(cond.ask or "", 0))
        if metric is Metric.lever_in_force:
            return 1.0 if cond.lever in cs.measures else 0.0
        return float(getattr(cs, metric.value))
    if metric is Metric.turn:
        return float(state.turn)
    if metric is Metric.domestic_cost:
        return state.us.domestic_cost
    return float(getattr(state.us, _US_FIELDS[metric.value]))


def holds(state: GameState, cond: Condition, here: str | None) -> bool:
    """Whether a condition is true now (``here`` is the country an each_country event checks)."""
    if cond.all is not None:
        return all(holds(state, c, here) for c in cond.all)
    if cond.any is not None:
        return any(holds(state, c, here) for c in cond.any)
    if cond.not_ is not None:
        return not holds(state, cond.not_, here)
    if cond.metric is not None:
        value = metric_value(state, cond, here)
        if value is None:
            return False
        target = cond.value if cond.value is not None else 0.0
        op = cond.op.value if cond.op else "=="
        return {"<": value < target, "<=": value <= target, ">": value > target, ">=": value >= target,
                "==": value == target, "!=": value != target}[op]
    if cond.turn_min is not None or cond.turn_max is not None:
        return (cond.turn_min or 0) <= state.turn <= (cond.turn_max or 10**6)
    if cond.chance is not None:
        return state.rng.random() < cond.chance
    return False


def _apply_effects(rules: Rules, state: GameState, event: Event, here: str | None) -> None:
    for effect in event.effects:
        name = effect.metric.value
        low, high = _RANGES[name]
        if effect.metric in COUNTRY_METRICS:
            cs = state.countries.get(effect.country or here or "")
            if cs is not None:
                setattr(cs, name, clamp(getattr(cs, name) + effect.delta, low, high))
        elif name == "political_capital":
            state.us.capital_bonus += int(round(effect.delta))
        else:
            field = _US_FIELDS[name]
            setattr(state.us, field, clamp(getattr(state.us, field) + effect.delta, low, high))


def _fill(rules: Rules, text: str, here: str | None) -> str:
    if here is None or here not in rules.countries:
        return text
    c = rules.countries[here]
    return text.replace("{country}", c.name).replace("{leader}", c.leader)


def fire_events(rules: Rules, state: GameState) -> list[News]:
    """Check every event of the scenario and fire those whose condition holds."""
    fired_now: list[News] = []
    for eid, event in rules.events.items():
        done = state.fired.setdefault(eid, [])
        places: list[str | None]
        if event.scope is Scope.each_country:
            places = [cid for cid in (event.countries or rules.order) if cid in state.countries]
        else:
            places = [None]
        for here in places:
            key = here or "*"
            if event.once and key in done:
                continue
            if not holds(state, event.when, here):
                continue
            _apply_effects(rules, state, event, here)
            if key not in done:
                done.append(key)
            news = News(turn=state.turn, title=_fill(rules, event.title, here), text=_fill(rules, event.text, here),
                        country=here, event=eid)
            state.news.append(news)
            fired_now.append(news)
        if not done:
            del state.fired[eid]
    return fired_now
