"""Scale that is real: 100-300 % with no cap, a canvas the window scrolls over when a screen needs
more room than the window has, and the projector preset (capitals of body text >= 31 px at 1920x1080)."""

from __future__ import annotations

import pygame

from game.ui.layout import BASE_FONT, MIN_H, MIN_W, Layout, canvas_size, effective_scale, font
from game.ui.palette import palette_for
from game.ui.settings import PROJECTOR_SCALE, SCALES, Settings
from game.ui.theme import build_theme
from tests.ui.helpers import button, click, key, make_app, pump


def cap_height(fnt: pygame.font.Font) -> int:
    """The measured height of a capital: the bounding box of the inked pixels of 'H'."""
    return fnt.render("H", True, (255, 255, 255)).get_bounding_rect().h


def test_every_scale_is_what_it_says():
    assert SCALES[0] == 100 and SCALES[-1] == 300
    s150, s200 = effective_scale((1280, 720), 150), effective_scale((1280, 720), 200)
    assert (s150, s200) == (1.5, 2.0)  # no cap: 150 % and 200 % differ
    assert effective_scale((1920, 1080), 300) == 4.5


def test_the_canvas_grows_past_the_window_only_when_needed():
    assert canvas_size((1920, 1080), 1.5) == (1920, 1080)
    assert canvas_size((1280, 720), 3.0) == (MIN_W * 3, MIN_H * 3)


def test_projector_preset_body_capitals_at_1920x1080():
    pygame.font.init()
    settings = Settings(projector=True).effective()
    assert settings.fullscreen and settings.ui_scale == PROJECTOR_SCALE
    assert Settings(projector=True, high_contrast=True).effective().high_contrast  # high contrast on request
    scale = effective_scale((1920, 1080), settings.ui_scale)
    lay = Layout(canvas_size((1920, 1080), scale), scale)
    assert cap_height(lay.font(BASE_FONT)) >= 31
    theme = build_theme(scale, palette_for(False, True))
    for block in ("text_box", "label", "button"):  # the widgets' own body text
        assert cap_height(font(int(theme[block]["font"]["size"]))) >= 31, block


def test_projector_preset_opens_full_screen_at_its_scale(content, saves):
    app = make_app(content, size=(1280, 720), settings=Settings(projector=True))
    assert app.ctx.settings.projector
    assert app.ctx.layout.scale == effective_scale(app.screen.get_size(), PROJECTOR_SCALE)
    assert app.screen.get_flags() & pygame.FULLSCREEN
    from game.ui.scenes import nav
    app.switch(*nav.screen("settings", app.ctx))
    pump(app)
    settings = app.live()[-1]
    boxes = {text: box for box, text in ((b, getattr(b, "text", "")) for b in settings.ui.elements)}
    full = next(b for t, b in boxes.items() if "Full screen" in str(t))
    assert full.is_checked  # what the window uses, not the player's own (unticked) choice
    scale = next(e for e in settings.ui.elements if hasattr(e, "selected_option"))
    assert str(PROJECTOR_SCALE) in str(scale.selected_option)


def test_a_large_canvas_scrolls_and_follows_the_focus(content, saves):
    app = make_app(content, size=(1280, 720), settings=Settings(ui_scale=300))
    assert app.viewport.scrolls and app.ctx.layout.size == (MIN_W * 3, MIN_H * 3)
    assert app.screen.get_size() == (1280, 720)
    key(app, pygame.K_DOWN, mod=pygame.KMOD_CTRL)
    assert app.viewport.y > 0
    key(app, pygame.K_UP, mod=pygame.KMOD_CTRL)
    assert app.viewport.y == 0
    pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-1, flipped=False, precise_x=0.0, precise_y=-1.0))
    pump(app)
    assert app.viewport.y > 0
    for _ in range(len(app.scene.focus.items)):  # Tab through everything: each control comes into view
        key(app, pygame.K_TAB)
        current = app.scene.focus.current
        assert current is not None
        rect, view = current.get_abs_rect(), app.viewport.rect
        assert view.contains(rect) if rect.w <= view.w and rect.h <= view.h else view.collidepoint(rect.topleft)


def test_a_click_on_a_scrolled_canvas_reaches_its_button(content, saves):
    app = make_app(content, size=(1280, 720), settings=Settings(ui_scale=300))
    target = button(app, "Settings")
    assert not app.viewport.rect.contains(target.get_abs_rect())  # out of the first view: the click scrolls to it
    click(app, target)
    assert app.scene.name == "settings"
    first = app.scene.focus.current  # a new screen shows its first control
    assert app.viewport.rect.colliderect(first.get_abs_rect()) if first is not None else app.viewport.rect.topleft == (0, 0)


def test_the_window_follows_the_selected_country_and_the_tutorial_hint(content, saves):
    from game.ui.scenes import nav
    from game.ui.session import Session
    app = make_app(content, size=(1280, 720), settings=Settings(ui_scale=300))
    session = app.ctx.session = Session.start(content, "default", "balanced", 5)
    app.switch(nav.map_scene(app.ctx))
    pump(app)
    for _ in session.order:
        key(app, pygame.K_RIGHT)
        label = app.scene.view.label_rects[session.selected]
        assert app.viewport.rect.colliderect(label), session.selected
    app.ctx.session = Session.start(content, "tutorial", "balanced", 3)
    app.switch(*nav.screen("tutorial", app.ctx))
    pump(app)
    assert app.viewport.rect.contains(app.scene.hint_rect) or app.viewport.rect.collidepoint(app.scene.hint_rect.topleft)


def test_a_new_screen_starts_at_its_top_and_an_overlay_in_view(content, saves):
    from game.ui.scenes import nav
    from tests.ui.scenes import played_session
    app = make_app(content, size=(1280, 720), settings=Settings(ui_scale=300))
    app.ctx.session = played_session(content)
    app.switch(*nav.screen("report", app.ctx))
    pump(app)
    assert app.viewport.rect.topleft == (0, 0)  # a report is read from its top, not from its button
    app.switch(*nav.screen("pause", app.ctx))
    pump(app)
    first = app.scene.focus.current
    assert first is not None and app.viewport.rect.contains(first.get_abs_rect())
