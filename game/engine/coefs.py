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
#  back to its start, start trust, share of grievance kept each month, lever id -> how strongly it
#  bites, the route north, cooperation (0..100) per unit of asks' levels in force)
WorldRow = tuple[str, float, float, float, float, float, float, float, float, float, float, dict[str, float],
                 tuple[str, ...], float]


def world_rows(countries: dict[str, CountryRule], order: tuple[str, ...], scale: dict[tuple[str, str], float],
               applicable: dict[str, int]) -> tuple[WorldRow, ...]:
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
            {lid: value for (country, lid), value in scale.items() if country == cid},
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
