"""The region map: the projected outlines from ``assets/map/americas.json`` fitted to a rect.

The filled map with its labels is rendered once into a cached surface (rebuilt only when the
rect, palette or lens colours change); hover and selection outlines are drawn on top each frame.
Clicks are resolved through an id mask (one colour per country), so hit-testing is one pixel read.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache

import pygame

from game.i18n import _
from game.paths import assets_dir
from game.ui.layout import Layout
from game.ui.palette import Colour, Palette

Point = tuple[float, float]


@dataclass(frozen=True)
class MapAsset:
    """Projected polygons per ISO code and the bounds of the region."""

    bounds: tuple[float, float, float, float]
    polygons: dict[str, tuple[tuple[Point, ...], ...]]
    centres: dict[str, Point]
    names: dict[str, str]


@lru_cache(maxsize=1)
def load_asset() -> MapAsset:
    """Read the map asset (once)."""
    data = json.loads((assets_dir() / "map" / "americas.json").read_text(encoding="utf-8"))
    polys = {k: tuple(tuple((float(x), float(y)) for x, y in ring) for ring in v["polygons"])
             for k, v in data["countries"].items()}
    return MapAsset(
        bounds=tuple(data["bounds"]), polygons=polys,
        centres={k: tuple(v["centre"]) for k, v in data["countries"].items()},
        names={k: v["name"] for k, v in data["countries"].items()},
    )


def mercator(lon: float, lat: float) -> Point:
    """The asset's projection (Mercator in degree units), for label positions."""
    return lon, math.degrees(math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)))


class MapView:
    """Draws the map in a rect and answers which country is under a point."""

    def __init__(self, asset: MapAsset, rect: pygame.Rect, lay: Layout, palette: Palette,
                 in_play: dict[str, str], label_at: dict[str, Point], outlines: dict[str, str] | None = None) -> None:
        self.asset = asset
        self.outline = {cid: (outlines or {}).get(cid, cid) for cid in in_play}  # country id -> asset id
        self.cid_of = {aid: cid for cid, aid in self.outline.items()}
        self.lay = lay
        self.palette = palette
        self.in_play = in_play  # id -> display name
        self.label_at = label_at  # id -> (lon, lat)
        x0, y0, x1, y1 = asset.bounds
        k = min(rect.w / (x1 - x0), rect.h / (y1 - y0))
        w, h = round((x1 - x0) * k), round((y1 - y0) * k)
        self.rect = pygame.Rect(rect.x + (rect.w - w) // 2, rect.y + (rect.h - h) // 2, w, h)
        self.k = k
        self.screen: dict[str, list[list[tuple[int, int]]]] = {
            cid: [[self.to_screen(p) for p in ring] for ring in rings] for cid, rings in asset.polygons.items()
        }
        self.ids = list(asset.polygons)
        self._mask = self._build_mask()
        self._cache: pygame.Surface | None = None
        self._cache_key: tuple | None = None
        self.label_rects: dict[str, pygame.Rect] = {}

    def to_screen(self, p: Point) -> tuple[int, int]:
        """Projected point to window pixels."""
        x0, _y0, _x1, y1 = self.asset.bounds
        return (round(self.rect.x + (p[0] - x0) * self.k), round(self.rect.y + (y1 - p[1]) * self.k))

    def lonlat_to_screen(self, lon: float, lat: float) -> tuple[int, int]:
        """Longitude/latitude to window pixels."""
        return self.to_screen(mercator(lon, lat))

    def centre(self, cid: str) -> tuple[int, int]:
        """A point inside the country (for clicks and tests)."""
        return self.to_screen(self.asset.centres[self.outline.get(cid, cid)])

    def _build_mask(self) -> pygame.Surface:
        mask = pygame.Surface(self.rect.size)
        mask.fill((0, 0, 0))
        ox, oy = self.rect.topleft
        for i, cid in enumerate(self.ids, start=1):
            for ring in self.screen[cid]:
                if len(ring) >= 3:
                    pygame.draw.polygon(mask, (i, 0, 0), [(x - ox, y - oy) for x, y in ring])
        return mask

    def country_at(self, pos: tuple[int, int]) -> str | None:
        """The country id under a window position, or None (sea, outside)."""
        if not self.rect.collidepoint(pos):
            return None
        value = self._mask.get_at((pos[0] - self.rect.x, pos[1] - self.rect.y))[0]
        if 0 < value <= len(self.ids):
            aid = self.ids[value - 1]
            return self.cid_of.get(aid, aid)
        return None

    def fill_colour(self, aid: str, colours: dict[str, Colour]) -> Colour:
        """The fill of an outline: its country's lens colour in play, muted otherwise."""
        cid = self.cid_of.get(aid, aid)
        if cid in colours:
            return colours[cid]
        if cid == "USA":
            return self.palette.c("land_context")
        return self.palette.c("land_other")

    def surface(self, colours: dict[str, Colour], values: dict[str, str] | None = None) -> pygame.Surface:
        """The cached map (sea, land, borders, labels) for these lens colours; with ``values``, each
        label shows its country's value for the lens too (colour is then not the only signal)."""
        key = (tuple(sorted(colours.items())), self.palette.name, tuple(sorted((values or {}).items())))
        if self._cache is None or self._cache_key != key:
            self._cache = self._render(colours, values or {})
            self._cache_key = key
        return self._cache

    def _render(self, colours: dict[str, Colour], values: dict[str, str]) -> pygame.Surface:
        pal = self.palette
        surf = pygame.Surface(self.rect.size)
        surf.fill(pal.c("sea"))
        ox, oy = self.rect.topleft
        bw = max(1, round(pal.border_width * self.lay.scale))
        for cid in self.ids:
            fill = self.fill_colour(cid, colours)
            for ring in self.screen[cid]:
                pts = [(x - ox, y - oy) for x, y in ring]
                if len(pts) >= 3:
                    pygame.draw.polygon(surf, fill, pts)
                    pygame.draw.polygon(surf, pal.c("border"), pts, bw)
        self._draw_labels(surf, values)
        return surf

    def _draw_labels(self, surf: pygame.Surface, values: dict[str, str]) -> None:
        lay, pal = self.lay, self.palette
        fnt = lay.font(13, bold=True)
        ox, oy = self.rect.topleft
        placed: list[pygame.Rect] = []
        self.label_rects = {}
        items = [(cid, name) for cid, name in self.in_play.items()]
        if "USA" in self.asset.polygons and "USA" not in self.in_play:
            items.append(("USA", _("United States")))
        pad = lay.px(3)
        spots = []
        for cid, name in items:
            if cid in self.label_at:
                anchor = self.lonlat_to_screen(*self.label_at[cid])
            elif self.outline.get(cid, cid) in self.asset.centres:
                anchor = self.centre(cid)
            else:
                continue
            if cid in values:
                name = f"{name} {values[cid]}"
            text = fnt.render(name, True, pal.c("text") if cid in self.in_play else pal.c("muted_text"))
            box = text.get_rect().inflate(pad * 2, pad)
            spot = self._place(cid, box, anchor, placed)
            placed.append(spot)
            self.label_rects[cid] = spot
            spots.append((spot, anchor, text))
        for spot, anchor, _text in spots:  # leader lines first, so that no line crosses a label
            if spot.center != anchor:
                local, end = spot.move(-ox, -oy), (anchor[0] - ox, anchor[1] - oy)
                start = (min(max(end[0], local.left), local.right), min(max(end[1], local.top), local.bottom))
                pygame.draw.line(surf, pal.c("text"), start, end, 1)
                pygame.draw.circle(surf, pal.c("text"), end, max(2, lay.px(2)))
        shade_colour = (*pal.c("label_bg"), 210)
        for spot, _anchor, text in spots:
            local = spot.move(-ox, -oy)
            shade = pygame.Surface(local.size, pygame.SRCALPHA)
            shade.fill(shade_colour)
            surf.blit(shade, local)
            surf.blit(text, text.get_rect(center=local.center))

    def _covers_others(self, cid: str, rect: pygame.Rect) -> int:
        """How many sample points of the rect fall on other governments in play."""
        own = self.outline.get(cid, cid)
        hits = 0
        for fx in (0.0, 0.25, 0.5, 0.75, 1.0):
            for fy in (0.0, 0.5, 1.0):
                x = min(self.rect.w - 1, max(0, int(rect.x - self.rect.x + fx * (rect.w - 1))))
                y = min(self.rect.h - 1, max(0, int(rect.y - self.rect.y + fy * (rect.h - 1))))
                value = self._mask.get_at((x, y))[0]
                if 0 < value <= len(self.ids):
                    aid = self.ids[value - 1]
                    if aid != own and aid in self.cid_of:
                        hits += 1
        return hits

    def _place(self, cid: str, box: pygame.Rect, anchor: tuple[int, int], placed: list[pygame.Rect]) -> pygame.Rect:
        """The free spot near the anchor that covers the fewest other governments and stays inside."""
        step_y = box.h + self.lay.px(3)
        side = box.w // 2 + self.lay.px(24)
        offsets = [(0, 0)]
        for n in range(1, 7):
            offsets += [(0, -n * step_y), (0, n * step_y)]
        for dx in (side, -side, 2 * side, -2 * side):
            offsets += [(dx, n * step_y) for n in (0, -1, 1, -2, 2, 3, -3)]
        inner = self.rect.inflate(-4, -4)
        best, best_score = None, None
        for dx, dy in offsets:
            cand = box.copy()
            cand.center = (anchor[0] + dx, anchor[1] + dy)
            if not inner.contains(cand) or cand.collidelist(placed) >= 0:
                continue
            score = 3 * self._covers_others(cid, cand) + (abs(dx) + abs(dy)) / max(1, step_y)
            if best_score is None or score < best_score:
                best, best_score = cand, score
        if best is None:
            best = box.copy()
            best.center = anchor
            best = best.clamp(inner)
        return best

    def draw(self, surface: pygame.Surface, colours: dict[str, Colour], hover: str | None,
             selected: str | None, values: dict[str, str] | None = None) -> None:
        """Blit the cached map, then the hover and selection outlines."""
        surface.blit(self.surface(colours, values), self.rect)
        for cid, colour, width in ((hover, self.palette.c("hover"), 2), (selected, self.palette.c("selected"), 3)):
            aid = self.outline.get(cid, cid) if cid else None
            if aid and aid in self.screen:
                for ring in self.screen[aid]:
                    if len(ring) >= 3:
                        line = max(width, self.lay.px(width))
                        if cid == selected:  # a dark halo keeps the outline visible on pale fills
                            pygame.draw.polygon(surface, self.palette.c("halo"), ring, line + 2 * max(1, self.lay.px(1)))
                        pygame.draw.polygon(surface, colour, ring, line)
        if selected in self.label_rects:
            pygame.draw.rect(surface, self.palette.c("selected"), self.label_rects[selected], max(1, self.lay.px(2)))

