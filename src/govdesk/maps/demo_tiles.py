"""A plausible, light base map for the demo township, drawn with Pillow into an MBTiles file.

A Jiangnan plain: farmland parcels, a river with canals, a small lake and fish ponds, villages and
community built-up areas with houses, a provincial road and village roads. No text (the page labels the
villages itself). Everything is generated from the township's bounds, so the picture is the same on
every machine; it covers zoom 12–15 (a couple of hundred tiles, a few MB).

``ensure_demo_tiles_for_villages(data_dir, [(boundary, is_community), …])`` (or ``ensure_demo_tiles`` with
bounds) is the hook for the demo loader: it never replaces a base map that is already there (a county's
real map must not be overwritten by a demo).
"""

from __future__ import annotations

import io
import math
import os
import random
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw

from govdesk.maps.build import label_point
from govdesk.maps.tiles import Bounds, basemap_path, lonlat_to_tile, tile_range, tile_to_lonlat, tms_row

Point = tuple[float, float]  # metres east, north of the south-west corner
Ring = list[Point]
Settlement = tuple[float, float, bool]  # lon, lat, is an urban community

ZOOMS = range(12, 16)
DETAIL = range(14, 23)  # parcels and houses
OVERVIEW = range(0, 14)  # coarse farmland patches instead
_SS = 2  # drawn at twice the size and scaled down: smooth edges without an anti-aliasing renderer
_MARGIN_M = 2500.0  # base map beyond the township, so a map fitted to it has no bare edges

# A clean, light palette (close to common Chinese web maps' "light" styles).
BACKGROUND = (240, 243, 230)
FIELD_COLOURS = ((229, 237, 211), (235, 240, 218), (241, 242, 222), (226, 235, 207), (236, 238, 214))
WOOD = (214, 230, 196)
WATER = (170, 206, 234)
BUILT_RURAL = (232, 227, 219)
BUILT_URBAN = (227, 222, 215)
BUILDING = (208, 198, 187)
INDUSTRIAL = (232, 228, 237)
INDUSTRIAL_BUILDING = (212, 206, 222)
ROAD_CASING = (200, 199, 196)
ROAD = (255, 255, 255)
MAJOR_CASING = (222, 172, 84)
MAJOR = (250, 214, 140)
SECONDARY_CASING = (214, 192, 140)
SECONDARY = (254, 240, 196)


Extent = tuple[float, float, float, float]  # metres: x0, y0, x1, y1


@dataclass
class _Scene:
    width: float
    height: float
    # (zooms drawn at, colour, ring) and (line style, points), in drawing order
    polygons: list[tuple[range, tuple[int, int, int], Ring]] = field(default_factory=list)
    lines: list[tuple[str, Ring]] = field(default_factory=list)

    def polygon(self, ring: Ring, colour: tuple[int, int, int], zooms: range = range(0, 23)) -> None:
        self.polygons.append((zooms, colour, ring))


@dataclass(frozen=True)
class _LineStyle:
    width_m: float
    min_px: float
    fill: tuple[int, int, int]
    casing: tuple[int, int, int] | None = None
    min_zoom: int = 12
    layer: int = 0  # drawing order among lines


LINE_STYLES = {
    "river": _LineStyle(55, 2.5, WATER, layer=0),
    "canal": _LineStyle(14, 1.0, WATER, min_zoom=13, layer=0),
    "street": _LineStyle(8, 1.2, ROAD, ROAD_CASING, min_zoom=14, layer=1),
    "minor": _LineStyle(9, 1.3, ROAD, ROAD_CASING, layer=2),
    "secondary": _LineStyle(14, 2.0, SECONDARY, SECONDARY_CASING, layer=3),
    "major": _LineStyle(20, 2.8, MAJOR, MAJOR_CASING, layer=4),
}


# --- the scene, in metres ------------------------------------------------------------------------------
def _blob(rng: random.Random, cx: float, cy: float, radius: float, wobble: float = 0.22, n: int = 28) -> Ring:
    phases = [rng.uniform(0, 2 * math.pi) for _ in range(3)]
    ring = []
    for k in range(n):
        a = 2 * math.pi * k / n
        r = radius * (1 + wobble * (0.6 * math.sin(2 * a + phases[0]) + 0.3 * math.sin(3 * a + phases[1])
                                    + 0.2 * math.sin(5 * a + phases[2])))  # fmt: skip
        ring.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return ring


def _rect(cx: float, cy: float, w: float, h: float, angle: float) -> Ring:
    c, s = math.cos(angle), math.sin(angle)
    return [(cx + dx * c - dy * s, cy + dx * s + dy * c) for dx, dy in ((-w / 2, -h / 2), (w / 2, -h / 2),
                                                                        (w / 2, h / 2), (-w / 2, h / 2))]  # fmt: skip


def _curve(a: Point, b: Point, bend: float, steps: int = 16) -> Ring:
    """A gentle quadratic curve from a to b, its middle pushed sideways by ``bend`` metres."""
    mx, my = (a[0] + b[0]) / 2, (a[1] + b[1]) / 2
    length = math.dist(a, b) or 1.0
    nx, ny = -(b[1] - a[1]) / length, (b[0] - a[0]) / length
    cx, cy = mx + nx * bend, my + ny * bend
    pts = []
    for i in range(steps + 1):
        t = i / steps
        pts.append(((1 - t) ** 2 * a[0] + 2 * (1 - t) * t * cx + t * t * b[0],
                    (1 - t) ** 2 * a[1] + 2 * (1 - t) * t * cy + t * t * b[1]))  # fmt: skip
    return pts


def _meander(rng: random.Random, start: Point, end: Point, amplitude: float, step: float = 60.0) -> Ring:
    length = math.dist(start, end)
    ux, uy = (end[0] - start[0]) / length, (end[1] - start[1]) / length
    nx, ny = -uy, ux
    waves = [(rng.uniform(3200, 5600), rng.uniform(0, 2 * math.pi), 1.0),
             (rng.uniform(1300, 2100), rng.uniform(0, 2 * math.pi), 0.4)]  # fmt: skip
    pts = []
    for i in range(int(length / step) + 1):
        d = i * step
        off = amplitude * sum(w * math.sin(2 * math.pi * d / period + phase) for period, phase, w in waves)
        pts.append((start[0] + ux * d + nx * off, start[1] + uy * d + ny * off))
    return pts


def _farmland(
    scene: _Scene, rng: random.Random, extent: Extent, bw: float, bh: float, angle: float, zooms: range
) -> None:
    x0, y0, x1, y1 = extent
    ca, sa = math.cos(angle), math.sin(angle)
    # Crop districts: neighbouring blocks tend to grow the same thing (nearest of some random seeds).
    seeds = [(rng.uniform(x0, x1), rng.uniform(y0, y1), rng.randrange(len(FIELD_COLOURS)))
             for _ in range(max(8, int((x1 - x0) * (y1 - y0) / 1.2e6)))]  # fmt: skip
    mx, my = (x0 + x1) / 2, (y0 + y1) / 2
    half = math.hypot(x1 - x0, y1 - y0) / 2 + bw
    u = -half
    while u < half:
        v = -half
        while v < half:
            cx, cy = mx + u * ca - v * sa, my + u * sa + v * ca
            if x0 - bw < cx < x1 + bw and y0 - bw < cy < y1 + bw and rng.random() > 0.08:
                bias = min(seeds, key=lambda sd: (sd[0] - cx) ** 2 + (sd[1] - cy) ** 2)[2]
                if rng.random() < 0.3:
                    bias = rng.randrange(len(FIELD_COLOURS))
                strips = rng.choice((2, 3, 3, 4)) if zooms is DETAIL else 1
                gap = 3.5 if zooms is DETAIL else 0.0
                sw = (bw - 2 * gap) / strips
                for k in range(strips):
                    du = -bw / 2 + gap + sw * (k + 0.5)
                    colour = FIELD_COLOURS[(bias + (k if rng.random() < 0.45 else 0)) % len(FIELD_COLOURS)]
                    scene.polygon(_rect(cx + du * ca, cy + du * sa, sw - gap, bh - 2 * gap, angle), colour, zooms)
            v += bh
        u += bw


def _scene(
    width: float, height: float, settlements: Sequence[tuple[float, float, bool]], seed: int,
    overview: Extent, detail: Extent,
) -> _Scene:  # fmt: skip
    """The demo landscape in metres; ``overview``/``detail`` are the areas the coarse/fine zooms cover."""
    rng = random.Random(f"demo-tiles:{seed}")
    scene = _Scene(width, height)
    left, bottom, right, top = overview
    village_spots = [(x, y, urban, (620.0 if urban else 250.0) * rng.uniform(0.9, 1.1)) for x, y, urban in settlements]

    def near_settlement(x: float, y: float, extra: float) -> bool:
        return any(math.hypot(x - sx, y - sy) < r + extra for sx, sy, _, r in village_spots)

    # Farmland: coarse patches for the overview zooms, then blocks of parcels on a slightly rotated lattice
    # (a few left fallow) where the detail zooms are drawn.
    angle = math.radians(rng.uniform(-12, 12))
    for (x0, y0, x1, y1), (bw, bh), zooms in ((overview, (460.0, 300.0), OVERVIEW), (detail, (150.0, 96.0), DETAIL)):
        _farmland(scene, rng, (x0, y0, x1, y1), bw, bh, angle, zooms)

    for _ in range(int(22 * (right - left) * (top - bottom) / 1.5e8) + 8):
        x, y = rng.uniform(left, right), rng.uniform(bottom, top)
        if not near_settlement(x, y, 150):
            scene.polygon(_blob(rng, x, y, rng.uniform(110, 260), 0.3), WOOD)

    # Built-up areas, houses, community streets.
    for sx, sy, urban, radius in village_spots:
        outline = _blob(rng, sx, sy, radius, 0.2 if urban else 0.28)
        scene.polygon(outline, BUILT_URBAN if urban else BUILT_RURAL)
        tilt = math.radians(rng.uniform(-10, 10))
        if urban:
            for gx in range(-4, 5):
                for gy in range(-8, 9):
                    if gx % 3 == 0:
                        continue  # a street runs here
                    x = sx + gx * 62 * math.cos(tilt) - gy * 34 * math.sin(tilt)
                    y = sy + gx * 62 * math.sin(tilt) + gy * 34 * math.cos(tilt)
                    if math.hypot(x - sx, y - sy) < radius * 0.8 and rng.random() < 0.85:
                        scene.polygon(_rect(x, y, 46, 12, tilt), BUILDING, zooms=DETAIL)
            for k in (-3, 0, 3):
                half = math.sqrt(max(0.0, (radius * 0.85) ** 2 - (k * 62) ** 2))
                for horizontal in (False, True):
                    along = tilt if horizontal else tilt + math.pi / 2
                    ox = sx + k * 62 * math.cos(along + math.pi / 2)
                    oy = sy + k * 62 * math.sin(along + math.pi / 2)
                    scene.lines.append(("street", [(ox - half * math.cos(along), oy - half * math.sin(along)),
                                                   (ox + half * math.cos(along), oy + half * math.sin(along))]))  # fmt: skip
        else:
            for gx in range(-12, 13):
                for gy in range(-12, 13):
                    x = sx + gx * 26 + rng.uniform(-4, 4)
                    y = sy + gy * 22 + rng.uniform(-3, 3)
                    if math.hypot(x - sx, y - sy) < radius * 0.82 and rng.random() < 0.7:
                        scene.polygon(_rect(x, y, 14, 9.5, tilt), BUILDING, zooms=DETAIL)
            lane = rng.uniform(0, math.pi)
            reach = radius * 0.95
            scene.lines.append(("street", _curve((sx - reach * math.cos(lane), sy - reach * math.sin(lane)),
                                                 (sx + reach * math.cos(lane), sy + reach * math.sin(lane)), 40)))  # fmt: skip

    # One industrial area beside the first community.
    urban_spots = [s for s in village_spots if s[2]] or village_spots[:1]
    if urban_spots:
        sx, sy, _, radius = urban_spots[0]
        ix, iy = sx + radius + 420, sy - 160
        scene.polygon(_rect(ix, iy, 520, 360, 0.05), INDUSTRIAL)
        for gx in (-1, 0, 1):
            for gy in (-1, 1):
                scene.polygon(
                    _rect(ix + gx * 150, iy + gy * 95, 110, 55, 0.05), INDUSTRIAL_BUILDING, zooms=range(13, 23)
                )

    # Water: a river across, a tributary, canals, a small lake (漾) and fish ponds.
    river = _meander(rng, (left, height * 0.45), (right, height * 0.38), 380)
    scene.lines.append(("river", river))
    mouth = min(river, key=lambda p: abs(p[0] - width * 0.58))  # the tributary flows into the river
    scene.lines.append(("river", _meander(rng, (width * 0.62, top), mouth, 260)))
    for _ in range(6):
        x0, y0 = river[rng.randrange(len(river) // 8, len(river) * 7 // 8)]
        direction = rng.choice((1, -1))
        end = (x0 + rng.uniform(-600, 600), y0 + direction * rng.uniform(1500, 3200))
        scene.lines.append(("canal", _curve((x0, y0), end, rng.uniform(-200, 200))))
    for _ in range(50):
        lake_x, lake_y = width * rng.uniform(0.25, 0.6), height * rng.uniform(0.12, 0.3)
        if not near_settlement(lake_x, lake_y, 520):
            break
    scene.polygon(_blob(rng, lake_x, lake_y, 430, 0.25, 36), WATER)
    for _ in range(2):
        px, py = river[rng.randrange(len(river) // 5, len(river) * 4 // 5)]
        py += rng.choice((-1, 1)) * 380
        middle = (px + 156, py + 78)
        if near_settlement(px, py, 350) or any(math.dist(middle, q) < 300 for q in river):
            continue
        for gx in range(5):
            for gy in range(4):
                scene.polygon(_rect(px + gx * 78, py + gy * 52, 68, 43, angle), WATER, zooms=range(13, 23))

    # Roads: a provincial road, a county road, and village roads joining the settlements.
    # The provincial road runs south-west to north-east through the middle, beyond the drawn area.
    (ax, ay), (bx, by) = (width * 0.05, 0.0), (width * 0.92, height)
    reach = max(right - left, top - bottom)
    ux, uy = (bx - ax) / math.dist((ax, ay), (bx, by)), (by - ay) / math.dist((ax, ay), (bx, by))
    scene.lines.append(
        ("major", _curve((ax - ux * reach, ay - uy * reach), (bx + ux * reach, by + uy * reach), width * 0.12, 32))
    )
    scene.lines.append(("secondary", _curve((left, height * 0.72), (right, height * 0.66), -height * 0.05, 32)))
    spots = [(x, y) for x, y, _, _ in village_spots]
    for a, b in _road_links(spots):
        scene.lines.append(("minor", _curve(spots[a], spots[b], rng.uniform(-120, 120))))
    return scene


def _road_links(points: Sequence[Point]) -> list[tuple[int, int]]:
    """A minimum spanning tree of the settlements plus the three shortest extra links (some loops)."""
    if len(points) < 2:
        return []
    edges = sorted(
        (math.dist(points[i], points[j]), i, j) for i in range(len(points)) for j in range(i + 1, len(points))
    )
    parent = list(range(len(points)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    tree: list[tuple[int, int]] = []
    extra: list[tuple[int, int]] = []
    for _, i, j in edges:
        ri, rj = root(i), root(j)
        if ri != rj:
            parent[ri] = rj
            tree.append((i, j))
        elif len(extra) < 3:
            extra.append((i, j))
    return tree + extra


# --- rendering -----------------------------------------------------------------------------------------
def render_tiles(
    bounds: Bounds, settlements: Sequence[Settlement] = (), zooms: Iterable[int] = ZOOMS, seed: int = 0,
) -> Iterable[tuple[int, int, int, bytes]]:  # fmt: skip
    """(z, x, y, png) for every tile covering ``bounds`` (lon/lat, WGS-84) plus a margin."""
    covered = covered_bounds(bounds)
    west, south, east, north = covered
    lat0 = (south + north) / 2
    m_lon, m_lat = _metres_per_degree(lat0)
    width, height = (east - west) * m_lon, (north - south) * m_lat
    spots = [((lon - west) * m_lon, (lat - south) * m_lat, urban) for lon, lat, urban in settlements]
    if not spots:
        spots = _default_settlements(random.Random(f"demo-settlements:{seed}"), width, height)
    zooms = list(zooms)

    def extent_at(z: int) -> Extent:
        """The area (metres) the tiles of zoom ``z`` cover."""
        xs, ys = tile_range(covered, z)
        w, n = tile_to_lonlat(xs.start, ys.start, z)
        e, s = tile_to_lonlat(xs.stop, ys.stop, z)
        return ((w - west) * m_lon, (s - south) * m_lat, (e - west) * m_lon, (n - south) * m_lat)

    overview = extent_at(min(zooms))
    detail = extent_at(max(DETAIL.start, min(zooms)))
    scene = _scene(width, height, spots, seed, overview, detail)

    def unit(ring: Ring) -> list[tuple[float, float]]:
        """Web Mercator in [0, 1]²: independent of zoom, so computed once per vertex."""
        return [lonlat_to_tile(west + x / m_lon, south + y / m_lat, 0) for x, y in ring]

    polygons = [(zs, colour, unit(ring)) for zs, colour, ring in scene.polygons]
    lines = [(LINE_STYLES[name], unit(pts)) for name, pts in scene.lines]
    for z in zooms:
        yield from _render_zoom(polygons, lines, z, covered, lat0)


def _metres_per_degree(lat: float) -> tuple[float, float]:
    return 111_320.0 * math.cos(math.radians(lat)), 110_950.0


def covered_bounds(bounds: Bounds) -> Bounds:
    """The township's bounds plus the margin the demo map draws around it."""
    west, south, east, north = bounds
    m_lon, m_lat = _metres_per_degree((south + north) / 2)
    return (west - _MARGIN_M / m_lon, south - _MARGIN_M / m_lat, east + _MARGIN_M / m_lon, north + _MARGIN_M / m_lat)


def _default_settlements(rng: random.Random, width: float, height: float) -> list[tuple[float, float, bool]]:
    """Twelve places on a jittered 4 × 3 lattice, three of them communities, when none are given."""
    inner_w, inner_h = width - 2 * _MARGIN_M, height - 2 * _MARGIN_M
    spots = []
    for row in range(3):
        for col in range(4):
            x = _MARGIN_M + inner_w * (col + 0.5) / 4 + rng.uniform(-250, 250)
            y = _MARGIN_M + inner_h * (2.5 - row) / 3 + rng.uniform(-200, 200)
            spots.append((x, y, (row, col) in {(1, 1), (1, 2), (2, 1)}))
    return spots


UnitRing = list[tuple[float, float]]


def _render_zoom(
    unit_polygons: list[tuple[range, tuple[int, int, int], UnitRing]], unit_lines: list[tuple[_LineStyle, UnitRing]],
    z: int, bounds: Bounds, lat0: float,
) -> Iterable[tuple[int, int, int, bytes]]:  # fmt: skip
    scale = 256 * _SS
    k = scale * (1 << z)

    def project(ring: UnitRing) -> list[tuple[float, float]]:
        return [(x * k, y * k) for x, y in ring]

    m_per_px = 156_543.03 * math.cos(math.radians(lat0)) / (1 << z) / _SS
    projected = [(colour, project(ring)) for zooms, colour, ring in unit_polygons if z in zooms]
    lines = []
    for style, pts in unit_lines:
        if z < style.min_zoom:
            continue
        width = max(style.min_px * _SS, style.width_m / m_per_px)
        lines.append((style, width, project(pts)))
    lines.sort(key=lambda item: item[0].layer)
    polygons = [(c, pts, min(y for _, y in pts), max(y for _, y in pts)) for c, pts in projected]
    lines_bb = [(s, w, pts, min(y for _, y in pts) - w, max(y for _, y in pts) + w) for s, w, pts in lines]

    xs, ys = tile_range(bounds, z)
    for ty in ys:
        top = ty * scale
        left = xs.start * scale
        strip = Image.new("RGB", (len(xs) * scale, scale), BACKGROUND)
        draw = ImageDraw.Draw(strip)

        def local(pts: list[tuple[float, float]], left: float = left, top: float = top) -> list[tuple[float, float]]:
            return [(x - left, y - top) for x, y in pts]

        for colour, pts, lo, hi in polygons:
            if hi >= top and lo <= top + scale:
                draw.polygon(local(pts), fill=colour)
        visible = [(s, w, local(pts)) for s, w, pts, lo, hi in lines_bb if hi >= top and lo <= top + scale]
        # Water first, then every road's casing, then the road fills: crossings join cleanly.
        for style, width, pts in visible:
            if style.casing is None:
                _line(draw, pts, style.fill, width)
        for style, width, pts in visible:
            if style.casing is not None:
                _line(draw, pts, style.casing, width + 1.6 * _SS)
        for style, width, pts in visible:
            if style.casing is not None:
                _line(draw, pts, style.fill, width)
        strip = strip.reduce(_SS)
        for i, tx in enumerate(xs):
            tile = strip.crop((i * 256, 0, (i + 1) * 256, 256))
            yield z, tx, ty, _png(tile)


def _line(
    draw: ImageDraw.ImageDraw, pts: list[tuple[float, float]], colour: tuple[int, int, int], width: float
) -> None:
    w = max(1, round(width))
    draw.line(pts, fill=colour, width=w, joint="curve")
    r = w / 2
    for x, y in (pts[0], pts[-1]):
        draw.ellipse((x - r, y - r, x + r, y + r), fill=colour)


def _png(tile: Image.Image) -> bytes:
    buffer = io.BytesIO()
    tile.quantize(colors=128, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE).save(
        buffer, format="PNG", compress_level=6
    )
    return buffer.getvalue()


# --- MBTiles output -------------------------------------------------------------------------------------
def write_demo_tiles(path: Path, bounds: Bounds, settlements: Sequence[Settlement] = (), seed: int = 0) -> int:
    """Render the demo base map into a new MBTiles file at ``path``; returns the number of tiles."""
    path = Path(path)
    path.unlink(missing_ok=True)
    conn = sqlite3.connect(path)
    try:
        conn.executescript(
            "CREATE TABLE metadata (name TEXT, value TEXT);"
            "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);"
            "CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row);"
        )
        count = 0
        for z, x, y, png in render_tiles(bounds, settlements, ZOOMS, seed):
            conn.execute("INSERT INTO tiles VALUES (?, ?, ?, ?)", (z, x, tms_row(z, y), png))
            count += 1
        west, south, east, north = covered_bounds(bounds)
        meta = {
            "name": "演示乡镇底图", "format": "png", "type": "baselayer", "version": "1",
            "description": "govdesk 演示用底图（虚构地形，仅供演示）", "crs": "wgs84",
            "minzoom": str(min(ZOOMS)), "maxzoom": str(max(ZOOMS)),
            "bounds": f"{west:.6f},{south:.6f},{east:.6f},{north:.6f}",
            "center": f"{(west + east) / 2:.6f},{(south + north) / 2:.6f},13",
            "attribution": "演示底图（虚构）",
        }  # fmt: skip
        conn.executemany("INSERT INTO metadata VALUES (?, ?)", meta.items())
        conn.commit()
    finally:
        conn.close()
    return count


def ensure_demo_tiles(data_dir: Path, bounds: Bounds, settlements: Sequence[Settlement] = ()) -> Path:
    """``<data_dir>/tiles/basemap.mbtiles``: generated for the demo township unless a base map exists.

    ``bounds`` is (west, south, east, north) of the township; ``settlements`` optionally places the
    built-up areas at the villages' centres, (lon, lat, is_community) each.
    """
    target = basemap_path(data_dir)
    if target.exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    try:
        write_demo_tiles(partial, bounds, settlements)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return target


def ensure_demo_tiles_for_villages(data_dir: Path, villages: Iterable[tuple[dict[str, Any], bool]]) -> Path | None:
    """The demo loader's hook: ``ensure_demo_tiles`` around these villages, each (GeoJSON boundary,
    is_community), with a built-up area at each village's centre. None when no village has a boundary."""
    shapes = [(boundary, community) for boundary, community in villages if boundary]
    points = [p for boundary, _ in shapes for p in _outer_points(boundary)]
    if not points:
        return None
    bounds = (
        min(p[0] for p in points),
        min(p[1] for p in points),
        max(p[0] for p in points),
        max(p[1] for p in points),
    )
    settlements = []
    for boundary, community in shapes:
        centre = label_point(boundary)
        if centre is not None:
            settlements.append((centre[0], centre[1], community))
    return ensure_demo_tiles(data_dir, bounds, settlements)


def _outer_points(geometry: dict[str, Any]) -> list[list[float]]:
    if geometry.get("type") == "Polygon":
        return list(geometry["coordinates"][0])
    if geometry.get("type") == "MultiPolygon":
        return [p for polygon in geometry["coordinates"] for p in polygon[0]]
    return []
