"""Counter-offers: the bundle a government would sign instead of the one put to it (see ``decide``)."""

from __future__ import annotations

from game.engine import tuning as T
from game.engine.rules import Rules
from game.engine.state import Factor, GameState
from game.engine.terms import trust_factor, unpopularity

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
            if value > best_extra:
                best_extra = value
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
    cheapest = steps_of[0][-2][2]  # one level up on the cheapest ask
    for steps in steps_of:
        if steps[-2][2] < cheapest:
            cheapest = steps[-2][2]
    if fixed - max(0.0, cheapest) + best_extra < margin:
        return None
    # Every bundle of levels (the first ask's levels varying slowest, each from its top down), with
    # the share of the increase it keeps and its cost, added ask by ask. The best bundle keeps the
    # most of the increase; asking for one more offer counts against it, and of the offers that
    # would do, the first in lever order is asked for. A bare proposal is always answered with a
    # price: one more offer.
    bundles: list[tuple[float, float, tuple[int, ...]]] = [(0.0, 0.0, ())]
    for steps in steps_of:
        bundles = [(kept + share, cost + part, levels + (lvl,))
                   for kept, cost, levels in bundles for lvl, share, part in steps]
    as_asked = tuple(asks[aid] for aid in names)  # the first bundle (every ask at its top) may be it
    best: tuple[float, tuple[int, ...], str | None] | None = None
    for at, (kept, cost, levels) in enumerate(bundles):
        if kept <= 0 or (best is not None and kept <= best[0]):
            continue
        room = fixed - (cost if cost > 0.0 else 0.0)
        if not bare and room >= margin and (at or levels != as_asked):
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
