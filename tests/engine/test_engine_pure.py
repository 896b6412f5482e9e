"""The engine (and the scripting commands) import and play a full game with pygame unavailable."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.shipped_data

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import sys
sys.modules["pygame"] = None
sys.modules["pygame_gui"] = None
import game.engine as engine
from game.engine.autoplay import play_bot_game
from game.loading import load_content
import game.commands.replay, game.commands.simulate
result = load_content()
assert result.ok
rules = engine.compile_rules(result.bundle, "default")
state = play_bot_game(rules, "balanced", 3, "balanced")
assert engine.is_over(state)
card = engine.scorecard(state)
assert 0 <= card.total <= 100
loaded = engine.loads(engine.dumps(state), rules)
assert engine.dumps(loaded) == engine.dumps(state)
assert sys.modules["pygame"] is None and sys.modules["pygame_gui"] is None
print("ok", card.total)
"""


def test_engine_runs_without_pygame() -> None:
    done = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("ok ")


def test_blocking_really_blocks() -> None:
    """Sanity check of the method: importing a blocked module fails."""
    code = "import sys; sys.modules['pygame'] = None\ntry:\n import pygame\nexcept ImportError:\n print('blocked')"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "blocked"
