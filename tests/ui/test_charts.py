"""Chart lines differ in dash and marker as well as colour, and their end labels never overlap."""

from __future__ import annotations

import pygame

from game.ui.chartstyle import MARKERS, dashed_lines, marker, spread, style
from game.ui.layout import Layout


def _inked(surf: pygame.Surface) -> frozenset[tuple[int, int]]:
    return frozenset((x, y) for x in range(surf.get_width()) for y in range(surf.get_height()) if surf.get_at((x, y))[0])


def test_twelve_series_differ_in_dash_and_marker():
    assert len({style(i) for i in range(12)}) == 12


def test_dashes_and_markers_look_different():
    lay = Layout((400, 100), 1.0)
    drawn = set()
    for dash in {style(i)[0] for i in range(4)}:
        surf = pygame.Surface((200, 10))
        dashed_lines(surf, (255, 255, 255), [(0, 5), (199, 5)], 2, dash, lay)
        drawn.add(_inked(surf))
    assert len(drawn) == 4
    shapes = set()
    for shape in MARKERS:
        surf = pygame.Surface((20, 20))
        marker(surf, (255, 255, 255), (10, 10), shape, 5, (0, 0, 0))
        shapes.add(_inked(surf))
    assert len(shapes) == len(MARKERS)


def test_end_labels_are_spread_apart_and_stay_inside():
    placed = spread([50, 51, 52, 90], 12, 0, 100)
    assert all(abs(a - b) >= 12 - 1e-9 for i, a in enumerate(placed) for b in placed[i + 1:])
    assert all(0 <= p <= 100 for p in placed)
    squeezed = spread([10.0] * 20, 12, 0, 100)  # more labels than fit: evenly squeezed, still inside
    assert min(squeezed) >= 0 and max(squeezed) <= 100 and len(set(squeezed)) == 20
