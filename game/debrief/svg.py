"""Charts as inline SVG text: line charts for timelines, dot plots and bar charts for class reports.

No scripts, no fonts to download, no external references: the SVG is pasted into the HTML page.
Every text is escaped. Colours are a colour-blind-safe set, with dashes once they repeat.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape

from game.axis import nice_ticks, tick_label

PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#332288", "#882255",
           "#117733", "#999933", "#AA4499", "#44AA99", "#661100", "#6699CC", "#000000")
DASHES = ("", "6 3", "2 3", "8 3 2 3")
FONT = "font-family=\"sans-serif\" font-size=\"11\""


def colour(i: int) -> tuple[str, str]:
    """The stroke colour and dash pattern of series ``i``."""
    return PALETTE[i % len(PALETTE)], DASHES[(i // len(PALETTE)) % len(DASHES)]


def _frame(width: int, height: int, title: str, chart_id: str) -> list[str]:
    label = escape(title, quote=True)
    return [f'<svg class="chart" data-chart="{escape(chart_id, quote=True)}" '
            f'viewBox="0 0 {width} {height}" width="100%" style="max-width:{width}px" role="img" aria-label="{label}">',
            f"<title>{escape(title)}</title>",
            f'<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>']


def _y_axis(parts: list[str], ticks: list[float], y, left: int, right: int) -> None:
    for t in ticks:
        yy = y(t)
        parts.append(f'<line x1="{left}" y1="{yy:.1f}" x2="{right}" y2="{yy:.1f}" stroke="#dddddd" stroke-width="1"/>')
        parts.append(f'<text x="{left - 6}" y="{yy + 4:.1f}" text-anchor="end" {FONT} fill="#333333">{tick_label(t)}</text>')


def _legend(parts: list[str], labels: Sequence[str], x: int, top: int) -> None:
    for i, label in enumerate(labels):
        stroke, dash = colour(i)
        yy = top + 8 + i * 16
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(f'<line x1="{x}" y1="{yy}" x2="{x + 18}" y2="{yy}" stroke="{stroke}" stroke-width="3"{dash_attr}/>')
        parts.append(f'<text x="{x + 24}" y="{yy + 4}" {FONT} fill="#222222">{escape(label[:28])}</text>')


def line_chart(chart_id: str, title: str, xs: Sequence[int], series: Sequence[tuple[str, Sequence[float]]],
               low: float | None = None, high: float | None = None, x_label: str = "month",
               width: int = 760, height: int = 300, marks: Sequence[tuple[int, str]] = ()) -> str:
    """A line chart of several series over the same x values (months); ``marks`` are (month, letter)
    events drawn as a thin vertical line labelled with the letter and month."""
    values = [v for _, vs in series for v in vs if math.isfinite(v)]
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
        parts.append(f'<text x="{x(v):.1f}" y="{bottom + 16}" text-anchor="middle" {FONT} fill="#333333">{v}</text>')
    parts.append(f'<text x="{(left + right) / 2:.0f}" y="{height - 4}" text-anchor="middle" {FONT} fill="#333333">{escape(x_label)}</text>')
    parts.append(f'<line x1="{left}" y1="{bottom}" x2="{right}" y2="{bottom}" stroke="#666666"/>')
    for n, (month, code) in enumerate(m for m in marks if xs and x0 <= m[0] <= x1):
        mx = x(month)
        parts.append(f'<line class="mark" x1="{mx:.1f}" y1="{top}" x2="{mx:.1f}" y2="{bottom}" stroke="#9a6a00" '
                     'stroke-dasharray="3 3"/>')
        parts.append(f'<text x="{mx + 2:.1f}" y="{top + 10 + 11 * (n % 3)}" {FONT} fill="#7a5200">{escape(code)}{month}</text>')
    for i, (label, vs) in enumerate(series):
        stroke, dash = colour(i)
        points = " ".join(f"{x(xv):.1f},{y(min(max(v, lo), hi)):.1f}" for xv, v in zip(xs, vs) if math.isfinite(v))
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(f'<polyline class="series" fill="none" stroke="{stroke}" stroke-width="2"{dash_attr} points="{points}">'
                     f"<title>{escape(label)}</title></polyline>")
    _legend(parts, [label for label, _ in series], right + 14, top)
    parts.append("</svg>")
    return "\n".join(parts)


def dot_plot(chart_id: str, title: str, groups: Sequence[tuple[str, Sequence[float]]],
             low: float = 0.0, high: float = 100.0, width: int = 760) -> str:
    """One row per group: a dot per value and a bar at the mean (spreads of scores)."""
    row = 28
    left, right, top = 190, width - 30, 10
    height = top + row * max(1, len(groups)) + 34
    bottom = height - 30

    def x(v: float) -> float:
        return left + (min(max(v, low), high) - low) / ((high - low) or 1) * (right - left)

    parts = _frame(width, height, title, chart_id)
    for t in nice_ticks(low, high):
        parts.append(f'<line x1="{x(t):.1f}" y1="{top}" x2="{x(t):.1f}" y2="{bottom}" stroke="#dddddd"/>')
        parts.append(f'<text x="{x(t):.1f}" y="{bottom + 14}" text-anchor="middle" {FONT} fill="#333333">{tick_label(t)}</text>')
    for i, (label, vs) in enumerate(groups):
        yy = top + row * i + row / 2
        stroke, _ = colour(i)
        parts.append(f'<text x="{left - 8}" y="{yy + 4:.1f}" text-anchor="end" {FONT} fill="#222222">{escape(label[:30])}</text>')
        for v in vs:
            parts.append(f'<circle class="dot" cx="{x(v):.1f}" cy="{yy:.1f}" r="4" fill="{stroke}" fill-opacity="0.6"/>')
        if vs:
            mean = sum(vs) / len(vs)
            parts.append(f'<line x1="{x(mean):.1f}" y1="{yy - 10:.1f}" x2="{x(mean):.1f}" y2="{yy + 10:.1f}" '
                         f'stroke="#000000" stroke-width="2"><title>mean {tick_label(mean)}</title></line>')
    parts.append("</svg>")
    return "\n".join(parts)


def bar_chart(chart_id: str, title: str, categories: Sequence[str], series: Sequence[tuple[str, Sequence[float]]],
              low: float = 0.0, high: float = 100.0, width: int = 760, height: int = 300) -> str:
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
            stroke, _ = colour(s)
            parts.append(f'<rect class="bar" x="{base + s * bar:.1f}" y="{min(y(v), zero):.1f}" width="{max(1.0, bar - 1):.1f}" '
                         f'height="{abs(zero - y(v)):.1f}" fill="{stroke}"><title>{escape(label)}: {escape(category)} {tick_label(v)}</title></rect>')
        cx = base + slot * 0.4
        parts.append(f'<text x="{cx:.1f}" y="{bottom + 14}" text-anchor="end" transform="rotate(-30 {cx:.1f} {bottom + 14})" '
                     f'{FONT} fill="#333333">{escape(category[:22])}</text>')
    _legend(parts, [label for label, _ in series], right + 14, top)
    parts.append("</svg>")
    return "\n".join(parts)
