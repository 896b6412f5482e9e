"""How chart lines differ besides colour: a dash pattern and a marker per series, and labels at the
ends of the lines (colour is never the only signal).

Series ``i`` has dash ``DASHES[i % 4]`` and marker ``MARKERS[i % 6]``: the first twelve series all
differ in the pair. The styles are defined with the debrief's web page charts (:mod:`game.debrief.svg`),
so a line looks the same on screen and on the page.
"""

from __future__ import annotations

import math
from itertools import pairwise

import pygame

from game.debrief.svg import DASHES, MARKERS, spread, style
from game.ui.layout import Layout

Point = tuple[float, float]
__all__ = ["DASHES", "MARKERS", "dashed_lines", "marker", "spread", "style"]


def dashed_lines(surf: pygame.Surface, colour, points: list[Point], width: int, dash: tuple[float, ...],
                 lay: Layout) -> None:
    """A polyline drawn with a dash pattern (solid when the pattern is empty)."""
    if len(points) < 2:
        return
    if not dash:
        pygame.draw.lines(surf, colour, False, points, width)
        return
    pattern = [max(1.0, lay.scale * d) for d in dash]
    k, left, on = 0, pattern[0], True
    for (x0, y0), (x1, y1) in pairwise(points):
        length = math.hypot(x1 - x0, y1 - y0)
        pos = 0.0
        while pos < length:
            step = min(left, length - pos)
            if on:
                a, b = pos / length, (pos + step) / length
                pygame.draw.line(surf, colour, (x0 + (x1 - x0) * a, y0 + (y1 - y0) * a),
                                 (x0 + (x1 - x0) * b, y0 + (y1 - y0) * b), width)
            pos += step
            left -= step
            if left <= 1e-6:
                k = (k + 1) % len(pattern)
                left, on = pattern[k], not on


def marker(surf: pygame.Surface, colour, at: Point, shape: str, radius: int, outline) -> None:
    """A marker of the given shape centred on a point, edged with ``outline`` so it shows on the lines."""
    x, y = at
    r = radius
    if shape == "square":
        rect = pygame.Rect(0, 0, 2 * r, 2 * r)
        rect.center = (round(x), round(y))
        pygame.draw.rect(surf, outline, rect.inflate(2, 2))
        pygame.draw.rect(surf, colour, rect)
    elif shape in ("triangle", "diamond"):
        pygame.draw.polygon(surf, outline, _polygon(shape, x, y, r + 2))
        pygame.draw.polygon(surf, colour, _polygon(shape, x, y, r))
    elif shape in ("cross", "plus"):
        w = max(2, r // 2)
        arms = (((x - r, y - r), (x + r, y + r)), ((x - r, y + r), (x + r, y - r))) if shape == "cross" \
            else (((x - r, y), (x + r, y)), ((x, y - r), (x, y + r)))
        for a, b in arms:
            pygame.draw.line(surf, outline, a, b, w + 2)
        for a, b in arms:
            pygame.draw.line(surf, colour, a, b, w)
    else:
        pygame.draw.circle(surf, outline, (x, y), r + 1)
        pygame.draw.circle(surf, colour, (x, y), r)


def _polygon(shape: str, x: float, y: float, r: float) -> list[Point]:
    if shape == "triangle":
        return [(x, y - r * 1.2), (x + r * 1.1, y + r * 0.8), (x - r * 1.1, y + r * 0.8)]
    return [(x, y - r * 1.2), (x + r * 1.2, y), (x, y + r * 1.2), (x - r * 1.2, y)]
