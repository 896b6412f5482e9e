"""The world step: migration along the routes is the same whichever way it is added up."""

from __future__ import annotations

import dataclasses
import random

import pytest
from engine_helpers import fresh, shipped_rules

from game.engine import dumps, end_turn, loads
from game.engine.bots import STRATEGIES
from game.engine.coefs import route_tree
from game.engine.world import route_flows

pytestmark = pytest.mark.shipped_data


def test_shipped_routes_form_a_tree() -> None:
    rules = shipped_rules("default")
    assert rules.route_tree is not None
    position = {link.cid: i for i, link in enumerate(rules.route_tree)}
    for link in rules.route_tree:
        assert link.after is None or position[link.after] > position[link.cid]
        assert link.after_at == (position[link.after] if link.after is not None else -1)


@pytest.mark.parametrize("seed", range(1, 7))
def test_tree_flows_match_following_each_route(seed: int) -> None:
    """Summing flows country by country (the fast path) gives each country's arrivals and the people
    stranded exactly as following every route to the border does, with cuts anywhere on the way."""
    rules = shipped_rules("default")
    by_route = dataclasses.replace(rules, route_tree=None)
    rng = random.Random(seed)
    state = fresh("default", "balanced", seed)
    for _ in range(6):
        STRATEGIES["balanced"](state, rng)
        end_turn(state)
        text = dumps(state)
        cuts = {cid: rng.choice((0.0, 0.0, 0.2, 0.55, 0.8)) for cid in rules.order}
        fast, slow = loads(text, rules), loads(text, by_route)
        stranded_fast = route_flows(rules, fast, cuts=cuts)
        stranded_slow = route_flows(by_route, slow, cuts=cuts)
        assert stranded_fast == pytest.approx(stranded_slow, rel=1e-9, abs=1e-12)
        for cid in rules.order:
            assert fast.countries[cid].arrivals_k == pytest.approx(slow.countries[cid].arrivals_k, rel=1e-9, abs=1e-12)
            assert fast.countries[cid].stranded_k == pytest.approx(slow.countries[cid].stranded_k, rel=1e-9, abs=1e-12)


def test_routes_that_are_not_a_tree_are_followed_one_by_one() -> None:
    rules = shipped_rules("default")
    countries = dict(rules.countries)
    countries["CUB"] = dataclasses.replace(countries["CUB"], route=("MEX", "GTM"))  # not MEX's own route
    assert route_tree(countries, rules.order) is None
