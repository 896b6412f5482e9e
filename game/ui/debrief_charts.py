"""Pictures for the debrief screen: a government's true priorities beside the player's guesses,
and the debrief's timelines drawn with :func:`game.ui.charts.line_chart`."""

from __future__ import annotations

from typing import Any

import pygame

from game.axis import nice_range
from game.debrief.ledgers import event_list, events_legend
from game.i18n import N_, _, number_text
from game.ui.charts import legend_rows, line_chart
from game.ui.layout import Layout
from game.ui.palette import Colour, Palette, hex_colour, lerp
from game.ui.text import DIM_NAMES

RANK_WORDS = (N_("your 1st"), N_("your 2nd"), N_("your 3rd"))
# the guess's verdict in words as well as colour (colour is never the only signal)
IN_TOP, NOT_TOP = N_("{rank}: in top 3"), N_("{rank}: not top 3")
# twelve lines that stay CIEDE2000 >= 10 apart under normal, protan, deutan and tritan vision (simulated,
# Machado 2009) and read at 3:1 on the panel: one set serves both the default and colour-blind palettes
SERIES_COLOURS = ("#b4b8b4", "#cf2beb", "#62ff26", "#ee90f1", "#0c8b2a", "#fffff7", "#a280a6", "#00b803",
                  "#bae1a8", "#647b69", "#ffd6fd", "#ff0978")
SERIES_COLOURS_CB = SERIES_COLOURS


def good_bad_words(pal: Palette) -> tuple[str, str]:
    """What the palette's 'good' and 'bad' colours are called, for legends."""
    if "colourblind" in pal.name:
        return _("blue"), _("orange")
    return (_("green"), _("red")) if pal.name.startswith("high_contrast") else (_("green"), _("orange"))


def guess_word(rank: int, top: bool) -> str:
    """The player's guess of a given rank (0 = first) and whether it is among the true top three."""
    name = _(RANK_WORDS[rank]) if rank < len(RANK_WORDS) else _("your guess")
    return _(IN_TOP if top else NOT_TOP).format(rank=name)


def series_colour(pal: Palette, index: int) -> Colour:
    """A distinct colour for the index-th line of a chart."""
    colours = SERIES_COLOURS_CB if "colourblind" in pal.name else SERIES_COLOURS
    return hex_colour(colours[index % len(colours)])


def _fit(text: str, fnt: pygame.font.Font, width: int) -> str:
    """The text, cut with an ellipsis so that it fits the width."""
    if fnt.size(text)[0] <= width:
        return text
    while text and fnt.size(text + "…")[0] > width:
        text = text[:-1]
    return text.rstrip() + "…"


def card_height(lay: Layout, dims: int, with_note: bool) -> int:
    """Height of a priorities card."""
    return lay.line_h(15) + dims * lay.line_h(13) + (lay.line_h(13) if with_note else 0) + lay.px(16)


def priority_card(size: tuple[int, int], reading: Any, ranks: dict[str, int], lay: Layout,
                  pal: Palette) -> pygame.Surface:
    """One government: every priority's true weight as a bar (its top ones filled), the player's
    ranked guesses beside them (green when among the top, orange when not) and any estimate."""
    surf = pygame.Surface(size)
    surf.fill(pal.c("panel"))
    track_colour = lerp(pal.c("panel"), pal.c("muted_text"), 0.12)
    low_colour = lerp(pal.c("panel"), pal.c("muted_text"), 0.45)
    pygame.draw.rect(surf, lerp(pal.c("panel"), pal.c("muted_text"), 0.3), surf.get_rect(), max(1, lay.px(1)))
    pad = lay.px(8)
    head, small = lay.font(15, bold=True), lay.font(13)
    score = _("no guess made") if reading.no_guess else _("reading score {score:.0f} of 100").format(score=reading.score)
    score_img = small.render(score, True, pal.c("good") if reading.score >= 66 else pal.c("muted_text"))
    surf.blit(score_img, score_img.get_rect(topright=(size[0] - pad, pad + lay.px(2))))
    name_w = size[0] - 3 * pad - score_img.get_width()
    surf.blit(head.render(_fit(reading.name, head, name_w), True, pal.c("text")), (pad, pad))
    y = pad + lay.line_h(15)
    label_w = max(small.size(DIM_NAMES.get(d, d))[0] for d in reading.weights) + pad
    mark_w = max(small.size(_(NOT_TOP).format(rank=_(w)))[0] for w in RANK_WORDS) + pad
    value_w = small.size("0.00")[0] + pad
    bar_x = pad + label_w
    bar_w = max(lay.px(30), size[0] - bar_x - value_w - mark_w - 2 * pad)
    row = lay.line_h(13)
    for dim, weight in reading.weights.items():
        mid = y + row // 2
        top = dim in reading.true_top
        surf.blit(small.render(DIM_NAMES.get(dim, dim), True, pal.c("text") if top else pal.c("muted_text")),
                  (pad, mid - small.get_linesize() // 2))
        track = pygame.Rect(bar_x, mid - lay.px(5), bar_w, lay.px(10))
        pygame.draw.rect(surf, track_colour, track)
        fill = pygame.Rect(track.x, track.y, round(bar_w * max(0.0, min(1.0, weight))), track.h)
        pygame.draw.rect(surf, pal.c("accent") if top else low_colour, fill)
        estimate = reading.intel.get(dim) if reading.intel else None
        if estimate is not None:
            ex = track.x + round(bar_w * max(0.0, min(1.0, estimate)))
            pygame.draw.line(surf, pal.c("text"), (ex, track.y - lay.px(3)), (ex, track.bottom + lay.px(2)), max(1, lay.px(2)))
        surf.blit(small.render(number_text(f"{weight:.2f}"), True, pal.c("muted_text")), (track.right + pad, mid - small.get_linesize() // 2))
        if dim in ranks:
            colour = pal.c("good") if top else pal.c("bad")
            word = guess_word(ranks[dim], top)
            img = small.render(word, True, colour)
            surf.blit(img, img.get_rect(midright=(size[0] - pad, mid)))
        y += row
    if reading.note:
        note = _fit(_("Your note: {note}").format(note=reading.note), small, size[0] - 2 * pad)
        surf.blit(small.render(note, True, pal.c("muted_text")), (pad, y + lay.px(2)))
    return surf


def per_country(timeline: Any, countries: set[str]) -> bool:
    """True for a timeline with one line per government (relations, arrivals, commitments)."""
    return len(timeline.series) > 1 and all(s.label in countries for s in timeline.series)


def timeline_series(timeline: Any, only: str, countries: set[str], pal: Palette) -> list[tuple[str, list[float], Colour]]:
    """The lines of a timeline, keeping only one government's when ``only`` is set."""
    out = []
    for i, series in enumerate(timeline.series):
        if only and per_country(timeline, countries) and series.label != only:
            continue
        out.append((series.label, list(series.values), series_colour(pal, i)))
    return out


def event_marks(debrief: Any) -> list[tuple[int, str]]:
    """The marks drawn on the charts: (month, code), one per code and month."""
    return sorted({(month, code) for month, code, _ in event_list(debrief.deals, debrief.threats, debrief.promises)})


def marks_legend(debrief: Any) -> str:
    """'Marks on the charts (letter and month): D3 deal signed, Honduras; ...', or '' when there are none."""
    return events_legend(event_list(debrief.deals, debrief.threats, debrief.promises))


def timeline_height(width: int, lines: list[tuple[str, list[float], Colour]], lay: Layout) -> int:
    """Height a timeline chart needs at this width (the legend wraps; many lines need room for their
    end labels, one above another)."""
    labels = len(lines) * lay.font(11).get_linesize() - lay.px(110)
    return lay.px(170) + max(0, labels) + legend_rows(width, lines, lay) * lay.font(13).get_linesize()


def timeline_chart(size: tuple[int, int], timeline: Any, lines: list[tuple[str, list[float], Colour]],
                   lay: Layout, pal: Palette, marks: list[tuple[int, str]] | None = None) -> pygame.Surface:
    """One of the debrief's timelines as a line chart (axis limits rounded when the data sets them),
    with the game's events marked at their month."""
    values = [v for _, vals, _ in lines for v in vals]
    low, high = nice_range(values, timeline.low, timeline.high)
    title = f"{timeline.title} ({timeline.unit})" if timeline.unit else timeline.title
    return line_chart(size, _fit(title, lay.font(13), size[0] - lay.px(12)), lines, low, high, lay, pal, marks=marks)
