"""How a government weighs a deal: utilities and the factors behind them.

``evaluate`` compares a bundle (asks, offers, an optional threat) with the government's
alternative (no deal) using its hidden priorities, traits, exposures, red lines and capacity, and
its picture of US credibility toward it and toward that kind of measure (the terms are in
``terms``). Pressure from the threat, other pending threats the deal would meet and measures
compliance would lift is stacked into one expected cost with diminishing returns. Every term
becomes a ``Factor`` whose sentence agrees with the sign of its number; zero terms are left out and
the decisive one is marked. Counter-offers are in ``counter``.
"""

from __future__ import annotations

from game.content.common import ThreatStatus
from game.engine import tuning as T
from game.engine.rules import Rules
from game.engine.state import Factor, GameState
from game.engine.terms import (
    ask_cost,
    barrier,
    bite,
    felt_pressure,
    goodwill,
    grievance,
    pride_cost,
    threat_credibility,
    trust_factor,
)
from game.i18n import _

SMALL = 0.005  # factors smaller than this are left out of explanations


def pressure_items(rules: Rules, state: GameState, cid: str, asks: dict[str, int], threat: str | None,
                   public: bool, threat_id: int | None, relief: list[str] | None) -> list[tuple[str, str, float]]:
    """The coercion a deal would end, as (key, text, expected monthly harm) before stacking: the
    threat made with it, other pending threats whose demands it meets, measures it would lift."""
    items: list[tuple[str, str, float]] = []
    cs = state.countries[cid]
    if threat:
        lever = rules.levers[threat]
        pain = rules.pain[(cid, threat)]
        cred = threat_credibility(state, cid, threat, public)
        if pain >= 0.1:
            text = (_("The threat of {name} would hurt {topic}").format(
                        name=lever.name.lower(), topic=rules.topic[(cid, threat)])
                    + (_(", though Washington's threats are doubted.") if cred < 0.4 else "."))
        else:
            why = _("it has little left to lose to this measure") if rules.countries[cid].exposure_to(lever.exposure) < 0.35 \
                else _("other partners would cushion the blow")
            text = _("The threat of {name} carries little weight: {why}.").format(name=lever.name.lower(), why=why)
        items.append((f"threat:{threat}", text, pain * cred))
    for t in state.threats:
        if t.country != cid or t.status != ThreatStatus.pending or t.id == threat_id or (threat and t.lever == threat):
            continue
        if all(asks.get(a, 0) >= lvl or cs.commitments.get(a, 0) >= lvl for a, lvl in t.demand.items()):
            value = rules.pain[(cid, t.lever)] * threat_credibility(state, cid, t.lever, t.public) * T.PENDING_WEIGHT
            items.append((f"pending:{t.lever}", _("The deal would also meet the earlier threat of {name}.").format(
                                                    name=rules.levers[t.lever].name.lower()), value))
    if relief:
        tf = trust_factor(cs)
        for lid in relief:
            items.append((f"relief:{lid}", _("Complying would end the {name} already in force.").format(
                                               name=rules.levers[lid].name.lower()),
                          rules.pain[(cid, lid)] * tf))
    if cs.alternatives:  # other partners it turned to cushion every stick for a while
        left = bite(rules, cs)
        items = [(key, text, value * left) for key, text, value in items]
    return items


def weigh(
    rules: Rules, state: GameState, cid: str, asks: dict[str, int], offers: list[str],
    threat: str | None = None, public: bool = False, relief: list[str] | None = None, threat_id: int | None = None,
) -> tuple[float, list[Factor]]:
    """The deal's utility without the mood of the day, with its factors (see ``evaluate``)."""
    c = rules.countries[cid]
    cs = state.countries[cid]
    us = state.us
    factors: list[Factor] = []
    add = factors.append

    blocked = barrier(rules, cid, cs, asks)
    if blocked is not None:
        add(Factor("red_line", blocked[1], -T.RED_LINE_REFUSAL))
    cost = ask_cost(rules, cid, cs, asks)
    if cost >= SMALL:
        main, heaviest = "", 0.0  # the ask that costs the government most, for the explanation
        for aid, level in asks.items():
            weight = rules.ask_base[(cid, aid)] * (level - cs.commitments.get(aid, 0))
            if not main or weight > heaviest:
                main, heaviest = aid, weight
        line = c.red_lines.get(main)
        if line is not None and line.price and asks.get(main, 0) >= line.from_level > cs.commitments.get(main, 0):
            text = f"{line.reason}"
        else:
            text = _("What you ask would hit {topic}").format(topic=rules.topic[(cid, main)])
            text += _(", and an unpopular government can afford few concessions.") if cs.approval < T.LOW_APPROVAL else "."
        add(Factor("asks", text, -cost))

    if offers:
        tf = trust_factor(cs)
        welcome = "." if cs.trust >= 50 else _(", though trust in US promises is low.")
        for oid in offers:
            value = rules.value[(cid, oid)] * tf
            if abs(value) >= SMALL:
                text = (_("Your offer of {name} is welcome{welcome}").format(
                            name=rules.levers[oid].name.lower(), welcome=welcome) if value > 0
                        else _("Your offer of {name} is unwelcome.").format(name=rules.levers[oid].name.lower()))
                add(Factor(f"offer:{oid}", text, value))

    items = pressure_items(rules, state, cid, asks, threat, public, threat_id, relief)
    if items:
        raw = sum(v for _, _, v in items)
        felt = felt_pressure(raw)
        for key, text, value in items:
            share = value / raw * felt if raw > 0 else 0.0
            if share >= SMALL:
                add(Factor(key, text, share))
    if threat:
        if public:
            add(Factor("pride", _("Giving in to a public threat from Washington is costly at home."), -pride_cost(rules, cid)))
        resist = us.regional_resistance / 100.0 * T.RESISTANCE
        if resist >= SMALL:
            add(Factor("resistance", _("Neighbouring governments are pushing back against US pressure together."), -resist))
    if not offers and not threat and not relief and cost >= SMALL:
        pass  # a bare proposal: the counter-offer prices it (see counter_offer)
    if cs.lowballs and cost >= SMALL:
        add(Factor("lowball", _("Earlier proposals that offered nothing in return have made it wary."),
                   -T.LOWBALL_PREMIUM * cs.lowballs))

    good = goodwill(cs)
    if abs(good) >= SMALL:
        add(Factor("relations", _("Good relations with Washington make cooperation easier.") if good > 0
                   else _("Strained relations with Washington weigh against a deal."), good))
    hurt = grievance(cs)
    if hurt >= SMALL:
        add(Factor("grievance", _("Past grievances against Washington linger."), -hurt))
    expectations = us.expectations / 100.0 * T.EXPECTATIONS
    if expectations >= SMALL and cost >= SMALL:
        add(Factor("expectations", _("Rewards given to neighbours have raised the price of cooperation."), -expectations))
    if abs(cs.stance) >= SMALL and cost >= SMALL:
        add(Factor("stance", _("Politics at home give the government room for a deal this year.") if cs.stance > 0
                   else _("Politics at home leave the government little room for a deal this year."), cs.stance))
    total = 0.0  # added in order, as sum() would
    for f in factors:
        total += f.value
    return total, factors


def evaluate(
    rules: Rules, state: GameState, cid: str, asks: dict[str, int], offers: list[str],
    threat: str | None = None, public: bool = False, relief: list[str] | None = None, threat_id: int | None = None,
) -> tuple[float, list[Factor]]:
    """Utility of signing the bundle versus no deal, with the factors that make it up.

    ``relief`` lists measures in force that the US would lift if the government complies;
    ``threat_id`` is the ledger entry of ``threat`` when it is already recorded.
    """
    total, factors = weigh(rules, state, cid, asks, offers, threat, public, relief, threat_id)
    return add_mood(state, total, factors)


def add_mood(state: GameState, total: float, factors: list[Factor]) -> tuple[float, list[Factor]]:
    """Add the day-to-day mood (one draw) and mark the decisive factor."""
    noise = state.rng.gauss(0.0, T.NOISE_V2)
    if abs(noise) >= SMALL:
        factors.append(Factor("mood", _("The politics of the day lean toward a deal.") if noise > 0
                              else _("The politics of the day lean against a deal."), noise))
    total += noise
    mark_decisive(factors, total >= 0)
    return total, factors


def mark_decisive(factors: list[Factor], accepted: bool) -> None:
    """Mark the largest factor pulling in the direction of the answer."""
    best: Factor | None = None
    for f in factors:
        if (f.value > 0) == accepted and (best is None or abs(f.value) > abs(best.value)):
            best = f
    if best is not None:
        best.decisive = True
