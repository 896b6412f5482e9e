"""Scrolling text boxes and scrolling columns from the keyboard.

pygame_gui scrolls with the mouse wheel and the scroll bar only. Screens with long content (the
debrief, the data problems list) call :func:`scroll_key` from ``on_key``: Up/Down move by a few
lines, PageUp/PageDown by most of a view, Home/End to the ends.
"""

from __future__ import annotations

from typing import Any

import pygame
from pygame_gui.elements import UIScrollingContainer, UITextBox

LINE_STEPS = {pygame.K_UP: -1, pygame.K_DOWN: 1}
PAGE_STEPS = {pygame.K_PAGEUP: -1, pygame.K_PAGEDOWN: 1}
ENDS = {pygame.K_HOME: 0.0, pygame.K_END: 1.0}
SCROLL_KEYS = (*LINE_STEPS, *PAGE_STEPS, *ENDS)


def _geometry(element: Any) -> tuple[Any, float, float] | None:
    """(scroll bar, total content height, visible height) or None when it does not scroll."""
    if isinstance(element, UITextBox):
        bar = element.scroll_bar
        layout = element.text_box_layout
        if bar is None or layout is None:
            return None
        return bar, float(layout.layout_rect.height), float(element.rect.h)
    if isinstance(element, UIScrollingContainer):
        bar = element.vert_scroll_bar
        if bar is None:
            return None
        return bar, float(element.get_container().get_rect().h), float(element.get_relative_rect().h)
    return None


def scroll_by(element: Any, pixels: float) -> bool:
    """Scroll a text box or scrolling column by some pixels; False when it cannot scroll."""
    geometry = _geometry(element)
    if geometry is None:
        return False
    bar, total, _ = geometry
    bar.set_scroll_from_start_percentage(bar.start_percentage + pixels / max(1.0, total))
    element.update(0.0)
    return True


def scroll_to(element: Any, fraction: float) -> bool:
    """Scroll to the top (0) or the bottom (1)."""
    geometry = _geometry(element)
    if geometry is None:
        return False
    bar, total, view = geometry
    top = 0.0 if fraction <= 0 else max(0.0, (total - view) / max(1.0, total))
    bar.set_scroll_from_start_percentage(top)
    element.update(0.0)
    return True


def scroll_key(element: Any, key: int, line_px: int) -> bool:
    """Scroll for a key (Up, Down, PageUp, PageDown, Home, End); True when the key was used."""
    if element is None or not element.alive():
        return False
    if key in LINE_STEPS:
        return scroll_by(element, LINE_STEPS[key] * 3 * line_px)
    if key in PAGE_STEPS:
        geometry = _geometry(element)
        view = geometry[2] if geometry else 0.0
        return scroll_by(element, PAGE_STEPS[key] * max(line_px, view - 2 * line_px))
    if key in ENDS:
        return scroll_to(element, ENDS[key])
    return False
