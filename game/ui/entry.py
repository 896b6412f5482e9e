"""The one-line text entry every screen uses: pygame_gui's, with typed, pasted and preset text
passed through :func:`game.ui.printable.printable`.

pygame_gui checks a typed character only against the font (a zero-width space has a glyph, so it
goes in) and pastes the clipboard unfiltered; both then crash the renderer. Here a character that
cannot be drawn is refused as it is typed, a paste is cleaned (line breaks become spaces) and cut
to the length limit instead of being refused, and ``set_text`` and the initial text are cleaned.
"""

from __future__ import annotations

from typing import Any

from pygame_gui.core.utility import clipboard_paste
from pygame_gui.elements import UITextEntryLine

from game.ui.printable import printable


def paste_source() -> str:
    """The clipboard's text (a seam for the tests)."""
    return clipboard_paste() or ""


class TextEntry(UITextEntryLine):
    """A ``UITextEntryLine`` that only ever holds drawable text."""

    def __init__(self, *args: Any, initial_text: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, initial_text=printable(initial_text, one_line=True) if initial_text else None, **kwargs)

    def set_text(self, text: str | None) -> None:
        """Set the text, dropping what cannot be drawn."""
        super().set_text(None if text is None else printable(text, one_line=True))

    def _process_entered_character(self, character: str) -> bool:
        if printable(character, one_line=True) != character:
            return False
        return super()._process_entered_character(character)

    def _do_paste(self) -> None:
        if not self.ui_manager.paste_text_enabled or not self.paste_text_enabled:
            return
        new_text = printable(paste_source(), one_line=True)
        if not new_text or not self.validate_text_string(new_text):
            return
        low, high = sorted(self.select_range)
        if low == high:
            low = high = self.edit_position
        if self.length_limit is not None:
            new_text = new_text[:max(0, self.length_limit - (len(self.text) - (high - low)))]
            if not new_text:
                return
        final = self.text[:low] + new_text + self.text[high:]
        self.select_range = [0, 0]
        super().set_text(final)
        self.edit_position = low + len(new_text)
        shape = self.drawable_shape
        if shape is not None and shape.text_box_layout is not None:
            shape.text_box_layout.set_cursor_position(self.edit_position)
            shape.apply_active_text_changes()
        self.cursor_has_moved_recently = True
