"""The pause menu over the map: resume, save, load, settings, quit to title."""

from __future__ import annotations

import pygame

from game.i18n import _
from game.ui import storage
from game.ui.layout import Column
from game.ui.scene import Outcome, Scene
from game.ui.scenes import nav
from game.ui.transition import Quit


class PauseScene(Scene):
    """A menu drawn over the (dimmed) scene below it."""

    name = "pause"

    def __init__(self, ctx) -> None:
        super().__init__(ctx)
        self.confirming = False

    def build(self) -> None:
        lay = self.lay
        items = [
            (_("Resume"), self.back, pygame.K_r, _("Back to the map. (Esc also resumes.)")),
            (_("Save game"), self.save, pygame.K_s, _("Save to a new file (the game also autosaves each month).")),
            (_("Load game"), self.load, pygame.K_l, _("Open a saved game.")),
            (_("Settings"), self.settings, pygame.K_o, _("Full screen, UI scale, palettes.")),
            (_("Quit to title"), self.to_title, pygame.K_t, _("Leave this game; it is saved with this month's plan.")),
            (_("Really quit?") if self.confirming else _("Quit the game"), self.quit_game, pygame.K_q,
             _("Press again to close the program (the game is saved with this month's plan).") if self.confirming
             else _("Close the program (asks once more; the game is saved with this month's plan).")),
        ]
        width = max(lay.button_w(text, key=key) for text, _action, key, _tip in items) + lay.px(80)
        height = lay.line_h(19) + len(items) * (lay.row_h() + lay.px(8)) + lay.px(40)
        box = pygame.Rect(0, 0, width, height)
        box.center = (lay.w // 2, lay.h // 2)
        self.ui.panel(box)
        col = Column(box.inflate(-lay.px(40), -lay.px(30)), lay.px(8))
        self.ui.label(col.take(lay.line_h(19)), _("Paused"), object_id="#heading")
        for text, action, key, tip in items:
            self.button(col.take(lay.row_h()), text, action, key=key, tip=tip)
        self.focus.index = len(self.focus.items) - 1 if self.confirming else 0

    def draw_background(self, surface: pygame.Surface) -> None:
        self.draw_dimmed(surface)

    def save(self) -> Outcome:
        """Save to a new file."""
        session = self.ctx.session
        assert session is not None
        try:
            path = storage.manual_save(session.state, session.notes, player=session.player)
            self.ctx.info = _("Saved to {path}.").format(path=path)
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
        """Leave the game (saved with this month's plan, so Continue resumes it)."""
        session = self.ctx.session
        if session is not None:
            problem = session.save_now()
            if problem:
                self.ctx.message = problem
        return nav.title(self.ctx)

    def quit_game(self) -> Outcome:
        """The first press asks for confirmation; the second closes the program (the app saves the game)."""
        if not self.confirming:
            self.confirming = True
            self.rebuild()
            self.focus.index = len(self.focus.items) - 1  # on "Really quit?"
            return None
        return Quit()
