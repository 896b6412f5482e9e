"""Fixtures for the records tests: the shipped data, a saved bot record, an isolated user data folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from records_helpers import NOTES, bot_record, shipped

from game.content import ContentBundle
from game.records import save_record


@pytest.fixture
def bundle() -> ContentBundle:
    """The shipped content bundle."""
    return shipped()


@pytest.fixture
def record_path(tmp_path: Path) -> Path:
    """A saved record of a whole bot game (default scenario, balanced mandate) with notes."""
    return save_record(tmp_path / "game.json", bot_record(notes=NOTES, player="Ana"))


@pytest.fixture(autouse=True)
def user_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own user data folder (records and autosaves go there)."""
    home = tmp_path / "home"
    monkeypatch.setenv("PRESSURE_POINTS_DATA_DIR", str(home))
    return home
