"""Saves and settings: one save reader and writer (game.records) with a .bak, notes kept with their
ranks, damaged files give messages and are never overwritten, a damaged autosave offers its .bak."""

from __future__ import annotations

import json

import pytest

from game.ui import storage
from game.ui.notes import Notes
from game.ui.session import Session
from game.ui.settings import Settings, load_settings, save_settings, settings_path


def test_autosave_keeps_previous_and_notes(content, saves):
    session = Session.start(content, "northern_triangle", "hardline", 11)
    session.notes.set_guess("MEX", 0, "economy")
    session.notes.text["MEX"] = "Watch the tariffs."
    session.end_month()
    session.end_month()
    path = storage.saves_dir() / storage.AUTOSAVE
    assert path.exists() and path.with_name(path.name + ".bak").exists()
    loaded = storage.read_save(path, content)
    state, notes = loaded.state, loaded.notes
    assert state.turn == 3 and notes.guesses["MEX"] == ["economy"] and notes.text["MEX"] == "Watch the tariffs."
    assert not loaded.from_backup
    data = json.loads(path.read_text())
    assert data["notes"]["guesses"] == {"MEX": ["economy"]}
    old = storage.read_save(path.with_name(path.name + ".bak"), content).state
    assert old.turn == 2


@pytest.mark.parametrize("text", ["{not json", '{"format": "other"}', '{"format": "pressure-points-save", "version": 1, "state": {"turn": "x"}}', ""])
def test_damaged_save_gives_a_message(content, saves, text):
    path = saves / "bad.json"
    path.write_text(text)
    with pytest.raises(storage.StorageError) as info:
        storage.read_save(path, content)
    assert "bad.json" in str(info.value)
    assert path.read_text() == text  # reading never touches the file


def test_settings_round_trip_and_corrupt_file(saves):
    assert load_settings() == (Settings(), None)
    save_settings(Settings(fullscreen=True, ui_scale=150, colourblind=True))
    assert load_settings()[0] == Settings(fullscreen=True, ui_scale=150, colourblind=True)
    settings_path().write_text("{broken")
    settings, message = load_settings()
    assert settings == Settings() and "defaults" in message
    settings_path().write_text('{"ui_scale": "big"}')
    assert load_settings()[0] == Settings()


def test_notes_ignore_malformed_data():
    notes = Notes.from_json({"guesses": {"MEX": ["economy", "nonsense", 3]}, "text": {"MEX": 5}})
    assert notes.guesses == {"MEX": ["economy", ""]} and notes.text == {}
    notes.set_guess("GTM", 1, "aid")
    notes.set_guess("GTM", 0, "aid")
    assert notes.guess("GTM") == ["aid", "", ""]


def test_one_save_format_shared_with_records(content, saves):
    """The UI and game.records read and write the same autosave; the UI's ranks survive."""
    import inspect

    from game.records import autosave_path, read_autosave, write_autosave
    assert storage.autosave_file() == autosave_path()
    session = Session.start(content, "default", "balanced", 5)
    session.notes.set_guess("GTM", 1, "aid")  # second rank only
    session.end_month()
    state, notes = read_autosave(content)
    assert state.turn == 2 and notes.guesses["GTM"] == ["aid"]
    assert storage.read_save(autosave_path(), content).notes.guess("GTM") == ["", "aid", ""]
    write_autosave(state, session.notes)
    assert storage.read_save(autosave_path(), content).notes.guess("GTM") == ["", "aid", ""]
    source = inspect.getsource(storage)
    assert "os.replace" not in source and "json.dump" not in source and "state_from_dict" not in source


def test_damaged_autosave_on_the_title_and_left_untouched(content, saves):
    from tests.ui.helpers import button, click, make_app, pump
    path = storage.autosave_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"garbage \x00 not a save")
    app = make_app(content)
    assert "damaged" in (app.scene.autosave_problem or "")
    assert "autosave_problem" in app.scene.targets  # shown on the title screen
    assert not button(app, "Continue").is_enabled  # nothing to continue silently
    click(app, button(app, "Continue"))
    assert app.scene.name == "title"
    pump(app, 3)
    assert path.read_bytes() == b"garbage \x00 not a save"
    # a new game's first autosave moves it aside rather than overwriting it
    session = Session.start(content, "default", "balanced", 3)
    session.end_month()
    assert path.with_name("autosave.json.damaged").read_bytes() == b"garbage \x00 not a save"
    assert storage.read_save(path, content).state.turn == 2


def test_a_damaged_autosave_offers_its_previous_copy(content, saves):
    """Continue never falls back silently: the previous copy is offered, described, and taken on request."""
    from tests.ui.helpers import button, click, make_app
    session = Session.start(content, "default", "balanced", 9)
    session.end_month()
    session.end_month()
    path = storage.autosave_file()
    path.write_text("{ cut off in the middle")
    app = make_app(content)
    assert "damaged" in app.scene.autosave_problem
    assert not button(app, "Continue").is_enabled
    click(app, button(app, "Recover 1: previous copy"))
    assert app.scene.name == "map" and app.ctx.session.state.turn == 2
    assert "Recovered: The previous copy" in (app.ctx.message or "") and "month 2 of 12" in app.ctx.message
    assert path.read_text() == "{ cut off in the middle"
