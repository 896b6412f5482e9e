"""Keyboard focus for pygame_gui widgets: Tab / Shift+Tab move, Enter or Space activates.

pygame_gui has no focus traversal of its own, so each scene lists its focusable widgets here in
reading order. The focused widget gets a ring drawn around it.
"""

from __future__ import annotations

import pygame
import pygame_gui
from pygame_gui.core import UIElement
from pygame_gui.elements import (
    UICheckBox, UIHorizontalSlider, UISelectionList, UITextEntryBox, UITextEntryLine,
)

TEXT_WIDGETS = (UITextEntryLine, UITextEntryBox)


class FocusRing:
    """An ordered list of focusable widgets and the index of the focused one."""

    def __init__(self) -> None:
        self.items: list[UIElement] = []
        self.index: int = -1

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
            stepv = el.click_increment or (hi - lo) / 10
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
            arm = max(width * 4, min(rect.w, rect.h) // 4)
            outer = rect.inflate(width * 4, width * 4)
            for corner, dx, dy in ((outer.topleft, 1, 1), (outer.topright, -1, 1),
                                   (outer.bottomleft, 1, -1), (outer.bottomright, -1, -1)):
                x, y = corner[0] - (1 if dx < 0 else 0), corner[1] - (1 if dy < 0 else 0)
                pygame.draw.line(surface, colour, (x, y), (x + dx * arm, y), width)
                pygame.draw.line(surface, colour, (x, y), (x, y + dy * arm), width)


def is_toggle(element: UIElement) -> bool:
    """True for widgets that Enter toggles rather than presses."""
    return isinstance(element, UICheckBox)
