"""Playing whole games without a player: one bot game, and many games of one strategy.

A strategy's games do not depend on the mandate (it only weighs the score), so ``run_mandates``
plays each seed once and scores it under every mandate.

Each game of a batch is scored as soon as it ends and then dropped (unless the caller keeps the
final states), so the next game reuses memory that is still in the processor's cache: keeping a
hundred finished games to score them together, and then freeing them all at once, cost about a
tenth of the time of the batch in cache misses. A game makes many short-lived objects, all freed by
reference counting (a game's state holds no reference cycles), so batches also pause the cyclic
collector (``_collector_paused``), whose passes would find nothing to free, and restore it afterwards.
"""

from __future__ import annotations

import gc
import random
import statistics
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from game.engine.bots import STRATEGIES, Strategy
from game.engine.errors import UnknownContent
from game.engine.rules import Rules
from game.engine.score import Gains, gains_of, total_score
from game.engine.setup import new_game
from game.engine.state import GameState, rules_of
from game.engine.turn import advance
from game.i18n import _

Bot = str | Strategy


@dataclass
class StrategyResult:
    """Summary of many games played by one strategy."""

    strategy: str
    games: int
    seconds: float
    games_per_second: float
    score_mean: float
    score_sd: float
    score_min: float
    score_max: float
    objectives: dict[str, float] = field(default_factory=dict)
    agreements: dict[str, float] = field(default_factory=dict)
    gains: dict[str, float] = field(default_factory=dict)  # mean gain over the idle game per objective


def _bot(strategy: Bot) -> Strategy:
    if callable(strategy):
        return strategy
    try:
        return STRATEGIES[strategy]
    except KeyError:
        raise UnknownContent(_("There is no strategy '{strategy}' (choose from: {join}).").format(
                                 strategy=strategy, join=', '.join(STRATEGIES))) from None


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for a batch of games (see the module's docstring)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def play_bot_game(rules: Rules, mandate: str, seed: int, strategy: Bot) -> GameState:
    """One full game played by a strategy (a name or a strategy function); same arguments, same game."""
    bot = _bot(strategy)
    state = new_game(rules, rules.scenario_id, mandate, seed)
    bot_rng = random.Random(seed * 7919 + 17)
    while not state.is_over:
        bot(state, bot_rng)
        advance(state)
    return state


class _Tally:
    """The summary of a strategy's games under one mandate, added up one finished game at a time."""

    def __init__(self, mandate: str) -> None:
        self.mandate = mandate
        self.scores: list[float] = []
        self.objective_sums: dict[str, float] = {}
        self.gain_sums: dict[str, float] = {}
        self.agreed: dict[str, int] = {}

    def add(self, state: GameState, parts: Gains) -> None:
        """Add one finished game and its ``gains_of``."""
        self.scores.append(total_score(rules_of(state), parts, self.mandate))
        objective_sums, gain_sums, agreed = self.objective_sums, self.gain_sums, self.agreed
        for key, value in parts.scores.items():
            objective_sums[key] = objective_sums.get(key, 0.0) + value
        for key, value in parts.gains.items():
            gain_sums[key] = gain_sums.get(key, 0.0) + value
        signed = {d.country for d in state.deals}
        for cid, cs in state.countries.items():
            agreed[cid] = agreed.get(cid, 0) + (1 if cs.commitments and cid in signed else 0)

    def result(self, name: str, seconds: float) -> StrategyResult:
        """The summary of the games added so far, played in ``seconds``."""
        scores = self.scores
        games = len(scores)
        n = max(1, games)
        return StrategyResult(
            strategy=name, games=games, seconds=round(seconds, 4),
            games_per_second=round(games / seconds, 2) if seconds > 0 else 0.0,
            score_mean=round(statistics.fmean(scores), 3) if scores else 0.0,
            score_sd=round(statistics.pstdev(scores), 3) if len(scores) > 1 else 0.0,
            score_min=round(min(scores), 3) if scores else 0.0,
            score_max=round(max(scores), 3) if scores else 0.0,
            objectives={k: round(v / n, 2) for k, v in self.objective_sums.items()},
            gains={k: round(v / n, 2) for k, v in self.gain_sums.items()},
            agreements={cid: round(count / n, 3) for cid, count in self.agreed.items()},
        )


def _play_scored(rules: Rules, mandate: str, strategy: Bot, games: int, seed: int, tallies: list[_Tally],
                 keep: list[GameState] | None = None) -> float:
    """Play ``games`` games with seeds seed, seed+1, …, each scored into every tally as soon as it
    ends (see the module's docstring); returns the seconds spent playing, scoring left out."""
    clock = time.perf_counter
    seconds = 0.0
    with _collector_paused():
        for i in range(games):
            start = clock()
            state = play_bot_game(rules, mandate, seed + i, strategy)
            seconds += clock() - start
            parts = gains_of(state)  # what every mandate's score is made of
            for tally in tallies:
                tally.add(state, parts)
            if keep is not None:
                keep.append(state)
            del state  # freed now, while its memory is still in the cache (see the module's docstring)
    return seconds


def run_strategy(rules: Rules, mandate: str, strategy: str, games: int, seed: int,
                 keep: list[GameState] | None = None) -> StrategyResult:
    """Play ``games`` games with seeds seed, seed+1, …; optionally keep the final states."""
    tally = _Tally(mandate)
    seconds = _play_scored(rules, mandate, strategy, games, seed, [tally], keep)
    return tally.result(strategy, seconds)


def run_mandates(rules: Rules, strategy: Bot, games: int, seed: int, name: str | None = None) -> dict[str, StrategyResult]:
    """One strategy's games, played once (under the first mandate) and scored under every mandate of the scenario."""
    tallies = {m: _Tally(m) for m in rules.mandates}
    seconds = _play_scored(rules, next(iter(rules.mandates)), strategy, games, seed, list(tallies.values()))
    label = name or (strategy if isinstance(strategy, str) else str(getattr(strategy, "__name__", "strategy")))
    return {m: tally.result(label, seconds) for m, tally in tallies.items()}
