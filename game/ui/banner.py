"""Banners drawn over a scene (a refusal, a result, a short notice) and the sheet that dims the
scene below an overlay."""

from __future__ import annotations

from functools import lru_cache

import pygame

from game.ui.layout import Layout
from game.ui.palette import Palette


def draw_banner(surface: pygame.Surface, lay: Layout, pal: Palette, text: str, edge: str, bottom: int) -> int:
    """Wrapped text in a box with a border of the palette's ``edge`` colour, centred in the visible
    part of the canvas above ``bottom``; returns its top."""
    fnt = lay.font(15)
    view = lay.visible
    width = min(view.w - lay.px(40), lay.px(640))
    image = fnt.render(text, True, pal.c("text"), wraplength=width - lay.px(24))
    box = pygame.Rect(0, 0, width, image.get_height() + lay.px(16))
    box.midbottom = (view.centerx, bottom)
    pygame.draw.rect(surface, pal.c("panel"), box, border_radius=lay.px(6))
    pygame.draw.rect(surface, pal.c(edge), box, max(2, lay.px(2)), border_radius=lay.px(6))
    surface.blit(image, (box.x + lay.px(12), box.y + lay.px(8)))
    return box.y


@lru_cache(maxsize=2)
def shade(size: tuple[int, int]) -> pygame.Surface:
    """A translucent black sheet of the window's size (made once per size, not every frame)."""
    sheet = pygame.Surface(size, pygame.SRCALPHA)
    sheet.fill((0, 0, 0, 170))
    return sheet
