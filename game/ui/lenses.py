"""Map lenses: what the country colours mean (relations, cooperation, migration flow), the values
printed on the labels, and legends."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pygame

from game.i18n import N_, Wording, _, number_text
from game.ui.layout import Layout
from game.ui.palette import Colour, Palette, ramp
from game.ui.session import Session

LENSES: tuple[str, ...] = ("relations", "cooperation", "flow")
LENS_NAMES = Wording({"relations": N_("Relations"), "cooperation": N_("Cooperation"), "flow": N_("Migration flow")})
LENS_HELP = Wording({
    "relations": N_("Relations with the United States, from -100 (hostile) to 100 (close)."),
    "cooperation": N_("How much of what the US asks the government now does, 0 to 100 (agreements in force and their levels)."),
    "flow": N_("Nationals leaving for the US border each month, in thousands."),
})


@dataclass(frozen=True)
class Legend:
    """A lens legend: colour stops and the labels under the bar."""

    title: str
    stops: tuple[str, ...]
    labels: tuple[str, str, str]


def flow_max(session: Session) -> float:
    """A round upper end for the flow scale."""
    top = max((cs.outflow_k for cs in session.state.countries.values()), default=1.0)
    top = max(top, 1.0)
    magnitude = 10 ** math.floor(math.log10(top))
    return math.ceil(top / magnitude) * magnitude


def cooperation_of(session: Session, cid: str) -> float:
    """The last recorded cooperation of a country (0..100)."""
    hist = session.state.countries[cid].history
    return hist[-1].cooperation if hist else 0.0


def lens_value(session: Session, cid: str, lens: str) -> tuple[float, str]:
    """Position on the colour scale (0..1) and the value as text."""
    cs = session.state.countries[cid]
    if lens == "relations":
        return (cs.relations + 100) / 200, f"{cs.relations:+.0f}"
    if lens == "cooperation":
        value = cooperation_of(session, cid)
        return value / 100, f"{value:.0f}"
    top = flow_max(session)
    return cs.outflow_k / top, _("{outflow_k:.1f}k a month").format(outflow_k=cs.outflow_k)


def lens_labels(session: Session, lens: str) -> dict[str, str]:
    """Each country's value for the lens, short enough to print beside its name on the map."""
    out = {}
    for cid in session.order:
        cs = session.state.countries[cid]
        if lens == "relations":
            out[cid] = f"{cs.relations:+.0f}"
        elif lens == "cooperation":
            out[cid] = f"{cooperation_of(session, cid):.0f}"
        else:
            out[cid] = f"{cs.outflow_k:.1f}k"
    return out


def stops(palette: Palette, lens: str) -> tuple[str, ...]:
    """The colour ramp of a lens."""
    return {"relations": palette.diverging, "cooperation": palette.sequential}.get(lens, palette.flow)


def lens_colours(session: Session, lens: str, palette: Palette) -> dict[str, Colour]:
    """Fill colour per country in play."""
    ramp_stops = stops(palette, lens)
    return {cid: ramp(ramp_stops, lens_value(session, cid, lens)[0]) for cid in session.order}


def legend(session: Session, lens: str, palette: Palette) -> Legend:
    """The legend of a lens."""
    if lens == "relations":
        labels = (_("-100 hostile"), "0", _("100 close"))
    elif lens == "cooperation":
        labels = (_("0 none"), "50", _("100 full"))
    else:
        top = flow_max(session)
        labels = ("0", number_text(f"{top / 2:g}k"), _("{top:g}k a month").format(top=top))
    return Legend(LENS_NAMES[lens], stops(palette, lens), labels)


def render_legend(session: Session, lens: str, pal: Palette, lay: Layout, size: tuple[int, int]) -> pygame.Surface:
    """The legend of a lens drawn into a transparent surface of ``size``."""
    surf = pygame.Surface(size, pygame.SRCALPHA)
    info = legend(session, lens, pal)
    fnt = lay.font(13)
    surf.blit(fnt.render(_("Map colours: {title}").format(title=info.title), True, pal.c("text")), (0, 0))
    bar = pygame.Rect(0, fnt.get_linesize() + lay.px(2), size[0], lay.px(10))
    for x in range(bar.w):
        pygame.draw.line(surf, ramp(info.stops, x / max(1, bar.w - 1)), (bar.x + x, bar.y), (bar.x + x, bar.bottom))
    pygame.draw.rect(surf, pal.c("border"), bar, 1)
    y = bar.bottom + lay.px(2)
    low, mid, high = (fnt.render(t, True, pal.c("muted_text")) for t in info.labels)
    surf.blit(low, (bar.x, y))
    surf.blit(mid, mid.get_rect(midtop=(bar.centerx, y)))
    surf.blit(high, high.get_rect(topright=(bar.right, y)))
    return surf
