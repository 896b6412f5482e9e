"""Charts as inline SVG text: line charts for timelines, dot plots and bar charts for class reports.

No scripts, no fonts to download, no external references: the SVG is pasted into the HTML page.
Every text is escaped: the parts are ``markupsafe`` fragments (see ``htmlkit``). Colours are a
colour-blind-safe set, with dashes once they repeat.
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
DASHES = ("", "6 3", "2 3", "8 3 2 3")
FONT = Markup('font-family="sans-serif" font-size="11"')


def colour(i: int) -> tuple[str, str]:
    """The stroke colour and dash pattern of series ``i``."""
    return PALETTE[i % len(PALETTE)], DASHES[(i // len(PALETTE)) % len(DASHES)]


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
        stroke, dash = colour(i)
        yy = top + 8 + i * 16
        parts.append(html('<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="3"{}/>', x, yy, x + 18, yy, stroke,
                          _dash(dash)))
        parts.append(html('<text x="{}" y="{}" {} fill="#222222">{}</text>', x + 24, yy + 4, FONT, label[:28]))


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
    left, right, top, bottom = 52, width - 190, 12, height - 34
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
    parts.append(html('<text x="{:.0f}" y="{}" text-anchor="middle" {} fill="#333333">{}</text>', (left + right) / 2, height - 4,
                      FONT, x_label))
    parts.append(html('<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#666666"/>', left, bottom, right, bottom))
    for n, (month, code) in enumerate(m for m in marks if xs and x0 <= m[0] <= x1):
        mx = x(month)
        parts.append(html('<line class="mark" x1="{:.1f}" y1="{}" x2="{:.1f}" y2="{}" stroke="#9a6a00" stroke-dasharray="3 3"/>',
                          mx, top, mx, bottom))
        parts.append(html('<text x="{:.1f}" y="{}" {} fill="#7a5200">{}{}</text>', mx + 2, top + 10 + 11 * (n % 3), FONT, code, month))
    for i, (label, vs) in enumerate(series):
        stroke, dash = colour(i)
        points = " ".join(f"{x(xv):.1f},{y(min(max(v, lo), hi)):.1f}" for xv, v in zip(xs, vs) if math.isfinite(v))
        parts.append(html('<polyline class="series" fill="none" stroke="{}" stroke-width="2"{} points="{}">'
                          "<title>{}</title></polyline>", stroke, _dash(dash), points, label))
    _legend(parts, [label for label, _values in series], right + 14, top)
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
