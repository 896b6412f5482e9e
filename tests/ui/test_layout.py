"""Layout at several window sizes and UI scales, in English and in Spanish (whose texts run longer):
nothing outside the window, no clipped button or label text, no overlapping text widgets in the key
panels."""

from __future__ import annotations

import pytest

from game.ui.layoutcheck import problems
from game.ui.settings import Settings
from tests.ui.helpers import make_app, pump
from tests.ui.scenes import SCENE_FACTORIES, played_session

SIZES = [(1024, 600), (1280, 720), (3840, 2160)]


@pytest.mark.parametrize("scale", [100, 200])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_layout_valid_at_size(language_content, saves, size, scale):
    content = language_content
    app = make_app(content, size=size, settings=Settings(ui_scale=scale))
    session = played_session(content)
    found = {}
    for name, factory in SCENE_FACTORIES.items():
        app.ctx.session = session
        app.switch(*factory(app.ctx))
        pump(app)
        bad = problems(app.scene, size)
        if bad:
            found[name] = bad[:5]
    assert not found, found


def test_resize_rebuilds_layout(language_content, saves):
    content = language_content
    app = make_app(content)
    app.ctx.session = played_session(content)
    app.switch(*SCENE_FACTORIES["map"](app.ctx))
    for size in SIZES:
        app.resize(size)
        pump(app)
        assert app.screen.get_size() == size
        assert app.ctx.layout.size == size
        assert not problems(app.scene, size)
