"""Small charts drawn to surfaces (shown through pygame_gui ``UIImage``): meters over time and
intelligence estimates with error bars."""

from __future__ import annotations

import pygame

from game.ui.layout import Layout
from game.ui.palette import Colour, Palette

Series = tuple[str, list[float], Colour]


def line_chart(size: tuple[int, int], title: str, series: list[Series], low: float, high: float,
               lay: Layout, pal: Palette) -> pygame.Surface:
    """A small line chart of values per month with a legend under the title."""
    surf = pygame.Surface(size)
    surf.fill(pal.c("panel"))
    fnt = lay.font(13)
    pad = lay.px(6)
    surf.blit(fnt.render(title, True, pal.c("text")), (pad, pad))
    x = pad
    y = pad + fnt.get_linesize()
    for name, _, colour in series:
        pygame.draw.line(surf, colour, (x, y + fnt.get_linesize() // 2), (x + lay.px(14), y + fnt.get_linesize() // 2), max(2, lay.px(2)))
        label = fnt.render(name, True, pal.c("muted_text"))
        surf.blit(label, (x + lay.px(18), y))
        x += label.get_width() + lay.px(30)
    axis_w = fnt.size(f"{high:.0f}")[0] + pad
    plot = pygame.Rect(axis_w + pad, y + fnt.get_linesize() + pad, size[0] - axis_w - 2 * pad, 0)
    plot.h = size[1] - plot.y - fnt.get_linesize() - pad
    if plot.h < lay.px(20) or plot.w < lay.px(40):
        return surf
    pygame.draw.rect(surf, pal.c("border"), plot, 1)
    for value in (low, (low + high) / 2, high):
        yy = plot.bottom - (value - low) / (high - low) * plot.h
        pygame.draw.line(surf, pal.c("land_other"), (plot.x, yy), (plot.right, yy), 1)
        text = fnt.render(f"{value:.0f}", True, pal.c("muted_text"))
        surf.blit(text, text.get_rect(midright=(plot.x - lay.px(3), yy)))
    count = max((len(v) for _, v, _ in series), default=0)
    if count:
        first = fnt.render("start", True, pal.c("muted_text"))
        surf.blit(first, (plot.x, plot.bottom + lay.px(1)))
        last = fnt.render(f"month {count - 1}", True, pal.c("muted_text"))
        surf.blit(last, last.get_rect(topright=(plot.right, plot.bottom + lay.px(1))))
    for _, values, colour in series:
        if not values:
            continue
        pts = []
        for i, value in enumerate(values):
            xx = plot.x + (i / max(1, len(values) - 1)) * plot.w if len(values) > 1 else plot.centerx
            yy = plot.bottom - (min(high, max(low, value)) - low) / (high - low) * plot.h
            pts.append((xx, yy))
        if len(pts) > 1:
            pygame.draw.lines(surf, colour, False, pts, max(2, lay.px(2)))
        for p in pts:
            pygame.draw.circle(surf, colour, p, max(2, lay.px(3)))
    return surf


def estimate_chart(size: tuple[int, int], rows: list[tuple[str, float | None]], margin: float,
                   lay: Layout, pal: Palette) -> pygame.Surface:
    """Estimated weight (0..1) of each priority with a ± margin error bar; None = not estimated."""
    surf = pygame.Surface(size)
    surf.fill(pal.c("panel"))
    fnt = lay.font(13)
    pad = lay.px(6)
    label_w = max(fnt.size(name)[0] for name, _ in rows) + 2 * pad
    row_h = max(fnt.get_linesize(), (size[1] - 2 * pad - fnt.get_linesize()) // max(1, len(rows)))
    bar_x, bar_w = label_w, size[0] - label_w - 2 * pad
    y = pad
    for tick, text in ((0.0, "0"), (0.5, "0.5"), (1.0, "1 = cares most")):
        img = fnt.render(text, True, pal.c("muted_text"))
        x = bar_x + tick * bar_w
        rect = img.get_rect(midtop=(x, y))
        rect.clamp_ip(pygame.Rect(bar_x - pad, 0, bar_w + 2 * pad, size[1]))
        surf.blit(img, rect)
    y += fnt.get_linesize()
    for name, value in rows:
        mid = y + row_h // 2
        surf.blit(fnt.render(name, True, pal.c("text")), (pad, mid - fnt.get_linesize() // 2))
        pygame.draw.line(surf, pal.c("land_other"), (bar_x, mid), (bar_x + bar_w, mid), 1)
        if value is not None:
            lo, hi = max(0.0, value - margin), min(1.0, value + margin)
            x0, x1, xv = bar_x + lo * bar_w, bar_x + hi * bar_w, bar_x + value * bar_w
            cap = max(3, row_h // 4)
            pygame.draw.line(surf, pal.c("accent"), (x0, mid), (x1, mid), max(2, lay.px(2)))
            pygame.draw.line(surf, pal.c("accent"), (x0, mid - cap), (x0, mid + cap), max(1, lay.px(1)))
            pygame.draw.line(surf, pal.c("accent"), (x1, mid - cap), (x1, mid + cap), max(1, lay.px(1)))
            pygame.draw.circle(surf, pal.c("selected"), (xv, mid), max(3, lay.px(4)))
        y += row_h
    return surf
