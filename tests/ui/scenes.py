"""Every screen, built for a game in progress (shared by the layout and drawing tests)."""

from __future__ import annotations

from game.i18n import _
from game.ui.scenes import nav
from game.ui.session import Session
from game.ui.tour import new_session, scripted_month

_PLAYED: dict[int, Session] = {}
_FINISHED: dict[int, Session] = {}


def _played(content) -> Session:
    if id(content) not in _PLAYED:
        _PLAYED[id(content)] = new_session(content, "default", 7, 3)
    return _PLAYED[id(content)]


def played_session(content) -> Session:
    """A default game three months in, with a plan queued and notes written (fresh copy)."""
    from game.engine import dumps, loads
    base = _played(content)
    session = Session(content=content, state=loads(dumps(base.state), content))
    session.last_report = base.last_report
    session.notes.set_guess(session.order[0], 0, "economy")
    session.selected = session.order[1]  # investigated by the scripted plan: the dossier shows estimates
    scripted_month(session)
    session.draft(session.order[0]).asks = {"return_flights": 2}
    session.draft(session.order[0]).threat = "tariff"
    return session


def finished_session(content) -> Session:
    """A whole default year played by the scripted plan, with a few guesses (fresh copy)."""
    from game.engine import dumps, loads
    if id(content) not in _FINISHED:
        _FINISHED[id(content)] = new_session(content, "default", 7, 60)
    base = _FINISHED[id(content)]
    session = Session(content=content, state=loads(dumps(base.state), content))
    session.notes.set_guess(session.order[0], 0, "economy")
    session.notes.set_guess(session.order[0], 2, "aid")
    session.notes.text[session.order[0]] = "Moved on tariffs in 2019."
    return session


def _debrief(ctx):
    ctx.session = finished_session(ctx.content)
    return nav.screen("debrief", ctx)


def _problems(ctx):
    from game.loading import Problem, Severity
    from game.loading.messages import found
    from game.loading.problems import did_you_mean

    # the validator's own words, in the language of the test
    message = "{} {}".format(_("must be between {number} and {high}{got}").format(number=0, high=1, got=""),
                             _("expected {expected}, found {found}").format(expected=_("a number"), found=found("high")))
    problems = [Problem(path="data/countries.toml", line=80 + i, column=1 + i % 7, field=f"countries.MEX.priorities.x{i}",
                        message=message, severity=Severity.error)
                for i in range(40)]
    problems.append(Problem(path="data/events.toml", line=3, column=1, severity=Severity.warning,
                            message=_("unknown key '{key}'").format(key="contry") + did_you_mean("contry", ["country"])))
    return [*nav.screen("map", ctx), nav.problems_scene(ctx, problems, "data")]


def _tutorial(ctx):
    ctx.session = Session.start(ctx.content, "tutorial", "balanced", 3)
    return nav.screen("tutorial", ctx)


def _keys(ctx):
    below = nav.screen("map", ctx)
    return [*below, nav.keys_scene(ctx, [("Tab", "next country")] * 3 + [("Page Up, Page Down, Home, End", "scroll the news")])]


SCENE_FACTORIES = {
    **{name: (lambda ctx, name=name: nav.screen(name, ctx)) for name in nav.SCREENS},
    "tutorial": _tutorial,
    "debrief": _debrief,
    "problems": _problems,
    "keys": _keys,
}
"""Every screen as the stack of scenes it sits on (bottom first), built through ``nav``."""
