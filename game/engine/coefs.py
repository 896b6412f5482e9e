"""Per-country constants of the monthly world step, computed once when the rules are compiled.

The world step runs for every country every month, so everything in it that does not change during
a game (start values, traits turned into rates, how strongly each lever bites) is worked out here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from game.engine import tuning as T

if TYPE_CHECKING:
    from game.engine.rules import AskCoef, CountryRule, LeverCoef

# Uniform noise with the spread of a normal of standard deviation 0.6 (economy) and 0.8 (approval).
ECON_NOISE = 0.6 * 12 ** 0.5
APPROVAL_NOISE = 0.8 * 12 ** 0.5
# economy -> economy * ECON_KEEP + ECON_BASE + ..., the pull back to 50 and the centring of the noise
ECON_KEEP = 1.0 - T.ECONOMY_REVERT
ECON_BASE = 50.0 * T.ECONOMY_REVERT - 0.5 * ECON_NOISE


class WorldRow(NamedTuple):
    """One country's constants of the world step."""

    cid: str
    capacity: float
    start_outflow: float            # k/month
    remit_hit: float                # economy lost per 1k people returned a month
    approval_base: float            # pull of approval back to its start, noise centred
    rally: float                    # approval gained while US sticks are in force
    instability_base: float         # pull of instability back to its start
    push_instability: float         # 1 - PUSH_INSTABILITY * start instability
    relations_base: float           # pull of relations back to their start
    trust_keep: float               # share of trust kept each month
    trust_base: float               # pull of trust back to its start
    grievance_keep: float           # share of grievance kept each month
    levers: dict[str, LeverEffect]  # see lever_effects
    route: tuple[str, ...]          # the countries its people cross to the US border
    coop_scale: float               # cooperation (0..100) per unit of asks' levels in force
    returns: dict[str, tuple[float, ...]]  # ask id -> k returned a month at each level (see rules.returns_table)


class LeverEffect(NamedTuple):
    """A lever's monthly effect on one country while in force."""

    economy: float
    approval: float
    domestic: float
    aid: float
    stick: int          # 1 for a stick, so sticks in force can be counted by adding


class LevelEffect(NamedTuple):
    """An ask's monthly effects at one level in force, before the country's capacity."""

    approval: float
    returns: float
    own_cut: float
    risk: float
    transit_cut: float


def lever_effects(lever_coefs: dict[str, LeverCoef], scale: dict[tuple[str, str], float], cid: str) -> dict[str, LeverEffect]:
    """Lever id -> its effect each month of a measure in force on the country, scaled by how
    strongly it bites there."""
    return {lid: LeverEffect(T.ECONOMY_SHOCK * k.economy * scale[(cid, lid)], T.APPROVAL_SHOCK * k.approval * scale[(cid, lid)],
                             k.domestic, k.aid, 1 if k.stick else 0)
            for lid, k in lever_coefs.items()}


def ask_levels(ask_coefs: dict[str, AskCoef]) -> dict[str, tuple[LevelEffect, ...]]:
    """Ask id -> for each level from 0 to the top, the effects of that level in force, before the
    country's capacity (returns per country are in ``WorldRow.returns``)."""
    out: dict[str, tuple[LevelEffect, ...]] = {}
    for aid, k in ask_coefs.items():
        rows = []
        for level in range(k.levels + 1):
            frac = level / k.levels
            rows.append(LevelEffect(T.APPROVAL_SHOCK * k.approval * frac, k.returns_k * frac, k.own_flow_cut * frac,
                                    k.protection_risk * frac, k.transit_cut * frac))
        out[aid] = tuple(rows)
    return out


def world_rows(countries: dict[str, CountryRule], order: tuple[str, ...], lever_coefs: dict[str, LeverCoef],
               scale: dict[tuple[str, str], float], applicable: dict[str, int],
               returns: dict[tuple[str, str], tuple[float, ...]]) -> tuple[WorldRow, ...]:
    """One row of constants per country, in scenario order (``applicable``: how many asks can be
    put to each country)."""
    rows: list[WorldRow] = []
    for cid in order:
        c = countries[cid]
        trust_rate = 0.02 * (1.0 - 0.5 * c.memory)
        rows.append(WorldRow(
            cid=cid, capacity=c.capacity, start_outflow=c.start_outflow_k,
            remit_hit=c.exposure["remittances"] * T.RETURNS_REMITTANCE_HIT / max(1.0, c.start_outflow_k),
            approval_base=T.APPROVAL_REVERT * c.start_approval - 0.5 * APPROVAL_NOISE,
            rally=1.5 * c.pride, instability_base=0.15 * c.start_instability,
            push_instability=1.0 - T.PUSH_INSTABILITY * c.start_instability,
            relations_base=T.RELATIONS_REVERT * c.start_relations,
            trust_keep=1.0 - trust_rate, trust_base=trust_rate * c.start_trust,
            grievance_keep=0.75 + 0.22 * c.memory,
            levers=lever_effects(lever_coefs, scale, cid),
            route=c.route, coop_scale=100.0 / (min(2, applicable[cid]) or 1),
            returns={aid: table for (country, aid), table in returns.items() if country == cid},
        ))
    return tuple(rows)


class RouteLink(NamedTuple):
    """A country of the route tree and the next country its people cross (``route_tree``)."""

    cid: str
    after: str | None  # the next country on its route, None at the US border
    after_at: int      # the place of ``after`` in the tree, -1 at the border


def route_tree(countries: dict[str, CountryRule], order: tuple[str, ...]) -> tuple[RouteLink, ...] | None:
    """Each country with the next country on its route, ordered so that every country comes before
    the one its people cross next (south to north); None when the routes do not form such a tree
    (some country's route is not its next country followed by that country's own route)."""
    following: dict[str, str | None] = {}
    for cid in order:
        route = countries[cid].route
        if route and route[1:] != countries[route[0]].route:
            return None
        following[cid] = route[0] if route else None
    ordered = sorted(order, key=lambda cid: -len(countries[cid].route))
    at: dict[str | None, int] = {cid: i for i, cid in enumerate(ordered)}
    at[None] = -1
    return tuple(RouteLink(cid, following[cid], at[following[cid]]) for cid in ordered)
