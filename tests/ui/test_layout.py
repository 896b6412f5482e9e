"""Layout on every scene, in English and Spanish, at 1280x720 and 1920x1080 and at 100 %, 200 % and
300 %: nothing outside the canvas, no clipped button or label text, no overlapping text widgets,
no control that the keyboard cannot reach.

A screen's layout depends only on its canvas size and scale (the window is a view onto the canvas),
so window sizes and scales that give the same canvas and scale are checked once: 1920x1080 at 200 %
lays out exactly as 1280x720 at 300 %.
"""

from __future__ import annotations

import pytest

from game import i18n
from game.ui.layout import canvas_size, effective_scale
from game.ui.layoutcheck import problems
from game.ui.settings import Settings
from tests.ui.helpers import make_app, pump
from tests.ui.scenes import SCENE_FACTORIES, played_session

SIZES = [(1280, 720), (1920, 1080)]
SCALES = [100, 200, 300]


def _distinct_layouts() -> list[tuple[tuple[int, int], int]]:
    seen: set[tuple[tuple[int, int], float]] = set()
    cases = []
    for size in SIZES:
        for scale in SCALES:
            factor = effective_scale(size, scale)
            layout = (canvas_size(size, factor), factor)
            if layout not in seen:
                seen.add(layout)
                cases.append((size, scale))
    return cases


CASES = _distinct_layouts()


def _check_every_scene(content, size, scale) -> dict[str, list[str]]:
    app = make_app(content, size=size, settings=Settings(ui_scale=scale))
    session = played_session(content)
    found = {}
    for name, factory in SCENE_FACTORIES.items():
        app.ctx.session = session
        app.switch(*factory(app.ctx))
        pump(app)
        bad = problems(app.scene, app.ctx.layout.size)
        if bad:
            found[name] = bad[:5]
    return found


def test_the_cases_cover_every_size_and_scale():
    assert len(CASES) == 5  # six combinations, two of which share one layout
    covered = {(canvas_size(s, effective_scale(s, p)), effective_scale(s, p)) for s in SIZES for p in SCALES}
    assert covered == {(canvas_size(s, effective_scale(s, p)), effective_scale(s, p)) for s, p in CASES}


@pytest.mark.parametrize(("size", "scale"), CASES, ids=lambda v: f"{v[0]}x{v[1]}" if isinstance(v, tuple) else f"{v}%")
def test_layout_in_english(content, saves, size, scale):
    found = _check_every_scene(content, size, scale)
    assert not found, found


@pytest.mark.parametrize(("size", "scale"), CASES, ids=lambda v: f"{v[0]}x{v[1]}" if isinstance(v, tuple) else f"{v}%")
def test_layout_in_spanish(spanish_content, saves, size, scale):
    i18n.set_language("es")
    found = _check_every_scene(spanish_content, size, scale)
    assert not found, found


@pytest.mark.parametrize("size", [(1024, 600), (3840, 2160)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_layout_at_the_smallest_and_a_4k_window(content, saves, size):
    found = _check_every_scene(content, size, 100)
    assert not found, found


def test_resize_rebuilds_layout(language_content, saves):
    content = language_content
    app = make_app(content)
    app.ctx.session = played_session(content)
    app.switch(*SCENE_FACTORIES["map"](app.ctx))
    for size in [(1024, 600), (1280, 720), (3840, 2160)]:
        app.resize(size)
        pump(app)
        assert app.screen.get_size() == size
        assert app.ctx.layout.size == size
        assert not problems(app.scene, size)


def test_a_text_whose_end_the_scroll_bar_cannot_reach_is_reported(content, saves):
    import pygame

    from game.ui.layoutcheck import cut_tails
    app = make_app(content)
    box = app.scene.ui.textbox(pygame.Rect(10, 10, 300, 80), "<br>".join(f"line {i}" for i in range(400)))
    fine = app.scene.ui.textbox(pygame.Rect(400, 10, 300, 200), "<br>".join(f"line {i}" for i in range(30)))
    pump(app)
    found = cut_tails([box, fine])
    assert len(found) == 1 and "cannot be scrolled into view" in found[0]
