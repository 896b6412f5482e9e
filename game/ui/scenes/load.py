"""Load a saved game: the autosave, its previous copy and every manual save, newest first."""

from __future__ import annotations

import pygame
import pygame_gui
from pygame_gui.elements import UISelectionList

from game.i18n import _
from game.ui import storage
from game.ui.layout import Column, Flow
from game.ui.scene import Outcome, Scene
from game.ui.scenes.title import load_path
from game.ui.text import esc


class LoadScene(Scene):
    """Choose a save. Up/Down choose, Enter loads, Esc goes back."""

    name = "load"

    def __init__(self, ctx) -> None:
        super().__init__(ctx)
        self.saves = storage.list_saves(ctx.content)
        self.index = 0
        self.list: UISelectionList | None = None

    def build(self) -> None:
        lay = self.lay
        width = min(lay.w - lay.px(40), lay.px(860))
        col = Column(pygame.Rect((lay.w - width) // 2, lay.px(24), width, lay.h - lay.px(48)), lay.px(10))
        self.ui.label(col.take(lay.line_h(19)), _("Load a saved game"), object_id="#heading")
        self.ui.label(col.take(lay.line_h(14)), _("From {saves_dir}").format(saves_dir=storage.saves_dir()), object_id="#muted")
        buttons_h = lay.row_h() + lay.px(10)
        rect = col.take(max(lay.px(80), col.left - buttons_h))
        if self.saves:
            labels: list[str | tuple[str, str]] = [f"  {s.label}" for s in self.saves]  # indented: list entries have no left padding
            self.index = min(self.index, len(labels) - 1)
            self.list = UISelectionList(rect, labels, manager=self.ctx.manager, container=self.ui.root, default_selection=labels[self.index])
            self.list.set_tooltip(_("Up and Down choose, Enter loads."))
            self.ui.keep(self.list)
        else:
            self.list = None
            self.ui.textbox(rect, esc(_("There are no saved games yet. The game saves itself at the end of every month.")))
        flow = Flow(col.take(lay.row_h()), lay.row_h(), lay.px(10))
        self.ui.button(flow.place(lay.button_w(_("Load"), key=pygame.K_l)), _("Load"), self.load, key=pygame.K_l, object_id="#primary",
                    refusal=None if self.saves else _("There is nothing to load."), tip=_("Load the chosen save."))
        self.ui.button(flow.place(lay.button_w(_("Back"))), _("Back"), self.back, tip=_("Return. (key: Esc)"))
        self.focus.index = 0

    def load(self) -> Outcome:
        """Load the chosen save."""
        if not self.saves:
            return None
        return load_path(self, self.saves[self.index].path)

    def on_key(self, event: pygame.event.Event) -> Outcome:
        return None

    def handle_key(self, event: pygame.event.Event) -> Outcome:
        if event.key in (pygame.K_UP, pygame.K_DOWN) and self.saves:
            step = -1 if event.key == pygame.K_UP else 1
            self.index = max(0, min(len(self.saves) - 1, self.index + step))
            self.rebuild()
            return None
        return super().handle_key(event)

    def on_event(self, event: pygame.event.Event) -> Outcome:
        if event.type in (pygame_gui.UI_SELECTION_LIST_NEW_SELECTION, pygame_gui.UI_SELECTION_LIST_DOUBLE_CLICKED_SELECTION) \
                and event.ui_element is self.list:
            labels = [f"  {s.label}" for s in self.saves]
            if event.text in labels:
                self.index = labels.index(event.text)
            if event.type == pygame_gui.UI_SELECTION_LIST_DOUBLE_CLICKED_SELECTION:
                return self.load()
        return None
