"""A first game never misleads: deadlines shown right, no internal ids on any screen, the plan kept
when the window closes, a damaged autosave reported with what can be recovered, the player's name
from the title screen to the record, tutorial steps that move on when done."""

from __future__ import annotations

import re

import pygame
import pytest

from game.engine import CarryOut, Threaten
from game.ui import storage
from game.ui.scenes import nav
from game.ui.session import Session
from tests.ui.helpers import button, click, make_app, pump, scene_of, type_text
from tests.ui.scenes import SCENE_FACTORIES, played_session


def screen_text(app) -> str:
    """Every text the live scenes show: labels, buttons, text boxes, drop-downs."""
    out = []
    for scene in app.live():
        for element in scene.elements:
            for attr in ("text", "html_text"):
                value = getattr(element, attr, None)
                if isinstance(value, str):
                    out.append(value)
            selected = getattr(element, "selected_option", None)
            if selected is not None:
                out.append(str(selected[0] if isinstance(selected, tuple) else selected))
    return "\n".join(out)


def ids_in(text: str, rules) -> list[str]:
    """Internal ids that show in a text: lever and ask ids, objective keys, country codes."""
    ids = {i for i in (*rules.levers, *rules.asks) if "_" in i}
    ids |= {"border_flow", "regional_standing", "us_costs", "regime_survival", "alt_partners"}
    plain = re.sub(r"<[^>]+>", " ", text)
    found = [i for i in sorted(ids) if re.search(rf"\b{re.escape(i)}\b", plain)]
    found += [c for c in sorted(rules.countries) if re.search(rf"\b{c}\b", plain)]
    return found


def test_no_internal_ids_on_any_screen(content, saves) -> None:
    app = make_app(content)
    leaks = {}
    for name, factory in SCENE_FACTORIES.items():
        if name == "problems":  # lists the data files' own field paths on purpose
            continue
        app.ctx.session = played_session(content)
        app.switch(*factory(app.ctx))
        pump(app)
        found = ids_in(screen_text(app), app.ctx.session.rules)
        if found:
            leaks[name] = found
    assert not leaks, leaks


def test_threat_deadline_is_the_month_it_falls_due(content, saves) -> None:
    from game.ui.pending import due_items, end_month_warning
    from game.ui.scenes.dossier import standing_html
    session = Session.start(content, "default", "balanced", 1)
    session.end_month()  # month 2
    assert session.queue(Threaten("HND", "visa_restrictions", {"return_flights": 3}, public=False, deadline=2)) is None
    session.end_month()
    threat = session.state.threats[-1]
    if threat.status != "pending":
        pytest.skip("this seed's government gave in at once")
    assert threat.deadline == 4
    app = make_app(content)
    text = standing_html(session, "HND", app.ctx.palette)
    assert "(month 4)" in text and "month 6" not in text
    session.end_month()  # month 4: the deadline falls due now
    if session.state.threats[-1].status != "pending":
        pytest.skip("this seed's government gave in before the deadline")
    (item,) = [i for i in due_items(session) if i.country == "HND"]
    assert item.now and "this month" in item.text and not item.handled
    warning = end_month_warning(session) or ""
    assert "Honduras" in warning and "bluff" in warning
    app.ctx.session = session
    app.switch(*nav.screen("map", app.ctx))
    pump(app)
    assert "Deadlines" in screen_text(app)
    app.ctx.extra.pop("confirm_end", None)
    click(app, button(app, "End month"))
    assert scene_of(app).name == "map" and "bluff" in (app.ctx.message or "")  # a warning, not the report
    app.switch(*nav.screen("planning", app.ctx))
    session.selected = "HND"
    app.switch(*nav.screen("planning", app.ctx))
    pump(app)
    assert button(app, "Carry out threat · 2")
    assert session.queue(CarryOut("HND", "visa_restrictions")) is None
    assert end_month_warning(session) is None


def test_the_plan_is_saved_when_the_window_closes(content, saves) -> None:
    app = make_app(content)
    session = Session.start(content, "default", "balanced", 6)
    session.end_month()
    app.ctx.session = session
    app.switch(*nav.screen("map", app.ctx))
    assert session.queue(CarryOut("MEX", "tariff")) is None
    capital = session.state.us.capital
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    pump(app)
    assert not app.running
    loaded = storage.read_save(storage.autosave_file(), content, fallback=False)
    assert loaded.state.turn == 2 and loaded.state.queue == [CarryOut("MEX", "tariff")]
    assert loaded.state.us.capital == capital


def test_quit_from_the_pause_menu_asks_first(content, saves) -> None:
    app = make_app(content)
    app.ctx.session = Session.start(content, "default", "balanced", 6)
    app.switch(*nav.screen("pause", app.ctx))
    pump(app)
    click(app, button(app, "Quit the game"))
    assert app.running
    click(app, button(app, "Really quit?"))
    assert not app.running


def test_a_damaged_autosave_is_never_replaced_silently(content, saves) -> None:
    other = Session.start(content, "tutorial", "balanced", 2)
    while not other.over:
        other.end_month()  # a finished game: its autosave becomes the .bak below
    mine = Session.start(content, "default", "balanced", 11)
    mine.open_record()
    mine.end_month()  # its autosave moves the finished game's to .bak
    path = storage.autosave_file()
    text = path.read_text()
    path.write_text(text[: len(text) // 3])
    app = make_app(content)
    pump(app, 2)
    shown = screen_text(app)
    assert "The autosave is damaged" in shown and "another game" in shown and "finished" in shown
    assert button(app, "Continue").is_enabled is False
    click(app, button(app, "Recover 1: from the record"))
    assert scene_of(app).name == "map"
    state = app.ctx.session.state
    assert (state.scenario, state.seed, state.turn) == ("default", 11, 2)
    assert "Recovered" in (app.ctx.message or "")
    assert path.read_text() == text[: len(text) // 3]


def test_player_name_from_the_title_screen_to_the_record(content, saves) -> None:
    app = make_app(content)
    pump(app, 2)
    click(app, scene_of(app).name_entry)
    type_text(app, "Lucía Pérez")
    assert app.ctx.player == "Lucía Pérez"
    click(app, button(app, "New game"))
    session = app.ctx.session
    assert session.player == "Lucía Pérez"
    session.end_month()
    assert session.recorder.record.player == "Lucía Pérez"
    assert session.recorder.path.name.endswith("-Lucia-Perez.json")
    assert storage.read_save(storage.autosave_file(), content).player == "Lucía Pérez"


def test_tutorial_steps_move_on_when_done(content, saves) -> None:
    app = make_app(content)
    app.ctx.session = Session.start(content, "tutorial", "balanced", 3)
    app.switch(*nav.screen("tutorial", app.ctx))
    pump(app)
    session = app.ctx.session
    assert session.tutorial_step == 0 and "Guatemala" in session.rules.scenario.tutorial[0].text
    tutorial = app.stack[-1]
    map_scene = app.stack[-2]
    buttons = [e.get_abs_rect() for e in map_scene.actions if e.visible]
    assert not any(tutorial.hint_rect.colliderect(b) for b in buttons)  # covers no control
    map_scene.select("GTM")
    pump(app, 2)
    assert session.tutorial_step == 1  # step 2 is about the dossier: opening it moves on
    click(app, button(app, "Dossier"))
    pump(app, 2)
    assert session.tutorial_step == 2


def test_planning_focus_starts_at_the_proposal_and_priorities_swap(content, saves) -> None:
    app = make_app(content)
    app.ctx.session = played_session(content)
    app.switch(*nav.screen("planning", app.ctx))
    pump(app)
    scene = scene_of(app)
    first = scene.focus.items[0]
    assert first in scene.column_elements["proposal"]
    notes = app.ctx.session.notes
    notes.set_guess("GTM", 0, "economy")
    notes.set_guess("GTM", 1, "aid")
    notes.set_guess("GTM", 0, "aid")  # already second: the two swap, nothing is lost
    assert notes.guess("GTM") == ["aid", "economy", ""]
