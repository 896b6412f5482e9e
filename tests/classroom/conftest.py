"""Fixtures for the classroom tests: a class host process on a free loopback port, stopped after the test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("starlette")
pytest.importorskip("uvicorn")
pytest.importorskip("sqlalchemy")

from classhost_helpers import Host, free_port

from game.content import ContentBundle
from game.loading import load_content


@pytest.fixture(scope="session")
def own_bundle() -> ContentBundle:
    """The shipped data, as a student's game has it."""
    bundle = load_content().bundle
    assert bundle is not None
    return bundle


@pytest.fixture
def host(tmp_path: Path) -> Iterator[Host]:
    """A started host with a new class database; stopped at the end of the test."""
    running = Host(tmp_path / "class.db", free_port()).start()
    try:
        yield running
    finally:
        running.stop()
