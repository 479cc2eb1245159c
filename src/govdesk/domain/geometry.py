"""Point-in-polygon on GeoJSON geometries (lon/lat), enough to find the grid a location falls in."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

Ring = Sequence[Sequence[float]]


def point_in_ring(x: float, y: float, ring: Ring) -> bool:
    """Even-odd ray casting."""
    inside = False
    n = len(ring)
    j = n - 1
    for i in range(n):
        xi, yi = ring[i][0], ring[i][1]
        xj, yj = ring[j][0], ring[j][1]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def _in_polygon(x: float, y: float, rings: Sequence[Ring]) -> bool:
    if not rings or not point_in_ring(x, y, rings[0]):
        return False
    return not any(point_in_ring(x, y, hole) for hole in rings[1:])


def point_in_geometry(x: float, y: float, geometry: dict[str, Any]) -> bool:
    """True when (x=lon, y=lat) lies in a GeoJSON Polygon or MultiPolygon (or a Feature holding one)."""
    if geometry.get("type") == "Feature":
        geometry = geometry.get("geometry") or {}
    kind = geometry.get("type")
    coords = geometry.get("coordinates") or []
    if kind == "Polygon":
        return _in_polygon(x, y, coords)
    if kind == "MultiPolygon":
        return any(_in_polygon(x, y, poly) for poly in coords)
    return False
