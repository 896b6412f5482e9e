"""The data problems overlay (after F5 found errors): every problem with its file, line, column,
severity, field and message in a scrolling list over the dimmed screen. The game keeps the data it
had; F5 or "Try again" reads the files again, Esc or "Close" returns to the game."""

from __future__ import annotations

from typing import Any

import pygame
from pygame_gui.elements import UITextBox

from game.i18n import _
from game.i18n.formats import counted
from game.loading.problems import SEVERITY_WORDS
from game.ui.layout import Column, Flow
from game.ui.scene import Outcome, Scene
from game.ui.scrolling import SCROLL_KEYS, scroll_key
from game.ui.text import colour, esc


def problem_html(problem: Any, bad: str, warn: str) -> str:
    """One problem: where (file:line:col), severity, field and message."""
    severity = SEVERITY_WORDS[problem.severity.value] if hasattr(problem.severity, "value") else str(problem.severity)
    where = f"{problem.path}:{problem.line}:{problem.column}"
    tag = colour(esc(severity), bad if problem.is_error else warn)
    field = f" <i>{esc(problem.field)}</i>:" if problem.field else ""
    return f"<b>{esc(where)}</b> {tag}{field} {esc(problem.message)}"


def problems_html(problems: list[Any], bad: str, warn: str) -> str:
    """Every problem, errors and warnings in file order."""
    if not problems:
        return esc(_("The data could not be read, but no problem was reported."))
    return "<br>".join(problem_html(p, bad, warn) for p in problems)


class ProblemsScene(Scene):
    """Lists what is wrong with the data; the scene below keeps running on the previous data."""

    name = "problems"

    def __init__(self, ctx, problems: list[Any], source: str) -> None:
        super().__init__(ctx)
        self.problems = problems
        self.source = source
        self.list_box: UITextBox | None = None

    def build(self) -> None:
        lay = self.lay
        errors = sum(1 for p in self.problems if p.is_error)
        warnings = len(self.problems) - errors
        box = pygame.Rect(0, 0, min(lay.w - lay.px(40), lay.px(900)), lay.h - lay.px(40))
        box.center = (lay.w // 2, lay.h // 2)
        self.ui.panel(box)
        col = Column(box.inflate(-lay.px(28), -lay.px(24)), lay.px(8))
        count = counted(errors, "{n} error", "{n} errors")
        if warnings:
            count += _(" and {warnings}").format(warnings=counted(warnings, "{n} warning", "{n} warnings"))
        self.ui.label(col.take(lay.line_h(19)), _("The data files have {count}").format(count=count), object_id="#heading")
        intro = (_("Read from {source}. <b>The game goes on with the data it had before.</b> Fix the files (each "
                    "line below gives file:line:column, severity, field and what is wrong), then press F5 again. "
                    "Up, Down, PageUp and PageDown scroll the list.").format(source=esc(self.source)))
        self.ui.textbox(col.take(lay.line_h() * 3 + lay.px(14)), intro, panel="problems")
        buttons_h = lay.row_h() + lay.px(8)
        self.list_box = self.ui.textbox(col.take(max(lay.px(80), col.left - buttons_h)),
                                     problems_html(self.problems, self.pal.bad, self.pal.selected), panel="problems")
        self.targets["problems"] = self.list_box.rect
        flow = Flow(col.take(lay.row_h()), lay.row_h(), lay.px(10))
        self.ui.button(flow.place(lay.button_w(_("Try again"))), _("Try again"), self.retry, object_id="#primary",
                    tip=_("Read the data files again (key: F5)."))
        self.ui.button(flow.place(lay.button_w(_("Close"))), _("Close"), self.back,
                    tip=_("Back to the game, which keeps the data it had. (key: Esc)"))
        self.focus.index = 0

    def draw_background(self, surface: pygame.Surface) -> None:
        self.draw_dimmed(surface)

    def retry(self) -> Outcome:
        """Read the data again."""
        from game.ui.reload import reload_data
        return reload_data(self.ctx, self)

    def on_key(self, event: pygame.event.Event) -> Outcome:
        if event.key in SCROLL_KEYS:
            scroll_key(self.list_box, event.key, self.lay.line_h())
        return None
