"""Playing whole games without a player: one bot game, and many games of one strategy.

A strategy's games do not depend on the mandate (it only weighs the score), so ``run_mandates``
plays each seed once and scores it under every mandate.

A batch of games makes millions of short-lived objects, all freed by reference counting (a game's
state holds no reference cycles), while the finished games kept for scoring grow the heap the
cyclic collector keeps walking; its passes cost about a tenth of the time, so batches pause it
(``_collector_paused``) and restore it afterwards.
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
from game.engine.score import scorecard
from game.engine.setup import new_game
from game.engine.state import GameState
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


def summarise(name: str, states: list[GameState], mandate: str, seconds: float) -> StrategyResult:
    """The result of finished games scored under ``mandate``."""
    scores: list[float] = []
    objective_sums: dict[str, float] = {}
    gain_sums: dict[str, float] = {}
    agreed: dict[str, int] = {}
    for state in states:
        card = scorecard(state, mandate)
        scores.append(card.total)
        for key, value in card.objectives.items():
            objective_sums[key] = objective_sums.get(key, 0.0) + value
        for key, value in card.gains.items():
            gain_sums[key] = gain_sums.get(key, 0.0) + value
        signed = {d.country for d in state.deals}
        for cid, cs in state.countries.items():
            agreed[cid] = agreed.get(cid, 0) + (1 if cs.commitments and cid in signed else 0)
    games = len(states)
    n = max(1, games)
    return StrategyResult(
        strategy=name, games=games, seconds=round(seconds, 4),
        games_per_second=round(games / seconds, 2) if seconds > 0 else 0.0,
        score_mean=round(statistics.fmean(scores), 3) if scores else 0.0,
        score_sd=round(statistics.pstdev(scores), 3) if len(scores) > 1 else 0.0,
        score_min=round(min(scores), 3) if scores else 0.0,
        score_max=round(max(scores), 3) if scores else 0.0,
        objectives={k: round(v / n, 2) for k, v in objective_sums.items()},
        gains={k: round(v / n, 2) for k, v in gain_sums.items()},
        agreements={cid: round(count / n, 3) for cid, count in agreed.items()},
    )


def play_games(rules: Rules, strategy: Bot, games: int, seed: int) -> tuple[list[GameState], float]:
    """``games`` finished games with seeds seed, seed+1, … (under the first mandate) and the seconds taken."""
    mandate = next(iter(rules.mandates))
    start = time.perf_counter()
    with _collector_paused():
        states = [play_bot_game(rules, mandate, seed + i, strategy) for i in range(games)]
    return states, time.perf_counter() - start


def run_strategy(rules: Rules, mandate: str, strategy: str, games: int, seed: int,
                 keep: list[GameState] | None = None) -> StrategyResult:
    """Play ``games`` games with seeds seed, seed+1, …; optionally keep the final states."""
    start = time.perf_counter()
    with _collector_paused():
        states = [play_bot_game(rules, mandate, seed + i, strategy) for i in range(games)]
        seconds = time.perf_counter() - start
        if keep is not None:
            keep.extend(states)
        result = summarise(strategy, states, mandate, seconds)
        del states  # freed before the collector is back, so that it has nothing of them to walk
    return result


def run_mandates(rules: Rules, strategy: Bot, games: int, seed: int, name: str | None = None) -> dict[str, StrategyResult]:
    """One strategy's games, played once and scored under every mandate of the scenario."""
    states, seconds = play_games(rules, strategy, games, seed)
    label = name or (strategy if isinstance(strategy, str) else str(getattr(strategy, "__name__", "strategy")))
    return {m: summarise(label, states, m, seconds) for m in rules.mandates}
