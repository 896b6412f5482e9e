"""Saves and settings: atomic autosave with a .bak, notes kept, damaged files give messages."""

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
    state, notes = storage.read_save(path, content)
    assert state.turn == 3 and notes.guesses["MEX"] == ["economy"] and notes.text["MEX"] == "Watch the tariffs."
    data = json.loads(path.read_text())
    assert data["notes"]["guesses"] == {"MEX": ["economy"]}
    old, _ = storage.read_save(path.with_name(path.name + ".bak"), content)
    assert old.turn == 2


@pytest.mark.parametrize("text", ["{not json", '{"format": "other"}', '{"format": "pressure-points-save", "version": 1, "state": {"turn": "x"}}', ""])
def test_damaged_save_gives_a_message(content, saves, text):
    path = saves / "bad.json"
    path.write_text(text)
    with pytest.raises(storage.StorageError) as info:
        storage.read_save(path, content)
    assert "bad.json" in str(info.value)


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


def test_continue_with_damaged_autosave_shows_message(content, saves):
    from tests.ui.helpers import button, click, make_app
    path = storage.saves_dir() / storage.AUTOSAVE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("garbage")
    app = make_app(content)
    click(app, button(app, "Continue"))
    assert app.scene.name == "title" and "damaged" in (app.ctx.message or "")
