"""F5 reloads the data: problems are listed in an overlay and the game keeps the old data; good data
is taken up by the game in progress; data the game no longer fits is refused with a message."""

from __future__ import annotations

import pygame

from game.ui.scenes.nav import begin
from game.ui.session import Session
from tests.ui.helpers import button, click, data_copy, key, make_app, pump, scene_of


def _playing(content, scenario="northern_triangle"):
    app = make_app(content)
    session = Session.start(content, scenario, "balanced", 21)
    begin(app.ctx, session)
    session.queue(__import__("game.engine", fromlist=["Investigate"]).Investigate(session.order[0]))
    session.end_month()
    from game.ui.scenes import nav
    app.switch(nav.map_scene(app.ctx))
    pump(app)
    return app, session


def test_f5_with_broken_data_lists_problems_and_keeps_playing(content, saves, tmp_path):
    app, session = _playing(content)
    folder = data_copy(tmp_path, {"countries.toml": [(r"^economy = 0\.95", 'economy = "very high"'),
                                                     (r"^sovereignty = ", "sovreignty = ")]})
    app.ctx.data_paths = [str(folder)]
    before = (session.state.turn, len(session.state.queue), app.ctx.content)
    key(app, pygame.K_F5)
    assert app.scene.name == "problems"
    listed = app.scene.list_box.html_text
    assert "countries.toml:" in listed and "very high" in listed and "sovereignty" in listed
    assert "countries.MEX.priorities.economy" in listed and "error" in listed
    assert all(f"{p.path}:{p.line}:{p.column}" in listed for p in app.scene.problems)
    key(app, pygame.K_PAGEDOWN)  # scrolling never fails, even when everything fits
    key(app, pygame.K_F5)  # still broken: the overlay again, over the same game
    assert app.scene.name == "problems" and app.scene.below.name == "map"
    key(app, pygame.K_ESCAPE)
    assert app.scene.name == "map"
    assert (session.state.turn, len(session.state.queue), app.ctx.content) == before
    key(app, pygame.K_p)  # the game goes on with the old data
    assert scene_of(app).name == "planning"
    click(app, button(app, "End month"))
    click(app, button(app, "End month"))  # nothing planned: the second press confirms
    assert scene_of(app).name == "report" and session.state.turn == before[0] + 1


def test_f5_with_good_data_continues_the_same_game(content, saves, tmp_path):
    app, session = _playing(content)
    folder = data_copy(tmp_path, {"countries.toml": [(r'^name = "Mexico"', 'name = "Mexico (edited)"')]})
    app.ctx.data_paths = [str(folder)]
    turn, log = session.state.turn, [list(m) for m in session.state.actions_log]
    key(app, pygame.K_F5)
    assert app.scene.name == "map" and app.ctx.session is session
    assert app.ctx.content is not content and session.content is app.ctx.content
    assert session.state.turn == turn and [list(m) for m in session.state.actions_log] == log
    assert session.country_name("MEX") == "Mexico (edited)"
    assert app.ctx.notice is not None and app.ctx.notice[0].startswith("Data reloaded")
    assert "record" in (app.ctx.message or "")  # the record was made with the earlier data
    key(app, pygame.K_e)
    key(app, pygame.K_e)
    assert scene_of(app).name == "report" and session.state.turn == turn + 1
    # the same data again: nothing changes and no warning about the record
    app.ctx.message = None
    key(app, pygame.K_F5)
    assert "nothing had changed" in app.ctx.notice[0] and app.ctx.message is None


def test_f5_refuses_data_the_game_no_longer_fits(content, saves, tmp_path):
    app, session = _playing(content)
    folder = data_copy(tmp_path, {"scenarios.toml": [(r'^countries = \["MEX", "GTM", "HND", "SLV", "PAN"\]',
                                                       'countries = ["MEX", "GTM", "HND", "SLV"]')]})
    app.ctx.data_paths = [str(folder)]
    key(app, pygame.K_F5)
    assert app.scene.name == "map" and app.ctx.content is content and session.content is content
    assert "does not fit" in (app.ctx.message or "")
    assert "PAN" in session.state.countries


def test_f5_on_the_title_after_a_failed_start(content, saves, tmp_path):
    from game.ui.app import App
    from game.ui.settings import Settings
    app = App(Settings(), None, "countries.toml:1:1: error: broken", size=(1280, 720))
    pump(app)
    assert button(app, "New game").is_enabled is False
    app.ctx.data_paths = [str(data_copy(tmp_path))]
    key(app, pygame.K_F5)
    assert app.ctx.content is not None and app.scene.name == "title"
    assert button(app, "New game").is_enabled


def test_play_command_takes_data_and_records(monkeypatch, tmp_path):
    import game.ui.launch as launch
    from game.cli import main
    seen = {}
    monkeypatch.setattr(launch, "launch", lambda **kw: seen.update(kw) or 0)
    assert main(["play", "--data", str(tmp_path / "d"), "--records", str(tmp_path / "r")]) == 0
    assert seen["data"] == [str(tmp_path / "d")] and seen["records"] == tmp_path / "r"


def test_reload_by_mouse_from_the_settings(content, saves, tmp_path):
    app = make_app(content)
    key(app, pygame.K_s)
    assert app.scene.name == "settings"
    app.ctx.data_paths = [str(data_copy(tmp_path, {"countries.toml": [(r"^economy = 0\.95", "economy = 9")]}))]
    click(app, button(app, "Reload the data files"))
    assert app.scene.name == "problems" and "economy" in app.scene.list_box.html_text
    click(app, button(app, "Close"))
    assert app.scene.name == "settings"
    app.ctx.data_paths = None
    click(app, button(app, "Reload the data files"))
    assert app.scene.name == "settings" and "Data reloaded" in app.ctx.notice[0]
