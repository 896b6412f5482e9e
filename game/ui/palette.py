"""Colours: the default palette, a colour-blind-safe one and a high-contrast one, and map lenses.

The colour-blind-safe palette uses blue/orange and viridis-like scales that stay distinct under
the common colour-vision deficiencies; high contrast uses black, white and saturated colours.
Every map colour reads at 3:1 against the sea, neighbouring legend steps differ by CIEDE2000 10 or
more under simulated protan, deutan and tritan vision, and focus has its own colour (pink/magenta),
apart from "selected" and "current" (yellow): ``tests/ui/test_colour.py`` checks all of it.
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
    halo: str = "#000000"
    border_width: int = 1

    def c(self, name: str) -> Colour:
        """A named colour as RGB."""
        return hex_colour(getattr(self, name))


DEFAULT = Palette(
    name="default", background="#141b22", panel="#1f2933", text="#e6e9ed", muted_text="#aab4be",
    accent="#5fa8e8", good="#5cc489", bad="#e8735f", sea="#1a2d40", land_other="#3b434b",
    land_context="#4d555e", border="#0b1016", hover="#ffffff", selected="#ffd24a", focus="#ff7ae0",
    label_bg="#0d1319",
    diverging=("#e0675a", "#ecac8e", "#c4c0ba", "#93bde3", "#4d92d6"),
    sequential=("#7d738c", "#4f8fc4", "#3ec19a", "#b0ea8a"),
    flow=("#f5e6b0", "#f2b45c", "#e8784a", "#d84a50"),
)
COLOURBLIND = Palette(
    name="colourblind", background="#141b22", panel="#1f2933", text="#e6e9ed", muted_text="#aab4be",
    accent="#56b4e9", good="#56b4e9", bad="#e69f00", sea="#1a2d40", land_other="#3b434b",
    land_context="#4d555e", border="#0b1016", hover="#ffffff", selected="#f0e442", focus="#ff7ae0",
    label_bg="#0d1319",
    diverging=("#e66101", "#fdb863", "#d9d9d9", "#b2abd2", "#8a6cc8"),
    sequential=("#7872dd", "#4d8ca2", "#34b884", "#a1ca4f", "#fffa26"),
    flow=("#fcfdbf", "#ff9460", "#e54b8f", "#b65cc8"),
)
HIGH_CONTRAST = Palette(
    name="high_contrast", background="#000000", panel="#000000", text="#ffffff", muted_text="#ffffff",
    accent="#00e5ff", good="#00ff7f", bad="#ff6b6b", sea="#001a33", land_other="#2a2a2a",
    land_context="#3d3d3d", border="#ffffff", hover="#ffffff", selected="#ffff00", focus="#ff40ff",
    label_bg="#000000",
    diverging=("#ff3b30", "#ff9f80", "#c8c8c8", "#7fbfff", "#0a84ff"),
    sequential=("#7a8ff0", "#00bbc8", "#34f5a2", "#cfff5f"),
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
