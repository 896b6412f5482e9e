"""A multi-line text box for the player's notes that survives any sequence of keys and clicks.

pygame_gui 0.6's ``UITextEntryBox`` edits its text layout piece by piece, and replacing or
deleting a selection can leave the layout out of step with the text (``RuntimeError: Failed to
insert text at index``, found by the monkey test). Here those two edits change the text itself and
then lay the whole box out again from it, which is always consistent; the box's text is short
(a note), so a full layout costs nothing noticeable. ``limit`` caps the length.
"""

from __future__ import annotations

from typing import Any

from pygame_gui.core.gui_type_hints import RectLike
from pygame_gui.elements import UITextEntryBox

from game.ui import entry
from game.ui.printable import printable


class NoteBox(UITextEntryBox):
    """``UITextEntryBox`` with selection edits done by a full re-layout and a length limit."""

    def __init__(self, relative_rect: RectLike, *, initial_text: str | None = None, limit: int = 2000, **kwargs: Any) -> None:
        text = printable(initial_text)[:limit] if initial_text else ""
        super().__init__(relative_rect, initial_text=text, **kwargs)
        self.limit = limit

    def set_text(self, html_text: str, *, text_kwargs: dict[str, str] | None = None) -> None:
        """Set the text, dropping what cannot be drawn (zero-width and control characters crash the renderer)."""
        super().set_text(printable(html_text), text_kwargs=text_kwargs)

    def _relayout(self, text: str, cursor: int) -> None:
        """Lay the box out again from ``text`` with the cursor at ``cursor`` and nothing selected."""
        self.select_range = [0, 0]
        self.set_text(text[: self.limit])
        self.edit_position = min(cursor, len(self.html_text))
        if self.text_box_layout is not None:
            self.text_box_layout.set_cursor_position(self.edit_position)
        self.cursor_has_moved_recently = True
        self.redraw_from_text_block()

    def _replace_selected_text_with_character(self, character: str) -> None:
        low, high = sorted(self.select_range)
        self._relayout(self.html_text[:low] + character + self.html_text[high:], low + len(character))

    def _delete_selected_text(self) -> None:
        low, high = sorted(self.select_range)
        self._relayout(self.html_text[:low] + self.html_text[high:], low)

    def _process_entered_character(self, character: str) -> bool:
        if character != "\n" and printable(character, one_line=True) != character:
            return False
        if len(self.html_text) >= self.limit and self.select_range[0] == self.select_range[1]:
            return False
        return super()._process_entered_character(character)

    def _do_paste(self) -> None:
        """Paste the clipboard cleaned of what cannot be drawn and cut to the length limit."""
        if not self.ui_manager.paste_text_enabled or not self.paste_text_enabled:
            return
        new_text = printable(self.convert_all_line_endings_to_unix(entry.paste_source()))
        low, high = sorted(self.select_range)
        if low == high:
            low = high = self.edit_position
        new_text = new_text[: max(0, self.limit - (len(self.html_text) - (high - low)))]
        if new_text or low != high:
            self._relayout(self.html_text[:low] + new_text + self.html_text[high:], low + len(new_text))
