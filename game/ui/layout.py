"""Layout arithmetic: the effective UI scale, fonts at that scale and a flow layout for buttons.

Every screen is designed in logical units for a 1024x600 window at scale 1. The effective scale
grows with the window (so 4K is not tiny) and the player's UI scale, but never so far that the
logical window would be smaller than 1024x600: that is what keeps text from clipping.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pygame
import pygame_gui

BASE_W, BASE_H = 1024, 600
FONT_DIR = Path(pygame_gui.__file__).resolve().parent / "data"
BASE_FONT = 15  # theme default font size at scale 1


def effective_scale(size: tuple[int, int], ui_scale_pct: int) -> float:
    """The pixel size of one logical unit for a window size and the player's UI scale."""
    w, h = size
    auto = max(1.0, min(w / 1280, h / 720))
    wanted = ui_scale_pct / 100 * auto
    fit = min(w / BASE_W, h / BASE_H)
    return round(max(0.6, min(wanted, fit)), 3)


@lru_cache(maxsize=64)
def font(size_px: int, bold: bool = False) -> pygame.font.Font:
    """The UI font (Noto Sans, as the widgets use) at a pixel size."""
    name = "NotoSans-Bold.ttf" if bold else "NotoSans-Regular.ttf"
    return pygame.font.Font(str(FONT_DIR / name), max(6, size_px))


@dataclass
class Layout:
    """Converts logical units to pixels for one window size and scale."""

    size: tuple[int, int]
    scale: float

    @property
    def w(self) -> int:
        """Window width in pixels."""
        return self.size[0]

    @property
    def h(self) -> int:
        """Window height in pixels."""
        return self.size[1]

    def px(self, units: float) -> int:
        """Logical units to whole pixels."""
        return round(units * self.scale)

    def font(self, size: float = BASE_FONT, bold: bool = False) -> pygame.font.Font:
        """A font whose size is given in logical units (theme sizes)."""
        return font(self.px(size), bold)

    def text_w(self, text: str, size: float = BASE_FONT, bold: bool = False) -> int:
        """Pixel width of a line of text."""
        return self.font(size, bold).size(text)[0]

    def button_w(self, text: str, size: float = BASE_FONT) -> int:
        """A button width that fits its text with padding on both sides."""
        return self.text_w(text, size) + self.px(24)

    def line_h(self, size: float = BASE_FONT) -> int:
        """Height of one line of text with some breathing space."""
        return self.font(size).get_linesize() + self.px(6)

    def row_h(self) -> int:
        """Standard height of a button or entry row."""
        return max(self.line_h() + self.px(4), self.px(30))


@dataclass
class Flow:
    """Places boxes left to right inside ``area``, wrapping to a new row when full."""

    area: pygame.Rect
    height: int
    gap: int
    x: int = field(init=False)
    y: int = field(init=False)

    def __post_init__(self) -> None:
        self.x, self.y = self.area.x, self.area.y

    def place(self, width: int) -> pygame.Rect:
        """The rect for the next box of this width."""
        width = min(width, self.area.w)
        if self.x > self.area.x and self.x + width > self.area.right:
            self.newline()
        rect = pygame.Rect(self.x, self.y, width, self.height)
        self.x += width + self.gap
        return rect

    def newline(self) -> None:
        """Start a new row."""
        self.x = self.area.x
        self.y += self.height + self.gap

    @property
    def bottom(self) -> int:
        """The bottom of the current row."""
        return self.y + self.height


def elide(text: str, fnt: pygame.font.Font, width: int) -> str:
    """The text cut to fit a pixel width, ending in "…" when it had to be cut."""
    if fnt.size(text)[0] <= width:
        return text
    while text and fnt.size(text + "…")[0] > width:
        text = text[:-1]
    return text.rstrip() + "…"


def wrap(text: str, fnt: pygame.font.Font, width: int) -> list[str]:
    """Split text into lines that fit a pixel width (words longer than the width stay whole), for a
    stack of one-line labels. Text drawn straight to a surface is wrapped by pygame-ce itself
    (``Font.render(..., wraplength=...)``) and long text goes in a ``UITextBox``."""
    lines: list[str] = []
    for para in text.split("\n"):
        line = ""
        for word in para.split():
            trial = f"{line} {word}".strip()
            if fnt.size(trial)[0] <= width or not line:
                line = trial
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return lines


@dataclass
class Column:
    """Stacks boxes top to bottom inside ``area`` with a gap."""

    area: pygame.Rect
    gap: int
    y: int = field(init=False)

    def __post_init__(self) -> None:
        self.y = self.area.y

    def take(self, height: int, width: int | None = None) -> pygame.Rect:
        """The next box of this height (full width unless given)."""
        rect = pygame.Rect(self.area.x, self.y, width if width is not None else self.area.w, height)
        self.y += height + self.gap
        return rect

    def rest(self, min_height: int = 0) -> pygame.Rect:
        """Whatever height is left (at least ``min_height``)."""
        return pygame.Rect(self.area.x, self.y, self.area.w, max(min_height, self.area.bottom - self.y))

    @property
    def left(self) -> int:
        """Height still free."""
        return self.area.bottom - self.y
