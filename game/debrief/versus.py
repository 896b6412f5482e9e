"""'You against doing nothing': the scorecard's objectives in plain words, with the figures beside.

One row per objective of the mandate: the points won or lost against the same year played with no
actions, a sentence saying what that means, and the absolute figures of both years. The end
screen, the meters bar's tooltip, the debrief and its exports all read these rows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from game.i18n import N_, _, ngettext

SAME = 0.5  # points either side of zero read as "about the same as doing nothing"

# objective -> (its name, how its figures read: (own facts, idle facts) -> words)
Figures = Callable[[dict[str, float], dict[str, float]], str]
_OBJECTIVES: dict[str, tuple[str, Figures]] = {  # names marked for the catalog: translated where read
    "agreements": (N_("Agreements"), lambda y, n: _(
        "cooperation won averaged {own:.0f} of 100 per government (doing nothing: {idle:.0f})").format(
            own=y.get("cooperation", 0), idle=n.get("cooperation", 0))),
    "returns": (N_("Returns"), lambda y, n: _(
        "{own:.1f} thousand people returned to their countries (doing nothing: {idle:.1f} thousand)").format(
            own=y.get("returned_k", 0), idle=n.get("returned_k", 0))),
    "border_flow": (N_("Border flow"), lambda y, n: _(
        "{own:.1f} thousand arrivals a month at the US border on average (doing nothing: {idle:.1f} thousand)").format(
            own=y.get("arrivals_mean_k", 0), idle=n.get("arrivals_mean_k", 0))),
    "us_costs": (N_("US costs"), lambda y, n: _(
        "US measures cost {own:.1f} a month at home and ${own_aid:.0f} M of aid was spent (doing nothing: "
        "{idle:.1f} and ${idle_aid:.0f} M)").format(
            own=y.get("domestic_cost", 0), own_aid=y.get("aid_spent_m", 0), idle=n.get("domestic_cost", 0),
            idle_aid=n.get("aid_spent_m", 0))),
    "relations": (N_("Relations"), lambda y, n: _(
        "relations with Washington averaged {own:+.0f} on a scale of -100 to 100 (doing nothing: {idle:+.0f})").format(
            own=y.get("relations", 0), idle=n.get("relations", 0))),
    "regional_standing": (N_("Regional standing"), lambda y, n: _(
        "regional resistance to US pressure averaged {own:.0f} of 100 (doing nothing: {idle:.0f})").format(
            own=y.get("resistance", 0), idle=n.get("resistance", 0))),
    "credibility": (N_("Credibility"), lambda y, n: _(
        "US credibility ended at {own:.0f} of 100 (doing nothing: {idle:.0f})").format(
            own=y.get("credibility", 0), idle=n.get("credibility", 0))),
    "humanitarian": (N_("Humanitarian"), lambda y, n: _(
        "{own:.1f} thousand people left stranded in transit and access to protection at {own_access:.0f} of 100 "
        "(doing nothing: {idle:.1f} thousand and {idle_access:.0f})").format(
            own=y.get("stranded_k", 0), own_access=y.get("protection", 0), idle=n.get("stranded_k", 0),
            idle_access=n.get("protection", 0))),
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
    return _(entry[0]) if entry else key.replace("_", " ").capitalize()


def verdict(points: float) -> str:
    """'12 points better than doing nothing', 'about the same as doing nothing', ..."""
    if abs(points) < SAME:
        return _("about the same as doing nothing")
    n = round(abs(points))
    if points > 0:
        return ngettext("{n} point better than doing nothing", "{n} points better than doing nothing", n).format(n=n)
    return ngettext("{n} point worse than doing nothing", "{n} points worse than doing nothing", n).format(n=n)


def versus_rows(card: dict[str, Any]) -> list[VersusRow]:
    """The rows of a scorecard (as JSON data), heaviest weight first; objectives without weight last."""
    gains, weights = card.get("gains", {}), card.get("weights", {})
    facts, idle_facts = card.get("facts", {}), card.get("baseline_facts", {})
    rows = []
    for key, points in gains.items():
        name, figures = objective_title(key), _OBJECTIVES.get(key, ("", lambda y, n: ""))[1]
        rows.append(VersusRow(key, name, float(weights.get(key, 0.0)), float(points),
                              float(card.get("objectives", {}).get(key, 0.0)),
                              float(card.get("baseline", {}).get(key, 0.0)), verdict(points), figures(facts, idle_facts)))
    return sorted(rows, key=lambda r: -r.weight)


def total_words(card: dict[str, Any]) -> str:
    """The score in one sentence."""
    total = float(card.get("total", 0.0))
    return _("The year went {verdict} under this mandate (absolute score {absolute:.0f} of 100; doing nothing "
             "{idle:.0f}).").format(verdict=verdict(total), absolute=card.get("absolute_total", 0.0),
                                    idle=card.get("baseline_total", 0.0))
