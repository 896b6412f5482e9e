"""How a government weighs a deal: utilities, the factors behind them, and counter-offers.

``evaluate`` compares a bundle (asks, offers, an optional threat) with the government's
alternative (no deal) using its hidden priorities, traits, exposures, red lines and capacity, and
its picture of US credibility toward it and toward that kind of measure. Pressure from the threat,
other pending threats the deal would meet and measures compliance would lift is stacked into one
expected cost with diminishing returns. Every term becomes a ``Factor`` whose sentence agrees with
the sign of its number; zero terms are left out and the decisive one is marked.
"""

from __future__ import annotations

import math

from game.content.common import ThreatStatus
from game.engine import tuning as T
from game.engine.rules import DIM_INDEX, Rules
from game.engine.state import CountryState, Factor, GameState
from game.i18n import _

_SOV = DIM_INDEX["sovereignty"]
SMALL = 0.005  # factors smaller than this are left out of explanations


def clamp(value: float, low: float, high: float) -> float:
    """Keep a meter in its range."""
    return low if value < low else high if value > high else value


def dot(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    """Weighted sum of two dimension vectors."""
    return sum(x * y for x, y in zip(a, b))


def unpopularity(cs: CountryState) -> float:
    """Multiplier on the cost of concessions: 1, more for an unpopular government (a narrow win-set)."""
    return 1.0 + (T.LOW_APPROVAL - cs.approval) / T.LOW_APPROVAL_SLOPE if cs.approval < T.LOW_APPROVAL else 1.0


def goodwill(cs: CountryState) -> float:
    """What relations with Washington add to any deal (negative when strained)."""
    return cs.relations / 100.0 * T.GOODWILL


def grievance(cs: CountryState) -> float:
    """What remembered grievances take from any deal (a positive number)."""
    return cs.grievance / 100.0 * T.GRIEVANCE


def stick_pain(rules: Rules, cid: str, lid: str) -> float:
    """Monthly harm (a positive number) a stick would do to this government, as it weighs it."""
    return rules.pain[(cid, lid)]


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
        felt = T.PRESSURE_SCALE * (1.0 - math.exp(-raw / T.PRESSURE_SCALE)) if raw > 0 else 0.0
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
    return sum(f.value for f in factors), factors


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


ASK_KEYS = frozenset({"asks", "red_line", "lowball", "expectations", "stance"})


def counter_offer(
    rules: Rules, state: GameState, cid: str, asks: dict[str, int], offers: list[str],
    threat: str | None, public: bool, base_utility: float, base_factors: list[Factor],
) -> tuple[dict[str, int], list[str]] | None:
    """The government's best bundle that it would sign and expects the US to take, or None.

    It is priced on the increase over what is already held and never goes below it; it keeps as
    much of the increase as it can (lower levels), and may ask for one more offer. A counter to a
    bare proposal (nothing offered, no threat) asks a premium, and so does each remembered low-ball.
    """
    cs = state.countries[cid]
    c = rules.countries[cid]
    fixed = base_utility
    for f in base_factors:
        if f.key in ASK_KEYS:
            fixed -= f.value
    fixed += cs.stance
    margin = T.COUNTER_MARGIN + T.LOWBALL_PREMIUM * cs.lowballs
    bare = not offers and not threat
    if bare:
        margin += T.BARE_PREMIUM
    tf = trust_factor(cs)
    extras: list[tuple[str, float]] = []  # offers the government could ask for on top, with their value
    best_extra = 0.0
    measures = cs.measures
    budget = state.us.aid_budget_m
    for lid in rules.offerable:
        if lid in offers or lid in measures:
            continue
        lever = rules.levers[lid]
        if (lever.requires and lever.requires not in measures) or lever.aid_cost_m > budget:
            continue
        value = rules.value[(cid, lid)] * tf
        if value > 0:
            extras.append((lid, value))
            best_extra = max(best_extra, value)
    unpopular = unpopularity(cs)
    names: list[str] = []
    steps_of: list[list[tuple[int, float, float]]] = []
    for aid, level in asks.items():
        have = cs.commitments.get(aid, 0)
        top = min(level, c.max_level.get(aid, level))
        line = c.red_lines.get(aid)
        if line is not None and line.price == 0.0 and line.from_level > have:
            top = min(top, line.from_level - 1)
        if top <= have:
            continue
        n = rules.ask_coefs[aid].levels
        base = rules.ask_base[(cid, aid)] * unpopular
        steps = []
        for lvl in range(top, have - 1, -1):
            part = base * (lvl - have) / n
            if line is not None and lvl >= line.from_level > have:
                part += line.price * unpopular
            steps.append((lvl, (lvl - have) / n, part))
        names.append(aid)
        steps_of.append(steps)
    if not names:
        return None
    cheapest = min(steps[-2][2] for steps in steps_of)  # one level up on the cheapest ask
    if fixed - max(0.0, cheapest) + best_extra < margin:
        return None
    combos: list[tuple[tuple[int, ...], float, float]] = [((), 0.0, 0.0)]
    for steps in steps_of:
        grown: list[tuple[tuple[int, ...], float, float]] = []
        for levels, kept, cost in combos:
            for lvl, share, part in steps:
                grown.append((levels + (lvl,), kept + share, cost + part))
        combos = grown
    # The best bundle keeps the most of the increase; asking for one more offer counts against it,
    # and of the offers that would do, the first in lever order is asked for. A bare proposal is
    # always answered with a price: one more offer.
    best: tuple[float, tuple[int, ...], str | None] | None = None
    for index, (levels, kept, cost) in enumerate(combos):
        if kept <= 0 or (best is not None and kept <= best[0]):
            continue
        room = fixed - (cost if cost > 0.0 else 0.0)
        asked_as_is = index == 0 and all(lvl == asks[a] for a, lvl in zip(names, levels))
        if not bare and not asked_as_is and room >= margin:
            best = (kept, levels, None)
            continue
        score = kept - T.COUNTER_EXTRA_OFFER
        if best is not None and score <= best[0]:
            continue
        for extra, value in extras:
            if room + value >= margin:
                best = (score, levels, extra)
                break
    if best is None:
        return None
    levels, asked_extra = best[1], best[2]
    kept_asks = {aid: lvl for aid, lvl in zip(names, levels) if lvl > cs.commitments.get(aid, 0)}
    if not kept_asks:
        return None
    return kept_asks, list(offers) + ([asked_extra] if asked_extra else [])


def retaliation_chance(rules: Rules, state: GameState, cid: str, coerced: bool) -> float:
    """Chance this month that the government hits back (none without a repertoire)."""
    c = rules.countries[cid]
    if not coerced or not c.repertoire:
        return 0.0
    cs = state.countries[cid]
    return min(0.9, c.retaliation * (0.25 + cs.grievance / 100.0 + 0.3 * c.pride))


def new_coercion(rules: Rules, state: GameState, cid: str) -> list[str]:
    """Sticks imposed on the country during this game and still in force (long-standing sanctions
    are not new coercion)."""
    cs = state.countries[cid]
    if not cs.imposed:
        return []
    return [lid for lid in cs.imposed if lid in cs.measures]


def is_coercive(rules: Rules, cs: CountryState) -> bool:
    """Whether any stick is in force on the country."""
    if not cs.measures:
        return False
    coefs = rules.lever_coefs
    for lid in cs.measures:
        k = coefs.get(lid)
        if k is not None and k.stick:
            return True
    return False
