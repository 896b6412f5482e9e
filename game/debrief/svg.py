"""Charts as inline SVG text: line charts for timelines, dot plots and bar charts for class reports.

No scripts, no fonts to download, no external references: the SVG is pasted into the HTML page.
Every text is escaped. Colours are a colour-blind-safe set; the lines of a line chart also differ in
dash and marker (series ``i``: ``DASHES[i % 4]``, ``MARKERS[i % 6]``, twelve distinct pairs) and are
labelled at their ends, so that no line is told from another by colour alone (the game's own charts
use the same styles).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape

PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#332288", "#882255",
           "#117733", "#999933", "#AA4499", "#44AA99", "#661100", "#6699CC", "#000000")
DASHES: tuple[tuple[float, ...], ...] = ((), (7, 4), (2, 3), (9, 3, 2, 3))  # on, off, ... (px at scale 1)
MARKERS = ("circle", "square", "triangle", "diamond", "cross", "plus")
FONT = "font-family=\"sans-serif\" font-size=\"11\""


def style(i: int) -> tuple[tuple[float, ...], str]:
    """The dash pattern and marker of series ``i``."""
    return DASHES[i % len(DASHES)], MARKERS[i % len(MARKERS)]


def colour(i: int) -> tuple[str, str]:
    """The stroke colour and SVG dash pattern of series ``i``."""
    return PALETTE[i % len(PALETTE)], " ".join(f"{d:g}" for d in style(i)[0])


def marker_svg(shape: str, x: float, y: float, fill: str, r: float = 3.5) -> str:
    """An SVG marker of the given shape centred on (x, y), edged in white so that it shows on the lines."""
    edge = f'fill="{fill}" stroke="#ffffff" stroke-width="1"'
    if shape == "square":
        return f'<rect class="marker" x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r:.1f}" height="{2 * r:.1f}" {edge}/>'
    if shape in ("triangle", "diamond"):
        pts = ([(x, y - r * 1.2), (x + r * 1.1, y + r * 0.8), (x - r * 1.1, y + r * 0.8)] if shape == "triangle"
               else [(x, y - r * 1.3), (x + r * 1.3, y), (x, y + r * 1.3), (x - r * 1.3, y)])
        return f'<polygon class="marker" points="{" ".join(f"{a:.1f},{b:.1f}" for a, b in pts)}" {edge}/>'
    if shape in ("cross", "plus"):
        d = (f"M{x - r:.1f} {y - r:.1f}L{x + r:.1f} {y + r:.1f}M{x - r:.1f} {y + r:.1f}L{x + r:.1f} {y - r:.1f}"
             if shape == "cross" else f"M{x - r:.1f} {y:.1f}L{x + r:.1f} {y:.1f}M{x:.1f} {y - r:.1f}L{x:.1f} {y + r:.1f}")
        return f'<path class="marker" d="{d}" stroke="{fill}" stroke-width="2.5" fill="none"/>'
    return f'<circle class="marker" cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" {edge}/>'


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


def _num(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".") if abs(value) < 1e6 else f"{value:.3g}"


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering low..high."""
    if not math.isfinite(low) or not math.isfinite(high):
        return [0.0, 1.0]
    if high - low < 1e-9:
        high = low + 1.0
    raw = (high - low) / max(1, count)
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    first = math.floor(low / step) * step
    ticks: list[float] = []
    value = first
    while value <= high + step * 0.5 and len(ticks) < 30:
        ticks.append(round(value, 10))
        value += step
    return ticks


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
        parts.append(f'<text x="{left - 6}" y="{yy + 4:.1f}" text-anchor="end" {FONT} fill="#333333">{_num(t)}</text>')


def _legend(parts: list[str], labels: Sequence[str], x: int, top: int) -> None:
    for i, label in enumerate(labels):
        stroke, _ = colour(i)
        yy = top + 8 + i * 16
        parts.append(f'<rect x="{x}" y="{yy - 5}" width="18" height="10" fill="{stroke}"/>')
        parts.append(f'<text x="{x + 24}" y="{yy + 4}" {FONT} fill="#222222">{escape(label[:28])}</text>')


def _line_legend(parts: list[str], labels: Sequence[str], left: int, width: int, top: int) -> None:
    """The key of a line chart in rows under it: each line's dash, marker and name."""
    x, y = left, top
    for i, label in enumerate(labels):
        stroke, dash = colour(i)
        text = escape(label[:28])
        item_w = 30 + 7 * len(label[:28])
        if x > left and x + item_w > width - 10:
            x, y = left, y + 16
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(f'<line x1="{x}" y1="{y}" x2="{x + 22}" y2="{y}" stroke="{stroke}" stroke-width="2"{dash_attr}/>')
        parts.append(marker_svg(style(i)[1], x + 11, y, stroke))
        parts.append(f'<text x="{x + 28}" y="{y + 4}" {FONT} fill="#222222">{text}</text>')
        x += item_w + 14


def legend_rows(labels: Sequence[str], left: int, width: int) -> int:
    """How many rows the key of a line chart takes (as :func:`_line_legend` places it)."""
    rows, x = 1, left
    for label in labels:
        item_w = 30 + 7 * len(label[:28])
        if x > left and x + item_w > width - 10:
            rows, x = rows + 1, left
        x += item_w + 14
    return rows


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
    labels = [label for label, _ in series]
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
        parts.append(f'<text x="{x(v):.1f}" y="{bottom + 16}" text-anchor="middle" {FONT} fill="#333333">{v}</text>')
    parts.append(f'<text x="{(left + right) / 2:.0f}" y="{bottom + 30}" text-anchor="middle" {FONT} fill="#333333">{escape(x_label)}</text>')
    parts.append(f'<line x1="{left}" y1="{bottom}" x2="{right}" y2="{bottom}" stroke="#666666"/>')
    for n, (month, code) in enumerate(m for m in marks if xs and x0 <= m[0] <= x1):
        mx = x(month)
        parts.append(f'<line class="mark" x1="{mx:.1f}" y1="{top}" x2="{mx:.1f}" y2="{bottom}" stroke="#9a6a00" '
                     'stroke-dasharray="3 3"/>')
        parts.append(f'<text x="{mx + 2:.1f}" y="{top + 10 + 11 * (n % 3)}" {FONT} fill="#7a5200">{escape(code)}{month}</text>')
    ends: list[tuple[int, float]] = []
    for i, (label, vs) in enumerate(series):
        stroke, dash = colour(i)
        pts = [(x(xv), y(min(max(v, lo), hi))) for xv, v in zip(xs, vs) if math.isfinite(v)]
        points = " ".join(f"{px:.1f},{py:.1f}" for px, py in pts)
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(f'<polyline class="series" fill="none" stroke="{stroke}" stroke-width="2"{dash_attr} points="{points}">'
                     f"<title>{escape(label)}</title></polyline>")
        parts.extend(marker_svg(style(i)[1], px, py, stroke) for px, py in pts)
        if pts:
            ends.append((i, pts[-1][1]))
    _end_labels(parts, labels, ends, right, top, bottom)
    _line_legend(parts, labels, left, width, height - key_h + 6)
    parts.append("</svg>")
    return "\n".join(parts)


def _end_labels(parts: list[str], labels: Sequence[str], ends: list[tuple[int, float]], right: float,
                top: float, bottom: float) -> None:
    """Each line's marker and name just right of its last point, spread so that no two overlap."""
    for (i, end_y), yy in zip(ends, spread([e for _, e in ends], 13, top + 4, bottom - 4)):
        stroke, _ = colour(i)
        if abs(yy - end_y) > 1:
            parts.append(f'<line x1="{right:.1f}" y1="{end_y:.1f}" x2="{right + 6:.1f}" y2="{yy:.1f}" stroke="#888888"/>')
        parts.append(marker_svg(style(i)[1], right + 12, yy, stroke))
        parts.append(f'<text class="end-label" x="{right + 20:.1f}" y="{yy + 4:.1f}" {FONT} fill="#222222">'
                     f"{escape(labels[i][:22])}</text>")


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
        parts.append(f'<text x="{x(t):.1f}" y="{bottom + 14}" text-anchor="middle" {FONT} fill="#333333">{_num(t)}</text>')
    for i, (label, vs) in enumerate(groups):
        yy = top + row * i + row / 2
        stroke, _ = colour(i)
        parts.append(f'<text x="{left - 8}" y="{yy + 4:.1f}" text-anchor="end" {FONT} fill="#222222">{escape(label[:30])}</text>')
        for v in vs:
            parts.append(f'<circle class="dot" cx="{x(v):.1f}" cy="{yy:.1f}" r="4" fill="{stroke}" fill-opacity="0.6"/>')
        if vs:
            mean = sum(vs) / len(vs)
            parts.append(f'<line x1="{x(mean):.1f}" y1="{yy - 10:.1f}" x2="{x(mean):.1f}" y2="{yy + 10:.1f}" '
                         f'stroke="#000000" stroke-width="2"><title>mean {_num(mean)}</title></line>')
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
                         f'height="{abs(zero - y(v)):.1f}" fill="{stroke}"><title>{escape(label)}: {escape(category)} {_num(v)}</title></rect>')
        cx = base + slot * 0.4
        parts.append(f'<text x="{cx:.1f}" y="{bottom + 14}" text-anchor="end" transform="rotate(-30 {cx:.1f} {bottom + 14})" '
                     f'{FONT} fill="#333333">{escape(category[:22])}</text>')
    _legend(parts, [label for label, _ in series], right + 14, top)
    parts.append("</svg>")
    return "\n".join(parts)
