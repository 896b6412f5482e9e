"""Layout checks used by the tests (and handy when designing a screen).

``problems(scene, size)`` lists, in words, every widget outside the canvas (``size``: the window,
or the larger canvas the window scrolls over), every button or label whose text does not fit its
rect, every pair of text widgets that overlap (siblings in the same container only; floating
overlays such as the tutorial panel are skipped), and every control the keyboard cannot reach
(neither in the Tab order nor on a shortcut key), and every text box whose end cannot be scrolled
into view.
"""

from __future__ import annotations

import pygame
from pygame_gui.core import UIElement
from pygame_gui.elements import (
    UIButton,
    UICheckBox,
    UIDropDownMenu,
    UIImage,
    UILabel,
    UIPanel,
    UIScrollingContainer,
    UITextBox,
    UITextEntryBox,
    UITextEntryLine,
)

from game.ui.scene import Scene

TEXT_TYPES = (UIButton, UILabel, UITextBox, UIDropDownMenu, UICheckBox, UITextEntryLine, UITextEntryBox, UIImage)


def _own_elements(scene: Scene) -> list[UIElement]:
    if scene.passes_events and scene.below is not None:  # the tutorial's floating panel: check the scene below
        return _own_elements(scene.below)
    return [e for e in scene.ui.elements if e.alive() and e.visible]


def text_width(element: UIElement) -> int | None:
    """Pixel width of a button's or label's text in its own font, or None for other widgets."""
    text = getattr(element, "text", None)
    font = getattr(element, "font", None)
    if not isinstance(element, (UIButton, UILabel)) or not text or font is None:
        return None
    try:
        return int(font.size(text)[0])
    except (AttributeError, TypeError, pygame.error):
        return None


def _rect(element: UIElement) -> pygame.Rect:
    rect = pygame.Rect(element.relative_rect)
    if isinstance(element, UICheckBox):
        label = getattr(element, "text", "") or ""
        font = getattr(getattr(element, "text_label", None), "font", None)
        if font is not None and label:
            rect.w += font.size(label)[0] + 6
    return rect


def problems(scene: Scene, size: tuple[int, int]) -> list[str]:
    """Everything wrong with the scene's layout, in words (empty when fine)."""
    out: list[str] = []
    window = pygame.Rect((0, 0), size)
    elements = _own_elements(scene)
    scrollers = {id(e.get_container()): e for e in elements if isinstance(e, UIScrollingContainer)}
    for el in elements:
        name = f"{type(el).__name__}({getattr(el, 'text', '')!r})"
        scroller = scrollers.get(id(el.ui_container))
        if scroller is not None:
            if el.relative_rect.right > scroller.get_container().get_rect().w + 1 or el.relative_rect.x < 0:
                out.append(f"{name} at {el.relative_rect} sticks out of its scrolling column")
        elif not window.contains(el.get_abs_rect()):
            out.append(f"{name} at {el.get_abs_rect()} is outside the {size} window")
        width = text_width(el)
        if width is not None and width > el.relative_rect.w - 4:
            out.append(f"{name}: text {width}px wide in a {el.relative_rect.w}px box")
    out.extend(unreachable(scene))
    out.extend(cut_tails(elements))
    groups: dict[int, list[UIElement]] = {}
    for el in elements:
        if isinstance(el, TEXT_TYPES) and not isinstance(el, (UIPanel, UIScrollingContainer)):
            groups.setdefault(id(el.ui_container), []).append(el)
    for members in groups.values():
        for i, a in enumerate(members):
            ra = _rect(a)
            for b in members[i + 1:]:
                if ra.colliderect(_rect(b)):
                    out.append(f"{type(a).__name__}({getattr(a, 'text', '')!r}) {ra} overlaps "
                               f"{type(b).__name__}({getattr(b, 'text', '')!r}) {_rect(b)}")
    return out


def unreachable(scene: Scene) -> list[str]:
    """Controls, and text boxes too long for their box, that no key reaches: not in the Tab order,
    not on a shortcut key, not scrolled by the scene's own keys."""
    if scene.passes_events and scene.below is not None:
        return unreachable(scene.below)
    by_key = {id(target) for target in scene.ui.shortcuts.values()}
    focusable = {id(item) for item in scene.focus.items}
    out = []
    overflowing = [e for e in scene.ui.elements if isinstance(e, UITextBox) and e.scroll_bar is not None]
    for el in [*scene.ui.actions, *scene.ui.toggles, *scene.ui.choices, *overflowing]:
        if el.alive() and el.visible and id(el) not in by_key and id(el) not in focusable and not scene.reaches(el):
            out.append(f"{type(el).__name__}({getattr(el, 'text', '')!r}) cannot be reached from the keyboard")
    return out


def cut_tails(elements: list[UIElement]) -> list[str]:
    """Text boxes whose last lines the scroll bar can never bring into view: pygame_gui's slider is
    at least 5 px tall, so a text many times longer than a small box stops short of its end."""
    out = []
    for el in elements:
        bar = getattr(el, "scroll_bar", None) if isinstance(el, UITextBox) else None
        slider = getattr(bar, "sliding_button", None)
        if bar is None or slider is None or not bar.scrollable_height:
            continue
        reach = (bar.bottom_limit - slider.rect.height) / bar.scrollable_height + bar.visible_percentage
        if reach < 0.999:
            out.append(f"UITextBox at {el.relative_rect}: the end of its text cannot be scrolled into view "
                       f"({reach:.1%} of it can)")
    return out
