"""Headless set-up for the UI tests: dummy SDL drivers and private settings/save folders.

The environment is set before pygame is imported anywhere in the test run.
"""

from __future__ import annotations

import os
import tempfile

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
_TMP = tempfile.mkdtemp(prefix="pp-ui-tests-")
os.environ["PRESSURE_POINTS_CONFIG_DIR"] = os.path.join(_TMP, "config")
os.environ["PRESSURE_POINTS_DATA_DIR"] = os.path.join(_TMP, "data")

import pytest  # noqa: E402

from tests.ui.helpers import make_app  # noqa: E402


@pytest.fixture(scope="session")
def content():
    """The shipped data, loaded once."""
    from game.loading import load_content

    result = load_content()
    assert result.bundle is not None, [p.format() for p in result.problems]
    return result.bundle


@pytest.fixture(scope="session")
def spanish_content():
    """The shipped data read in Spanish (the data's own texts are translated too)."""
    from game import i18n
    from game.loading import load_content
    i18n.set_language("es")
    try:
        result = load_content()
    finally:
        i18n.set_language("en")
    assert result.bundle is not None
    return result.bundle


_CONTENT_BY_LANGUAGE: dict = {}


@pytest.fixture(params=["en", "es"])
def language_content(request, content):
    """The shipped data in each language the game ships (English, then Spanish), with that language
    current for the test; English again afterwards."""
    from game import i18n
    from game.loading import load_content

    code = request.param
    try:
        i18n.set_language(code)
        if code == "en":
            yield content
            return
        if code not in _CONTENT_BY_LANGUAGE:
            result = load_content()
            assert result.bundle is not None, [p.format() for p in result.problems]
            _CONTENT_BY_LANGUAGE[code] = result.bundle
        yield _CONTENT_BY_LANGUAGE[code]
    finally:
        i18n.set_language("en")


@pytest.fixture
def saves(tmp_path, monkeypatch):
    """A private save folder for one test."""
    monkeypatch.setenv("PRESSURE_POINTS_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("PRESSURE_POINTS_CONFIG_DIR", str(tmp_path / "config"))
    return tmp_path


@pytest.fixture
def app(content, saves):
    """The app on its title screen at 1280x720."""
    application = make_app(content)
    yield application


def pytest_collection_modifyitems(items):
    """In the UI tests, pygame_gui's warning about clipped label text is an error."""
    for item in items:
        if "tests/ui" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.filterwarnings("error:Label Rect is too small"))
