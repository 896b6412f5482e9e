"""A whole game from the title screen to the end screen and its debrief, through mouse and keyboard
events only; the record written while playing verifies."""

from __future__ import annotations

import pygame

from tests.ui.helpers import button, choose, click, key, make_app, scene_of, type_text


def _find(scene, kind, predicate):
    for element in scene.ui.elements:
        if isinstance(element, kind) and element.alive() and predicate(element):
            return element
    raise AssertionError(f"nothing matching on {scene.name}")


def test_title_to_end_with_events_only(content, saves):
    from pygame_gui.elements import UICheckBox, UIDropDownMenu, UILabel, UITextEntryLine
    app = make_app(content)
    title = app.scene
    menus = [e for e in title.ui.elements if isinstance(e, UIDropDownMenu)]
    choose(app, menus[0], "The Northern Route")
    assert app.scene.scenario == "northern_triangle"
    menus = [e for e in app.scene.ui.elements if isinstance(e, UIDropDownMenu)]
    choose(app, menus[1], "Hard line")
    assert app.scene.mandate == "hardline"
    entry = _find(app.scene, UITextEntryLine, lambda e: True)
    click(app, entry)
    key(app, pygame.K_END)
    for _ in range(7):
        key(app, pygame.K_BACKSPACE)
    type_text(app, "4242")
    assert app.scene.seed == 4242
    key(app, pygame.K_ESCAPE)  # stop typing
    click(app, button(app, "New game"))
    assert app.scene.name == "briefing"
    key(app, pygame.K_RETURN)
    assert app.scene.name == "map"
    session = app.ctx.session
    assert session.state.seed == 4242 and session.state.mandate == "hardline"

    # Month 1: select Guatemala on the map, plan a proposal and intelligence, end the month.
    click(app, app.scene.view.centre("GTM"))
    assert session.selected == "GTM"
    key(app, pygame.K_p)
    assert app.scene.name == "planning"
    label = _find(app.scene, UILabel, lambda e: e.text == "Accept deportation flights")
    menu = min((e for e in app.scene.ui.elements if isinstance(e, UIDropDownMenu)),
               key=lambda e: abs(e.get_abs_rect().centery - label.get_abs_rect().centery))
    choose(app, menu, "Level 1")
    offer = _find(app.scene, UICheckBox, lambda e: e.text.startswith("Security cooperation"))
    click(app, offer)
    assert session.draft("GTM").offers == ["security_cooperation"]
    click(app, button(app, "Send proposal"))
    assert len(session.state.queue) == 1
    click(app, button(app, "Investigate · 2"))
    assert len(session.state.queue) == 2
    key(app, pygame.K_u)
    assert len(session.state.queue) == 1
    key(app, pygame.K_e)
    assert app.scene.name == "report"
    key(app, pygame.K_RETURN)
    assert app.scene.name == "map"

    # The other months: look at the dossier, make a diplomatic call, end the month.
    while not session.over:
        key(app, pygame.K_d)
        assert app.scene.name == "dossier"
        key(app, pygame.K_PAGEDOWN)
        key(app, pygame.K_ESCAPE)
        key(app, pygame.K_p)
        click(app, button(app, "Do · 1"))
        click(app, button(app, "End month"))
        assert app.scene.name == "report"
        last = session.over
        click(app, button(app, "See the final score" if last else "Continue to the map"))
    assert app.scene.name == "end"

    # The debrief: the record written during play verifies, a what-if replay runs, the export works.
    from game.records import load_record, verify_record
    recorder = session.recorder
    assert recorder is not None and recorder.path.exists()
    check = verify_record(load_record(recorder.path), content)
    assert check.ok and check.turns_checked == session.state.turns, check.summary()
    click(app, button(app, "Debrief"))
    assert app.scene.name == "debrief"
    click(app, button(app, "What if"))
    click(app, button(app, "Replay without it"))
    key(app, pygame.K_HOME)
    assert app.scene.comparison is not None
    click(app, button(app, "Export debrief"))
    html_path, csv_path = app.scene.exported
    assert html_path.exists() and csv_path.exists() and html_path.parent == recorder.path.parent
    html = html_path.read_text(encoding="utf-8")
    for name in ("Mexico", "Guatemala", "Honduras", "El Salvador", "Panama"):
        assert name in html and name in csv_path.read_text(encoding="utf-8")
    key(app, pygame.K_ESCAPE)  # closes the "exported" message
    key(app, pygame.K_ESCAPE)
    assert app.scene.name == "end"
    click(app, button(app, "Title screen"))
    assert app.scene.name == "title"


def test_keyboard_only_month(content, saves):
    app = make_app(content)
    key(app, pygame.K_n)
    assert app.scene.name == "briefing"
    key(app, pygame.K_b)
    key(app, pygame.K_p)
    scene = scene_of(app)
    assert scene.name == "planning"
    # Tab to the first ask's drop-down and raise it with the arrow key, then send.
    for _ in range(60):
        key(app, pygame.K_TAB)
        if scene_of(app).focus.current in scene_of(app).ui.choices:
            break
    key(app, pygame.K_RIGHT)
    key(app, pygame.K_s)
    assert len(app.ctx.session.state.queue) == 1
    key(app, pygame.K_e)
    assert scene_of(app).name == "report"
    key(app, pygame.K_RETURN)
    key(app, pygame.K_ESCAPE)
    assert scene_of(app).name == "pause"
    key(app, pygame.K_s)
    assert "Saved" in (app.ctx.info or "")
    key(app, pygame.K_t)
    assert scene_of(app).name == "title"
    key(app, pygame.K_c)
    assert scene_of(app).name == "map" and app.ctx.session.state.turn == 2


def test_tutorial_walks_and_skips(content, saves):
    app = make_app(content)
    menus = [e for e in app.scene.ui.elements if type(e).__name__ == "UIDropDownMenu"]
    title = next(sc.title for sc in content.scenarios.values() if sc.tutorial)
    choose(app, menus[0], title)
    click(app, button(app, "New game"))
    key(app, pygame.K_RETURN)
    assert app.scene.name == "tutorial"
    hints = app.ctx.session.rules.scenario.tutorial
    click(app, button(app, "Next hint"))
    assert app.ctx.session.tutorial_step == 1
    key(app, pygame.K_p)
    assert app.scene.name == "tutorial" and scene_of(app).name == "planning"
    key(app, pygame.K_F1)
    assert app.ctx.session.tutorial_step == 2 < len(hints)
    key(app, pygame.K_F10)
    assert app.scene.name == "planning" and app.ctx.session.tutorial_done
