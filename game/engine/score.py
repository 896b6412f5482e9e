"""The scorecard: objectives scored 0..100 and weighed by the mandate, plus the humanitarian ledger."""

from __future__ import annotations

from dataclasses import dataclass, field

from game.content.common import Objective
from game.engine.state import GameState, rules_of
from game.engine.world import clamp, cooperation


@dataclass
class Scorecard:
    """How the run scores under its mandate, and what it cost people along the way."""

    mandate: str
    total: float
    objectives: dict[str, float]
    weights: dict[str, float]
    agreements: dict[str, float] = field(default_factory=dict)
    returned_k: float = 0.0
    stranded_k: float = 0.0
    protection: float = 100.0
    arrivals_start_k: float = 0.0
    arrivals_end_k: float = 0.0
    threats_carried_out: int = 0
    bluffs_called: int = 0
    promises_kept: int = 0
    promises_broken: int = 0


def objective_scores(state: GameState, agreements: dict[str, float] | None = None) -> dict[str, float]:
    """Each objective of ``Objective`` scored from 0 (worst) to 100 (best); ``agreements`` (each
    country's cooperation) is computed when not given."""
    rules = rules_of(state)
    if agreements is None:
        agreements = {c: cooperation(rules, state, c) for c in rules.order}
    us = state.us
    n = max(1, len(rules.order))
    played = max(1, min(state.turn - 1, state.turns))
    hist = us.history
    start_arrivals = hist[0].arrivals_k if hist else 0.0
    later = [h.arrivals_k for h in hist[1:]] or [start_arrivals]
    mean_arrivals = sum(later) / len(later)
    reduction = (start_arrivals - mean_arrivals) / start_arrivals if start_arrivals > 0 else 0.0
    returned = sum(cs.returned_k for cs in state.countries.values())
    stranded = sum(cs.stranded_k for cs in state.countries.values())
    protection = sum(h.protection for h in hist[1:]) / max(1, len(hist) - 1) if len(hist) > 1 else us.protection
    resistance = sum(h.regional_resistance for h in hist[1:]) / max(1, len(hist) - 1) if len(hist) > 1 else 0.0
    start_aid = rules.scenario.resources.aid_budget_m
    aid_share = us.aid_spent_m / start_aid if start_aid > 0 else 0.0
    stranded_scale = max(1.0, sum(rules.countries[c].start_outflow_k for c in rules.order) * played * 0.15)
    return {
        Objective.agreements.value: sum(agreements.values()) / n,
        Objective.returns.value: clamp(100.0 * returned / (0.4 * rules.max_returns_k * played), 0.0, 100.0),
        Objective.border_flow.value: clamp(50.0 + 100.0 * reduction, 0.0, 100.0),
        Objective.us_costs.value: clamp(100.0 - 8.0 * max(0.0, us.domestic_cost_total / played - us.domestic_baseline) - 40.0 * aid_share, 0.0, 100.0),
        Objective.relations.value: sum((cs.relations + 100.0) / 2.0 for cs in state.countries.values()) / n,
        Objective.regional_standing.value: clamp(100.0 - resistance, 0.0, 100.0),
        Objective.credibility.value: us.credibility,
        Objective.humanitarian.value: clamp(0.6 * protection + 40.0 * (1.0 - min(1.0, stranded / stranded_scale)), 0.0, 100.0),
    }


def scorecard(state: GameState) -> Scorecard:
    """Score the game so far (final once ``is_over``)."""
    rules = rules_of(state)
    agreements = {c: cooperation(rules, state, c) for c in rules.order}
    scores = {k: round(v, 2) for k, v in objective_scores(state, agreements).items()}
    weights = rules.mandates[state.mandate].weights.model_dump()
    total_weight = sum(weights.values()) or 1.0
    total = sum(scores[k] * w for k, w in weights.items()) / total_weight
    hist = state.us.history
    return Scorecard(
        mandate=state.mandate, total=round(total, 2), objectives=scores, weights=weights,
        agreements={c: round(value, 2) for c, value in agreements.items()},
        returned_k=round(sum(cs.returned_k for cs in state.countries.values()), 3),
        stranded_k=round(sum(cs.stranded_k for cs in state.countries.values()), 3),
        protection=round(state.us.protection, 2),
        arrivals_start_k=round(hist[0].arrivals_k, 3) if hist else 0.0,
        arrivals_end_k=round(hist[-1].arrivals_k, 3) if hist else 0.0,
        threats_carried_out=sum(1 for t in state.threats if t.status in ("carried_out", "complied_late")),
        bluffs_called=sum(1 for t in state.threats if t.status == "bluff_called"),
        promises_kept=sum(1 for p in state.promises if p.status == "kept"),
        promises_broken=sum(1 for p in state.promises if p.status == "broken"),
    )
