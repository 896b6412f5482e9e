"""The keyboard alone: focused text boxes scroll with the reading keys, the focused widget's tooltip
shows in a status line, and F1 or ? opens the list of the screen's keys."""

from __future__ import annotations

import pygame
from pygame_gui.elements import UITextBox

from game.ui.keyboard import focus_tip
from game.ui.scenes import nav
from game.ui.session import Session
from tests.ui.helpers import key, make_app, pump


def _playing(content, saves):
    app = make_app(content)
    app.ctx.session = Session.start(content, "default", "balanced", 5)
    return app


def test_focused_text_box_scrolls_with_reading_keys(content, saves):
    app = _playing(content, saves)
    app.switch(nav.dossier_scene(app.ctx))  # the dossier's text overflows its box
    pump(app)
    scene = app.scene
    boxes = [e for e in scene.focus.items if isinstance(e, UITextBox)]
    assert boxes and all(b.scroll_bar is not None for b in boxes)
    for _ in range(len(scene.focus.items)):  # Tab reaches the text box
        if scene.focus.current is boxes[0]:
            break
        key(app, pygame.K_TAB)
    box = scene.focus.current
    assert box is boxes[0]
    bar = box.scroll_bar
    assert bar.start_percentage == 0
    key(app, pygame.K_DOWN)
    after_down = bar.start_percentage
    assert after_down > 0
    key(app, pygame.K_PAGEDOWN)
    assert bar.start_percentage > after_down
    key(app, pygame.K_END)
    assert abs(bar.start_percentage + bar.visible_percentage - 1.0) < 0.02  # the end is in view
    key(app, pygame.K_UP)
    assert bar.start_percentage + bar.visible_percentage < 0.999
    key(app, pygame.K_HOME)
    assert bar.start_percentage == 0


def test_status_line_shows_the_focused_tooltip(content, saves):
    app = _playing(content, saves)
    app.switch(nav.pause_scene(app.ctx))
    pump(app)
    scene = app.scene
    assert not scene.focus.by_keyboard
    key(app, pygame.K_TAB)
    assert scene.focus.by_keyboard
    tip = focus_tip(scene.focus.current)
    assert "(key: " in tip, tip
    before = pygame.display.get_surface().copy()
    scene.focus.by_keyboard = False
    pump(app)
    without = pygame.display.get_surface().copy()
    scene.focus.by_keyboard = True
    pump(app)
    with_tip = pygame.display.get_surface()
    assert pygame.image.tobytes(with_tip, "RGB") == pygame.image.tobytes(before, "RGB")
    assert pygame.image.tobytes(with_tip, "RGB") != pygame.image.tobytes(without, "RGB")


def test_f1_and_question_mark_list_the_keys_of_the_screen(content, saves):
    app = _playing(content, saves)
    app.switch(nav.map_scene(app.ctx))
    pump(app)
    for press in ((pygame.K_F1, ""), (pygame.K_SLASH, "?")):
        key(app, press[0], text=press[1])
        assert app.scene.name == "keys"
        text = app.scene.text.html_text
        assert "End month" in text and "<b>E</b>" in text  # the map's shortcut buttons
        assert "dossier" in text  # the map's own keys
        assert "Page Down" in text  # the keys every screen shares
        key(app, press[0], text=press[1])
        assert app.scene.name == "map"
    key(app, pygame.K_F1)
    key(app, pygame.K_ESCAPE)
    assert app.scene.name == "map"


def test_every_shortcut_is_printed_on_its_button_as_the_keys_overlay_lists_it(content, saves):
    """Underlined letter or "[KEY] text", on every scene; the overlay names the same key and text."""
    from pygame_gui.elements import UIButton, UICheckBox

    from game.ui.shortcuts import key_label, plain_text, prefix, underline_index
    from tests.ui.scenes import SCENE_FACTORIES, played_session
    app = make_app(content)
    checked = 0
    for name, factory in SCENE_FACTORIES.items():
        app.ctx.session = played_session(content)
        app.switch(*factory(app.ctx))
        pump(app)
        scene = app.live()[0] if app.scene.passes_events else app.scene
        lines = dict(scene.key_lines())
        for k, target in scene.ui.shortcuts.items():
            if not isinstance(target, (UIButton, UICheckBox)):
                continue
            text = target.text
            shown = text.startswith(prefix(k)) or underline_index(text, k) is not None
            assert shown, f"{name}: {key_label(k)} is not printed on {text!r}"
            assert plain_text(text, k) in lines[key_label(k)], (name, lines)
            checked += 1
    assert checked > 20


def test_the_dossier_chart_is_read_from_the_keyboard(content, saves):
    app = make_app(content)
    session = app.ctx.session = Session.start(content, "default", "balanced", 5)
    session.end_month()
    app.switch(*nav.screen("dossier", app.ctx))
    pump(app)
    key(app, pygame.K_RIGHTBRACKET, text="]")
    name = session.country_name(session.selected)
    assert app.scene.reader.text.startswith(f"{name}: Relations (line 1 of 2)")
    key(app, pygame.K_COMMA, text=",")
    relations = session.state.countries[session.selected].history[0].relations
    assert app.scene.reader.text == f"Relations, the start: {relations:.0f}" and app.ctx.speech.spoken[-1] == app.scene.reader.text
