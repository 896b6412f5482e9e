"""The planning screen: queue this month's actions for the selected government, within budget.

Columns: measures and moves (with costs and explanations in tooltips), the proposal builder
(asks with levels, offers, optional public or private threat with a deadline) and the month's
plan with undo. Keys: PageUp/PageDown switch government, S send proposal, T threat only,
U undo the last action, E end the month, Esc back to the map.
"""

from __future__ import annotations

import pygame
from pygame_gui.elements import UIScrollingContainer

from game.engine import Action
from game.i18n import _, ngettext
from game.ui.scene import Outcome, Scene
from game.ui.scenes import nav
from game.ui.scenes import planning_parts as parts
from game.ui.session import Session
from game.ui.widgets import country_header, meter_bar

COLUMNS = ("planning", "proposal", "plan")
FOCUS_ORDER = ("proposal", "planning", "plan")


class PlanningScene(Scene):
    """Plan the month."""

    name = "planning"

    def __init__(self, ctx) -> None:
        super().__init__(ctx)
        self.targets_local: dict[str, pygame.Rect] = {}
        self.scroll: dict[str, float] = {}
        self.boxes: dict[str, UIScrollingContainer] = {}
        self.column_rects: dict[str, pygame.Rect] = {}
        self.column_elements: dict[str, list] = {}

    @property
    def session(self) -> Session:
        """The game in progress."""
        assert self.ctx.session is not None
        return self.ctx.session

    def build(self) -> None:
        lay = self.lay
        session = self.session
        self.targets_local = {}
        top = meter_bar(self)
        top = country_header(self, top, _("Planning: {country_name}").format(
                                            country_name=session.country_name(session.selected)), [
            (_("Dossier"), self.dossier, pygame.K_d, _("What is known about this government.")),
            (_("End month"), self.end_month, pygame.K_e, _("Resolve the month with this plan.")),
            (_("Back to map"), self.back, None, _("Return to the map. (key: Esc)")),
        ])
        margin = lay.px(10)
        area = pygame.Rect(margin, top + margin, lay.w - 2 * margin, lay.h - top - 2 * margin)
        widths = [int(area.w * 0.33), int(area.w * 0.40)]
        widths.append(area.w - sum(widths) - 2 * margin)
        x = area.x
        self.column_rects = {}
        self.column_elements = {}
        for name, width in zip(COLUMNS, widths):
            self.column_rects[name] = pygame.Rect(x, area.y, width, area.h)
            self._build_column(name)
            x += width + margin
        proposal = self.boxes["proposal"].rect
        for name in ("threat", "proposal"):
            local = self.targets_local.get(name)
            if local is not None and local.h:
                self.targets[name] = pygame.Rect(proposal.x + local.x, proposal.y + local.y, local.w,
                                                 min(local.h, proposal.bottom - proposal.y - local.y))
        self.targets["proposal"] = proposal
        self.targets["planning"] = self.boxes["planning"].rect
        self._order_focus()

    def _builder(self, name: str):
        if name == "planning":
            return parts.measures_column
        if name == "proposal":
            return parts.proposal_column
        return lambda scene, box, width: parts.plan_column(scene, box, width, self.undo)

    def _build_column(self, name: str) -> None:
        lay = self.lay
        rect = self.column_rects[name]
        first = len(self.ui.elements)
        box = UIScrollingContainer(rect, manager=self.ctx.manager, container=self.ui.root, allow_scroll_x=False)
        self.ui.keep(box)
        self.boxes[name] = box
        self.ui.scrollers[id(box.get_container())] = box
        inner_w = rect.w - lay.px(22)
        height = self._builder(name)(self, box, inner_w)
        box.set_scrollable_area_dimensions((inner_w, height))
        self.targets[name] = rect
        self.column_elements[name] = self.ui.elements[first:]

    def refresh_column(self, name: str) -> None:
        """Rebuild one column only (drafting changes only the proposal column)."""
        box = self.boxes.get(name)
        if box is None:
            self.rebuild()
            return
        bar = box.vert_scroll_bar
        scroll = bar.start_percentage if bar is not None else 0.0
        focused = self.focus.current
        focus_pos = (focused.relative_rect.topleft if focused is not None and focused in self.column_elements[name]
                     else None)
        dead = set(map(id, self.column_elements[name]))
        box.kill()
        self.ui.elements = [e for e in self.ui.elements if id(e) not in dead]
        for registry in (self.ui.actions, self.ui.reasons, self.ui.choices, self.ui.toggles):
            for element in [e for e in registry if id(e) in dead]:
                del registry[element]
        self.ui.shortcuts = {k: v for k, v in self.ui.shortcuts.items() if id(v) not in dead}
        self.focus.items = [e for e in self.focus.items if id(e) not in dead]
        self._build_column(name)
        self._order_focus()
        bar = self.boxes[name].vert_scroll_bar
        if bar is not None:
            bar.set_scroll_from_start_percentage(scroll)
        self.focus.index = -1
        if focus_pos is not None:
            for element in self.column_elements[name]:
                if element in self.focus.items and element.relative_rect.topleft == focus_pos:
                    self.focus.index = self.focus.items.index(element)

    def _order_focus(self) -> None:
        """Tab order: the proposal first (its first ask is one Tab away), then the measures, the plan
        and last the header buttons; each column top to bottom."""
        rank = {name: i for i, name in enumerate(FOCUS_ORDER)}
        column_of = {id(e): rank[name] for name in COLUMNS for e in self.column_elements.get(name, [])}
        self.focus.items.sort(key=lambda e: (column_of.get(id(e), len(FOCUS_ORDER)), e.relative_rect.y,
                                             e.relative_rect.x))

    # ----- model changes (draft) ------------------------------------------------------------------
    def set_ask(self, ask: str, level: int) -> Outcome:
        """Choose the level of an ask in the draft."""
        self.session.draft(self.session.selected).asks[ask] = level
        self.refresh_column("proposal")
        return None

    def toggle_offer(self, lever: str, on: bool) -> Outcome:
        """Add or remove an offer in the draft."""
        self.session.draft(self.session.selected).toggle_offer(lever, on)
        self.refresh_column("proposal")
        return None

    def set_threat(self, lever: str) -> Outcome:
        """Choose the threat backing the draft ('' for none)."""
        self.session.draft(self.session.selected).threat = lever
        self.refresh_column("proposal")
        return None

    def set_public(self, on: bool) -> Outcome:
        """Make the threat public or private."""
        self.session.draft(self.session.selected).public = on
        self.refresh_column("proposal")
        return None

    def set_deadline(self, months: int) -> Outcome:
        """Set the threat's deadline."""
        self.session.draft(self.session.selected).deadline = months
        self.refresh_column("proposal")
        return None

    # ----- engine calls ---------------------------------------------------------------------------
    def queue(self, action: Action, clear: bool = False) -> Outcome:
        """Queue an action through the engine; a refusal is shown to the player."""
        refusal = self.session.queue(action)
        if refusal:
            self.ctx.message = refusal
        elif clear:
            self.session.drafts.pop(self.session.selected, None)
        self.rebuild()
        return None

    def undo(self, index: int) -> Outcome:
        """Take back a queued action (and any that depended on it)."""
        removed = self.session.undo(index)
        if len(removed) > 1:
            others = len(removed) - 1
            self.ctx.message = ngettext("{n} other planned action depended on it and was taken back too.",
                                         "{n} other planned actions depended on it and were taken back too.", others).format(n=others)
        self.rebuild()
        return None

    def rebuild(self) -> None:
        """Rebuild, keeping each column's scroll position."""
        for name, box in self.boxes.items():
            bar = box.vert_scroll_bar
            if bar is not None:
                self.scroll[name] = bar.start_percentage
        super().rebuild()
        for name, box in self.boxes.items():
            bar = box.vert_scroll_bar
            if bar is not None and name in self.scroll:
                bar.set_scroll_from_start_percentage(self.scroll[name])

    def exit(self) -> None:
        super().exit()
        self.boxes = {}

    # ----- navigation -------------------------------------------------------------------------------
    def on_key(self, event: pygame.event.Event) -> Outcome:
        if event.key == pygame.K_u and self.session.state.queue:
            return self.undo(len(self.session.state.queue) - 1)
        return None

    def end_month(self) -> Outcome:
        """Resolve the month."""
        return nav.end_month(self.ctx)

    def dossier(self) -> Outcome:
        """Open the dossier."""
        return nav.dossier(self.ctx)

    def back(self) -> Outcome:
        return nav.to_map(self.ctx)
