"""Joining a class from the title screen, against a real host on 127.0.0.1: the form, the game it
starts, the records the host receives, a hold that makes End month wait, and an injected event."""

from __future__ import annotations

import time

import pytest

pytest.importorskip("starlette")
pytest.importorskip("uvicorn")

from tests.classroom.classhost_helpers import CODE, Host, free_port
from tests.ui.helpers import button, click, make_app, pump, type_text


def _wait(app, test, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not test():
        assert time.monotonic() < deadline, f"timed out: {what}"
        pump(app)
        time.sleep(0.05)


@pytest.fixture
def host(tmp_path):
    running = Host(tmp_path / "class.db", free_port()).start()
    try:
        yield running
    finally:
        running.stop()


def test_a_student_joins_plays_waits_at_a_hold_and_the_host_gets_every_month(content, saves, host):
    app = make_app(content)
    click(app, button(app, "Join a class"))
    join = app.live()[-1]
    assert join.name == "join"
    click(app, button(app, "Join"))
    assert "Fill in" in join.problem  # nothing typed yet: said so, nothing sent
    for key, text in (("address", f"127.0.0.1:{host.port}"), ("code", "wrong"), ("name", "Ana")):
        click(app, join.entries[key])
        type_text(app, text)
    click(app, button(app, "Join"))
    _wait(app, lambda: join.problem, 20, "the refusal")
    assert "join code" in join.problem
    join.entries["code"].set_text(CODE.lower())
    click(app, button(app, "Join"))
    _wait(app, lambda: app.ctx.session is not None, 20, "the class's game")
    session = app.ctx.session
    assert session.seat is not None and session.seat.name == "Ana"
    assert session.recorder is not None and session.recorder.record.player == "Ana"
    assert app.live()[-1].name == "briefing"
    host.instructor("POST", "/api/class/hold", {"hold": True, "month": 2})
    host.instructor("POST", "/api/class/inject", {"event": "protests", "country": "MEX"})
    from game.ui.scenes import nav
    app.switch(*nav.screen("map", app.ctx))
    pump(app)
    for month in (1, 2):
        session.seat.ask_now()
        _wait(app, lambda: session.seat.status is not None and len(session.seat.status.injects) == 1, 20, "the status")
        click(app, button(app, "End month"))
        if app.live()[-1].name != "report":
            click(app, button(app, "End month"))  # nothing planned: the second press lets it pass
        if month == 2:
            assert app.live()[-1].name == "class_hold"  # held before month 2 ends
            time.sleep(0.5)
            pump(app, 3)
            assert session.state.turn == 2
            host.instructor("POST", "/api/class/hold", {"hold": False})
            session.seat.ask_now()
        _wait(app, lambda: app.live()[-1].name == "report", 20, "the month's report")
        app.switch(*nav.screen("map", app.ctx))
        pump(app)
    assert session.state.turn == 3
    assert [a.kind for a in session.state.actions_log[0]] == ["fire_event"]  # the inject, in month 1
    view = host.wait_for(lambda v: v["students"] and v["students"][0]["months_done"] == 2
                         and v["students"][0]["check"] == "verified", 30, "the record")
    assert view["students"][0]["name"] == "Ana"
    assert session.recorder.path.is_file()  # the local record is kept too
