"""Where the game goes next: shared by scenes so none of them needs to know the others' details."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.ui.scene import Context, Scene

if TYPE_CHECKING:
    from game.ui.session import Session


def begin(ctx: Context, session: "Session") -> None:
    """Make a new or loaded game the current one and start (or continue) its record."""
    ctx.session = session
    problem = session.open_record(ctx.records_dir)
    if problem:
        ctx.message = problem


def game_scene(ctx: Context) -> Scene:
    """The screen a game in progress resumes on: the map (inside the tutorial if one is running)
    or the end screen once the last month is over."""
    session = ctx.session
    assert session is not None
    if session.over:
        from game.ui.scenes.end import EndScene
        return EndScene(ctx)
    from game.ui.scenes.map import MapScene
    scene: Scene = MapScene(ctx)
    if session.tutorial and not session.tutorial_done:
        from game.ui.scenes.tutorial import TutorialScene
        scene = TutorialScene(ctx, scene)
    return scene


def debrief(ctx: Context, back: Scene | None = None) -> Scene:
    """The debrief of the game in progress (Esc returns to ``back``, by default the end screen)."""
    from game.ui.scenes.debrief import DebriefScene
    return DebriefScene(ctx, back=back)


def title(ctx: Context) -> Scene:
    """The title screen; the game in progress is left (it is autosaved and recorded)."""
    ctx.session = None
    from game.ui.scenes.title import TitleScene
    return TitleScene(ctx)


def end_month(ctx: Context) -> Scene | None:
    """Resolve the month and go to the report; with nothing planned, ask for a second press."""
    session = ctx.session
    assert session is not None
    if not session.state.queue and ctx.extra.get("confirm_end") != session.state.turn:
        ctx.extra["confirm_end"] = session.state.turn
        ctx.message = "Nothing is planned for this month. Choose End month again to let it pass anyway."
        return None
    report = session.end_month()
    problem = session.messages()
    if problem:
        ctx.message = problem
    from game.ui.scenes.report import ReportScene
    return ReportScene(ctx, report)
