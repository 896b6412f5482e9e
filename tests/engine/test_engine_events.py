"""Data events: the odds of each place, once-only events, turn windows."""

from __future__ import annotations

import collections
import math
import random

import pytest
from engine_helpers import shipped_rules

from game.engine.autoplay import play_bot_game
from game.engine.events import _lucky

PLACES = ("A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L")


@pytest.mark.parametrize("chance", [0.05, 0.3, 0.5, 0.9])
def test_each_place_is_picked_with_the_events_chance(chance: float) -> None:
    """Drawing the gaps between successes gives every place the same independent chance."""
    rng = random.Random(7)
    rounds = 20000
    picked: collections.Counter[str | None] = collections.Counter()
    pairs = 0
    for _ in range(rounds):
        chosen = _lucky(PLACES, chance, math.log1p(-chance), rng.random)
        assert chosen == sorted(chosen, key=PLACES.index) and len(set(chosen)) == len(chosen)
        picked.update(chosen)
        pairs += "A" in chosen and "L" in chosen
    spread = 4.0 * (chance * (1.0 - chance) / rounds) ** 0.5 + 1e-9
    for place in PLACES:
        assert abs(picked[place] / rounds - chance) < spread, (place, picked[place] / rounds)
    assert abs(pairs / rounds - chance * chance) < 4.0 * (chance * chance / rounds) ** 0.5 + 1e-9


def test_certain_impossible_and_single_place_chances() -> None:
    rng = random.Random(3)
    assert _lucky(PLACES, 1.0, 0.0, rng.random) == list(PLACES)
    assert _lucky(PLACES, 0.0, 0.0, rng.random) == []
    hits = sum(bool(_lucky(("A",), 0.25, math.log1p(-0.25), rng.random)) for _ in range(8000))
    assert abs(hits / 8000 - 0.25) < 0.02


@pytest.mark.shipped_data
@pytest.mark.parametrize("seed", range(1, 13))
def test_events_respect_their_window_and_fire_once_per_place(seed: int) -> None:
    rules = shipped_rules("default")
    state = play_bot_game(rules, "balanced", seed, "random")
    seen: collections.Counter[tuple[str, str | None]] = collections.Counter()
    for news in state.news:
        if news.event is None:
            continue
        seen[(news.event, news.country)] += 1
        event = rules.events[news.event]
        plan = next(p for p in rules.event_plan if p[0] == news.event)
        assert plan.first <= news.turn <= plan.last, (news.event, news.turn)
        if event.once:
            assert seen[(news.event, news.country)] == 1, news.event
        if news.country is not None:
            assert news.country in plan.places
    for eid, here in seen:
        assert sorted(state.fired[eid]).count(here or "*") == 1
