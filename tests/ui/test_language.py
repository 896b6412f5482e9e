"""The language control on the title and settings screens: applied at once and remembered."""

from __future__ import annotations

import pygame
import pygame_gui

from game import i18n
from game.ui.settings import load_settings
from tests.ui.helpers import key, make_app, pump


def _language_menu(app):
    scene = app.live()[0]
    return next(menu for menu, choice in scene.choices.items() if "es" in choice.ids and "en" in choice.ids)


def _choose(app, code: str) -> None:
    menu = _language_menu(app)
    pygame.event.post(pygame.event.Event(pygame_gui.UI_DROP_DOWN_MENU_CHANGED, ui_element=menu,
                                         selected_option_id=code, text=code))
    pump(app, 2)


def test_language_from_the_title_and_the_settings(content, saves):
    app = make_app(content)
    assert app.scene.name == "title"
    _choose(app, "es")
    assert i18n.current_language() == "es"
    assert app.ctx.settings.language == "es" and load_settings()[0].language == "es"
    assert app.ctx.content.countries["MEX"].name == "México"
    assert app.ctx.manager.get_locale() == "es"  # pygame_gui's own widget texts
    assert app.scene.name == "title"

    key(app, pygame.K_s)
    assert app.scene.name == "settings"
    menu = _language_menu(app)
    assert app.live()[0].choices[menu].current == "es"
    _choose(app, "en")
    assert i18n.current_language() == "en" and load_settings()[0].language == "en"
    assert app.ctx.content.countries["MEX"].name == "Mexico"
    assert app.scene.name == "settings"


def test_a_game_in_progress_goes_on_in_the_new_language(content, saves):
    from game.engine import rules_of
    from game.ui.scenes import nav
    from tests.ui.scenes import played_session

    app = make_app(content)
    app.ctx.session = played_session(content)
    before = app.ctx.session.state.turn
    app.show(*nav.screen("settings", app.ctx))
    pump(app)
    _choose(app, "es")
    session = app.ctx.session
    assert session.state.turn == before
    assert rules_of(session.state).countries["MEX"].name == "México"
    assert app.ctx.message is None
