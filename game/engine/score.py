"""The scorecard: what the envoy changed, objective by objective, against the same year with no actions.

Each objective is first scored on its own scale from 0 (worst) to 100 (best) — the absolute
figures. The same scenario and seed are then played with no actions at all (the *idle* game,
``idle_objectives``); each objective's gain is the difference against a full-marks change, and the
envoy's score is the mandate's weighted mean of the gains: 0 means the year went as it would have
gone without the envoy, a negative score means it went worse. An idle
game scores exactly 0 against itself. The idle game depends only on the rules and the seed (the
mandate changes the weights, not the play), so it is played once per seed and kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import islice

from game.content.common import Objective
from game.engine import tuning as T
from game.engine.perrules import PerRules
from game.engine.rules import Rules
from game.engine.setup import new_game
from game.engine.state import GameState, rules_of
from game.engine.turn import advance
from game.engine.world import clamp, cooperation

_AGREEMENTS, _RETURNS, _BORDER_FLOW, _US_COSTS = (Objective.agreements.value, Objective.returns.value,
                                                  Objective.border_flow.value, Objective.us_costs.value)
_RELATIONS, _REGIONAL_STANDING, _CREDIBILITY, _HUMANITARIAN = (
    Objective.relations.value, Objective.regional_standing.value, Objective.credibility.value, Objective.humanitarian.value)
IDLE_CACHE_SEEDS = 512  # idle games kept per set of rules (one per seed)


@dataclass
class Scorecard:
    """How the run scores under its mandate against doing nothing, and what it cost people.

    ``total`` is the mandate's weighted mean of ``gains``, the points won or lost on each objective
    over the idle game (see ``gain``); ``objectives`` and ``baseline`` hold the absolute 0-100
    scores of the game and of the idle game, ``absolute_total`` and ``baseline_total`` their
    weighted means; ``facts`` and ``baseline_facts`` the plain figures behind them.
    """

    mandate: str
    total: float
    objectives: dict[str, float]
    weights: dict[str, float]
    baseline: dict[str, float] = field(default_factory=dict)
    gains: dict[str, float] = field(default_factory=dict)
    absolute_total: float = 0.0
    baseline_total: float = 0.0
    facts: dict[str, float] = field(default_factory=dict)
    baseline_facts: dict[str, float] = field(default_factory=dict)
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


@dataclass(frozen=True, slots=True)
class Measured:
    """The absolute objective scores of a game so far and the plain figures behind them."""

    scores: dict[str, float]
    facts: dict[str, float]


def measure(state: GameState, agreements: dict[str, float] | None = None) -> Measured:
    """Each objective of ``Objective`` scored from 0 (worst) to 100 (best), with its figures;
    ``agreements`` (each country's cooperation) is computed when not given."""
    rules = rules_of(state)
    if agreements is None:
        agreements = {c: cooperation(rules, state, c) for c in rules.order}
    us = state.us
    n = max(1, len(rules.order))
    played = max(1, min(state.turn - 1, state.turns))
    hist = us.history
    start_arrivals = hist[0].arrivals_k if hist else 0.0
    arrivals_sum = protection_sum = resistance_sum = 0.0  # over the months played, added in order
    for h in islice(hist, 1, None):
        arrivals_sum += h.arrivals_k
        protection_sum += h.protection
        resistance_sum += h.regional_resistance
    later = len(hist) - 1
    mean_arrivals = arrivals_sum / later if later > 0 else start_arrivals
    reduction = (start_arrivals - mean_arrivals) / start_arrivals if start_arrivals > 0 else 0.0
    returned = stranded = relations_sum = 0.0
    for cs in state.countries.values():
        returned += cs.returned_k
        stranded += cs.stranded_k
        relations_sum += cs.relations
    protection = protection_sum / later if later > 0 else us.protection
    resistance = resistance_sum / later if later > 0 else 0.0
    start_aid = rules.scenario.resources.aid_budget_m
    aid_share = us.aid_spent_m / start_aid if start_aid > 0 else 0.0
    stranded_scale = max(1.0, sum(rules.countries[c].start_outflow_k for c in rules.order) * played * 0.15)
    domestic = max(0.0, us.domestic_cost_total / played - us.domestic_baseline)
    cooperation_mean = sum(agreements.values()) / n
    relations = relations_sum / n
    scores = {
        _AGREEMENTS: cooperation_mean,
        _RETURNS: clamp(100.0 * returned / (T.SCORE_RETURNS_SCALE * rules.max_returns_k * played), 0.0, 100.0),
        _BORDER_FLOW: clamp(50.0 + 100.0 * reduction, 0.0, 100.0),
        _US_COSTS: clamp(100.0 - 8.0 * domestic - 40.0 * aid_share, 0.0, 100.0),
        _RELATIONS: (relations + 100.0) / 2.0,
        _REGIONAL_STANDING: clamp(100.0 - resistance, 0.0, 100.0),
        _CREDIBILITY: us.credibility,
        _HUMANITARIAN: clamp(0.6 * protection + 40.0 * (1.0 - min(1.0, stranded / stranded_scale)), 0.0, 100.0),
    }
    facts = {
        "cooperation": cooperation_mean, "returned_k": returned, "arrivals_mean_k": mean_arrivals,
        "domestic_cost": domestic, "aid_spent_m": us.aid_spent_m, "relations": relations,
        "resistance": resistance, "credibility": us.credibility, "stranded_k": stranded, "protection": protection,
    }
    return Measured(scores, facts)


def objective_scores(state: GameState, agreements: dict[str, float] | None = None) -> dict[str, float]:
    """The absolute 0-100 score of each objective (see ``measure``)."""
    return measure(state, agreements).scores


_IDLE: PerRules[dict[int, tuple[Measured, ...]]] = PerRules()


def idle_objectives(state: GameState) -> tuple[Measured, ...]:
    """The idle game of ``state``'s rules and seed, measured after each month (index = months played),
    rounded as the scorecard shows a baseline (scores to 0.01, facts to 0.001)."""
    rules = rules_of(state)
    by_seed = _IDLE.of(rules, lambda _rules: {})
    table = by_seed.get(state.seed)
    if table is None:
        idle = new_game(rules, state.scenario, state.mandate, state.seed)
        months = [_rounded(measure(idle))]
        while not idle.is_over:
            advance(idle)
            months.append(_rounded(measure(idle)))
        if len(by_seed) >= IDLE_CACHE_SEEDS:
            by_seed.pop(next(iter(by_seed)))
        table = by_seed[state.seed] = tuple(months)
    return table


def _rounded(measured: Measured) -> Measured:
    return Measured({k: round(v, 2) for k, v in measured.scores.items()}, {k: round(v, 3) for k, v in measured.facts.items()})


def gain(key: str, own: float, idle: float) -> float:
    """Points gained on an objective over the idle game: the change of its 0-100 score against the
    change that counts as full marks (``tuning.SCORE_SPAN``), from -100 to 100."""
    return clamp(100.0 * (own - idle) / T.SCORE_SPAN.get(key, 100.0), -100.0, 100.0)


def weighted(scores: dict[str, float], weights: dict[str, float]) -> float:
    """The mandate's weighted mean of objective scores (or gains)."""
    total_weight = sum(weights.values()) or 1.0
    return sum(scores.get(k, 0.0) * w for k, w in weights.items()) / total_weight


def _weights(rules: Rules, mandate: str) -> dict[str, float]:
    """The mandate's objective weights, read from the content once per set of rules."""
    return _WEIGHTS.of(rules, lambda r: {m: r.mandates[m].weights.model_dump() for m in r.mandates})[mandate]


_WEIGHTS: PerRules[dict[str, dict[str, float]]] = PerRules()


@dataclass(frozen=True, slots=True)
class Gains:
    """A game's objective scores against its idle game at the same month, before a mandate weighs
    them (the part of the scorecard every mandate shares)."""

    agreements: dict[str, float]  # each country's cooperation
    own: Measured
    idle: Measured                # rounded as a baseline is shown (see ``idle_objectives``)
    scores: dict[str, float]      # the game's absolute scores, to 0.01
    gains: dict[str, float]       # points won or lost per objective, to 0.01 (see ``gain``)


def gains_of(state: GameState) -> Gains:
    """The game so far against the idle game at the same month, objective by objective."""
    rules = rules_of(state)
    agreements = {c: cooperation(rules, state, c) for c in rules.order}
    own = measure(state, agreements)
    idle_months = idle_objectives(state)
    idle = idle_months[max(0, min(state.turn - 1, len(idle_months) - 1))]
    scores = {k: round(v, 2) for k, v in own.scores.items()}
    baseline = idle.scores
    gains = {k: round(gain(k, scores[k], baseline.get(k, 0.0)), 2) for k in scores}
    return Gains(agreements, own, idle, scores, gains)


def total_score(rules: Rules, gains: Gains, mandate: str) -> float:
    """The score under ``mandate``: its weighted mean of the gains, to 0.01 (``Scorecard.total``)."""
    return round(weighted(gains.gains, _weights(rules, mandate)), 2)


def scorecard(state: GameState, mandate: str | None = None) -> Scorecard:
    """Score the game so far (final once ``is_over``) against the idle game at the same month,
    under the game's mandate or under ``mandate`` (the play does not depend on it)."""
    rules = rules_of(state)
    parts = gains_of(state)
    agreements, own, idle, scores, gains = parts.agreements, parts.own, parts.idle, parts.scores, parts.gains
    baseline = dict(idle.scores)
    mandate = mandate or state.mandate
    weights = dict(_weights(rules, mandate))
    absolute_total, baseline_total = weighted(scores, weights), weighted(baseline, weights)
    hist = state.us.history
    return Scorecard(
        mandate=mandate, total=total_score(rules, parts, mandate), objectives=scores, weights=weights,
        baseline=baseline, gains=gains, absolute_total=round(absolute_total, 2), baseline_total=round(baseline_total, 2),
        facts={k: round(v, 3) for k, v in own.facts.items()},
        baseline_facts=dict(idle.facts),
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


def objective_name(key: str) -> str:
    """A readable objective name, e.g. 'Border flow' for ``border_flow``."""
    return key.replace("_", " ").capitalize().replace("Us ", "US ")
