"""Colours: the default palette, a colour-blind-safe one and a high-contrast one, and map lenses.

The colour-blind-safe palette uses blue/orange and viridis-like scales that stay distinct under
the common colour-vision deficiencies; high contrast uses black, white and saturated colours.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

Colour = tuple[int, int, int]


@lru_cache(maxsize=512)
def hex_colour(text: str) -> Colour:
    """'#rrggbb' to an RGB tuple."""
    text = text.lstrip("#")
    return int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16)


def to_hex(colour: Colour) -> str:
    """An RGB tuple to '#rrggbb'."""
    return "#{:02x}{:02x}{:02x}".format(*colour)


def lerp(a: Colour, b: Colour, t: float) -> Colour:
    """Linear blend of two colours."""
    t = max(0.0, min(1.0, t))
    return (round(a[0] + (b[0] - a[0]) * t), round(a[1] + (b[1] - a[1]) * t), round(a[2] + (b[2] - a[2]) * t))


def ramp(stops: tuple[str, ...], t: float) -> Colour:
    """A colour along evenly spaced stops, t from 0 to 1."""
    t = max(0.0, min(1.0, t))
    cols = [hex_colour(s) for s in stops]
    pos = t * (len(cols) - 1)
    i = min(int(pos), len(cols) - 2)
    return lerp(cols[i], cols[i + 1], pos - i)


def luminance(colour: Colour) -> float:
    """Relative luminance (WCAG)."""
    def channel(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: Colour, b: Colour) -> float:
    """WCAG contrast ratio between two colours (1..21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def readable_on(background: Colour) -> Colour:
    """Black or white, whichever reads better on the background."""
    return (0, 0, 0) if contrast(background, (0, 0, 0)) >= contrast(background, (255, 255, 255)) else (255, 255, 255)


@dataclass(frozen=True)
class Palette:
    """Every colour the scenes draw themselves (widgets take theirs from the theme)."""

    name: str
    background: str
    panel: str
    text: str
    muted_text: str
    accent: str
    good: str
    bad: str
    sea: str
    land_other: str
    land_context: str
    border: str
    hover: str
    selected: str
    focus: str
    label_bg: str
    diverging: tuple[str, ...]
    sequential: tuple[str, ...]
    flow: tuple[str, ...]
    border_width: int = 1

    def c(self, name: str) -> Colour:
        """A named colour as RGB."""
        return hex_colour(getattr(self, name))


DEFAULT = Palette(
    name="default", background="#141b22", panel="#1f2933", text="#e6e9ed", muted_text="#aab4be",
    accent="#5fa8e8", good="#5cc489", bad="#e8735f", sea="#1a2d40", land_other="#3b434b",
    land_context="#4d555e", border="#0b1016", hover="#ffffff", selected="#ffd24a", focus="#ffd24a",
    label_bg="#0d1319",
    diverging=("#c4473a", "#e3a68f", "#b9b4ae", "#8fb8de", "#2f75b5"),
    sequential=("#3f3b52", "#4f6f8f", "#4aa39a", "#8fd18a"),
    flow=("#f3e2a9", "#f0b05a", "#e0703a", "#b22f2f"),
)
COLOURBLIND = Palette(
    name="colourblind", background="#141b22", panel="#1f2933", text="#e6e9ed", muted_text="#aab4be",
    accent="#56b4e9", good="#56b4e9", bad="#e69f00", sea="#1a2d40", land_other="#3b434b",
    land_context="#4d555e", border="#0b1016", hover="#ffffff", selected="#f0e442", focus="#f0e442",
    label_bg="#0d1319",
    diverging=("#e66101", "#fdb863", "#d9d9d9", "#b2abd2", "#5e3c99"),
    sequential=("#440154", "#3b528b", "#21918c", "#5ec962", "#fde725"),
    flow=("#fcfdbf", "#fc8961", "#b73779", "#51127c"),
)
HIGH_CONTRAST = Palette(
    name="high_contrast", background="#000000", panel="#000000", text="#ffffff", muted_text="#ffffff",
    accent="#00e5ff", good="#00ff7f", bad="#ff6b6b", sea="#001a33", land_other="#2a2a2a",
    land_context="#3d3d3d", border="#ffffff", hover="#ffffff", selected="#ffff00", focus="#ffff00",
    label_bg="#000000",
    diverging=("#ff3b30", "#ff9f80", "#c8c8c8", "#7fbfff", "#0a84ff"),
    sequential=("#303030", "#0077cc", "#00c0a0", "#a0ff60"),
    flow=("#fff59d", "#ffb300", "#ff5722", "#d50000"),
    border_width=2,
)
HIGH_CONTRAST_COLOURBLIND = Palette(
    **{**HIGH_CONTRAST.__dict__, "name": "high_contrast_colourblind", "good": "#56b4e9", "bad": "#e69f00",
       "diverging": COLOURBLIND.diverging, "sequential": COLOURBLIND.sequential, "flow": COLOURBLIND.flow})


def palette_for(colourblind: bool, high_contrast: bool) -> Palette:
    """The palette for the settings."""
    if high_contrast:
        return HIGH_CONTRAST_COLOURBLIND if colourblind else HIGH_CONTRAST
    return COLOURBLIND if colourblind else DEFAULT
