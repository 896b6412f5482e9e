"""Every scene, built for a game in progress (shared by the layout and drawing tests)."""

from __future__ import annotations

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
    from game.ui.scenes.debrief import DebriefScene
    ctx.session = finished_session(ctx.content)
    return DebriefScene(ctx)


def _problems(ctx):
    from game.loading import Problem, Severity
    from game.ui.scenes.map import MapScene
    from game.ui.scenes.problems import ProblemsScene
    problems = [Problem(path="data/countries.toml", line=80 + i, column=1 + i % 7, field=f"countries.MEX.priorities.x{i}",
                        message="expected a number between 0 and 1, found text in quotes", severity=Severity.error)
                for i in range(40)]
    problems.append(Problem(path="data/events.toml", line=3, column=1, severity=Severity.warning,
                            message="this event can never fire"))
    return ProblemsScene(ctx, MapScene(ctx), problems, "data")


def _tutorial(ctx):
    from game.ui.scenes.map import MapScene
    from game.ui.scenes.tutorial import TutorialScene
    ctx.session = Session.start(ctx.content, "tutorial", "balanced", 3)
    return TutorialScene(ctx, MapScene(ctx))


def _report(ctx):
    from game.ui.scenes.report import ReportScene
    return ReportScene(ctx, ctx.session.last_report)


def _pause(ctx):
    from game.ui.scenes.map import MapScene
    from game.ui.scenes.pause import PauseScene
    return PauseScene(ctx, below=MapScene(ctx))


def _settings(ctx):
    from game.ui.scenes.settings import SettingsScene
    from game.ui.scenes.title import TitleScene
    return SettingsScene(ctx, back=TitleScene(ctx))


def _load(ctx):
    from game.ui.scenes.load import LoadScene
    from game.ui.scenes.title import TitleScene
    return LoadScene(ctx, back=TitleScene(ctx))


def _simple(module: str, cls: str):
    def make(ctx):
        mod = __import__(f"game.ui.scenes.{module}", fromlist=[cls])
        return getattr(mod, cls)(ctx)
    return make


SCENE_FACTORIES = {
    "title": _simple("title", "TitleScene"),
    "briefing": _simple("briefing", "BriefingScene"),
    "map": _simple("map", "MapScene"),
    "dossier": _simple("dossier", "DossierScene"),
    "planning": _simple("planning", "PlanningScene"),
    "notes": _simple("notes", "NotesScene"),
    "report": _report,
    "end": _simple("end", "EndScene"),
    "pause": _pause,
    "settings": _settings,
    "load": _load,
    "tutorial": _tutorial,
    "debrief": _debrief,
    "problems": _problems,
}
