"""'You against doing nothing': the scorecard's objectives in plain words, with the figures beside.

One row per objective of the mandate: the points won or lost against the same year played with no
actions, a sentence saying what that means, and the absolute figures of both years. The end
screen, the meters bar's tooltip, the debrief and its exports all read these rows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

SAME = 0.5  # points either side of zero read as "about the same as doing nothing"

# objective -> (its name, how its figures read: (own facts, idle facts) -> words)
Figures = Callable[[dict[str, float], dict[str, float]], str]
_OBJECTIVES: dict[str, tuple[str, Figures]] = {
    "agreements": ("Agreements", lambda y, n: f"cooperation won averaged {y.get('cooperation', 0):.0f} of 100 per "
                   f"government (doing nothing: {n.get('cooperation', 0):.0f})"),
    "returns": ("Returns", lambda y, n: f"{y.get('returned_k', 0):.1f} thousand people returned to their countries "
                f"(doing nothing: {n.get('returned_k', 0):.1f} thousand)"),
    "border_flow": ("Border flow", lambda y, n: f"{y.get('arrivals_mean_k', 0):.1f} thousand arrivals a month at the "
                    f"US border on average (doing nothing: {n.get('arrivals_mean_k', 0):.1f} thousand)"),
    "us_costs": ("US costs", lambda y, n: f"US measures cost {y.get('domestic_cost', 0):.1f} a month at home and "
                 f"${y.get('aid_spent_m', 0):.0f} M of aid was spent (doing nothing: {n.get('domestic_cost', 0):.1f} "
                 f"and ${n.get('aid_spent_m', 0):.0f} M)"),
    "relations": ("Relations", lambda y, n: f"relations with Washington averaged {y.get('relations', 0):+.0f} on a "
                  f"scale of -100 to 100 (doing nothing: {n.get('relations', 0):+.0f})"),
    "regional_standing": ("Regional standing", lambda y, n: f"regional resistance to US pressure averaged "
                          f"{y.get('resistance', 0):.0f} of 100 (doing nothing: {n.get('resistance', 0):.0f})"),
    "credibility": ("Credibility", lambda y, n: f"US credibility ended at {y.get('credibility', 0):.0f} of 100 "
                    f"(doing nothing: {n.get('credibility', 0):.0f})"),
    "humanitarian": ("Humanitarian", lambda y, n: f"{y.get('stranded_k', 0):.1f} thousand people left stranded in "
                     f"transit and access to protection at {y.get('protection', 0):.0f} of 100 (doing nothing: "
                     f"{n.get('stranded_k', 0):.1f} thousand and {n.get('protection', 0):.0f})"),
}


@dataclass
class VersusRow:
    """One objective: the points against doing nothing, in words, with the absolute figures."""

    id: str
    name: str
    weight: float
    gain: float  # points against doing nothing, -100 to 100
    score: float  # the objective's 0-100 score this year
    idle: float  # and in the year with no actions
    verdict: str  # "12 points better than doing nothing"
    figures: str  # the plain figures of both years


def objective_title(key: str) -> str:
    """The objective's name as players read it."""
    entry = _OBJECTIVES.get(key)
    return entry[0] if entry else key.replace("_", " ").capitalize()


def verdict(points: float) -> str:
    """'12 points better than doing nothing', 'about the same as doing nothing', ..."""
    if abs(points) < SAME:
        return "about the same as doing nothing"
    return f"{abs(points):.0f} point{'s' if round(abs(points)) != 1 else ''} {'better' if points > 0 else 'worse'} than doing nothing"


def versus_rows(card: dict[str, Any]) -> list[VersusRow]:
    """The rows of a scorecard (as JSON data), heaviest weight first; objectives without weight last."""
    gains, weights = card.get("gains", {}), card.get("weights", {})
    facts, idle_facts = card.get("facts", {}), card.get("baseline_facts", {})
    rows = []
    for key, points in gains.items():
        name, figures = _OBJECTIVES.get(key, (objective_title(key), lambda y, n: ""))
        rows.append(VersusRow(key, name, float(weights.get(key, 0.0)), float(points),
                              float(card.get("objectives", {}).get(key, 0.0)),
                              float(card.get("baseline", {}).get(key, 0.0)), verdict(points), figures(facts, idle_facts)))
    return sorted(rows, key=lambda r: -r.weight)


def total_words(card: dict[str, Any]) -> str:
    """The score in one sentence."""
    total = float(card.get("total", 0.0))
    return (f"The year went {verdict(total)} under this mandate (absolute score "
            f"{card.get('absolute_total', 0.0):.0f} of 100; doing nothing {card.get('baseline_total', 0.0):.0f}).")
