"""Benchmark: load and validate the shipped data N times; print the median and p90 in ms.

Usage: ``python bench/bench_load.py [-n 30] [--check] [PATH ...]``. The goal is a median of at most
50 ms; with ``--check`` the exit status is 1 when the median is over the goal.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.loading import load_content

GOAL_MS = 50.0


def measure(runs: int, paths: Sequence[str] | None) -> list[float]:
    """Wall-clock milliseconds of ``runs`` full loads (read, parse, validate, cross-check)."""
    load_content(paths)  # warm-up: imports and pydantic schema building are not part of a load
    times: list[float] = []
    for _ in range(runs):
        start = time.perf_counter()
        load_content(paths)
        times.append((time.perf_counter() - start) * 1000.0)
    return times


def percentile(values: Sequence[float], share: float) -> float:
    """The value below which ``share`` of the values fall (nearest rank)."""
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(share * len(ordered) + 0.5) - 1))
    return ordered[rank]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print the figures; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--runs", type=int, default=30, help="number of loads (default 30)")
    parser.add_argument("--check", action="store_true", help="exit 1 when the median is over the goal")
    parser.add_argument("paths", nargs="*", help="data folders or files (default: the shipped data)")
    args = parser.parse_args(argv)
    result = load_content(args.paths or None)
    if not result.ok:
        print(f"the data has {len(result.errors)} errors; run 'python main.py validate' first")
        return 1
    times = measure(max(1, args.runs), args.paths or None)
    median = statistics.median(times)
    print(f"load_content: {len(result.files)} files, {len(times)} runs: "
          f"median {median:.1f} ms, p90 {percentile(times, 0.9):.1f} ms (goal: median <= {GOAL_MS:.0f} ms)")
    if args.check and median > GOAL_MS:
        print(f"over the goal by {median - GOAL_MS:.1f} ms")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
