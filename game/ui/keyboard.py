"""Keyboard focus for pygame_gui widgets: Tab / Shift+Tab move, Enter or Space activates.

pygame_gui has no focus traversal of its own, so each scene lists its focusable widgets here in
reading order. The focused widget gets a ring drawn around it.
"""

from __future__ import annotations

import re

import pygame
import pygame_gui
from pygame_gui.core import UIElement
from pygame_gui.elements import (
    UICheckBox,
    UIHorizontalSlider,
    UISelectionList,
    UITextBox,
    UITextEntryBox,
    UITextEntryLine,
)

from game.i18n import _
from game.ui.layout import Layout
from game.ui.palette import Palette

TEXT_WIDGETS = (UITextEntryLine, UITextEntryBox)


class FocusRing:
    """An ordered list of focusable widgets and the index of the focused one."""

    def __init__(self) -> None:
        self.items: list[UIElement] = []
        self.index: int = -1
        self.by_keyboard = False  # the focus was moved with Tab (its tooltip then shows in a status line)

    def clear(self) -> None:
        """Forget every widget."""
        self.items.clear()
        self.index = -1

    def add(self, element: UIElement) -> None:
        """Make a widget focusable (in the order added)."""
        self.items.append(element)

    @property
    def current(self) -> UIElement | None:
        """The focused widget, if any."""
        if 0 <= self.index < len(self.items) and self.items[self.index].alive():
            return self.items[self.index]
        return None

    def focus(self, element: UIElement, manager: pygame_gui.UIManager) -> None:
        """Focus a given widget."""
        if element in self.items:
            self.index = self.items.index(element)
            self._sync(manager)

    def move(self, step: int, manager: pygame_gui.UIManager) -> None:
        """Focus the next (step 1) or previous (step -1) visible widget."""
        if not self.items:
            return
        n = len(self.items)
        start = self.index if self.index >= 0 else (-1 if step > 0 else 0)
        for i in range(1, n + 1):
            cand = self.items[(start + step * i) % n]
            if cand.alive() and cand.visible:
                self.index = (start + step * i) % n
                break
        self._sync(manager)

    def _sync(self, manager: pygame_gui.UIManager) -> None:
        current = self.current
        if isinstance(current, TEXT_WIDGETS):
            manager.set_focus_set(current)
        else:
            manager.set_focus_set(None)

    def adjust(self, step: int) -> bool:
        """Arrow keys on the focused slider or list (drop-downs are handled by the scene)."""
        el = self.current
        if isinstance(el, UIHorizontalSlider):
            lo, hi = el.value_range
            stepv = el.increment or (hi - lo) / 10  # pygame_gui keeps click_increment as .increment
            el.set_current_value(min(hi, max(lo, el.get_current_value() + step * stepv)))
            pygame.event.post(pygame.event.Event(pygame_gui.UI_HORIZONTAL_SLIDER_MOVED, {
                "value": el.get_current_value(), "ui_element": el, "ui_object_id": el.most_specific_combined_id}))
            return True
        if isinstance(el, UISelectionList):
            items = el.item_list
            if not items:
                return False
            sel = [i for i, it in enumerate(items) if it.get("selected")]
            j = min(len(items) - 1, max(0, (sel[0] + step) if sel else 0))
            text = items[j]["text"]
            for it in items:
                it["selected"] = False
                if it.get("button_element") is not None:
                    it["button_element"].unselect()
            items[j]["selected"] = True
            if items[j].get("button_element") is not None:
                items[j]["button_element"].select()
            pygame.event.post(pygame.event.Event(pygame_gui.UI_SELECTION_LIST_NEW_SELECTION, {
                "text": text, "ui_element": el, "ui_object_id": el.most_specific_combined_id}))
            return True
        return False

    def draw(self, surface: pygame.Surface, colour: tuple[int, int, int], width: int,
             halo: tuple[int, int, int] = (0, 0, 0)) -> None:
        """Draw the focus ring around the focused widget: its own colour on a dark halo, with corner
        brackets, so that it differs in shape too from the plain borders of "selected" and "current"."""
        el = self.current
        if el is not None and el.visible:
            rect = el.get_abs_rect().inflate(width * 2 + 2, width * 2 + 2)
            pygame.draw.rect(surface, halo, rect.inflate(width * 2, width * 2), width * 3, border_radius=width * 3)
            pygame.draw.rect(surface, colour, rect, width, border_radius=width * 2)
            arm = min(width * 6, max(width * 2, min(rect.w, rect.h) // 3))
            outer = rect.inflate(width * 4, width * 4)
            for corner, dx, dy in ((outer.topleft, 1, 1), (outer.topright, -1, 1),
                                   (outer.bottomleft, 1, -1), (outer.bottomright, -1, -1)):
                x, y = corner[0] - (1 if dx < 0 else 0), corner[1] - (1 if dy < 0 else 0)
                pygame.draw.line(surface, colour, (x, y), (x + dx * arm, y), width)
                pygame.draw.line(surface, colour, (x, y), (x, y + dy * arm), width)


def is_toggle(element: UIElement) -> bool:
    """True for widgets that Enter toggles rather than presses."""
    return isinstance(element, UICheckBox)


def focus_tip(element: UIElement | None) -> str:
    """What the status line says about the focused widget: its tooltip (cost, explanation, key), or
    how to read a text box."""
    if element is None:
        return ""
    tip = re.sub(r"<[^>]+>", "", getattr(element, "tool_tip_text", None) or "").strip()
    if isinstance(element, UITextBox) and not tip:
        return _("Text: Up and Down scroll, Page Up and Page Down by a page, Home and End to the ends.")
    return tip


def describe(element: UIElement) -> str:
    """What self-voicing says about a focused control: its text, its state and its tooltip."""
    text = getattr(element, "text", "") or ""
    if isinstance(element, UITextBox):
        text = getattr(element, "html_text", "") or ""
    if isinstance(element, UICheckBox):
        text = f"{text}, " + (_("ticked") if element.get_state() else _("not ticked"))
    if not element.is_enabled:
        text = _("{control}, not available").format(control=text)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", f"{text}. {focus_tip(element)}")).strip(" .")


def draw_focus_tip(surface: pygame.Surface, ring: FocusRing, lay: Layout, pal: Palette) -> None:
    """The status line: the focused widget's tooltip in a strip under it (above it near the bottom),
    shown while the focus is moved from the keyboard, so that nothing needs the mouse."""
    el = ring.current
    text = focus_tip(el) if ring.by_keyboard and el is not None and el.visible else ""
    if not text or el is None:
        return
    fnt = lay.font(14)
    width = min(lay.w - lay.px(16), lay.px(620))
    image = fnt.render(text, True, pal.c("text"), wraplength=width - lay.px(16))
    image = image.subsurface((0, 0, image.get_width(), min(image.get_height(), 4 * fnt.get_linesize())))  # 4 lines at most
    box = pygame.Rect(0, 0, image.get_width() + lay.px(16), image.get_height() + lay.px(10))
    anchor = el.get_abs_rect()
    box.midtop = (anchor.centerx, anchor.bottom + lay.px(8))
    if box.bottom > lay.h:
        box.midbottom = (anchor.centerx, anchor.top - lay.px(8))
    box.clamp_ip(surface.get_rect())
    pygame.draw.rect(surface, pal.c("label_bg"), box)
    pygame.draw.rect(surface, pal.c("focus"), box, max(1, lay.px(1)))
    surface.blit(image, (box.x + lay.px(8), box.y + lay.px(5)))
