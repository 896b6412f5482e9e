"""Same scenario + seed + actions = the same game, turn by turn; saves continue a game exactly."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from engine_helpers import fresh, scenario_ids, shipped_rules

from game.engine import GameState, apply, dumps, end_turn, loads
from game.engine.autoplay import play_bot_game
from game.engine.bots import STRATEGIES

pytestmark = pytest.mark.shipped_data

SEEDS = (1, 7, 2024)


def bot_saves(scenario: str, strategy: str, seed: int) -> list[str]:
    """Play a bot game and return the save text after every turn (the first is before any)."""
    state = fresh(scenario, "balanced", seed)
    bot = STRATEGIES[strategy]
    bot_rng = random.Random(seed)
    saves = [dumps(state)]
    while not state.is_over:
        bot(state, bot_rng)
        end_turn(state)
        saves.append(dumps(state))
    return saves


def replay_log(state: GameState, log: list, start: int = 0) -> list[str]:
    """Apply the recorded months ``log[start:]`` to ``state``; the save text after each month."""
    saves = []
    for plan in log[start:]:
        for action in plan:
            apply(state, action)
        end_turn(state)
        saves.append(dumps(state))
    return saves


@pytest.mark.parametrize("scenario", scenario_ids())
@pytest.mark.parametrize("strategy", sorted(STRATEGIES))
def test_same_seed_same_bot_same_game_after_every_turn(scenario: str, strategy: str) -> None:
    for seed in SEEDS:
        first = bot_saves(scenario, strategy, seed)
        second = bot_saves(scenario, strategy, seed)
        assert len(first) == len(second) > 1
        for turn, (a, b) in enumerate(zip(first, second)):
            assert a == b, f"{scenario}/{strategy}/seed {seed}: games differ after turn {turn}"


@pytest.mark.parametrize("strategy", sorted(STRATEGIES))
def test_recorded_actions_replay_to_identical_saves(strategy: str) -> None:
    """The actions log of a game, applied to a new game with the same seed, gives the same saves."""
    for seed in SEEDS:
        original = play_bot_game(shipped_rules("default"), "balanced", seed, strategy)
        again = fresh("default", "balanced", seed)
        replay_log(again, original.actions_log)
        assert dumps(again) == dumps(original)


def test_different_seeds_give_different_games() -> None:
    assert bot_saves("default", "random", 1)[-1] != bot_saves("default", "random", 2)[-1]


@pytest.mark.parametrize("strategy", sorted(STRATEGIES))
@pytest.mark.parametrize("stop", [0, 1, 5, 11])
def test_save_and_load_continues_identically(strategy: str, stop: int) -> None:
    """Play k months, save, load, continue with the same actions: identical to an uninterrupted game."""
    rules = shipped_rules("default")
    for seed in SEEDS[:2]:
        original = play_bot_game(rules, "hardline", seed, strategy)
        uninterrupted = replay_log(fresh("default", "hardline", seed), original.actions_log)
        state = fresh("default", "hardline", seed)
        before = replay_log(state, original.actions_log[:stop])
        resumed = loads(dumps(state), rules)
        assert dumps(resumed) == dumps(state)
        after = replay_log(resumed, original.actions_log, start=stop)
        assert before + after == uninterrupted


def test_rng_state_survives_a_save() -> None:
    """The generator continues from the same point after a save/load round trip."""
    rules = shipped_rules("default")
    state = play_bot_game(rules, "balanced", 3, "random")
    state.turn = 5  # any state will do; only the generator is compared
    resumed = loads(dumps(state), rules)
    assert [resumed.rng.random() for _ in range(5)] == [state.rng.random() for _ in range(5)]


def test_save_with_a_queued_plan_resolves_identically() -> None:
    """A save taken mid-month (actions queued, capital spent) ends the month exactly as the original."""
    rules = shipped_rules("default")
    original = play_bot_game(rules, "balanced", 5, "balanced")
    state = fresh("default", "balanced", 5)
    replay_log(state, original.actions_log[:2])
    for action in original.actions_log[2]:
        apply(state, action)
    resumed = loads(dumps(state), rules)
    assert resumed.us.capital == state.us.capital and resumed.queue == state.queue
    end_turn(state)
    end_turn(resumed)
    assert dumps(resumed) == dumps(state)


def test_replay_is_identical_across_processes_and_hash_seeds() -> None:
    """Nothing depends on string hashing or the process: two interpreters print the same replay."""
    root = Path(__file__).resolve().parents[2]
    outputs = []
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        done = subprocess.run([sys.executable, "main.py", "replay", "docs/orders-example.json", "--json"],
                              cwd=root, env=env, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
