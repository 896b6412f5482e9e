"""Helpers for the records tests (imported as ``records_helpers``; pytest puts this folder on the path)."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from game.content import ContentBundle
from game.engine import GameState, Rules, compile_rules, end_turn, new_game
from game.engine.autoplay import play_bot_game
from game.engine.bots import STRATEGIES
from game.loading import load_content
from game.records import Record, SessionRecorder, record_from_state
from game.records.model import compute_checksum

NOTES: dict[str, Any] = {
    "version": 1,
    "guesses": {"MEX": ["economy", "sovereignty", "approval"], "GTM": ["remittances", "aid", "alt_partners"]},
    "text": {"MEX": "Moved under tariff threats in 2019.", "GTM": "=HYPERLINK(\"http://evil.invalid\",\"x\")"},
}


@lru_cache(maxsize=1)
def shipped() -> ContentBundle:
    """The shipped data, loaded once."""
    result = load_content()
    assert result.ok and result.bundle is not None
    return result.bundle


@cache
def rules(scenario: str = "default") -> Rules:
    """The shipped data compiled for one scenario."""
    return compile_rules(shipped(), scenario)


def bot_game(scenario: str = "default", mandate: str = "balanced", seed: int = 3,
             strategy: str = "balanced") -> GameState:
    """A whole game played by a bot."""
    return play_bot_game(rules(scenario), mandate, seed, strategy)


def bot_record(scenario: str = "default", mandate: str = "balanced", seed: int = 3, strategy: str = "balanced",
               notes: Any = None, player: str | None = None) -> Record:
    """The record of a whole bot game."""
    return record_from_state(bot_game(scenario, mandate, seed, strategy), notes, player=player,
                             source="simulate", strategy=strategy)


def play_recorded(directory: Path, scenario: str = "default", mandate: str = "balanced", seed: int = 5,
                  strategy: str = "hardline", months: int | None = None, notes: Any = None) -> tuple[GameState, SessionRecorder]:
    """Play as the UI does: a bot queues each month, then end_turn and the recorder's update."""
    state = new_game(rules(scenario), scenario, mandate, seed)
    recorder = SessionRecorder.open(state, notes, directory=directory, player="Ana")
    bot_rng = random.Random(seed)
    played = 0
    while not state.is_over and (months is None or played < months):
        STRATEGIES[strategy](state, bot_rng)
        end_turn(state)
        recorder.update(state, notes)
        played += 1
    return state, recorder


def rewrite(path: Path, change: Callable[[dict[str, Any]], None], checksum: bool = True) -> None:
    """Edit a record file's JSON; recompute its checksum (so only the replay can catch the edit)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    if checksum:
        data["checksum"] = compute_checksum(data)
    path.write_text(json.dumps(data), encoding="utf-8")
