"""Layout arithmetic: the effective UI scale, fonts at that scale and a flow layout for buttons.

Every screen is designed in logical units. The effective scale grows with the window (so 4K is not
tiny) and with the player's UI scale (100-300 %), with no cap. When the window, in logical units, is
smaller than a screen needs (``MIN_W`` x ``MIN_H``), the screen is laid out on a *canvas* that large
and the window shows a part of it that scrolls (the mouse wheel, Ctrl+arrows, and it follows the
keyboard focus): text is never shrunk to fit and nothing is clipped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pygame
import pygame_gui

MIN_W, MIN_H = 800, 600  # the smallest canvas, in logical units, that every screen is laid out on
FONT_DIR = Path(pygame_gui.__file__).resolve().parent / "data"
BASE_FONT = 15  # theme default font size at scale 1


def effective_scale(size: tuple[int, int], ui_scale_pct: int) -> float:
    """The pixel size of one logical unit for a window size and the player's UI scale."""
    w, h = size
    auto = max(1.0, min(w / 1280, h / 720))
    return round(ui_scale_pct / 100 * auto, 3)


def canvas_size(window: tuple[int, int], scale: float) -> tuple[int, int]:
    """The size, in pixels, that screens are laid out on: the window, or larger when the window holds
    fewer than ``MIN_W`` x ``MIN_H`` logical units at this scale (the window then scrolls over it)."""
    return max(window[0], round(MIN_W * scale)), max(window[1], round(MIN_H * scale))


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
    view: pygame.Rect | None = None  # the part of the canvas the window shows (None: all of it)

    @property
    def visible(self) -> pygame.Rect:
        """The part of the canvas on screen, in canvas pixels (banners and notices are placed in it)."""
        return pygame.Rect(self.view) if self.view is not None else pygame.Rect((0, 0), self.size)

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

    def button_w(self, text: str, size: float = BASE_FONT, key: int | None = None) -> int:
        """A button width that fits its text (with its shortcut ``key`` printed on it) and padding."""
        from game.ui.shortcuts import key_text
        return self.text_w(key_text(text, key), size) + self.px(24)

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
