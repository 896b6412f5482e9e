"""Balance: no single autoplay strategy has the best mean score under every mandate."""

from __future__ import annotations

import pytest
from engine_helpers import shipped_rules

from game.engine.autoplay import run_strategy
from game.engine.bots import STRATEGIES

pytestmark = pytest.mark.shipped_data

GAMES = 40


def test_no_single_strategy_wins_every_mandate() -> None:
    rules = shipped_rules("default")
    table: dict[str, dict[str, float]] = {}
    for mandate in rules.mandates:
        table[mandate] = {s: run_strategy(rules, mandate, s, GAMES, seed=1).score_mean for s in STRATEGIES}
    winners = {mandate: max(scores, key=scores.get) for mandate, scores in table.items()}
    assert len(set(winners.values())) > 1, f"one strategy wins every mandate: {winners}; mean scores {table}"
