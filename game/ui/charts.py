"""Small charts drawn to surfaces (shown through pygame_gui ``UIImage``): meters over time and
intelligence estimates with error bars.

Lines differ in dash and marker as well as colour (:mod:`game.ui.chartstyle`), and each is labelled
at its end (its marker and name), so that no line is told from another by colour alone."""

from __future__ import annotations

import pygame

from game.axis import tick_label, ticks_within
from game.i18n import _
from game.i18n.formats import number
from game.ui.chartstyle import dashed_lines, marker, spread, style
from game.ui.layout import Layout
from game.ui.palette import Colour, Palette

Series = tuple[str, list[float], Colour]


def legend_rows(width: int, series: list[Series], lay: Layout) -> int:
    """How many rows the legend of a chart this wide needs (it wraps)."""
    return len(_legend_places(width, series, lay))


def _legend_places(width: int, series: list[Series], lay: Layout) -> list[list[tuple[int, int]]]:
    fnt = lay.font(13)
    pad = lay.px(6)
    rows: list[list[tuple[int, int]]] = [[]]
    x = pad
    for i, (name, _values, _colour) in enumerate(series):
        item_w = lay.px(18) + fnt.size(name)[0]
        if rows[-1] and x + item_w > width - pad:
            rows.append([])
            x = pad
        rows[-1].append((i, x))
        x += item_w + lay.px(14)
    return rows


def line_chart(size: tuple[int, int], title: str, series: list[Series], low: float, high: float,
               lay: Layout, pal: Palette, marks: list[tuple[int, str]] | None = None) -> pygame.Surface:
    """A small line chart of values per month with a legend (wrapping) under the title; ``marks``
    are (month, letter) events drawn as a thin vertical line with the letter and month on top."""
    surf = pygame.Surface(size)
    surf.fill(pal.c("panel"))
    fnt = lay.font(13)
    pad = lay.px(6)
    line = fnt.get_linesize()
    surf.blit(fnt.render(title, True, pal.c("text")), (pad, pad))
    y = pad + line
    for row in _legend_places(size[0], series, lay):
        for i, x in row:
            name, _values, colour = series[i]
            dash, shape = style(i)
            mid = y + line // 2
            dashed_lines(surf, colour, [(x, mid), (x + lay.px(14), mid)], max(2, lay.px(2)), dash, lay)
            marker(surf, colour, (x + lay.px(7), mid), shape, max(2, lay.px(3)), pal.c("panel"))
            surf.blit(fnt.render(name, True, pal.c("muted_text")), (x + lay.px(18), y))
        y += line
    if high <= low:
        high = low + 1
    span = high - low
    plot_h = size[1] - (y + pad) - line - pad
    # the gridlines: round ticks (the exported charts' rule), at most one per two text lines
    ticks = ticks_within(low, high, max(1, min(5, plot_h // (2 * line)))) or [low, high]
    axis_w = max(fnt.size(tick_label(v))[0] for v in ticks) + pad
    small = lay.font(11)
    ends_w = min(max((small.size(name)[0] for name, _, _ in series), default=0) + lay.px(16), size[0] // 4)
    plot = pygame.Rect(axis_w + pad, y + pad, size[0] - axis_w - 2 * pad - ends_w, plot_h)
    if plot.h < lay.px(20) or plot.w < lay.px(40):
        return surf
    pygame.draw.rect(surf, pal.c("border"), plot, 1)
    for value in ticks:
        yy = plot.bottom - (value - low) / span * plot.h
        pygame.draw.line(surf, pal.c("land_other"), (plot.x, yy), (plot.right, yy), 1)
        text = fnt.render(tick_label(value), True, pal.c("muted_text"))
        surf.blit(text, text.get_rect(midright=(plot.x - lay.px(3), yy)))
    count = max((len(v) for _, v, _ in series), default=0)
    if count:
        first = fnt.render(_("start"), True, pal.c("muted_text"))
        surf.blit(first, (plot.x, plot.bottom + lay.px(1)))
        last = fnt.render(_("month {value}").format(value=count - 1), True, pal.c("muted_text"))
        surf.blit(last, last.get_rect(topright=(plot.right, plot.bottom + lay.px(1))))
    if count > 1 and marks:
        small = lay.font(11)
        used: list[pygame.Rect] = []
        for month, code in marks:
            if not 0 <= month < count:
                continue
            xx = plot.x + month / (count - 1) * plot.w
            pygame.draw.line(surf, pal.c("selected"), (xx, plot.y), (xx, plot.bottom), 1)
            tag = small.render(f"{code}{month}", True, pal.c("selected"))
            spot = tag.get_rect(midtop=(xx, plot.y + lay.px(1)))
            while any(spot.colliderect(r) for r in used) and spot.bottom < plot.bottom:
                spot.y += spot.h
            spot.clamp_ip(plot)
            used.append(spot)
            surf.blit(tag, spot)
    ends: list[tuple[int, float]] = []
    for n, (_name, values, colour) in enumerate(series):
        if not values:
            continue
        dash, shape = style(n)
        pts = []
        for i, value in enumerate(values):
            xx = plot.x + (i / max(1, len(values) - 1)) * plot.w if len(values) > 1 else plot.centerx
            yy = plot.bottom - (min(high, max(low, value)) - low) / span * plot.h
            pts.append((xx, yy))
        dashed_lines(surf, colour, pts, max(2, lay.px(2)), dash, lay)
        for p in pts:
            marker(surf, colour, p, shape, max(2, lay.px(3)), pal.c("panel"))
        ends.append((n, pts[-1][1]))
    _end_labels(surf, series, ends, plot, lay, pal)
    return surf


def _end_labels(surf: pygame.Surface, series: list[Series], ends: list[tuple[int, float]], plot: pygame.Rect,
                lay: Layout, pal: Palette) -> None:
    """Each line's marker and name just right of its last point, spread so that no two overlap."""
    small = lay.font(11)
    line = small.get_linesize()
    ys = spread([y for _, y in ends], line, plot.y + line / 2, plot.bottom - line / 2)
    room = surf.get_width() - plot.right - lay.px(16)
    for (n, end_y), y in zip(ends, ys):
        name, _values, colour = series[n]
        x = plot.right + lay.px(4)
        if abs(y - end_y) > 1:
            pygame.draw.line(surf, pal.c("muted_text"), (plot.right, end_y), (x + lay.px(2), y), 1)
        marker(surf, colour, (x + lay.px(6), y), style(n)[1], max(2, lay.px(3)), pal.c("panel"))
        text = name
        while text and small.size(text)[0] > room:
            text = text[:-1]
        img = small.render(text if text == name else text.rstrip() + "…", True, pal.c("text"))
        surf.blit(img, img.get_rect(midleft=(x + lay.px(12), y)))


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
    placed: list[pygame.Rect] = []
    for tick, text in ((0.0, "0"), (1.0, _("1 = cares most")), (0.5, number(0.5, 1))):
        img = fnt.render(text, True, pal.c("muted_text"))
        x = bar_x + tick * bar_w
        rect = img.get_rect(midtop=(x, y))
        rect.clamp_ip(pygame.Rect(bar_x - pad, 0, bar_w + 2 * pad, size[1]))
        if rect.collidelist(placed) < 0:  # the middle tick gives way to a long end label
            surf.blit(img, rect)
            placed.append(rect.inflate(pad, 0))
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
