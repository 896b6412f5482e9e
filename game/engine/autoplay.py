"""Playing whole games without a player: one bot game, and many games of one strategy."""

from __future__ import annotations

import random
import statistics
import time
from dataclasses import dataclass, field

from game.engine.bots import STRATEGIES
from game.engine.errors import UnknownContent
from game.engine.rules import Rules
from game.engine.score import scorecard
from game.engine.setup import new_game
from game.engine.state import GameState
from game.engine.turn import advance


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


def play_bot_game(rules: Rules, mandate: str, seed: int, strategy: str) -> GameState:
    """One full game played by a strategy; same arguments, same game."""
    try:
        bot = STRATEGIES[strategy]
    except KeyError:
        raise UnknownContent(f"There is no strategy '{strategy}' (choose from: {', '.join(STRATEGIES)}).") from None
    state = new_game(rules, rules.scenario_id, mandate, seed)
    bot_rng = random.Random(seed * 7919 + 17)
    while not state.is_over:
        bot(state, bot_rng)
        advance(state)
    return state


def run_strategy(rules: Rules, mandate: str, strategy: str, games: int, seed: int,
                 keep: list[GameState] | None = None) -> StrategyResult:
    """Play ``games`` games with seeds seed, seed+1, …; optionally keep the final states."""
    scores: list[float] = []
    objective_sums: dict[str, float] = {}
    agreed: dict[str, int] = dict.fromkeys(rules.order, 0)
    start = time.perf_counter()
    for i in range(games):
        state = play_bot_game(rules, mandate, seed + i, strategy)
        card = scorecard(state)
        scores.append(card.total)
        for key, value in card.objectives.items():
            objective_sums[key] = objective_sums.get(key, 0.0) + value
        signed = {d.country for d in state.deals}
        for cid, cs in state.countries.items():
            if cs.commitments and cid in signed:
                agreed[cid] += 1
        if keep is not None:
            keep.append(state)
    seconds = time.perf_counter() - start
    n = max(1, games)
    return StrategyResult(
        strategy=strategy, games=games, seconds=round(seconds, 4),
        games_per_second=round(games / seconds, 2) if seconds > 0 else 0.0,
        score_mean=round(statistics.fmean(scores), 3) if scores else 0.0,
        score_sd=round(statistics.pstdev(scores), 3) if len(scores) > 1 else 0.0,
        score_min=round(min(scores), 3) if scores else 0.0,
        score_max=round(max(scores), 3) if scores else 0.0,
        objectives={k: round(v / n, 2) for k, v in objective_sums.items()},
        agreements={cid: round(count / n, 3) for cid, count in agreed.items()},
    )
