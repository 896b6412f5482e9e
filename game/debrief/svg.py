"""Charts as inline SVG text: line charts for timelines, dot plots and bar charts for class reports.

No scripts, no fonts to download, no external references: the SVG is pasted into the HTML page.
Every text is escaped: the parts are ``markupsafe`` fragments (see ``htmlkit``). Colours are a
colour-blind-safe set; the lines of a line chart also differ in dash and marker (series ``i``:
``DASHES[i % 4]``, ``MARKERS[i % 6]``, twelve distinct pairs) and are labelled at their ends, so that
no line is told from another by colour alone (the game's own charts use the same styles).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from markupsafe import Markup

from game.axis import nice_ticks, tick_label
from game.debrief.htmlkit import html, join
from game.i18n import _

PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#332288", "#882255",
           "#117733", "#999933", "#AA4499", "#44AA99", "#661100", "#6699CC", "#000000")
DASHES: tuple[tuple[float, ...], ...] = ((), (7, 4), (2, 3), (9, 3, 2, 3))  # on, off, ... (px at scale 1)
MARKERS = ("circle", "square", "triangle", "diamond", "cross", "plus")
FONT = Markup('font-family="sans-serif" font-size="11"')


def style(i: int) -> tuple[tuple[float, ...], str]:
    """The dash pattern and marker of series ``i``."""
    return DASHES[i % len(DASHES)], MARKERS[i % len(MARKERS)]


def colour(i: int) -> tuple[str, str]:
    """The stroke colour and SVG dash pattern of series ``i``."""
    return PALETTE[i % len(PALETTE)], " ".join(f"{d:g}" for d in style(i)[0])


def marker_svg(shape: str, x: float, y: float, fill: str, r: float = 3.5) -> Markup:
    """An SVG marker of the given shape centred on (x, y), edged in white so that it shows on the lines."""
    if shape == "square":
        return html('<rect class="marker" x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}" fill="{}" stroke="#ffffff" '
                    'stroke-width="1"/>', x - r, y - r, 2 * r, 2 * r, fill)
    if shape in ("triangle", "diamond"):
        pts = ([(x, y - r * 1.2), (x + r * 1.1, y + r * 0.8), (x - r * 1.1, y + r * 0.8)] if shape == "triangle"
               else [(x, y - r * 1.3), (x + r * 1.3, y), (x, y + r * 1.3), (x - r * 1.3, y)])
        return html('<polygon class="marker" points="{}" fill="{}" stroke="#ffffff" stroke-width="1"/>',
                    " ".join(f"{a:.1f},{b:.1f}" for a, b in pts), fill)
    if shape in ("cross", "plus"):
        d = (f"M{x - r:.1f} {y - r:.1f}L{x + r:.1f} {y + r:.1f}M{x - r:.1f} {y + r:.1f}L{x + r:.1f} {y - r:.1f}"
             if shape == "cross" else f"M{x - r:.1f} {y:.1f}L{x + r:.1f} {y:.1f}M{x:.1f} {y - r:.1f}L{x:.1f} {y + r:.1f}")
        return html('<path class="marker" d="{}" stroke="{}" stroke-width="2.5" fill="none"/>', d, fill)
    return html('<circle class="marker" cx="{:.1f}" cy="{:.1f}" r="{:.1f}" fill="{}" stroke="#ffffff" stroke-width="1"/>',
                x, y, r, fill)


def spread(wanted: Sequence[float], gap: float, low: float, high: float) -> list[float]:
    """Label positions as near as possible to ``wanted``, at least ``gap`` apart, within low..high
    (squeezed together when they cannot all fit)."""
    if not wanted:
        return []
    order = sorted(range(len(wanted)), key=lambda i: wanted[i])
    gap = min(gap, (high - low) / max(1, len(wanted) - 1)) if len(wanted) > 1 else gap
    placed = [0.0] * len(wanted)
    y = low - gap
    for i in order:
        y = max(wanted[i], y + gap)
        placed[i] = y
    if placed[order[-1]] > high:
        y = high + gap
        for i in reversed(order):
            y = min(placed[i], y - gap)
            placed[i] = y
    return [max(low, min(high, p)) for p in placed]


def _frame(width: int, height: int, title: str, chart_id: str) -> list[Markup]:
    return [html('<svg class="chart" data-chart="{}" viewBox="0 0 {} {}" width="100%" style="max-width:{}px" '
                 'role="img" aria-label="{}">', chart_id, width, height, width, title),
            html("<title>{}</title>", title),
            html('<rect x="0" y="0" width="{}" height="{}" fill="#ffffff"/>', width, height)]


def _y_axis(parts: list[Markup], ticks: list[float], y: Callable[[float], float], left: int, right: int) -> None:
    for t in ticks:
        yy = y(t)
        parts.append(html('<line x1="{}" y1="{:.1f}" x2="{}" y2="{:.1f}" stroke="#dddddd" stroke-width="1"/>', left, yy, right, yy))
        parts.append(html('<text x="{}" y="{:.1f}" text-anchor="end" {} fill="#333333">{}</text>', left - 6, yy + 4, FONT,
                          tick_label(t)))


def _dash(dash: str) -> Markup:
    return html(' stroke-dasharray="{}"', dash) if dash else Markup("")


def _legend(parts: list[Markup], labels: Sequence[str], x: int, top: int) -> None:
    for i, label in enumerate(labels):
        stroke, _fill = colour(i)
        yy = top + 8 + i * 16
        parts.append(html('<rect x="{}" y="{}" width="18" height="10" fill="{}"/>', x, yy - 5, stroke))
        parts.append(html('<text x="{}" y="{}" {} fill="#222222">{}</text>', x + 24, yy + 4, FONT, label[:28]))


def _item_w(label: str) -> int:
    return 30 + 7 * len(label[:28])


def legend_rows(labels: Sequence[str], left: int, width: int) -> int:
    """How many rows the key of a line chart takes (as :func:`_line_legend` places it)."""
    rows, x = 1, left
    for label in labels:
        if x > left and x + _item_w(label) > width - 10:
            rows, x = rows + 1, left
        x += _item_w(label) + 14
    return rows


def _line_legend(parts: list[Markup], labels: Sequence[str], left: int, width: int, top: int) -> None:
    """The key of a line chart in rows under it: each line's dash, marker and name."""
    x, y = left, top
    for i, label in enumerate(labels):
        stroke, dash = colour(i)
        if x > left and x + _item_w(label) > width - 10:
            x, y = left, y + 16
        parts.append(html('<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="2"{}/>', x, y, x + 22, y, stroke,
                          _dash(dash)))
        parts.append(marker_svg(style(i)[1], x + 11, y, stroke))
        parts.append(html('<text x="{}" y="{}" {} fill="#222222">{}</text>', x + 28, y + 4, FONT, label[:28]))
        x += _item_w(label) + 14


def _end_labels(parts: list[Markup], labels: Sequence[str], ends: list[tuple[int, float]], right: float,
                top: float, bottom: float) -> None:
    """Each line's marker and name just right of its last point, spread so that no two overlap."""
    for (i, end_y), yy in zip(ends, spread([e for _i, e in ends], 13, top + 4, bottom - 4)):
        stroke, _fill = colour(i)
        if abs(yy - end_y) > 1:
            parts.append(html('<line x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}" stroke="#888888"/>',
                              right, end_y, right + 6, yy))
        parts.append(marker_svg(style(i)[1], right + 12, yy, stroke))
        parts.append(html('<text class="end-label" x="{:.1f}" y="{:.1f}" {} fill="#222222">{}</text>', right + 20, yy + 4,
                          FONT, labels[i][:22]))


def line_chart(chart_id: str, title: str, xs: Sequence[int], series: Sequence[tuple[str, Sequence[float]]],
               low: float | None = None, high: float | None = None, x_label: str = "month",
               width: int = 760, height: int = 300, marks: Sequence[tuple[int, str]] = ()) -> Markup:
    """A line chart of several series over the same x values (months); ``marks`` are (month, letter)
    events drawn as a thin vertical line labelled with the letter and month."""
    values = [v for _label, vs in series for v in vs if math.isfinite(v)]
    lo = low if low is not None else (min(values) if values else 0.0)
    hi = high if high is not None else (max(values) if values else 1.0)
    ticks = nice_ticks(lo, max(hi, lo + 1e-6))
    lo, hi = ticks[0], max(ticks[-1], ticks[0] + 1e-6)
    labels = [label for label, _values in series]
    key_h = 16 * legend_rows(labels, 52, width) + 8
    left, right, top, bottom = 52, width - 150, 12, height - 34
    height += key_h
    x0, x1 = (min(xs), max(xs)) if xs else (0, 1)
    span = (x1 - x0) or 1

    def x(v: float) -> float:
        return left + (v - x0) / span * (right - left)

    def y(v: float) -> float:
        return bottom - (v - lo) / (hi - lo) * (bottom - top)

    parts = _frame(width, height, title, chart_id)
    _y_axis(parts, ticks, y, left, right)
    step = max(1, math.ceil(len(xs) / 12))
    for v in list(xs)[::step]:
        parts.append(html('<text x="{:.1f}" y="{}" text-anchor="middle" {} fill="#333333">{}</text>', x(v), bottom + 16, FONT, v))
    parts.append(html('<text x="{:.0f}" y="{}" text-anchor="middle" {} fill="#333333">{}</text>', (left + right) / 2, bottom + 30,
                      FONT, x_label))
    parts.append(html('<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#666666"/>', left, bottom, right, bottom))
    for n, (month, code) in enumerate(m for m in marks if xs and x0 <= m[0] <= x1):
        mx = x(month)
        parts.append(html('<line class="mark" x1="{:.1f}" y1="{}" x2="{:.1f}" y2="{}" stroke="#9a6a00" stroke-dasharray="3 3"/>',
                          mx, top, mx, bottom))
        parts.append(html('<text x="{:.1f}" y="{}" {} fill="#7a5200">{}{}</text>', mx + 2, top + 10 + 11 * (n % 3), FONT, code, month))
    ends: list[tuple[int, float]] = []
    for i, (label, vs) in enumerate(series):
        stroke, dash = colour(i)
        pts = [(x(xv), y(min(max(v, lo), hi))) for xv, v in zip(xs, vs) if math.isfinite(v)]
        points = " ".join(f"{px:.1f},{py:.1f}" for px, py in pts)
        parts.append(html('<polyline class="series" fill="none" stroke="{}" stroke-width="2"{} points="{}">'
                          "<title>{}</title></polyline>", stroke, _dash(dash), points, label))
        parts.extend(marker_svg(style(i)[1], px, py, stroke) for px, py in pts)
        if pts:
            ends.append((i, pts[-1][1]))
    _end_labels(parts, labels, ends, right, top, bottom)
    _line_legend(parts, labels, left, width, height - key_h + 6)
    parts.append(Markup("</svg>"))
    return join(parts, "\n")


def dot_plot(chart_id: str, title: str, groups: Sequence[tuple[str, Sequence[float]]],
             low: float = 0.0, high: float = 100.0, width: int = 760) -> Markup:
    """One row per group: a dot per value and a bar at the mean (spreads of scores)."""
    row = 28
    left, right, top = 190, width - 30, 10
    height = top + row * max(1, len(groups)) + 34
    bottom = height - 30

    def x(v: float) -> float:
        return left + (min(max(v, low), high) - low) / ((high - low) or 1) * (right - left)

    parts = _frame(width, height, title, chart_id)
    for t in nice_ticks(low, high):
        parts.append(html('<line x1="{:.1f}" y1="{}" x2="{:.1f}" y2="{}" stroke="#dddddd"/>', x(t), top, x(t), bottom))
        parts.append(html('<text x="{:.1f}" y="{}" text-anchor="middle" {} fill="#333333">{}</text>', x(t), bottom + 14, FONT,
                          tick_label(t)))
    for i, (label, vs) in enumerate(groups):
        yy = top + row * i + row / 2
        stroke, _fill = colour(i)
        parts.append(html('<text x="{}" y="{:.1f}" text-anchor="end" {} fill="#222222">{}</text>', left - 8, yy + 4, FONT, label[:30]))
        for v in vs:
            parts.append(html('<circle class="dot" cx="{:.1f}" cy="{:.1f}" r="4" fill="{}" fill-opacity="0.6"/>', x(v), yy, stroke))
        if vs:
            mean = sum(vs) / len(vs)
            parts.append(html('<line x1="{:.1f}" y1="{:.1f}" x2="{:.1f}" y2="{:.1f}" stroke="#000000" stroke-width="2">'
                              "<title>{}</title></line>", x(mean), yy - 10, x(mean), yy + 10,
                              _("mean {value}").format(value=tick_label(mean))))
    parts.append(Markup("</svg>"))
    return join(parts, "\n")


def bar_chart(chart_id: str, title: str, categories: Sequence[str], series: Sequence[tuple[str, Sequence[float]]],
              low: float = 0.0, high: float = 100.0, width: int = 760, height: int = 300) -> Markup:
    """Grouped vertical bars: one group per category, one bar per series (from zero, so values below
    zero hang down when ``low`` is negative)."""
    left, right, top, bottom = 52, width - 190, 12, height - 60
    parts = _frame(width, height, title, chart_id)

    def y(v: float) -> float:
        return bottom - (min(max(v, low), high) - low) / ((high - low) or 1) * (bottom - top)

    _y_axis(parts, nice_ticks(low, high), y, left, right)
    slot = (right - left) / max(1, len(categories))
    bar = slot * 0.8 / max(1, len(series))
    zero = y(0.0)
    for c, category in enumerate(categories):
        base = left + slot * c + slot * 0.1
        for s, (label, vs) in enumerate(series):
            v = vs[c] if c < len(vs) else 0.0
            stroke, _fill = colour(s)
            parts.append(html('<rect class="bar" x="{:.1f}" y="{:.1f}" width="{:.1f}" height="{:.1f}" fill="{}">'
                              "<title>{}: {} {}</title></rect>", base + s * bar, min(y(v), zero), max(1.0, bar - 1),
                              abs(zero - y(v)), stroke, label, category, tick_label(v)))
        cx = base + slot * 0.4
        parts.append(html('<text x="{:.1f}" y="{}" text-anchor="end" transform="rotate(-30 {:.1f} {})" {} fill="#333333">{}</text>',
                          cx, bottom + 14, cx, bottom + 14, FONT, category[:22]))
    _legend(parts, [label for label, _values in series], right + 14, top)
    parts.append(Markup("</svg>"))
    return join(parts, "\n")
