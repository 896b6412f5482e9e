"""Fixtures for the engine tests: the shipped content, compiled rules, a fresh game."""

from __future__ import annotations

import pytest
from engine_helpers import fresh, shipped_bundle, shipped_rules

from game.content import ContentBundle
from game.engine import GameState, Rules


@pytest.fixture
def bundle() -> ContentBundle:
    """The shipped content bundle."""
    return shipped_bundle()


@pytest.fixture
def rules() -> Rules:
    """The shipped data compiled for the default scenario."""
    return shipped_rules("default")


@pytest.fixture
def game() -> GameState:
    """A new default game, balanced mandate, seed 1."""
    return fresh()
