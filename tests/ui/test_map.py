"""The map: a click at each country's centre selects it; keys cycle the selection and lenses."""

from __future__ import annotations

import pygame
import pytest

from game.ui.scenes import nav
from game.ui.session import Session
from tests.ui.helpers import click, key, make_app, pump


@pytest.mark.parametrize("size", [(1024, 600), (1280, 720), (3840, 2160)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_click_at_centre_selects_country(content, saves, size):
    app = make_app(content, size=size)
    app.ctx.session = Session.start(content, "default", "balanced", 5)
    app.switch(nav.map_scene(app.ctx))
    pump(app)
    for cid in app.ctx.session.order:
        view = app.scene.view
        click(app, view.centre(cid))
        assert app.ctx.session.selected == cid, f"clicking {cid} at {view.centre(cid)} selected {app.ctx.session.selected}"


def test_keys_cycle_countries_and_lenses(content, saves):
    app = make_app(content)
    app.ctx.session = Session.start(content, "default", "balanced", 5)
    app.switch(nav.map_scene(app.ctx))
    pump(app)
    order = app.ctx.session.order
    key(app, pygame.K_RIGHT)
    assert app.ctx.session.selected == order[1]
    key(app, pygame.K_TAB)
    assert app.ctx.session.selected == order[2]
    key(app, pygame.K_TAB, mod=pygame.KMOD_SHIFT)
    key(app, pygame.K_LEFT)
    assert app.ctx.session.selected == order[0]
    key(app, pygame.K_l)
    assert app.ctx.session.lens == "cooperation"
    key(app, pygame.K_3)
    assert app.ctx.session.lens == "flow"
    key(app, pygame.K_RETURN)
    assert app.scene.name == "dossier"
    key(app, pygame.K_ESCAPE)
    assert app.scene.name == "map"
    key(app, pygame.K_ESCAPE)
    assert app.scene.name == "pause"
    key(app, pygame.K_ESCAPE)
    assert app.scene.name == "map"


def test_values_on_the_map_labels_toggle_from_the_keyboard(content, saves):
    from game.ui.lenses import lens_labels
    app = make_app(content)
    session = app.ctx.session = Session.start(content, "default", "balanced", 5)
    app.switch(nav.map_scene(app.ctx))
    pump(app)
    cid = session.order[0]
    plain = app.scene.view.label_rects[cid].w
    key(app, pygame.K_v)
    assert app.ctx.extra["map_values"]
    with_value = app.scene.view.label_rects[cid].w
    value = lens_labels(session, session.lens)[cid]
    assert value.startswith(("+", "-")) and with_value > plain  # the label now carries "+59"
    key(app, pygame.K_2)  # another lens: the values follow it
    assert lens_labels(session, "cooperation")[cid].isdigit() and app.scene.view.label_rects[cid].w > plain
    key(app, pygame.K_v)
    assert not app.ctx.extra["map_values"] and app.scene.view.label_rects[cid].w == plain
    assert ("V", "Values on the map") in app.scene.key_lines()
