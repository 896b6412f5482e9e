"""The tour: render every scene of a game in progress to PNG files (one per scene).

A scripted plan plays a few months so that the report, dossier and charts have content. Saves and
records go to a temporary folder so the player's own files are never touched. The debrief is shown
section by section (``debrief.png`` is its summary, ``debrief-SECTION.png`` the others, the
"what if" one with a replay done), ``map-values.png`` the map with each country's value printed on
its label, and ``reload-problems.png`` shows what F5 does with a
deliberately broken copy of the data.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pygame

from game.content import ContentBundle
from game.engine import Action, CarryOut, Engage, Investigate, Propose, Threaten
from game.i18n import _
from game.ui.scene import Scene
from game.ui.scenes import nav
from game.ui.session import Session
from game.ui.settings import Settings

DEBRIEF_SECTIONS = ("priorities", "timelines", "ledgers", "decisions", "discussion", "whatif")
SCENES = (*nav.SCREENS, "map-values", *(f"debrief-{s}" for s in DEBRIEF_SECTIONS), "reload-problems")


def broken_data_copy(folder: Path) -> Path:
    """A copy of the shipped data with two deliberate mistakes (for the problems overlay)."""
    from game.paths import shipped_data_dir
    target = folder / "data"
    shutil.copytree(shipped_data_dir(), target, ignore=shutil.ignore_patterns("schema"))
    countries = target / "countries.toml"
    text = countries.read_text(encoding="utf-8")
    text = re.sub(r"^economy = 0\.95", 'economy = "very high"', text, count=1, flags=re.M)
    text = re.sub(r"^sovereignty = ", "sovreignty = ", text, count=1, flags=re.M)
    countries.write_text(text, encoding="utf-8")
    return target


def scripted_month(session: Session) -> None:
    """Queue a plausible plan for the month (refused actions are simply skipped)."""
    turn = session.state.turn
    order = session.order
    plan: list[Action] = [
        Propose(order[0], {"return_flights": 2}, ("aid_package",)),
        Investigate(order[1 % len(order)]),
        Engage(order[2 % len(order)], "diplomatic_call"),
    ]
    if turn == 1 and len(order) > 1:
        plan.append(Threaten(order[1], "visa_restrictions", {"asylum_cooperation": 1}, public=False, deadline=2))
    if turn == 2 and len(order) > 3:
        plan.append(CarryOut(order[3], "security_cooperation"))
        plan.append(Propose(order[3], {"anti_smuggling": 1}, ("trade_preferences",)))
    for action in plan:
        session.queue(action)


def new_session(content: ContentBundle, scenario: str, seed: int, months: int) -> Session:
    """A game with ``months`` months played by the scripted plan."""
    session = Session.start(content, scenario, "balanced", seed)
    for _month in range(months):
        if session.over:
            break
        scripted_month(session)
        session.end_month()
    return session


def run_tour(content: ContentBundle, out: Path, size: tuple[int, int] = (1280, 720), seed: int = 7,
             settings: Settings | None = None) -> list[Path]:
    """Render every scene to ``out/NAME.png``; returns the files written."""
    from game.ui.app import App

    out.mkdir(parents=True, exist_ok=True)
    old = os.environ.get("PRESSURE_POINTS_DATA_DIR")
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["PRESSURE_POINTS_DATA_DIR"] = tmp
        try:
            app = App(settings or Settings(), content, None, size=size)
            ctx = app.ctx

            def shot(name: str, make: Callable[[], list[Scene]] | None = None) -> None:
                app.show(*(make() if make is not None else nav.screen(name, ctx)))
                app.pump(force_draw=True)
                app.pump(force_draw=True)
                path = out / f"{name}.png"
                pygame.image.save(app.screen, str(path))
                written.append(path)
                if app.canvas is not None:  # a canvas larger than the window: the whole of it too
                    whole = out / f"{name}-whole.png"
                    pygame.image.save(app.canvas, str(whole))
                    written.append(whole)

            title = nav.title_scene(ctx)
            title.seed = seed  # type: ignore[attr-defined]
            shot("title", lambda: [title])
            shot("settings", lambda: [title, nav.settings_scene(ctx)])
            shot("join", lambda: [title, nav.join_scene(ctx)])
            ctx.session = Session.start(content, "default", "balanced", seed)
            shot("briefing")
            session = new_session(content, "default", seed, 3)
            ctx.session = session
            session.selected = session.order[0]
            session.notes.set_guess(session.order[0], 0, "economy")
            session.notes.set_guess(session.order[0], 1, "sovereignty")
            # TRANSLATORS: a player's note in the screenshots of the tour
            session.notes.text[session.order[0]] = _("Moved on tariffs in 2019; guards its sovereignty.")
            scripted_month(session)
            draft = session.draft(session.order[1])
            draft.asks = {"return_flights": 1, "asylum_cooperation": 1}
            draft.offers = ["security_cooperation"]
            draft.threat, draft.public = "visa_restrictions", False
            shot("map")
            ctx.extra["map_values"] = True
            shot("map-values", lambda: nav.screen("map", ctx))
            ctx.extra["map_values"] = False
            shot("dossier")
            session.selected = session.order[1]
            shot("planning")
            session.selected = session.order[0]
            shot("notes")
            shot("report")
            shot("pause")
            shot("class_hold")
            if "tutorial" in content.scenarios:
                ctx.session = Session.start(content, "tutorial", "balanced", seed)
                shot("tutorial")
            ending = new_session(content, "northern_triangle" if "northern_triangle" in content.scenarios else "default",
                                 seed, 60)
            ctx.session = ending
            ending.selected = ending.order[0]
            ending.notes.set_guess(ending.order[0], 0, "economy")
            ending.notes.set_guess(ending.order[0], 1, "aid")
            ending.notes.set_guess(ending.order[1 % len(ending.order)], 0, "remittances")
            shot("end")
            debrief_stack = nav.screen("debrief", ctx)
            debrief: Any = debrief_stack[-1]
            shot("debrief", lambda: debrief_stack)
            for section in DEBRIEF_SECTIONS:
                debrief.set_tab(section)
                if section == "whatif":
                    debrief.choose(1)
                    debrief.replay_without()
                    app.pump(force_draw=True)
                shot(f"debrief-{section}", lambda: debrief_stack)
            shot("load")
            ctx.data_paths = [str(broken_data_copy(Path(tmp)))]
            app.show(*nav.screen("end", ctx))
            app.reload()
            shot("reload-problems", lambda: list(app.stack))
            ctx.data_paths = None
            pygame.display.quit()
        finally:
            if old is None:
                os.environ.pop("PRESSURE_POINTS_DATA_DIR", None)
            else:
                os.environ["PRESSURE_POINTS_DATA_DIR"] = old
    return written
