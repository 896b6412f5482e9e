"""How a government weighs a deal: utilities, the factors behind them, and counter-offers.

``evaluate`` compares a bundle (asks, offers, an optional threat) with the government's
alternative (no deal) using its hidden priorities, traits, exposures and the US's credibility.
Every term becomes a ``Factor`` with a sentence a player can read and the hidden number.
"""

from __future__ import annotations

from game.engine import tuning as T
from game.engine.rules import DIM_INDEX, Rules
from game.engine.state import CountryState, Factor, GameState


def dot(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    """Weighted sum of two dimension vectors."""
    return sum(x * y for x, y in zip(a, b))


def stick_pain(rules: Rules, cid: str, lid: str) -> float:
    """Monthly harm (a positive number) a stick would do to this government, as it weighs it."""
    return rules.pain[(cid, lid)]


def ask_cost(rules: Rules, cid: str, cs: CountryState, asks: dict[str, int]) -> float:
    """Monthly cost (a positive number) of the asks at the given levels."""
    total = 0.0
    base = rules.ask_base
    coefs = rules.ask_coefs
    for aid, level in asks.items():
        if level > 0:
            total += base[(cid, aid)] * level / coefs[aid][4]  # [4]: the ask's number of levels
    if cs.approval < T.LOW_APPROVAL:
        total *= 1.0 + (T.LOW_APPROVAL - cs.approval) / 60.0
    return total if total > 0.0 else 0.0


def trust_factor(cs: CountryState) -> float:
    """How much a promise from Washington is worth to this government."""
    return T.TRUST_FLOOR + (1.0 - T.TRUST_FLOOR) * cs.trust / 100.0


def evaluate(
    rules: Rules, state: GameState, cid: str, asks: dict[str, int], offers: list[str],
    threat: str | None = None, public: bool = False, relief: list[str] | None = None,
) -> tuple[float, list[Factor]]:
    """Utility of signing the bundle versus no deal, with the factors that make it up.

    ``relief`` lists measures in force that the US would lift if the government complies.
    """
    c = rules.countries[cid]
    cs = state.countries[cid]
    us = state.us
    factors: list[Factor] = []
    total = 0.0  # the sum of the factors' values, in the order they are listed

    cost = ask_cost(rules, cid, cs, asks)
    if cost:
        main = ""  # the ask that costs the government most, for the explanation
        heaviest = 0.0
        for aid, level in asks.items():
            weight = rules.ask_base[(cid, aid)] * level
            if not main or weight > heaviest:
                main, heaviest = aid, weight
        factors.append(Factor("asks", f"What you ask would hit {rules.topic[(cid, main)]}.", -cost))
        total -= cost
        if cs.approval < T.LOW_APPROVAL:
            factors.append(Factor("approval", "The government is unpopular at home and cannot afford concessions.", 0.0))

    if offers:
        tf = trust_factor(cs)
        welcome = "." if cs.trust >= 50 else ", though trust in US promises is low."
        for oid in offers:
            value = rules.value[(cid, oid)] * tf
            factors.append(Factor(f"offer:{oid}", f"Your offer of {rules.levers[oid].name.lower()} is welcome{welcome}", value))
            total += value

    if threat:
        cred = us.credibility / 100.0
        lever = rules.levers[threat]
        pain = rules.pain[(cid, threat)]
        value = pain * cred
        if pain < 0.1:
            why = "it has little left to lose to this measure" if c.exposure_to(lever.exposure) < 0.35 else "other partners would cushion the blow"
            text = f"The threat of {lever.name.lower()} carries little weight: {why}."
        elif cred < 0.4:
            text = f"The threat of {lever.name.lower()} would hurt, but Washington's threats are doubted."
        else:
            text = f"The threat of {lever.name.lower()} would hurt {rules.topic[(cid, threat)]}."
        factors.append(Factor(f"threat:{threat}", text, value))
        total += value
        if public:
            pride = c.pride * (T.PRIDE_BASE + T.PRIDE_SOVEREIGNTY * c.priorities[DIM_INDEX["sovereignty"]])
            factors.append(Factor("pride", "Giving in to a public threat from Washington is costly at home.", -pride))
            total -= pride
        resist = us.regional_resistance / 100.0 * T.RESISTANCE
        if resist > 0.005:
            factors.append(Factor("resistance", "Neighbouring governments are pushing back against US pressure together.", -resist))
            total -= resist
    if relief:
        tf = trust_factor(cs)
        for lid in relief:
            value = rules.pain[(cid, lid)] * tf
            factors.append(Factor(f"relief:{lid}", f"Complying would end the {rules.levers[lid].name.lower()} already in force.", value))
            total += value

    goodwill = cs.relations / 100.0 * T.GOODWILL
    if abs(goodwill) > 0.005:
        text = ("Good relations with Washington make cooperation easier." if goodwill > 0
                else "Strained relations with Washington weigh against a deal.")
        factors.append(Factor("relations", text, goodwill))
        total += goodwill
    grievance = cs.grievance / 100.0 * T.GRIEVANCE
    if grievance >= 0.005:
        factors.append(Factor("grievance", "Past grievances against Washington linger.", -grievance))
        total -= grievance
    expectations = us.expectations / 100.0 * T.EXPECTATIONS
    if expectations >= 0.005 and cost:
        factors.append(Factor("expectations", "Rewards given to neighbours have raised the price of cooperation.", -expectations))
        total -= expectations

    noise = state.rng.gauss(0.0, T.NOISE)
    factors.append(Factor("mood", "Day-to-day politics.", noise))
    return total + noise, factors


def counter_offer(
    rules: Rules, state: GameState, cid: str, asks: dict[str, int], offers: list[str],
    threat: str | None, public: bool, base_utility: float, base_factors: list[Factor],
) -> tuple[dict[str, int], list[str]] | None:
    """The government's best bundle that it would sign and expects the US to take, or None.

    It keeps as much of the asks as it can (lower levels), and may ask for one more offer.
    """
    cs = state.countries[cid]
    fixed = base_utility
    for f in base_factors:
        if f.key == "asks":
            fixed -= f.value
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
        extras.append((lid, value))
        if value > best_extra:
            best_extra = value
    unpopular = 1.0 + (T.LOW_APPROVAL - cs.approval) / 60.0 if cs.approval < T.LOW_APPROVAL else 1.0
    names: list[str] = []
    cheapest = 0.0
    for aid, level in asks.items():
        if level > 0:
            one = rules.ask_base[(cid, aid)] * unpopular / rules.ask_coefs[aid][4]  # [4]: number of levels
            if not names or one < cheapest:
                cheapest = one
            names.append(aid)
    if not names:
        return None
    # The cheapest bundle that keeps anything is one ask at level 1 with the most valued extra offer:
    # if even that leaves the government worse off, there is no counter-offer to search for.
    margin = T.COUNTER_MARGIN
    if fixed - max(0.0, cheapest) + best_extra < margin:
        return None
    # Every bundle of levels, from those asked down to 0 for each ask (in ``itertools.product``
    # order), as (levels, share of the asks' levels kept, cost), summed ask by ask.
    combos: list[tuple[tuple[int, ...], float, float]] = [((), 0.0, 0.0)]
    for aid in names:
        n = rules.ask_coefs[aid][4]
        base = rules.ask_base[(cid, aid)] * unpopular
        steps = [(lvl, lvl / n, base * lvl / n) for lvl in range(asks[aid], -1, -1)]
        grown: list[tuple[tuple[int, ...], float, float]] = []
        for levels, kept, cost in combos:
            for lvl, share, part in steps:
                grown.append((levels + (lvl,), kept + share, cost + part))
        combos = grown
    # The best bundle keeps the most of the asks; asking for one more offer counts 0.3 against it,
    # and of the offers that would do, the first in lever order is asked for.
    best: tuple[float, tuple[int, ...], str | None] | None = None
    for index, (levels, kept, cost) in enumerate(combos):
        if kept <= 0 or (best is not None and kept <= best[0]):
            continue  # keeps nothing, or cannot beat the best found (its score is at most ``kept``)
        room = fixed - (cost if cost > 0.0 else 0.0)
        # levels run down from those asked, so the first bundle (index 0) is the full ask, which
        # only counts with an extra offer
        if index and room >= margin:
            best = (kept, levels, None)
            continue
        score = kept - 0.3
        if best is not None and score <= best[0]:
            continue
        for extra, value in extras:
            if room + value >= margin:
                best = (score, levels, extra)
                break
    if best is None:
        return None
    levels, extra = best[1], best[2]
    kept_asks: dict[str, int] = {}
    for aid, lvl in zip(names, levels):
        if lvl > 0:
            kept_asks[aid] = lvl
    return kept_asks, list(offers) + ([extra] if extra else [])


def retaliation_chance(rules: Rules, state: GameState, cid: str, coerced: bool) -> float:
    """Chance this month that the government hits back."""
    if not coerced:
        return 0.0
    c = rules.countries[cid]
    cs = state.countries[cid]
    return min(0.9, c.retaliation * (0.25 + cs.grievance / 100.0 + 0.3 * c.pride))


def is_coercive(rules: Rules, cs: CountryState) -> bool:
    """Whether any stick is in force on the country."""
    if not cs.measures:
        return False
    coefs = rules.lever_coefs
    for lid in cs.measures:
        k = coefs.get(lid)
        if k is not None and k[4]:
            return True
    return False
