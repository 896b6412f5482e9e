"""Build the game's map asset from Natural Earth outlines.

Usage::

    python tools/build_map.py GEOJSON [--out assets/map/americas.json]

Reads Natural Earth 1:110m admin-0 country outlines (public domain, naturalearthdata.com) as
GeoJSON with ``iso_a3`` and ``name`` properties (the Americas are enough), keeps
the region the game shows (roughly lon -120..-55, lat -5..36: Mexico, Central America, the
Caribbean, northern South America and the southern United States), clips every polygon to it,
projects it with the Mercator projection (in degree-sized units, y pointing north), simplifies it
(Douglas-Peucker) and writes a compact JSON file. The game reads only that file, never the
GeoJSON. Each country also gets an interior point (``centre``), the point furthest inside its
largest polygon, used for clicks in tests and for labels of countries without data.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO / "assets" / "map" / "americas.json"
REGION = (-120.0, -5.0, -55.0, 36.0)  # lon_min, lat_min, lon_max, lat_max
TOLERANCE = 0.04  # simplification tolerance, projected degrees
Point = tuple[float, float]


def mercator(lon: float, lat: float) -> Point:
    """Mercator in degree units: x is the longitude, y the stretched latitude."""
    y = math.degrees(math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)))
    return lon, y


def clip_ring(ring: list[Point], box: tuple[float, float, float, float]) -> list[Point]:
    """Sutherland-Hodgman clipping of one ring to an axis-aligned box."""
    x0, y0, x1, y1 = box
    edges = (
        (lambda p: p[0] >= x0, lambda a, b: _cross_x(a, b, x0)),
        (lambda p: p[0] <= x1, lambda a, b: _cross_x(a, b, x1)),
        (lambda p: p[1] >= y0, lambda a, b: _cross_y(a, b, y0)),
        (lambda p: p[1] <= y1, lambda a, b: _cross_y(a, b, y1)),
    )
    out = list(ring)
    for inside, cross in edges:
        if not out:
            break
        src, out = out, []
        prev = src[-1]
        for cur in src:
            if inside(cur):
                if not inside(prev):
                    out.append(cross(prev, cur))
                out.append(cur)
            elif inside(prev):
                out.append(cross(prev, cur))
            prev = cur
    return out


def _cross_x(a: Point, b: Point, x: float) -> Point:
    t = (x - a[0]) / (b[0] - a[0])
    return x, a[1] + t * (b[1] - a[1])


def _cross_y(a: Point, b: Point, y: float) -> Point:
    t = (y - a[1]) / (b[1] - a[1])
    return a[0] + t * (b[0] - a[0]), y


def simplify(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker simplification of an open polyline."""
    if len(points) < 3:
        return points
    a, b = points[0], points[-1]
    best, index = -1.0, 0
    for i in range(1, len(points) - 1):
        d = _segment_distance(points[i], a, b)
        if d > best:
            best, index = d, i
    if best <= tolerance:
        return [a, b]
    left = simplify(points[: index + 1], tolerance)
    return left[:-1] + simplify(points[index:], tolerance)


def _segment_distance(p: Point, a: Point, b: Point) -> float:
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = dx * dx + dy * dy
    t = 0.0 if length == 0 else max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length))
    return math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy)


def area(ring: list[Point]) -> float:
    """Unsigned area of a ring (shoelace formula)."""
    return abs(sum(ring[i][0] * ring[i - 1][1] - ring[i - 1][0] * ring[i][1] for i in range(len(ring)))) / 2


def contains(ring: list[Point], p: Point) -> bool:
    """Even-odd point-in-polygon test."""
    x, y = p
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i]
        xj, yj = ring[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def interior_point(ring: list[Point], steps: int = 40) -> Point:
    """A point well inside the ring: the grid point furthest from its edges."""
    xs, ys = [p[0] for p in ring], [p[1] for p in ring]
    best, best_d = (sum(xs) / len(xs), sum(ys) / len(ys)), -1.0
    for i in range(1, steps):
        for j in range(1, steps):
            p = (min(xs) + (max(xs) - min(xs)) * i / steps, min(ys) + (max(ys) - min(ys)) * j / steps)
            if not contains(ring, p):
                continue
            d = min(_segment_distance(p, ring[k - 1], ring[k]) for k in range(len(ring)))
            if d > best_d:
                best, best_d = p, d
    return best


def build(source: Path) -> dict:
    """The asset as a JSON-ready dict."""
    data = json.loads(source.read_text(encoding="utf-8"))
    lon0, lat0, lon1, lat1 = REGION
    bx0, by0 = mercator(lon0, lat0)
    bx1, by1 = mercator(lon1, lat1)
    box = (bx0, by0, bx1, by1)
    countries: dict[str, dict] = {}
    for feature in data["features"]:
        props, geom = feature["properties"], feature["geometry"]
        code = props.get("iso_a3")
        if not code or code == "-99":
            continue
        polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        rings: list[list[Point]] = []
        for poly in polys:
            outer = [mercator(lon, lat) for lon, lat in poly[0]]
            clipped = clip_ring(outer, box)
            if len(clipped) < 3:
                continue
            closed = clipped + [clipped[0]]
            simple = simplify(closed, TOLERANCE)[:-1]
            if len(simple) >= 3 and area(simple) > 0.01:
                rings.append([(round(x, 3), round(y, 3)) for x, y in simple])
        if not rings:
            continue
        largest = max(rings, key=area)
        cx, cy = interior_point(largest)
        countries[code] = {
            "name": props.get("name", code),
            "centre": [round(cx, 3), round(cy, 3)],
            "polygons": [[list(p) for p in ring] for ring in rings],
        }
    return {
        "source": "Natural Earth 1:110m admin 0 countries (public domain), clipped and simplified",
        "projection": "mercator-degrees",
        "region_lonlat": list(REGION),
        "bounds": [round(v, 3) for v in box],
        "countries": dict(sorted(countries.items())),
    }


def main(argv: list[str] | None = None) -> int:
    """Build the asset; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="Natural Earth admin-0 GeoJSON file (1:110m)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where to write the asset")
    args = parser.parse_args(argv)
    if not args.source.is_file():
        print(f"build_map: {args.source} not found; pass the GeoJSON path as an argument", file=sys.stderr)
        return 1
    asset = build(args.source)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(asset, separators=(",", ":")) + "\n", encoding="utf-8")
    points = sum(len(r) for c in asset["countries"].values() for r in c["polygons"])
    print(f"wrote {args.out} ({len(asset['countries'])} countries, {points} points)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
