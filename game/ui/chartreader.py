"""Reading charts from the keyboard: ``]`` and ``[`` step through the lines of a screen's charts
(each read as its start, end, lowest and highest value), ``.`` and ``,`` step through the months of
the chosen line (each read as its value). What is read shows in a status line at the foot of the
window and is spoken when self-voicing is on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pygame

from game.i18n import _, number_text
from game.ui.layout import Layout, wrap
from game.ui.palette import Palette

SERIES_KEYS = {pygame.K_RIGHTBRACKET: 1, pygame.K_LEFTBRACKET: -1}
MONTH_KEYS = {pygame.K_PERIOD: 1, pygame.K_COMMA: -1}


@dataclass(frozen=True)
class Line:
    """One line of one chart."""

    chart: str
    name: str
    values: tuple[float, ...]
    element: Any = None  # the widget showing the chart (scrolled into view when the line is read)


def number(value: float) -> str:
    """A value as read out: whole numbers without decimals, others with one (with the language's
    decimal mark: 2,5 in Spanish)."""
    return number_text(f"{value:.0f}" if abs(value - round(value)) < 0.05 else f"{value:.1f}")


def month_name(index: int) -> str:
    """The x position of a value: the start, or a month number."""
    return _("the start") if index == 0 else _("month {n}").format(n=index)


@dataclass
class ChartReader:
    """The lines of the charts on screen and which line and month the keyboard is on."""

    lines: list[Line] = field(default_factory=list)
    index: int = -1
    month: int = -1
    text: str = ""

    def clear(self) -> None:
        """Forget the charts (the screen is rebuilt); the position is kept where it still exists."""
        self.lines = []

    def add(self, chart: str, series: list[tuple[str, list[float]]], element: Any = None) -> None:
        """The lines of one chart, in the order of its legend."""
        self.lines.extend(Line(chart, name, tuple(values), element) for name, values in series if values)

    @property
    def current(self) -> Line | None:
        """The line being read."""
        return self.lines[self.index] if 0 <= self.index < len(self.lines) else None

    def step_series(self, step: int) -> str:
        """Move to the next or previous line and describe it."""
        if not self.lines:
            self.text = _("There is no chart on this screen.")
            return self.text
        self.index = (self.index + step) % len(self.lines) if self.index >= 0 else (0 if step > 0 else len(self.lines) - 1)
        line = self.lines[self.index]
        values = line.values
        low, high = min(values), max(values)
        self.month = len(values) - 1
        self.text = _("{chart}: {line} (line {n} of {count}). From {first} at the start to {last} in {end}; "
                      "lowest {low} ({low_at}), highest {high} ({high_at}). Full stop and comma step through "
                      "the months.").format(
            chart=line.chart, line=line.name, n=self.index + 1, count=len(self.lines), first=number(values[0]),
            last=number(values[-1]), end=month_name(len(values) - 1), low=number(low),
            low_at=month_name(values.index(low)), high=number(high), high_at=month_name(values.index(high)))
        return self.text

    def step_month(self, step: int) -> str:
        """Move along the current line by a month and read its value."""
        line = self.current
        if line is None:
            return self.step_series(1)
        self.month = max(0, min(len(line.values) - 1, self.month + step))
        self.text = _("{line}, {month}: {value}").format(line=line.name, month=month_name(self.month),
                                                         value=number(line.values[self.month]))
        return self.text

    def on_key(self, key: int) -> str | None:
        """Handle a reading key; returns what to say, or None for other keys."""
        if key in SERIES_KEYS:
            return self.step_series(SERIES_KEYS[key])
        if key in MONTH_KEYS:
            return self.step_month(MONTH_KEYS[key])
        return None

    def draw(self, surface: pygame.Surface, lay: Layout, pal: Palette, area: pygame.Rect | pygame.FRect) -> None:
        """The status line: what was last read, in a strip at the foot of the charts' ``area`` (kept
        inside the visible part of the window)."""
        if not self.text:
            return
        view = pygame.Rect(area).clip(lay.visible) or lay.visible
        fnt = lay.font(14)
        lines = wrap(self.text, fnt, view.w - lay.px(32))[:4]
        box = pygame.Rect(view.x + lay.px(8), 0, view.w - lay.px(16), len(lines) * fnt.get_linesize() + lay.px(10))
        box.bottom = view.bottom - lay.px(8)
        pygame.draw.rect(surface, pal.c("label_bg"), box)
        pygame.draw.rect(surface, pal.c("focus"), box, max(1, lay.px(1)))
        y = box.y + lay.px(5)
        for line in lines:
            surface.blit(fnt.render(line, True, pal.c("text")), (box.x + lay.px(8), y))
            y += fnt.get_linesize()


def key_help() -> list[tuple[str, str]]:
    """The reading keys, for the keys overlay."""
    return [("] [", _("read the next or previous line of the charts")),
            (". ,", _("read the chosen line's next or previous month"))]
