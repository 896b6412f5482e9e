"""How well the player read each government: the guessed top priorities against the true ones.

A country's true top priorities are its ``TOP`` highest weights (a dimension tied with the last
of them is listed and counts too). The reading score is the share of the player's guesses (up to ``TOP``
distinct dimension ids) that are among them: overlap / ``TOP`` × 100. A country with no guess
scores 0 and is marked ``no_guess``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from game.engine.rules import DIMS, Rules
from game.records.model import RecordNotes
from game.wording import DIM_NAMES

TOP = 3


@dataclass
class Reading:
    """One government's true priorities beside the player's guess."""

    country: str
    name: str
    weights: dict[str, float]  # every dimension, highest weight first
    true_top: list[str]
    guessed: list[str]
    matched: list[str]
    score: float
    no_guess: bool
    note: str = ""
    intel: dict[str, float] = field(default_factory=dict)  # what intelligence estimated, if any


def dimension_label(dim: str) -> str:
    """A priority's name in the current language: 'regime_survival' -> 'Regime survival'."""
    return DIM_NAMES[dim] if dim in DIM_NAMES else dim.replace("_", " ")


def true_top(weights: dict[str, float], top: int = TOP) -> tuple[list[str], float]:
    """The ``top`` dimensions by weight (more when some tie with the last) and the cut-off weight."""
    ranked = sorted(weights, key=lambda d: (-weights[d], DIMS.index(d) if d in DIMS else 99))
    if not ranked:
        return [], 0.0
    cutoff = weights[ranked[:top][-1]]
    return [d for d in ranked if weights[d] >= cutoff - 1e-9], cutoff


def read_country(rules: Rules, cid: str, guess: list[str], note: str = "",
                 intel: dict[str, float] | None = None) -> Reading:
    """Score one country's guess against its true priorities."""
    country = rules.countries[cid]
    weights = {d: float(w) for d, w in zip(DIMS, country.priorities)}
    top, cutoff = true_top(weights)
    distinct: list[str] = []
    for dim in guess:
        if dim in weights and dim not in distinct:
            distinct.append(dim)
    distinct = distinct[:TOP]
    matched = [d for d in distinct if weights[d] >= cutoff - 1e-9]
    ordered = dict(sorted(weights.items(), key=lambda kv: (-kv[1], DIMS.index(kv[0]))))
    return Reading(
        country=cid, name=country.name, weights=ordered, true_top=top, guessed=distinct, matched=matched,
        score=round(100.0 * len(matched) / TOP, 1), no_guess=not distinct, note=note,
        intel=dict(intel or {}),
    )


def readings(rules: Rules, notes: RecordNotes, intel: dict[str, dict[str, float]] | None = None) -> list[Reading]:
    """Every country of the scenario, in scenario order."""
    intel = intel or {}
    return [read_country(rules, cid, notes.guesses.get(cid, []), notes.text.get(cid, ""), intel.get(cid))
            for cid in rules.order]


def reading_score(items: list[Reading]) -> float:
    """The mean reading score over every country (countries with no guess count as 0)."""
    return round(sum(r.score for r in items) / len(items), 1) if items else 0.0
