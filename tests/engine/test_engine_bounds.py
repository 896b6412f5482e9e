"""Shortcuts that skip a government's full weighing must never skip one that could say yes."""

from __future__ import annotations

import random

import pytest
from engine_helpers import fresh, shipped_rules

from game.engine import end_turn
from game.engine import tuning as T
from game.engine.behaviour import _may_comply
from game.engine.bots import STRATEGIES
from game.engine.decide import weigh
from game.engine.terms import barrier

pytestmark = pytest.mark.shipped_data
DEMANDS = ({"return_flights": 1}, {"transit_enforcement": 2}, {"return_flights": 2, "anti_smuggling": 1},
           {"transit_enforcement": 99, "third_country_returns": 99})  # 99: each ask's top (red lines, capacity)


@pytest.mark.parametrize("strategy", ["hardline", "random"])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_may_comply_bounds_every_weighing(strategy: str, seed: int) -> None:
    """Whenever the weighing without the mood of the day is within four standard deviations of the
    mood from yes, ``_may_comply`` says the government may comply (threatened or under a measure)."""
    rules = shipped_rules("default")
    state = fresh("default", "balanced", seed)
    bot_rng = random.Random(seed)
    checked = 0
    could = 0  # weighings where a yes was within reach
    blocked = 0  # demands past a red line or beyond capacity
    for _ in range(8):
        STRATEGIES[strategy](state, bot_rng)
        end_turn(state)
        for cid in rules.order:
            for wanted in DEMANDS:
                if not all(rules.asks[a].applies(cid) for a in wanted):
                    continue
                demand = {a: min(level, len(rules.asks[a].levels)) for a, level in wanted.items()}
                blocked += barrier(rules, cid, state.countries[cid], demand) is not None
                for lever in rules.stick_rank[cid][:2]:
                    for public in (False, True):
                        steady, _ = weigh(rules, state, cid, demand, [], lever, public)
                        if steady + 4.0 * T.NOISE_V2 >= 0.0:
                            could += 1
                            assert _may_comply(rules, state, cid, demand, lever, public), (cid, demand, lever)
                    steady, _ = weigh(rules, state, cid, demand, [], relief=[lever])
                    if steady + 4.0 * T.NOISE_V2 >= 0.0:
                        could += 1
                        assert _may_comply(rules, state, cid, demand, relief=[lever])
                    checked += 1
    assert checked > 100 and could > 0 and blocked > 0
