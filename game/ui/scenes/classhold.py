"""The class is held: End month waits here until the instructor releases the class (an overlay).

The class link asks the host for the status in the background; once released (or once the host
cannot be reached, since a student never waits on a network), the month ends as usual and the
month's report replaces every scene.
"""

from __future__ import annotations

import pygame

from game.i18n import _
from game.ui.layout import Column
from game.ui.scene import Outcome, Scene
from game.ui.scenes import nav

RELEASED = pygame.event.custom_type()


class ClassHoldScene(Scene):
    """Waiting for the instructor."""

    name = "class_hold"

    def __init__(self, ctx) -> None:
        super().__init__(ctx)
        self.posted = False

    def build(self) -> None:
        lay = self.lay
        width = min(lay.w - lay.px(40), lay.px(560))
        height = lay.line_h(19) + lay.line_h() * 4 + lay.row_h() + lay.px(70)
        box = pygame.Rect(0, 0, width, height)
        box.center = (lay.w // 2, lay.h // 2)
        self.panel(box)
        col = Column(box.inflate(-lay.px(40), -lay.px(30)), lay.px(8))
        self.label(col.take(lay.line_h(19)), _("The class is paused"), object_id="#heading")
        self.textbox(col.take(lay.line_h() * 4 + lay.px(12)),
                     _("Your instructor is holding the class at the end of this month for a discussion. The "
                     "month ends by itself as soon as the class goes on; your plan stays as it is."), panel="hold")
        self.button(col.take(lay.row_h()), _("Back to the plan"), self.back, tip=_("Change the plan while you wait."))
        self.focus.index = 0

    def draw_background(self, surface: pygame.Surface) -> None:
        self.draw_dimmed(surface)

    def update(self, dt: float) -> None:
        session = self.ctx.session
        if self.posted or session is None or session.seat is None:
            return
        if not session.seat.held(session.state.turn):
            self.posted = True
            pygame.event.post(pygame.event.Event(RELEASED))

    def on_event(self, event: pygame.event.Event) -> Outcome:
        if event.type == RELEASED:
            return nav.end_month(self.ctx, root=True)
        return None
