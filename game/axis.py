"""Chart axes: round tick values and the limits they give, and how a tick is written.

One rule for both chart stacks: the in-game charts drawn with pygame (``game.ui.charts``) and the
SVG charts of the exported pages (``game.debrief.svg``). Plain arithmetic, no pygame; the labels
follow the language's decimal mark (``game.i18n``).
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from game.i18n import number_text

STEPS = (1, 2, 2.5, 5, 10)  # a tick step is one of these times a power of ten
MAX_TICKS = 30


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering low..high, about ``count`` steps apart (from the last tick at or
    below ``low`` to the first at or above ``high``)."""
    if not math.isfinite(low) or not math.isfinite(high):
        return [0.0, 1.0]
    if high - low < 1e-9:
        high = low + 1.0
    raw = (high - low) / max(1, count)
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in STEPS if m * mag >= raw)
    first = math.floor(low / step) * step
    ticks: list[float] = []
    value = first
    while value <= high + step * 0.5 and len(ticks) < MAX_TICKS:
        ticks.append(round(value, 10))
        value += step
    return ticks


def nice_range(values: Iterable[float], low: float | None, high: float | None) -> tuple[float, float]:
    """Axis limits: the given ones, or the outer ticks (``nice_ticks``) of the data, 0 included."""
    finite = [v for v in values if math.isfinite(v)]
    lo = low if low is not None else min([0.0, *finite])
    hi = high if high is not None else max([lo + 1.0, *finite])
    if low is None or high is None:
        ticks = nice_ticks(lo, hi)
        lo = lo if low is not None else ticks[0]
        hi = hi if high is not None else max(ticks[-1], hi)
    return float(lo), float(hi)


def ticks_within(low: float, high: float, count: int) -> list[float]:
    """The ``nice_ticks`` of low..high that lie inside it (the gridlines of a chart with set limits)."""
    slack = (high - low) * 1e-9
    return [t for t in nice_ticks(low, high, count) if low - slack <= t <= high + slack]


def tick_label(value: float) -> str:
    """A tick written short: 50, 2.5, -0.4 (one decimal at most; big numbers in three figures), with
    the current language's decimal mark (``2,5`` in Spanish)."""
    return number_text(f"{value:.1f}".rstrip("0").rstrip(".") if abs(value) < 1e6 else f"{value:.3g}")
