"""The tutorial: an overlay pushed over the game screens that shows the scenario's hints one at a
time, outlining the part of the screen each hint is about. The screens below it work as usual (the
app gives them every event the hint panel does not claim). F1 shows the next hint, F10 skips."""

from __future__ import annotations


import pygame
from pygame_gui.core import ObjectID
from pygame_gui.elements import UIPanel

from game.ui.layout import Column, Flow, wrap
from game.ui.scene import Outcome, Scene
from game.ui.transition import Pop

WHERE = {
    "map": "the map", "meters": "the bar of meters at the top", "dossier": "the dossier (D on the map)",
    "planning": "the planning screen (P on the map)", "threat": "the planning screen (P on the map)",
    "proposal": "the planning screen (P on the map)", "end_turn": "the End month button on the map (E)",
    "report": "the turn report, after you end the month", "notes": "the notes screen (N on the map)",
}


class TutorialScene(Scene):
    """A hint panel over the scene below; that scene works as usual underneath."""

    name = "tutorial"
    passes_events = True

    @property
    def hints(self):
        """The scenario's tutorial steps."""
        assert self.ctx.session is not None
        return self.ctx.session.rules.scenario.tutorial

    @property
    def step(self) -> int:
        """Index of the hint shown."""
        assert self.ctx.session is not None
        return min(self.ctx.session.tutorial_step, len(self.hints) - 1)

    @property
    def targets_below(self) -> dict[str, pygame.Rect]:
        """The targets of the scene below (the parts of the screen hints are about)."""
        return self.below.targets if self.below is not None else {}

    def build(self) -> None:
        lay = self.lay
        hint = self.hints[self.step]
        target = hint.target.value
        text = hint.text
        if target not in self.targets_below:
            text += f"\n(This is about {WHERE.get(target, target)}.)"
        width = min(lay.px(420), lay.w // 2)
        fnt = lay.font(15)
        lines = wrap(text, fnt, width - lay.px(40))
        line_h = lay.line_h(15) - lay.px(4)
        height = lay.line_h(14) + len(lines) * (line_h + lay.px(4)) + lay.row_h() + lay.px(32)
        box = self._place(pygame.Rect(0, 0, width, height), self.targets_below.get(target))
        panel = UIPanel(box, starting_height=20, manager=self.ctx.manager, object_id=ObjectID(object_id="#hint"))
        self._keep(panel)
        col = Column(pygame.Rect(lay.px(14), lay.px(10), width - lay.px(28), height - lay.px(20)), lay.px(4))
        self.label(col.take(lay.line_h(14)), f"Tutorial: step {self.step + 1} of {len(self.hints)}",
                   object_id="#muted", container=panel)
        for line in lines:
            self.label(col.take(line_h), line, container=panel)
        flow = Flow(col.take(lay.row_h()), lay.row_h(), lay.px(8))
        last = self.step >= len(self.hints) - 1
        self.button(flow.place(lay.button_w("Finish" if last else "Next hint")), "Finish" if last else "Next hint",
                    self.next_hint, key=pygame.K_F1, container=panel, object_id="#primary")
        if self.step > 0:
            self.button(flow.place(lay.button_w("Previous")), "Previous", self.previous_hint, key=pygame.K_F2,
                        container=panel)
        self.button(flow.place(lay.button_w("Skip tutorial")), "Skip tutorial", self.skip, key=pygame.K_F10,
                    container=panel)
        self.focus.clear()
        self.hint_rect = box

    def _place(self, box: pygame.Rect, target: pygame.Rect | None) -> pygame.Rect:
        lay = self.lay
        m = lay.px(16)
        top = self.targets_below.get("meters", pygame.Rect(0, 0, 0, 0)).bottom + m
        for pos in ((m, lay.h - box.h - m), (lay.w - box.w - m, lay.h - box.h - m), (m, top), (lay.w - box.w - m, top)):
            cand = box.move(pos)
            if target is None or not cand.colliderect(target):
                return cand
        return box.move(m, lay.h - box.h - m)

    # ----- steps ------------------------------------------------------------------------------------
    def next_hint(self) -> Outcome:
        """Show the next hint; after the last, leave the tutorial."""
        session = self.ctx.session
        assert session is not None
        if self.step >= len(self.hints) - 1:
            return self.skip()
        session.tutorial_step += 1
        self.rebuild()
        return None

    def previous_hint(self) -> Outcome:
        """Show the previous hint."""
        session = self.ctx.session
        assert session is not None
        session.tutorial_step = max(0, self.step - 1)
        self.rebuild()
        return None

    def skip(self) -> Outcome:
        """End the tutorial; the game goes on."""
        session = self.ctx.session
        assert session is not None
        session.tutorial_done = True
        self.ctx.message = None
        return Pop()

    # ----- sharing the screen with the scene below -------------------------------------------------
    def claims(self, event: pygame.event.Event) -> bool:
        """The hint panel's own shortcuts and buttons; everything else goes to the scene below."""
        return (event.type == pygame.KEYDOWN and event.key in self.shortcuts) or \
            getattr(event, "ui_element", None) in self.actions

    def draw(self, surface: pygame.Surface) -> None:
        if self.below is not None:
            self.below.draw(surface)
        target = self.targets_below.get(self.hints[self.step].target.value)
        if target is not None:
            width = max(3, self.lay.px(4))
            pygame.draw.rect(surface, self.pal.c("selected"), target.inflate(width * 2, width * 2), width,
                             border_radius=width)
            for element in self.elements:  # keep the hint panel above the outline
                if element.visible and element.image is not None:
                    surface.blit(element.image, element.rect)
