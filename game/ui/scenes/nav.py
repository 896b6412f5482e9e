"""Where the game goes next. This is the only module that knows the scene classes: scenes ask it
for a transition (``nav.dossier(ctx)``), and the app, the tour and the tests build screens from
its registry (``screen(name, ctx)``, the stack of scenes a named screen sits on, bottom first).

The scene modules import this one, so the scene classes are imported inside the functions.
Lateral moves in a game (map, dossier, planning, notes, report) replace the current scene; menus,
dialogs, the debrief and the tutorial are pushed and popped; starting a game or quitting to the
title replaces the whole stack.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from game.i18n import _
from game.ui.context import Context
from game.ui.transition import Push, Replace

if TYPE_CHECKING:
    from game.ui.scene import Scene
    from game.ui.session import Session


def begin(ctx: Context, session: Session, *, new: bool = False) -> None:
    """Make a new or loaded game the current one and start (or continue) its record.

    A class game keeps its ticket to rejoin the class after a restart; a ``new`` solo game forgets
    the ticket of an earlier class game (so Continue does not offer to rejoin it)."""
    from game.ui import storage
    if session.seat is not None:
        storage.keep_seat_ticket(session.seat.ticket())
    elif new:
        storage.keep_seat_ticket(None)
    ctx.session = session
    problem = session.open_record(ctx.records_dir)
    if problem:
        ctx.message = problem


# ----- the scenes ------------------------------------------------------------------------------
def title_scene(ctx: Context) -> Scene:
    """The title screen."""
    from game.ui.scenes.title import TitleScene
    return TitleScene(ctx)


def briefing_scene(ctx: Context) -> Scene:
    """The briefing of the game just started."""
    from game.ui.scenes.briefing import BriefingScene
    return BriefingScene(ctx)


def map_scene(ctx: Context) -> Scene:
    """The map of the game in progress."""
    from game.ui.scenes.map import MapScene
    return MapScene(ctx)


def dossier_scene(ctx: Context) -> Scene:
    """The dossier of the selected government."""
    from game.ui.scenes.dossier import DossierScene
    return DossierScene(ctx)


def planning_scene(ctx: Context) -> Scene:
    """The planning screen for the selected government."""
    from game.ui.scenes.planning import PlanningScene
    return PlanningScene(ctx)


def notes_scene(ctx: Context) -> Scene:
    """The notes on the selected government."""
    from game.ui.scenes.notes import NotesScene
    return NotesScene(ctx)


def report_scene(ctx: Context) -> Scene:
    """The report of the month just resolved."""
    from game.ui.scenes.report import ReportScene
    assert ctx.session is not None and ctx.session.last_report is not None
    return ReportScene(ctx, ctx.session.last_report)


def end_scene(ctx: Context) -> Scene:
    """The end-of-game screen."""
    from game.ui.scenes.end import EndScene
    return EndScene(ctx)


def pause_scene(ctx: Context) -> Scene:
    """The pause menu (an overlay)."""
    from game.ui.scenes.pause import PauseScene
    return PauseScene(ctx)


def settings_scene(ctx: Context) -> Scene:
    """The settings (an overlay)."""
    from game.ui.scenes.settings import SettingsScene
    return SettingsScene(ctx)


def load_scene(ctx: Context) -> Scene:
    """The list of saves (an overlay)."""
    from game.ui.scenes.load import LoadScene
    return LoadScene(ctx)


def tutorial_scene(ctx: Context) -> Scene:
    """The tutorial's hint panel, over the scenes below it."""
    from game.ui.scenes.tutorial import TutorialScene
    return TutorialScene(ctx)


def debrief_scene(ctx: Context) -> Scene:
    """The debrief of the game in progress."""
    from game.ui.scenes.debrief import DebriefScene
    return DebriefScene(ctx)


def join_scene(ctx: Context) -> Scene:
    """The join-a-class form (an overlay on the title)."""
    from game.ui.scenes.join import JoinScene
    return JoinScene(ctx)


def class_hold_scene(ctx: Context) -> Scene:
    """Waiting for the instructor to release the class (an overlay)."""
    from game.ui.scenes.classhold import ClassHoldScene
    return ClassHoldScene(ctx)


def problems_scene(ctx: Context, problems: list[Any], source: str) -> Scene:
    """The data problems overlay (F5 found errors)."""
    from game.ui.scenes.problems import ProblemsScene
    return ProblemsScene(ctx, problems, source)


def game_stack(ctx: Context) -> list[Scene]:
    """The screens a game in progress resumes on: the map (with the tutorial over it while one is
    running) or the end screen once the last month is over."""
    session = ctx.session
    assert session is not None
    if session.over:
        return [end_scene(ctx)]
    if session.tutorial and not session.tutorial_done:
        return [map_scene(ctx), tutorial_scene(ctx)]
    return [map_scene(ctx)]


# ----- the moves -------------------------------------------------------------------------------
def game_scene(ctx: Context) -> Replace:
    """Go to the game in progress (a new or loaded game): its screens replace every other."""
    return Replace(*game_stack(ctx), root=True)


def after_report(ctx: Context) -> Replace:
    """From the report back to the game: the map, or the end screen after the last month."""
    session = ctx.session
    assert session is not None
    return Replace(end_scene(ctx) if session.over else map_scene(ctx))


def title(ctx: Context) -> Replace:
    """The title screen; the game in progress is left (it is autosaved and recorded)."""
    ctx.session = None
    return Replace(title_scene(ctx), root=True)


def briefing(ctx: Context) -> Replace:
    """The briefing of a game just started."""
    return Replace(briefing_scene(ctx), root=True)


def to_map(ctx: Context) -> Replace:
    """Back to the map."""
    return Replace(map_scene(ctx))


def dossier(ctx: Context) -> Replace:
    """The dossier of the selected government."""
    return Replace(dossier_scene(ctx))


def planning(ctx: Context) -> Replace:
    """The planning screen."""
    return Replace(planning_scene(ctx))


def notes(ctx: Context) -> Replace:
    """The notes screen."""
    return Replace(notes_scene(ctx))


def end(ctx: Context) -> Replace:
    """The end screen."""
    return Replace(end_scene(ctx))


def pause(ctx: Context) -> Push:
    """The pause menu over the current scene."""
    return Push(pause_scene(ctx))


def settings(ctx: Context) -> Push:
    """The settings over the current scene."""
    return Push(settings_scene(ctx))


def load(ctx: Context) -> Push:
    """The list of saves over the current scene."""
    return Push(load_scene(ctx))


def keys_scene(ctx: Context, lines: list[tuple[str, str]] | None = None) -> Scene:
    """The list of keys for the screen below (``lines``: its own keys, else read from it)."""
    from game.ui.scenes.keys import KeysScene
    return KeysScene(ctx, lines)


def keys(ctx: Context, lines: list[tuple[str, str]]) -> Push:
    """The list of keys over the current scene (F1 or ?)."""
    return Push(keys_scene(ctx, lines))


def debrief(ctx: Context) -> Push:
    """The debrief over the end screen (Esc returns to it)."""
    return Push(debrief_scene(ctx))


def end_month(ctx: Context, root: bool = False) -> Replace | Push | None:
    """Resolve the month and go to the report; with nothing planned, or a deadline falling due that the
    plan leaves alone (a bluff about to be called), say so and ask for a second press; in a class held
    by the instructor, wait over the current scene (``root``: the report replaces all)."""
    session = ctx.session
    assert session is not None
    confirmed = ctx.extra.get("confirm_end") == session.state.turn
    if not root and not confirmed:
        from game.ui.pending import end_month_warning
        warning = end_month_warning(session)
        if warning is None and not session.state.queue:
            warning = _("Nothing is planned for this month. Choose End month again to let it pass anyway.")
        if warning is not None:
            ctx.extra["confirm_end"] = session.state.turn
            ctx.message = warning
            return None
    if session.seat is not None and session.seat.held(session.state.turn):
        return Push(class_hold_scene(ctx))
    report = session.end_month()
    problem = session.messages()
    if problem:
        ctx.message = problem
    elif session.seat is not None:
        ctx.info = session.seat.line()
    from game.ui.scenes.report import ReportScene
    return Replace(ReportScene(ctx, report), root=root)


def join(ctx: Context) -> Push:
    """The join-a-class form over the title screen."""
    return Push(join_scene(ctx))


def rejoin(ctx: Context, ticket: Any) -> Push:
    """The form to rejoin the class of the autosaved game (filled in from its ``SeatTicket``)."""
    from game.ui.scenes.join import JoinScene
    return Push(JoinScene(ctx, ticket=ticket))


# ----- the registry ----------------------------------------------------------------------------
SCREENS: dict[str, Callable[[Context], list[Scene]]] = {
    "title": lambda ctx: [title_scene(ctx)],
    "briefing": lambda ctx: [briefing_scene(ctx)],
    "map": lambda ctx: [map_scene(ctx)],
    "dossier": lambda ctx: [dossier_scene(ctx)],
    "planning": lambda ctx: [planning_scene(ctx)],
    "notes": lambda ctx: [notes_scene(ctx)],
    "report": lambda ctx: [report_scene(ctx)],
    "end": lambda ctx: [end_scene(ctx)],
    "pause": lambda ctx: [map_scene(ctx), pause_scene(ctx)],
    "settings": lambda ctx: [title_scene(ctx), settings_scene(ctx)],
    "load": lambda ctx: [title_scene(ctx), load_scene(ctx)],
    "join": lambda ctx: [title_scene(ctx), join_scene(ctx)],
    "class_hold": lambda ctx: [map_scene(ctx), class_hold_scene(ctx)],
    "tutorial": lambda ctx: [map_scene(ctx), tutorial_scene(ctx)],
    "debrief": lambda ctx: [end_scene(ctx), debrief_scene(ctx)],
}
"""Every screen that needs only the context (and its game in progress): the stack it sits on."""


def screen(name: str, ctx: Context) -> list[Scene]:
    """The stack of scenes for the named screen, bottom first (see ``SCREENS``)."""
    return SCREENS[name](ctx)
