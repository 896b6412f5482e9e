"""Shortcut keys printed on their buttons.

A button whose shortcut is a letter of its text has that letter underlined (``underline_index``
finds it, preferring the start of a word); any other shortcut (a digit, a function key, a letter the
text lacks, as translations may) is written before the text: ``[1] Relations``. ``key_text`` gives
the text a button shows; layouts measure that text (``Layout.button_w(text, key=...)``), and the
keys overlay and self-voicing read the same keys, so the three always agree.
"""

from __future__ import annotations

import pygame

from game.i18n import N_, _

NAMES = {pygame.K_ESCAPE: N_("Esc"), pygame.K_RETURN: N_("Enter"), pygame.K_TAB: N_("Tab"),
         pygame.K_PAGEUP: N_("PgUp"), pygame.K_PAGEDOWN: N_("PgDn"), pygame.K_HOME: N_("HOME"),
         pygame.K_END: N_("END"), pygame.K_SPACE: N_("SPACE")}


def key_label(key: int) -> str:
    """How a shortcut key is written on buttons, in tooltips and in the keys overlay (in the language)."""
    return _(NAMES[key]) if key in NAMES else pygame.key.name(key).upper()


def underline_index(text: str, key: int | None) -> int | None:
    """Where in ``text`` the letter of a letter key is (start of a word first), or None."""
    if key is None or not (pygame.K_a <= key <= pygame.K_z):
        return None
    letter = chr(key)
    lower = text.lower()
    for i, ch in enumerate(lower):
        if ch == letter and (i == 0 or not lower[i - 1].isalnum()):
            return i
    i = lower.find(letter)
    return i if i >= 0 else None


def prefix(key: int) -> str:
    """The key written before a button's text."""
    return f"[{key_label(key)}] "


def key_text(text: str, key: int | None) -> str:
    """The text a button with this shortcut shows."""
    if key is None or underline_index(text, key) is not None:
        return text
    return prefix(key) + text


def plain_text(text: str, key: int | None) -> str:
    """A button's text without the key written before it."""
    if key is not None and text.startswith(prefix(key)):
        return text[len(prefix(key)):]
    return text


def draw_marks(surface: pygame.Surface, shortcuts: dict, colour: tuple[int, int, int], thickness: int) -> None:
    """Underline each shortcut's letter on its button or check box (``shortcuts``: key -> widget)."""
    from pygame_gui.elements import UIButton, UICheckBox

    from game.ui.layout import font
    for key, element in shortcuts.items():
        if isinstance(element, UICheckBox):
            element = getattr(element, "text_label", None)
        elif not isinstance(element, UIButton):
            continue
        text = getattr(element, "text", "") or ""
        i = None if text.startswith(prefix(key)) else underline_index(text, key)
        gui_font = getattr(element, "font", None)
        if i is None or gui_font is None or not element.alive() or not element.visible:
            continue
        fnt = font(gui_font.get_point_size())
        rect = element.get_abs_rect()
        width, height = fnt.size(text)
        left = rect.centerx - width // 2 if isinstance(element, UIButton) else rect.x
        top = rect.centery - height // 2
        x0 = left + fnt.size(text[:i])[0]
        x1 = left + fnt.size(text[:i + 1])[0]
        y = top + fnt.get_ascent() + max(1, thickness)
        pygame.draw.line(surface, colour, (x0, y), (x1 - 1, y), thickness)
