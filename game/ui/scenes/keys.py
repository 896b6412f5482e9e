"""The list of keys for the current screen (F1 or ?), pushed over it: the screen's shortcut buttons,
its own keys and the keys every screen shares. Esc, F1 or ? closes it."""

from __future__ import annotations

from html import escape

import pygame

from game.i18n import N_, _
from game.ui.layout import Column
from game.ui.scene import Context, Outcome, Scene
from game.ui.transition import Pop

COMMON = (
    (N_("Tab / Shift+Tab"), N_("move the focus to the next or previous control (on the map: the next country)")),
    (N_("Enter / Space"), N_("press, tick or open the focused control")),
    (N_("Arrow keys"), N_("change the focused choice or slider; on the map, step through the countries")),
    (N_("Up, Down, Page Up, Page Down, Home, End"), N_("scroll the focused text to read it to its end")),
    (N_("Esc"), N_("go back, or close this list")),
    ("F1 / ?", N_("this list of keys")),
    ("F5", N_("reload the data files (for instructors editing them)")),
)


class KeysScene(Scene):
    """A panel listing the keys of the scene below."""

    name = "keys"

    def __init__(self, ctx: Context, lines: list[tuple[str, str]] | None = None) -> None:
        super().__init__(ctx)
        self.lines = lines  # the screen's keys, read before it was covered (its widgets are gone then)

    def build(self) -> None:
        lay = self.lay
        own = self.lines if self.lines is not None else (self.below.key_lines() if self.below is not None else [])
        rows = [f"<b>{escape(k)}</b>: {escape(w)}" for k, w in own]
        common = [f"<b>{escape(k)}</b>: {escape(w)}" for k, w in ((_(k), _(w)) for k, w in COMMON)]
        here, everywhere = escape(_("On this screen")), escape(_("On every screen"))
        html = f"<b>{here}</b><br>" + "<br>".join(rows) + "<br><br>" if rows else ""
        html += f"<b>{everywhere}</b><br>" + "<br>".join(common)
        box = pygame.Rect(0, 0, min(lay.w - lay.px(40), lay.px(760)), lay.h - lay.px(60))
        box.center = (lay.w // 2, lay.h // 2)
        self.ui.panel(box)
        col = Column(box.inflate(-lay.px(32), -lay.px(24)), lay.px(8))
        self.ui.label(col.take(lay.line_h(19)), _("Keys"), object_id="#heading")
        text_rect = col.take(max(lay.line_h() * 3, col.left - lay.row_h() - lay.px(8)))
        self.text = self.ui.textbox(text_rect, html)
        self.ui.button(col.take(lay.row_h(), lay.button_w(_("Close"))), _("Close"), self.back,
                    tip=_("Back to the screen (Esc, F1 or ? also close)."))
        self.focus.add(self.text)
        self.focus.index = len(self.focus.items) - 1
        self.focus.by_keyboard = True

    def draw_background(self, surface: pygame.Surface) -> None:
        self.draw_dimmed(surface)

    def handle_key(self, event: pygame.event.Event) -> Outcome:
        if event.key == pygame.K_F1 or event.unicode == "?":
            return Pop()
        return super().handle_key(event)
