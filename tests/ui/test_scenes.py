"""Every scene draws (also in the other palettes), and the tour writes one PNG per scene."""

from __future__ import annotations

import pygame
import pytest

from game.ui.settings import Settings
from game.ui.tour import SCENES, run_tour
from tests.ui.helpers import make_app, pump
from tests.ui.scenes import SCENE_FACTORIES, played_session


@pytest.mark.parametrize("settings", [Settings(), Settings(high_contrast=True), Settings(colourblind=True, ui_scale=150)],
                         ids=["default", "high-contrast", "colourblind-150"])
def test_every_scene_draws(content, saves, settings):
    app = make_app(content, settings=settings)
    for name, factory in SCENE_FACTORIES.items():
        app.ctx.session = played_session(content)
        app.switch(*factory(app.ctx))
        pump(app)
        small = pygame.transform.smoothscale(app.screen, (128, 72))
        colours = {tuple(small.get_at((x, y))) for x in range(128) for y in range(72)}
        assert len(colours) > 20, f"{name} looks empty"


def test_tour_writes_every_scene(content, saves, tmp_path):
    files = run_tour(content, tmp_path / "tour")
    assert sorted(p.stem for p in files) == sorted(SCENES)
    for path in files:
        assert pygame.image.load(str(path)).get_size() == (1280, 720)


def test_draw_does_not_change_state(content, saves):
    from game.engine import dumps
    app = make_app(content)
    for factory in SCENE_FACTORIES.values():
        app.ctx.session = played_session(content)
        stack = factory(app.ctx)
        scene = stack[-1]
        session = app.ctx.session  # some factories bring their own game (tutorial, debrief)
        app.switch(*stack)
        before = dumps(session.state)
        app.scene.draw(app.screen)
        app.scene.draw(app.screen)
        assert dumps(session.state) == before, scene.name
