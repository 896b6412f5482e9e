"""The terms a government weighs in any deal: the cost of what is asked, its red lines and capacity,
goodwill and grievance, trust in US promises and how it believes US threats (see ``decide``)."""

from __future__ import annotations

import math

from game.engine import tuning as T
from game.engine.rules import DIM_INDEX, Rules
from game.engine.state import CountryState, GameState
from game.i18n import _

_SOV = DIM_INDEX["sovereignty"]


def clamp(value: float, low: float, high: float) -> float:
    """Keep a meter in its range."""
    return low if value < low else high if value > high else value


def unpopularity(cs: CountryState) -> float:
    """Multiplier on the cost of concessions: 1, more for an unpopular government (a narrow win-set)."""
    return 1.0 + (T.LOW_APPROVAL - cs.approval) / T.LOW_APPROVAL_SLOPE if cs.approval < T.LOW_APPROVAL else 1.0


def goodwill(cs: CountryState) -> float:
    """What relations with Washington add to any deal (negative when strained)."""
    return cs.relations / 100.0 * T.GOODWILL


def grievance(cs: CountryState) -> float:
    """What remembered grievances take from any deal (a positive number)."""
    return cs.grievance / 100.0 * T.GRIEVANCE


def bite(rules: Rules, cs: CountryState) -> float:
    """Share of a stick's usual bite left while the government leans on the other partners it
    turned to (1 when it has not): its alternatives exposure grows, and so does the cushion."""
    extra = cs.alternatives
    if not extra:
        return 1.0
    base = rules.countries[cs.id].exposure["alternatives"]
    return (1.0 - T.ALTERNATIVES_CUSHION * min(1.0, base + extra)) / (1.0 - T.ALTERNATIVES_CUSHION * base)


def stick_pain(rules: Rules, cid: str, lid: str, cs: CountryState | None = None) -> float:
    """Monthly harm (a positive number) a stick would do to this government, as it weighs it
    (``cs``: less while it leans on other partners, see ``bite``)."""
    pain = rules.pain[(cid, lid)]
    return pain * bite(rules, cs) if cs is not None and cs.alternatives else pain


def trust_factor(cs: CountryState) -> float:
    """How much a promise from Washington is worth to this government."""
    return T.TRUST_FLOOR + (1.0 - T.TRUST_FLOOR) * cs.trust / 100.0


def threat_credibility(state: GameState, cid: str, lid: str, public: bool) -> float:
    """0..1: how likely the government thinks Washington is to carry out this threat: the global
    reputation, corrected by its record toward this government and with this kind of measure; a
    public threat engages US audience costs (more believed), a private one is easier to call."""
    us = state.us
    cred = clamp(us.credibility + state.countries[cid].credibility + us.lever_credibility.get(lid, 0.0), 0.0, 100.0) / 100.0
    return cred + (1.0 - cred) * T.PUBLIC_CREDIBILITY if public else cred * T.PRIVATE_CREDIBILITY


def felt_pressure(raw: float) -> float:
    """Stacked pressure (the sum of the expected harms) as the government feels it: diminishing
    returns, never more than ``PRESSURE_SCALE``."""
    return T.PRESSURE_SCALE * (1.0 - math.exp(-raw / T.PRESSURE_SCALE)) if raw > 0 else 0.0


def pride_cost(rules: Rules, cid: str) -> float:
    """What giving in to a public threat costs a government at home (a positive number)."""
    c = rules.countries[cid]
    return c.pride * (T.PRIDE_BASE + T.PRIDE_SOVEREIGNTY * c.priorities[_SOV])


def ask_cost(rules: Rules, cid: str, cs: CountryState, asks: dict[str, int]) -> float:
    """Monthly cost (a positive number) of raising the asks to the given levels from what is held,
    red-line prices included."""
    total = 0.0
    base = rules.ask_base
    coefs = rules.ask_coefs
    held = cs.commitments
    lines = rules.countries[cid].red_lines
    for aid, level in asks.items():
        have = held.get(aid, 0)
        if level > have:
            total += base[(cid, aid)] * (level - have) / coefs[aid].levels
            line = lines.get(aid)
            if line is not None and level >= line.from_level > have:
                total += line.price
    total *= unpopularity(cs)
    return total if total > 0.0 else 0.0


def barrier(rules: Rules, cid: str, cs: CountryState, asks: dict[str, int]) -> tuple[str, str] | None:
    """A level the government will not agree whatever is offered, as (ask, reason), or None: a red
    line it refuses outright, or a level beyond what its state can deliver."""
    c = rules.countries[cid]
    for aid, level in asks.items():
        have = cs.commitments.get(aid, 0)
        if level <= have:
            continue
        top = c.max_level.get(aid)
        if top is not None and level > top:
            return aid, _("It cannot deliver {name} at that level: its state lacks the capacity.").format(
                            name=rules.asks[aid].name.lower())
        line = c.red_lines.get(aid)
        if line is not None and line.price == 0.0 and level >= line.from_level > have:
            return aid, line.reason
    return None
