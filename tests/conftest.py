"""Shared test set-up: the ``shipped_data`` marker and a fresh copy of the small fixture data."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

FIXTURE_DIR = Path(__file__).parent / "fixtures" / "mini"


def pytest_configure(config: pytest.Config) -> None:
    """Register the marker of tests that read the shipped ``data/`` folder."""
    config.addinivalue_line("markers", "shipped_data: depends on the shipped data files in data/")


@pytest.fixture
def mini_dir(tmp_path: Path) -> Path:
    """A writable copy of ``tests/fixtures/mini`` (a small, valid data set) in a temporary folder."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURE_DIR, target)
    return target
