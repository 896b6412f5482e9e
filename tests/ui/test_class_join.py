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


def _end_month(app) -> None:
    from game.ui.scenes import nav
    app.switch(*nav.screen("map", app.ctx))
    pump(app)
    click(app, button(app, "End month"))
    if app.live()[-1].name != "report":
        click(app, button(app, "End month"))  # nothing planned: the second press lets it pass


def test_a_closed_game_rejoins_its_class_on_continue(content, saves, host):
    app = make_app(content)
    click(app, button(app, "Join a class"))
    join = app.live()[-1]
    for key, text in (("address", f"127.0.0.1:{host.port}"), ("code", CODE), ("name", "Bea")):
        click(app, join.entries[key])
        type_text(app, text)
    click(app, button(app, "Join"))
    _wait(app, lambda: app.ctx.session is not None, 20, "the class's game")
    _end_month(app)
    _wait(app, lambda: app.live()[-1].name == "report", 20, "the month's report")
    host.wait_for(lambda v: v["students"] and v["students"][0]["months_done"] == 1, 30, "month 1's record")
    app.ctx.session.seat.close()  # the window is closed: the game is autosaved, the link is gone

    again = make_app(content)  # the game started again
    click(again, button(again, "Continue"))
    rejoin = again.live()[-1]
    assert rejoin.name == "rejoin" and rejoin.ticket is not None
    assert rejoin.entries["name"].get_text() == "Bea" and rejoin.entries["code"].get_text() == CODE
    click(again, button(again, "Rejoin"))
    _wait(again, lambda: again.ctx.session is not None, 20, "the rejoined game")
    session = again.ctx.session
    assert session.seat is not None and session.seat.name == "Bea" and session.state.turn == 2
    _end_month(again)
    _wait(again, lambda: again.live()[-1].name == "report", 20, "the month's report")
    view = host.wait_for(lambda v: v["students"][0]["months_done"] == 2 and v["students"][0]["check"] == "verified",
                         30, "month 2's record from the same seat")
    assert [s["name"] for s in view["students"]] == ["Bea"]  # the same place, not a second student
    session.seat.close()

    from game.ui import storage
    solo = make_app(content)  # a new solo game forgets the class: Continue no longer offers to rejoin it
    click(solo, button(solo, "New game"))
    if solo.ctx.session is None:
        click(solo, button(solo, "Start"))
    assert solo.ctx.session is not None and solo.ctx.session.seat is None
    assert storage.seat_ticket_for_autosave() is None


def test_play_on_alone_continues_without_the_class(content, saves, host):
    from game.classroom.seat import SeatTicket
    from game.ui import storage
    app = make_app(content)
    click(app, button(app, "New game"))
    if app.ctx.session is None:
        click(app, button(app, "Start"))
    session = app.ctx.session
    _end_month(app)
    _wait(app, lambda: app.live()[-1].name == "report", 20, "the month's report")
    state = session.state
    storage.keep_seat_ticket(SeatTicket(address=f"127.0.0.1:{host.port}", code=CODE, name="Cy", attempt="x" * 24,
                                        scenario=state.scenario, mandate=state.mandate, seed=state.seed))
    again = make_app(content)
    click(again, button(again, "Continue"))
    assert again.live()[-1].name == "rejoin"
    click(again, button(again, "Play on alone"))
    assert again.ctx.session is not None and again.ctx.session.seat is None and again.ctx.session.state.turn == 2
    assert host.view()["students"] == []  # nothing was sent to the class
