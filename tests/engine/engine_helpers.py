"""Helpers shared by the engine tests (imported as ``engine_helpers``; pytest puts this folder on the path)."""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterator
from functools import cache, lru_cache
from typing import Any

from game.content import ContentBundle
from game.engine import GameState, Rules, compile_rules, new_game
from game.loading import load_content


@lru_cache(maxsize=1)
def shipped_bundle() -> ContentBundle:
    """The shipped data, loaded once per test run."""
    result = load_content()
    assert result.ok, "\n".join(p.format() for p in result.problems)
    assert result.bundle is not None
    return result.bundle


@cache
def shipped_rules(scenario: str = "default") -> Rules:
    """The shipped data compiled for one scenario (cached: rules are immutable)."""
    return compile_rules(shipped_bundle(), scenario)


def scenario_ids() -> list[str]:
    """Every scenario of the shipped data."""
    return sorted(shipped_bundle().scenarios)


def fresh(scenario: str = "default", mandate: str = "balanced", seed: int = 1) -> GameState:
    """A new game on the shipped data."""
    return new_game(shipped_rules(scenario), scenario, mandate, seed)


def walk_numbers(data: Any, path: str = "") -> Iterator[tuple[str, float]]:
    """Every number in JSON-like data, with its dotted path."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from walk_numbers(value, f"{path}.{key}")
    elif isinstance(data, (list, tuple)):
        for i, value in enumerate(data):
            yield from walk_numbers(value, f"{path}[{i}]")
    elif isinstance(data, (int, float)) and not isinstance(data, bool):
        yield path, float(data)


def meter_problems(state: GameState) -> list[str]:
    """Every meter out of its range and every non-finite number in the state (empty when all is well)."""
    bad = [f"{p} = {v}" for p, v in walk_numbers(dataclasses.asdict(state)) if not math.isfinite(v)]
    ranges = {"relations": (-100, 100), "trust": (0, 100), "approval": (0, 100), "economy": (0, 100),
              "instability": (0, 1), "grievance": (0, 100)}
    for cid, cs in state.countries.items():
        for name, (low, high) in ranges.items():
            value = getattr(cs, name)
            if not low <= value <= high:
                bad.append(f"{cid}.{name} = {value}")
        for name in ("outflow_k", "arrivals_k", "returned_k", "stranded_k"):
            if getattr(cs, name) < 0:
                bad.append(f"{cid}.{name} = {getattr(cs, name)}")
        for aid, level in cs.commitments.items():
            if level < 1:
                bad.append(f"{cid}.commitments.{aid} = {level}")
    us = state.us
    for name in ("credibility", "regional_resistance", "protection"):
        if not 0 <= getattr(us, name) <= 100:
            bad.append(f"us.{name} = {getattr(us, name)}")
    for name in ("capital", "aid_budget_m", "domestic_cost", "aid_spent_m"):
        if getattr(us, name) < 0:
            bad.append(f"us.{name} = {getattr(us, name)}")
    return bad
