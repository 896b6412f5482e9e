"""The tutorial: an overlay pushed over the game screens that shows the scenario's hints one at a
time, outlining the part of the screen each hint is about. The screens below it work as usual (the
app gives them every event the hint panel does not claim). F1 shows the next hint, F10 skips.

A step that asks for something moves on by itself once the player has done it (:func:`step_done`):
selecting the government the hint names, opening the screen it is about, queueing a threat or a
proposal, ending the month. The hint panel is placed where it covers neither the part of the
screen the hint is about nor, as far as possible, any button of the screen below.
"""

from __future__ import annotations

import pygame
from pygame_gui.core import ObjectID
from pygame_gui.elements import UIPanel

from game.i18n import N_, _
from game.ui.layout import Column, Flow, wrap
from game.ui.scene import Outcome, Scene
from game.ui.transition import Pop

WHERE = {
    "map": N_("the map"), "meters": N_("the bar of meters at the top"), "dossier": N_("the dossier (D on the map)"),
    "planning": N_("the planning screen (P on the map)"), "threat": N_("the planning screen (P on the map)"),
    "proposal": N_("the planning screen (P on the map)"), "end_turn": N_("the End month button on the map (E)"),
    "report": N_("the turn report, after you end the month"), "notes": N_("the notes screen (N on the map)"),
}


class StepStart:
    """What the game looked like when a step was first shown, to tell when its action is done."""

    __slots__ = ("queued", "selected", "step", "turn")

    def __init__(self, step: int, selected: str, turn: int, queued: int) -> None:
        self.step, self.selected, self.turn, self.queued = step, selected, turn, queued


def named_country(session, text: str) -> str | None:
    """The first government of the scenario the hint names ('Select Guatemala'), if any."""
    found = [(text.find(session.country_name(cid)), cid) for cid in session.order if session.country_name(cid) in text]
    return min(found)[1] if found else None


def step_done(session, target: str, text: str, start: StepStart, screen: str) -> bool:
    """True once the player has done what the step is about (steps that only explain wait for Next)."""
    state = session.state
    if target == "map":
        wanted = named_country(session, text)
        return session.selected == wanted if wanted else session.selected != start.selected
    if target in ("dossier", "planning", "notes"):
        return screen == target
    if target == "threat":
        draft = session.drafts.get(session.selected)
        return bool(draft and draft.threat) or any(a.kind == "threaten" or getattr(a, "threat", None)
                                                  for a in state.queue[start.queued:])
    if target == "proposal":
        return any(a.kind == "propose" for a in state.queue[start.queued:])
    if target == "end_turn":
        return state.turn > start.turn
    return False


class TutorialScene(Scene):
    """A hint panel over the scene below; that scene works as usual underneath."""

    name = "tutorial"
    passes_events = True

    def __init__(self, ctx) -> None:
        super().__init__(ctx)
        self.start: StepStart | None = None

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
            text += _("\n(This is about {place}.)").format(place=_(WHERE.get(target, target)))
        width = min(lay.px(420), lay.w // 2)
        fnt = lay.font(15)
        lines = wrap(text, fnt, width - lay.px(40))
        line_h = lay.line_h(15) - lay.px(4)
        height = lay.line_h(14) + len(lines) * (line_h + lay.px(4)) + lay.row_h() + lay.px(32)
        box = self._place(pygame.Rect(0, 0, width, height), self.targets_below.get(target))
        panel = UIPanel(box, starting_height=20, manager=self.ctx.manager, container=self.ui.root, object_id=ObjectID(object_id="#hint"))
        self.ui.keep(panel)
        col = Column(pygame.Rect(lay.px(14), lay.px(10), width - lay.px(28), height - lay.px(20)), lay.px(4))
        self.ui.label(col.take(lay.line_h(14)), _("Tutorial: step {value} of {n}").format(
                                                    value=self.step + 1, n=len(self.hints)),
                   object_id="#muted", container=panel)
        for line in lines:
            self.ui.label(col.take(line_h), line, container=panel)
        flow = Flow(col.take(lay.row_h()), lay.row_h(), lay.px(8))
        last = self.step >= len(self.hints) - 1
        self.ui.button(flow.place(lay.button_w(_("Finish") if last else _("Next hint"), key=pygame.K_F1)), _("Finish") if last else _("Next hint"),
                    self.next_hint, key=pygame.K_F1, container=panel, object_id="#primary")
        if self.step > 0:
            self.ui.button(flow.place(lay.button_w(_("Previous"), key=pygame.K_F2)), _("Previous"), self.previous_hint, key=pygame.K_F2,
                        container=panel)
        self.ui.button(flow.place(lay.button_w(_("Skip tutorial"), key=pygame.K_F10)), _("Skip tutorial"), self.skip, key=pygame.K_F10,
                    container=panel)
        self.focus.clear()
        self.hint_rect = box
        self.attention = panel  # where the window shows part of a larger canvas, the hint comes into view

    def _place(self, box: pygame.Rect, target: pygame.Rect | None) -> pygame.Rect:
        """The corner or edge where the panel hides least: never the target when any place avoids it,
        then as few of the screen's buttons as possible (the bottom left when all else is equal)."""
        lay = self.lay
        m = lay.px(16)
        top = self.targets_below.get("meters", pygame.Rect(0, 0, 0, 0)).bottom + m
        xs = (m, (lay.w - box.w) // 2, lay.w - box.w - m)
        ys = (lay.h - box.h - m, top, (top + lay.h - box.h) // 2)
        below = self.below
        widgets = [*below.actions, *below.choices, *below.toggles] if below is not None else []
        controls = [e.get_abs_rect() for e in widgets if e.visible]

        texts = [e.get_abs_rect() for e in (below.elements if below is not None else [])
                 if e.visible and hasattr(e, "text") and not hasattr(e, "get_container")]

        def cost(cand: pygame.Rect) -> tuple[int, int, int]:
            covered = sum(c.clip(cand).w * c.clip(cand).h for c in controls)
            read = sum(c.clip(cand).w * c.clip(cand).h for c in texts)
            on_target = target is not None and cand.colliderect(target) and target.w * target.h < lay.w * lay.h // 2
            return (1 if on_target else 0, covered, read)

        return min((box.move(x, y) for y in ys for x in xs), key=cost)

    # ----- a step's action done: the next step --------------------------------------------------
    def update(self, dt: float) -> None:
        session = self.ctx.session
        if session is None or session.tutorial_done:
            return
        if self.start is None or self.start.step != self.step:
            self.start = StepStart(self.step, session.selected, session.state.turn, len(session.state.queue))
            return
        hint = self.hints[self.step]
        screen = self.below.name if self.below is not None else ""
        if self.step < len(self.hints) - 1 and step_done(session, hint.target.value, hint.text, self.start, screen):
            session.tutorial_step += 1
            self.rebuild()

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
        return (event.type == pygame.KEYDOWN and event.key in self.ui.shortcuts) or \
            getattr(event, "ui_element", None) in self.ui.actions

    def draw(self, surface: pygame.Surface) -> None:
        if self.below is not None:
            self.below.draw(surface)
        target = self.targets_below.get(self.hints[self.step].target.value)
        if target is not None:
            width = max(3, self.lay.px(4))
            pygame.draw.rect(surface, self.pal.c("selected"), target.inflate(width * 2, width * 2), width,
                             border_radius=width)
            for element in self.ui.elements:  # keep the hint panel above the outline
                if element.visible and element.image is not None:
                    surface.blit(element.image, element.rect)
