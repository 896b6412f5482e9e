"""Balance of the shipped data: mandates that change what wins, bots that beat doing nothing by a
margin, and no exploit the balance check's search can find."""

from __future__ import annotations

import pytest
from engine_helpers import shipped_rules

from game.commands.balance import IDLE_GAP, check_scenario
from game.engine.autoplay import run_mandates
from game.engine.bots import BUILT_IN

pytestmark = pytest.mark.shipped_data

GAMES = 30
FULL = ("default", "northern_triangle")


@pytest.mark.parametrize("scenario", FULL)
def test_mandates_change_what_wins_and_the_best_bot_beats_doing_nothing(scenario: str) -> None:
    rules = shipped_rules(scenario)
    table: dict[str, dict[str, float]] = {m: {} for m in rules.mandates}
    for bot in BUILT_IN:
        for mandate, result in run_mandates(rules, bot, GAMES, 1).items():
            table[mandate][bot] = result.score_mean
    winners = {m: max(scores, key=scores.get) for m, scores in table.items()}
    assert winners["hardline"] != winners["humanitarian"], f"the same bot wins both: {table}"
    for mandate, scores in table.items():
        assert max(scores.values()) >= IDLE_GAP, f"under {mandate} no bot beats doing nothing by {IDLE_GAP}: {scores}"


@pytest.mark.parametrize("scenario", FULL)
def test_the_search_finds_no_exploit_in_the_shipped_data(scenario: str) -> None:
    result = check_scenario(shipped_rules(scenario), 10, 1, restarts=4, steps=8)
    assert not result.exploits, result.flags
    assert not [f for f in result.flags if f.startswith(("EXPLOIT", "DOMINANT", "IDLE", "NEVER"))], result.flags
