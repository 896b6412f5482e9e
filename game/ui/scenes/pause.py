"""The pause menu over the map: resume, save, load, settings, quit to title."""

from __future__ import annotations

from typing import Optional

import pygame

from game.ui import storage
from game.ui.layout import Column
from game.ui.scene import Outcome, Scene
from game.ui.scenes import nav
from game.ui.transition import Quit


class PauseScene(Scene):
    """A menu drawn over the (dimmed) scene below it."""

    name = "pause"

    def build(self) -> None:
        lay = self.lay
        items = [
            ("Resume", self.back, pygame.K_r, "Back to the map. (Esc also resumes.)"),
            ("Save game", self.save, pygame.K_s, "Save to a new file (the game also autosaves each month)."),
            ("Load game", self.load, pygame.K_l, "Open a saved game."),
            ("Settings", self.settings, pygame.K_o, "Full screen, UI scale, palettes."),
            ("Quit to title", self.to_title, pygame.K_t, "Leave this game (it was autosaved at the start of this month)."),
            ("Quit the game", Quit, pygame.K_q, "Close the program."),
        ]
        width = max(lay.button_w(text) for text, *_ in items) + lay.px(80)
        height = lay.line_h(19) + len(items) * (lay.row_h() + lay.px(8)) + lay.px(40)
        box = pygame.Rect(0, 0, width, height)
        box.center = (lay.w // 2, lay.h // 2)
        self.panel(box)
        col = Column(box.inflate(-lay.px(40), -lay.px(30)), lay.px(8))
        self.label(col.take(lay.line_h(19)), "Paused", object_id="#heading")
        for text, action, key, tip in items:
            self.button(col.take(lay.row_h()), text, action, key=key, tip=tip)
        self.focus.index = 0

    def draw_background(self, surface: pygame.Surface) -> None:
        self.draw_dimmed(surface)

    def save(self) -> Outcome:
        """Save to a new file."""
        session = self.ctx.session
        assert session is not None
        try:
            path = storage.manual_save(session.state, session.notes)
            self.ctx.info = f"Saved to {path}."
        except storage.StorageError as error:
            self.ctx.message = str(error)
        return None

    def load(self) -> Outcome:
        """Open the load screen."""
        return nav.load(self.ctx)

    def settings(self) -> Outcome:
        """Open the settings."""
        return nav.settings(self.ctx)

    def to_title(self) -> Outcome:
        """Leave the game."""
        return nav.title(self.ctx)
