"""Benchmark the turn engine: one ``end_turn`` and whole bot games per second, on one core.

Usage: ``python bench/bench_engine.py [--repeats 2000] [--games 100] [--rounds 5] [--check]``.

(a) ``end_turn`` for the default scenario (12 countries) with nothing queued: each timed call starts
    from the same state (a fresh copy made by ``loads(dumps(state))`` outside the timing); the
    median is reported against the goal of at most 0.15 ms.
(b) ``simulate`` throughput on the default scenario: full games per second for each strategy and
    overall (total games / total seconds), against the goal of at least 500 games/s. Each strategy's
    games are timed ``--rounds`` times (default 5, as ``timeit.repeat``) and the fastest round counts:
    the slower rounds measure other load on the machine, not the engine.
With ``--check`` the exit status is 1 when a goal is missed.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.engine import GameState, Rules, compile_rules, dumps, end_turn, loads, new_game
from game.engine.autoplay import run_strategy
from game.engine.bots import STRATEGIES
from game.loading import load_content

END_TURN_GOAL_MS = 0.15
GAMES_GOAL_PER_S = 500.0
SCENARIO = "default"
MANDATE = "balanced"


def bench_end_turn(rules: Rules, repeats: int, turn: int = 3) -> list[float]:
    """Milliseconds of ``repeats`` calls of end_turn, each from the same state at month ``turn``."""
    state: GameState = new_game(rules, SCENARIO, MANDATE, seed=11)
    while state.turn < turn:
        end_turn(state)
    text = dumps(state)
    for _ in range(20):  # warm-up
        end_turn(loads(text, rules))
    times: list[float] = []
    for _ in range(repeats):
        copy = loads(text, rules)
        start = time.perf_counter()
        end_turn(copy)
        times.append((time.perf_counter() - start) * 1000.0)
    return times


def bench_games(rules: Rules, games: int, rounds: int = 5, seed: int = 1) -> dict[str, tuple[int, float]]:
    """Games and seconds per strategy (full bot games, default scenario): the fastest of ``rounds``."""
    run_strategy(rules, MANDATE, "balanced", 3, seed)  # warm-up
    out: dict[str, tuple[int, float]] = {}
    for _ in range(max(1, rounds)):
        for name in STRATEGIES:
            start = time.perf_counter()
            run_strategy(rules, MANDATE, name, games, seed)
            seconds = time.perf_counter() - start
            if name not in out or seconds < out[name][1]:
                out[name] = (games, seconds)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """Run both benchmarks, print the figures and the goals; returns the exit status."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeats", type=int, default=2000, help="timed end_turn calls (default 2000)")
    parser.add_argument("--games", type=int, default=100, help="games per strategy (default 100)")
    parser.add_argument("--rounds", type=int, default=5, help="timed rounds of the games; the fastest counts (default 5)")
    parser.add_argument("--check", action="store_true", help="exit 1 when a goal is missed")
    args = parser.parse_args(argv)
    result = load_content()
    if not result.ok or result.bundle is None:
        print(f"the data has {len(result.errors)} errors; run 'python main.py validate' first")
        return 1
    rules = compile_rules(result.bundle, SCENARIO)
    missed: list[str] = []

    times = bench_end_turn(rules, max(1, args.repeats))
    median = statistics.median(times)
    p90 = sorted(times)[int(0.9 * (len(times) - 1))]
    print(f"end_turn ({len(rules.order)} countries, nothing queued), {len(times)} runs: "
          f"median {median:.3f} ms, p90 {p90:.3f} ms (goal: median <= {END_TURN_GOAL_MS} ms)")
    if median > END_TURN_GOAL_MS:
        missed.append("end_turn")

    figures = bench_games(rules, max(1, args.games), args.rounds)
    total_games = sum(g for g, _ in figures.values())
    total_seconds = sum(s for _, s in figures.values())
    for name, (games, seconds) in figures.items():
        print(f"simulate {name:<11} {games:>5} games in {seconds:6.2f} s: {games / seconds:7.1f} games/s")
    overall = total_games / total_seconds if total_seconds > 0 else 0.0
    print(f"simulate overall     {total_games:>5} games in {total_seconds:6.2f} s: {overall:7.1f} games/s "
          f"(goal: >= {GAMES_GOAL_PER_S:.0f} games/s)")
    if overall < GAMES_GOAL_PER_S:
        missed.append("simulate")

    if missed:
        print(f"goals missed: {', '.join(missed)}")
        return 1 if args.check else 0
    print("all goals met")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
