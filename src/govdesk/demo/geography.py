"""Village and grid boundaries of the fictional township, as GeoJSON polygons (lon/lat, WGS-84).

Every boundary is traced along one shared, jittered lattice of small cells, and every cell belongs to
exactly one grid. Neighbouring polygons therefore share their vertices exactly: no overlaps, no gaps,
however irregular the borders look.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

Geometry = dict[str, Any]
Cell = tuple[int, int]
Point = tuple[int, int]

ORIGIN_LON, ORIGIN_LAT = 120.5, 30.6
CELL_KM = 0.32  # six or seven cells make a village 1.9–2.3 km across
_KM_PER_DEG_LAT = 110.95
_KM_PER_DEG_LON = 111.32 * math.cos(math.radians(ORIGIN_LAT))
_ATTEMPTS = 200


@dataclass(frozen=True)
class VillageShape:
    boundary: Geometry
    grids: tuple[Geometry, ...]


def lay_out_villages(rng: random.Random, grid_counts: Sequence[Sequence[int]]) -> tuple[VillageShape, ...]:
    """Villages on a rows × columns arrangement (row 0 is the north), each split into 3 strips or 4 quarters.

    ``grid_counts[row][col]`` is 3 or 4. The result is in reading order: north to south, west to east.
    """
    rows, cols = len(grid_counts), len(grid_counts[0])
    widths = [rng.choice((6, 7)) for _ in range(cols)]
    heights = [rng.choice((6, 7)) for _ in range(rows)]
    x_edges = [sum(widths[:c]) for c in range(cols + 1)]
    # Lattice y grows northwards, so the northern village row sits on top of the lattice.
    y_edges = [sum(heights[rows - 1 - r] for r in range(k)) for k in range(rows + 1)]
    lattice = _jittered_lattice(rng, x_edges[-1], y_edges[-1])
    for attempt in range(_ATTEMPTS + 1):
        wiggle = attempt < _ATTEMPTS  # the last attempt uses straight borders, which always work
        v_off = [_walk(rng, y_edges[-1], wiggle) for _ in range(cols - 1)]
        h_off = [_walk(rng, x_edges[-1], wiggle) for _ in range(rows - 1)]
        shapes = _try_layout(grid_counts, x_edges, y_edges, v_off, h_off, lattice)
        if shapes is not None:
            return shapes
    raise AssertionError("straight borders always give a valid layout")  # pragma: no cover


def _walk(rng: random.Random, length: int, wiggle: bool) -> list[int]:
    """How far a border strays from its straight line, cell by cell: a slow random walk within ±1."""
    offsets, current = [], 0
    for _ in range(length):
        if wiggle and rng.random() < 0.3:
            current = max(-1, min(1, current + rng.choice((-1, 1))))
        offsets.append(current)
    return offsets


def _jittered_lattice(rng: random.Random, width: int, height: int) -> list[list[tuple[float, float]]]:
    dlon, dlat = CELL_KM / _KM_PER_DEG_LON, CELL_KM / _KM_PER_DEG_LAT
    lon0 = ORIGIN_LON - width * dlon / 2
    lat0 = ORIGIN_LAT - height * dlat / 2
    phase_x, phase_y = rng.uniform(0, 2 * math.pi), rng.uniform(0, 2 * math.pi)
    lattice = []
    for i in range(width + 1):
        column = []
        for j in range(height + 1):
            # A gentle warp plus jitter below a quarter cell keeps cells from folding over each other.
            x = i + 0.35 * math.sin(j / 3 + phase_x) + rng.uniform(-0.2, 0.2)
            y = j + 0.35 * math.sin(i / 4 + phase_y) + rng.uniform(-0.2, 0.2)
            column.append((round(lon0 + x * dlon, 6), round(lat0 + y * dlat, 6)))
        lattice.append(column)
    return lattice


def _try_layout(
    grid_counts: Sequence[Sequence[int]], x_edges: list[int], y_edges: list[int],
    v_off: list[list[int]], h_off: list[list[int]], lattice: list[list[tuple[float, float]]],
) -> tuple[VillageShape, ...] | None:  # fmt: skip
    rows, cols = len(grid_counts), len(grid_counts[0])
    cells_of: dict[tuple[int, int], list[Cell]] = {}
    for x in range(x_edges[-1]):
        for y in range(y_edges[-1]):
            col = sum(1 for e in range(1, cols) if x_edges[e] + v_off[e - 1][y] <= x)
            level = sum(1 for e in range(1, rows) if y_edges[e] + h_off[e - 1][x] <= y)
            cells_of.setdefault((rows - 1 - level, col), []).append((x, y))
    shapes = []
    for row in range(rows):
        for col in range(cols):
            cells = cells_of.get((row, col), [])
            level = rows - 1 - row
            parts = _split(cells, x_edges[col], x_edges[col + 1], y_edges[level], y_edges[level + 1],
                           grid_counts[row][col])  # fmt: skip
            village = _polygon(set(cells), lattice)
            grids = [_polygon(set(part), lattice) for part in parts]
            if village is None or any(g is None for g in grids):
                return None
            checked = [g for g in grids if g is not None]
            if any(not contains(g, *centroid(g)) for g in checked):
                return None
            shapes.append(VillageShape(boundary=village, grids=tuple(checked)))
    return tuple(shapes)


def _split(cells: list[Cell], x0: int, x1: int, y0: int, y1: int, count: int) -> list[list[Cell]]:
    """Three west-to-east strips, or four quarters numbered from the north-west like reading a page."""
    if count == 3:
        cuts = [x0 + round((x1 - x0) * k / 3) for k in (1, 2)]
        return [[c for c in cells if sum(c[0] >= cut for cut in cuts) == k] for k in range(3)]
    if count == 4:
        mid_x, mid_y = (x0 + x1) // 2, (y0 + y1) // 2
        order = ((False, True), (True, True), (False, False), (True, False))
        return [[c for c in cells if (c[0] >= mid_x, c[1] >= mid_y) == key] for key in order]
    raise ValueError(f"a village is split into 3 or 4 grids, not {count}")


def _polygon(cells: set[Cell], lattice: list[list[tuple[float, float]]]) -> Geometry | None:
    """The outline of a set of cells as a counter-clockwise ring; None unless it is one simple ring."""
    following: dict[Point, Point] = {}
    for x, y in cells:
        edges = []
        if (x, y - 1) not in cells:
            edges.append(((x, y), (x + 1, y)))
        if (x + 1, y) not in cells:
            edges.append(((x + 1, y), (x + 1, y + 1)))
        if (x, y + 1) not in cells:
            edges.append(((x + 1, y + 1), (x, y + 1)))
        if (x - 1, y) not in cells:
            edges.append(((x, y + 1), (x, y)))
        for start, end in edges:
            if start in following:  # two cells touch only at a corner: the outline would cross itself
                return None
            following[start] = end
    if not following:
        return None
    start = min(following)
    ring = [start]
    point = following[start]
    while point != start:
        ring.append(point)
        point = following[point]
    if len(ring) != len(following):  # a hole or a second piece
        return None
    ring.append(start)
    return {"type": "Polygon", "coordinates": [[list(lattice[i][j]) for i, j in ring]]}


def contains(polygon: Geometry, lon: float, lat: float) -> bool:
    """Even-odd ray casting over all rings (so holes, if any, are outside)."""
    inside = False
    for ring in polygon["coordinates"]:
        for k in range(len(ring) - 1):
            (x1, y1), (x2, y2) = ring[k], ring[k + 1]
            if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
                inside = not inside
    return inside


def area(polygon: Geometry) -> float:
    """Signed area of the outer ring in square degrees (positive: counter-clockwise)."""
    ring = polygon["coordinates"][0]
    twice = 0.0
    for k in range(len(ring) - 1):
        twice += ring[k][0] * ring[k + 1][1] - ring[k + 1][0] * ring[k][1]
    return twice / 2


def centroid(polygon: Geometry) -> tuple[float, float]:
    """Area centroid (lon, lat) of the outer ring."""
    ring = polygon["coordinates"][0]
    cx = cy = 0.0
    for k in range(len(ring) - 1):
        (x1, y1), (x2, y2) = ring[k], ring[k + 1]
        cross = x1 * y2 - x2 * y1
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    six_area = 6 * area(polygon)
    return cx / six_area, cy / six_area


def random_point_in(polygon: Geometry, rng: random.Random) -> tuple[float, float]:
    """A uniformly random (lon, lat) inside the polygon, rounded to 6 decimals (about 0.1 m)."""
    ring = polygon["coordinates"][0]
    lons = [p[0] for p in ring]
    lats = [p[1] for p in ring]
    for _ in range(10_000):
        lon = round(rng.uniform(min(lons), max(lons)), 6)
        lat = round(rng.uniform(min(lats), max(lats)), 6)
        if contains(polygon, lon, lat):
            return lon, lat
    raise ValueError("no point found inside the polygon (is it degenerate?)")
