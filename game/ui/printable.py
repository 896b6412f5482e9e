"""Text the screens can draw: characters that have no width of their own are dropped.

pygame refuses to render a string made only of zero-width characters ("Text has zero width") or
holding a NUL, and pygame_gui renders each run of text on its own, so a zero-width space
(U+200B), a direction override (U+202E) or a variation selector typed, pasted or saved into a
note would crash the screen that shows it. :func:`printable` is the one filter: every text box
(through ``game.ui.text.esc``), label, button and text entry passes its text through it, and the
notes read from a save are cleaned by it.

Dropped: control characters (line breaks and tabs become a space), format characters (Unicode
category Cf: zero-width spaces and joiners, direction marks and overrides, the byte-order mark,
tag characters), surrogates, private-use and unassigned code points, line and paragraph
separators, and the default-ignorable combining marks (variation selectors and the like).
Letters, digits, punctuation, symbols and ordinary combining accents are kept.
"""

from __future__ import annotations

import unicodedata

DROPPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
SPACES = frozenset("\t\n\r\v\f\x85\u2028\u2029")
# Combining marks that are default-ignorable: alone they render with no width.
IGNORABLE_MARKS: tuple[tuple[int, int], ...] = (
    (0x034F, 0x034F), (0x17B4, 0x17B5), (0x180B, 0x180F), (0xFE00, 0xFE0F), (0xE0100, 0xE01EF),
)


def _ignorable_mark(code: int) -> bool:
    return any(low <= code <= high for low, high in IGNORABLE_MARKS)


def drawable(char: str) -> bool:
    """True when a single character has a width of its own on screen."""
    if unicodedata.category(char) in DROPPED_CATEGORIES:
        return False
    return not _ignorable_mark(ord(char))


def printable(text: str, one_line: bool = False) -> str:
    """``text`` without the characters that cannot be drawn; with ``one_line`` line breaks become spaces.

    Line breaks and tabs are kept as they are unless ``one_line`` (text boxes turn ``\\n`` into
    ``<br>`` themselves); NFC-normalised first, so an accent typed as a separate mark stays on its letter.
    """
    if text.isascii() and text.isprintable():
        return text
    out = []
    for char in unicodedata.normalize("NFC", text):
        if char in SPACES:
            out.append(" " if one_line or char not in "\n\t" else char)
        elif drawable(char):
            out.append(char)
    return "".join(out)
