"""Odd input on the screens: zero-width characters typed, pasted or saved in a note, save dates that
are not dates, a deeply nested autosave, injection payloads in every text field."""

from __future__ import annotations

import json
import math
import os

import pygame
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.ui import entry, storage
from game.ui.notes import Notes
from game.ui.printable import drawable, printable
from game.ui.scenes import nav
from game.ui.session import Session
from tests.ui.helpers import button, click, key, make_app, pump, scene_of, type_text
from tests.ui.scenes import played_session

INVISIBLE = "\u200b\u202e\u200d\ufeff\u2066\ufe0f\u034f\U000e0041\x00"
PAYLOADS = ["\u200b", "\u202e", INVISIBLE, "=cmd|' /C calc'!A0", "\r=4+4", "<b>bold</b><script>x</script>",
            "a\u0301e\u0308", "\n\t\r", "𝕏 中文 العربية", "'; DROP TABLE notes;--", "%s%n{0}", "x" * 400]


def test_printable_drops_what_cannot_be_drawn() -> None:
    assert printable(INVISIBLE) == ""
    assert printable("a\u200bb\u202ec") == "abc"
    assert printable("e\u0301") == "\u00e9"  # the accent is joined to its letter, not dropped
    assert printable("one\ntwo\rthree", one_line=True) == "one two three"
    assert printable("Plain text, 100%.") == "Plain text, 100%."


def _notes_app(content):
    app = make_app(content)
    app.ctx.session = played_session(content)
    app.switch(*nav.screen("notes", app.ctx))
    pump(app)
    return app


def test_zero_width_characters_typed_into_the_notes_are_refused(content, saves) -> None:
    app = _notes_app(content)
    box = scene_of(app).note_box
    click(app, box)
    type_text(app, "\u200b")
    type_text(app, "\u202e")
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text="a\u200b\u202eb"))
    pump(app, 3)
    key(app, pygame.K_HOME)
    key(app, pygame.K_DELETE)
    assert box.get_text() == "b"


def test_a_paste_is_cleaned_and_cut_to_the_limit(content, saves, monkeypatch) -> None:
    app = _notes_app(content)
    box = scene_of(app).note_box
    click(app, box)
    monkeypatch.setattr(entry, "paste_source", lambda: "\u200b")
    key(app, pygame.K_v, mod=pygame.KMOD_CTRL)
    assert box.get_text() == ""
    monkeypatch.setattr(entry, "paste_source", lambda: "Moved\u200b on\r\ntariffs\u202e" + "!" * 500)
    key(app, pygame.K_v, mod=pygame.KMOD_CTRL)
    # the notes box is multi-line: the pasted line break stays, as a plain \n
    assert box.get_text() == ("Moved on\ntariffs" + "!" * 500)[:box.limit]
    key(app, pygame.K_ESCAPE)
    assert app.ctx.session.notes.text[app.ctx.session.selected].startswith("Moved on")


def test_a_saved_note_of_invisible_characters_opens(content, saves) -> None:
    session = played_session(content)
    data = session.notes.to_json()
    data["text"] = {session.selected: INVISIBLE, session.order[0]: "ok\u200b"}
    notes = Notes.from_json(data)
    assert session.selected not in notes.text and notes.text[session.order[0]] == "ok"
    app = make_app(content)
    session.notes.text[session.selected] = INVISIBLE  # even if it reaches the screen unfiltered
    app.ctx.session = session
    app.switch(*nav.screen("notes", app.ctx))
    pump(app, 3)
    assert scene_of(app).note_box.get_text() == ""


@pytest.mark.parametrize("stamp", [math.nan, 1e300, -1e300, math.inf, "yesterday", None, 1e18, True])
def test_the_load_screen_lists_a_save_whose_date_is_not_a_date(content, saves, stamp) -> None:
    session = Session.start(content, "default", "balanced", 3)
    path = storage.manual_save(session.state, session.notes)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["ui"]["saved_at"] = stamp
    data["ui"]["label"] = "\u200b"
    path.write_text(json.dumps(data), encoding="utf-8")
    listed = storage.list_saves()
    assert len(listed) == 1 and math.isfinite(listed[0].saved_at)
    app = make_app(content)
    app.switch(*nav.screen("load", app.ctx))
    pump(app, 3)
    assert scene_of(app).name == "load"


def test_a_deeply_nested_autosave_does_not_stop_the_game(content, saves) -> None:
    path = storage.autosave_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("[" * 1000 + "]" * 1000, encoding="utf-8")
    app = make_app(content)
    assert app.scene.name == "title" and "damaged" in (app.scene.autosave_problem or "")
    click(app, button(app, "Continue"))  # refused while the autosave is damaged: the title says why
    assert app.scene.name == "title" and "is damaged" in (app.scene.autosave_problem or "")


@settings(max_examples=int(os.environ.get("PP_FUZZ_EXAMPLES", "10")), deadline=None, suppress_health_check=list(HealthCheck))
@given(payload=st.sampled_from(PAYLOADS) | st.text(max_size=30))
def test_fuzz_payloads_in_every_text_field(content, saves, payload) -> None:
    """Typed and pasted into the notes and the seed field, and saved as a note: no crash, nothing invisible kept."""
    app = _notes_app(content)
    box = scene_of(app).note_box
    click(app, box)
    pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=payload))
    pump(app, 2)
    entry_paste = entry.paste_source
    try:
        entry.paste_source = lambda: payload
        key(app, pygame.K_v, mod=pygame.KMOD_CTRL)
    finally:
        entry.paste_source = entry_paste
    assert all(c in "\n\t" or drawable(c) for c in box.get_text())  # the notes box keeps line breaks
    key(app, pygame.K_ESCAPE)
    app.ctx.session.notes.text[app.ctx.session.selected] = payload
    app.switch(*nav.screen("notes", app.ctx))
    pump(app, 2)
    app.switch(*nav.screen("title", app.ctx))
    pump(app)
    seed = app.scene.seed_entry
    if seed is not None:
        click(app, seed)
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=payload))
        pump(app, 2)
        assert seed.get_text().isdigit() or seed.get_text() == ""
