"""Shared test set-up: the ``shipped_data`` marker, a fresh copy of the small fixture data, and
English as the language of every test (whatever the machine's locale) unless a test picks another.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from game import i18n

# The command line reads the language from the settings and the system locale: keep both neutral.
os.environ["LANGUAGE"] = "en"
os.environ.setdefault("PRESSURE_POINTS_CONFIG_DIR", tempfile.mkdtemp(prefix="pp-test-config-"))
# The content cache of the tests is their own (game.contentcache), never the player's.
os.environ.setdefault("PRESSURE_POINTS_CACHE_DIR", tempfile.mkdtemp(prefix="pp-test-cache-"))

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


@pytest.fixture(autouse=True)
def _english_after_each_test():
    """Every test starts in English, and a test that switches language cannot leak it."""
    i18n.set_language("en")
    yield
    i18n.set_language("en")


@pytest.fixture
def spanish():
    """The current language set to Spanish for one test."""
    i18n.set_language("es")
    yield
