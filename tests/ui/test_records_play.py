"""Records written while playing: one file per game, kept up to date month by month and when the
notes change, continued after a restart, verifiable; a record that cannot be written never stops
the game."""

from __future__ import annotations

import pygame

from game.records import load_record, verify_record
from tests.ui.helpers import button, click, key, make_app, scene_of


def _new_game(content, records):
    app = make_app(content)
    app.ctx.records_dir = records
    key(app, pygame.K_n)
    assert app.scene.name == "briefing"
    key(app, pygame.K_b)
    return app


def _end_month(app):
    key(app, pygame.K_e)
    if scene_of(app).name != "report":
        key(app, pygame.K_e)  # nothing planned: confirm
    assert scene_of(app).name == "report"
    key(app, pygame.K_RETURN)


def test_record_follows_the_game_and_the_notes(content, saves, tmp_path):
    records = tmp_path / "records"
    app = _new_game(content, records)
    session = app.ctx.session
    files = list(records.glob("*.json"))
    assert len(files) == 1 and session.recorder.path == files[0]
    assert load_record(files[0]).turns == []
    _end_month(app)
    _end_month(app)
    record = load_record(files[0])
    assert len(record.turns) == 2
    # a guess on the notes screen goes into the record at once, a typed note when leaving
    key(app, pygame.K_n)
    assert scene_of(app).name == "notes"
    scene = scene_of(app)
    menu = next(iter(scene.ui.choices))
    scene.focus.focus(menu, app.ctx.manager)
    key(app, pygame.K_RIGHT)
    cid = session.selected
    assert load_record(files[0]).notes.guesses.get(cid) == [session.notes.guess(cid)[0]]
    click(app, scene.note_box)
    from tests.ui.helpers import type_text
    type_text(app, "Cares about trade")
    key(app, pygame.K_ESCAPE)  # stop typing
    key(app, pygame.K_ESCAPE)  # back to the map
    assert load_record(files[0]).notes.text.get(cid) == "Cares about trade"
    check = verify_record(load_record(files[0]), content)
    assert check.ok, check.summary()


def test_continue_after_a_restart_continues_the_record(content, saves, tmp_path):
    records = tmp_path / "records"
    app = _new_game(content, records)
    _end_month(app)
    _end_month(app)
    path = app.ctx.session.recorder.path
    # the window is closed without going through any menu; a new run continues
    again = make_app(content)
    again.ctx.records_dir = records
    click(again, button(again, "Continue"))
    session = again.ctx.session
    assert scene_of(again).name == "map" and session.state.turn == 3
    assert session.recorder.path == path
    _end_month(again)
    assert list(records.glob("*.json")) == [path]
    record = load_record(path)
    assert len(record.turns) == 3 and verify_record(record, content).ok


def test_a_record_that_cannot_be_written_never_stops_the_game(content, saves, tmp_path):
    blocker = tmp_path / "records"
    blocker.write_text("a file where the records folder should be")
    app = make_app(content)
    app.ctx.records_dir = blocker
    key(app, pygame.K_n)
    assert app.scene.name == "briefing"
    assert "record of this game could not be written" in (app.ctx.message or "")  # shown on screen
    key(app, pygame.K_b)  # the key closes the message and begins
    session = app.ctx.session
    _end_month(app)
    assert session.state.turn == 2 and scene_of(app).name == "map"
    assert "record" in (session.record_message or "")
    from game.ui import storage
    assert storage.read_save(storage.autosave_file(), content).state.turn == 2
    # the folder becomes usable again: the next month writes the whole record
    blocker.unlink()
    _end_month(app)
    assert session.record_message is None and session.recorder is not None
    record = load_record(session.recorder.path)
    assert len(record.turns) == session.state.turn - 1 == 2 and verify_record(record, content).ok
