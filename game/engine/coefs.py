"""Per-country constants of the monthly world step, computed once when the rules are compiled.

The world step runs for every country every month, so everything in it that does not change during
a game (start values, traits turned into rates, how strongly each lever bites) is worked out here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.engine import tuning as T

if TYPE_CHECKING:
    from game.engine.rules import CountryRule

# (country id, capacity, start outflow (k/month), economy hit per 1k returned a month, start approval,
#  approval rally while sticks are in force, start instability, start relations, monthly pull of trust
#  back to its start, start trust, share of grievance kept each month, lever id -> its monthly effects
#  on the country (see lever_effects), the route north, cooperation (0..100) per unit of asks' levels
#  in force)
WorldRow = tuple[str, float, float, float, float, float, float, float, float, float, float,
                 dict[str, tuple[float, float, float, float, int]], tuple[str, ...], float]


def lever_effects(lever_coefs: dict[str, tuple[float, float, float, float, bool]],
                  scale: dict[tuple[str, str], float], cid: str) -> dict[str, tuple[float, float, float, float, int]]:
    """Lever id -> (economy shock, approval shock, US domestic cost, aid per month, 1 for a stick)
    of a measure in force on the country, scaled by how strongly it bites there."""
    return {lid: (k[0] * scale[(cid, lid)], k[1] * scale[(cid, lid)], k[2], k[3], 1 if k[4] else 0)
            for lid, k in lever_coefs.items()}


def ask_levels(ask_coefs: dict[str, tuple[float, float, float, float, int, float, float]],
               ) -> dict[str, tuple[tuple[float, float, float, float, float], ...]]:
    """Ask id -> for each level from 0 to the top, (approval cost, returns (k/month), own flow cut,
    protection risk, transit cut) of that level in force, before the country's capacity."""
    out: dict[str, tuple[tuple[float, float, float, float, float], ...]] = {}
    for aid, k in ask_coefs.items():
        rows = []
        for level in range(k[4] + 1):
            frac = level / k[4]
            rows.append((k[0] * frac, k[1] * frac, k[2] * frac, k[3] * frac, k[5] * frac))
        out[aid] = tuple(rows)
    return out


def world_rows(countries: dict[str, CountryRule], order: tuple[str, ...],
               lever_coefs: dict[str, tuple[float, float, float, float, bool]],
               scale: dict[tuple[str, str], float], applicable: dict[str, int]) -> tuple[WorldRow, ...]:
    """One row of constants per country, in scenario order (``applicable``: how many asks can be
    put to each country)."""
    rows: list[WorldRow] = []
    for cid in order:
        c = countries[cid]
        rows.append((
            cid, c.capacity, c.start_outflow_k,
            c.exposure["remittances"] * T.RETURNS_REMITTANCE_HIT / max(1.0, c.start_outflow_k),
            c.start_approval, 1.5 * c.pride, c.start_instability, c.start_relations,
            0.02 * (1.0 - 0.5 * c.memory), c.start_trust, 0.75 + 0.22 * c.memory,
            lever_effects(lever_coefs, scale, cid),
            c.route, 100.0 / (min(2, applicable[cid]) or 1),
        ))
    return tuple(rows)


def route_tree(countries: dict[str, CountryRule], order: tuple[str, ...]) -> tuple[tuple[str, str | None], ...] | None:
    """Each country with the next country on its route, ordered so that every country comes before
    the one its people cross next (south to north); None when the routes do not form such a tree
    (some country's route is not its next country followed by that country's own route)."""
    following: dict[str, str | None] = {}
    for cid in order:
        route = countries[cid].route
        if route and route[1:] != countries[route[0]].route:
            return None
        following[cid] = route[0] if route else None
    return tuple(sorted(((cid, following[cid]) for cid in order), key=lambda pair: -len(countries[pair[0]].route)))
