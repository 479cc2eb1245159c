"""WGS-84 ⇄ GCJ-02, the published "mars coordinates" algorithm (Krasovsky 1940 ellipsoid constants).

Stored coordinates are always WGS-84 (what a phone's GPS reports). Base maps from Chinese providers are
drawn in GCJ-02, about 300–600 m off; when a tile source declares ``gcj02`` the points are moved for
display, and a point picked on such a map is moved back before it is stored.
"""

from __future__ import annotations

import math
from typing import Literal

CoordinateSystem = Literal["wgs84", "gcj02"]

_A = 6378245.0
_EE = 0.00669342162296594323

# Names a tile set's metadata may use for its coordinate system. CGCS2000 (天地图) differs from WGS-84 by
# centimetres: for a map it is the same thing.
_ALIASES: dict[str, CoordinateSystem] = {
    "wgs84": "wgs84", "wgs-84": "wgs84", "wgs 84": "wgs84", "epsg:4326": "wgs84", "epsg:3857": "wgs84",
    "cgcs2000": "wgs84", "epsg:4490": "wgs84",
    "gcj02": "gcj02", "gcj-02": "gcj02", "gcj": "gcj02", "mars": "gcj02",
}  # fmt: skip


def parse_coordinate_system(raw: str | None) -> CoordinateSystem | None:
    """``wgs84`` or ``gcj02`` for the usual spellings; None when unknown or not given."""
    if raw is None:
        return None
    return _ALIASES.get(raw.strip().lower())


def out_of_china(lat: float, lon: float) -> bool:
    """Outside the rectangle where the offset applies (the published algorithm's own test)."""
    return not (72.004 <= lon <= 137.8347 and 0.8293 <= lat <= 55.8271)


def _offset(lat: float, lon: float) -> tuple[float, float]:
    x, y = lon - 105.0, lat - 35.0
    x_pi, y_pi = x * math.pi, y * math.pi
    common = 20.0 * math.sin(6.0 * x_pi) + 20.0 * math.sin(2.0 * x_pi)
    d_lat = common + 20.0 * math.sin(y_pi) + 40.0 * math.sin(y_pi / 3.0)
    d_lon = common + 20.0 * math.sin(x_pi) + 40.0 * math.sin(x_pi / 3.0)
    d_lat += 160.0 * math.sin(y_pi / 12.0) + 320.0 * math.sin(y_pi / 30.0)
    d_lon += 150.0 * math.sin(x_pi / 12.0) + 300.0 * math.sin(x_pi / 30.0)
    d_lat = d_lat * 2.0 / 3.0 - 100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * math.sqrt(abs(x))
    d_lon = d_lon * 2.0 / 3.0 + 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * math.sqrt(abs(x))
    rad_lat = lat / 180.0 * math.pi
    magic = 1 - _EE * math.sin(rad_lat) ** 2
    sqrt_magic = math.sqrt(magic)
    d_lat = (d_lat * 180.0) / ((_A * (1 - _EE)) / (magic * sqrt_magic) * math.pi)
    d_lon = (d_lon * 180.0) / (_A / sqrt_magic * math.cos(rad_lat) * math.pi)
    return d_lat, d_lon


def wgs84_to_gcj02(lat: float, lon: float) -> tuple[float, float]:
    if out_of_china(lat, lon):
        return lat, lon
    d_lat, d_lon = _offset(lat, lon)
    return lat + d_lat, lon + d_lon


def gcj02_to_wgs84(lat: float, lon: float) -> tuple[float, float]:
    """The inverse, by fixed-point iteration to about a millimetre (the offset changes slowly with place)."""
    if out_of_china(lat, lon):
        return lat, lon
    wgs_lat, wgs_lon = lat, lon
    for _ in range(30):
        g_lat, g_lon = wgs84_to_gcj02(wgs_lat, wgs_lon)
        err_lat, err_lon = g_lat - lat, g_lon - lon
        wgs_lat, wgs_lon = wgs_lat - err_lat, wgs_lon - err_lon
        if abs(err_lat) < 1e-9 and abs(err_lon) < 1e-9:
            break
    return wgs_lat, wgs_lon


def to_display(lat: float, lon: float, system: CoordinateSystem) -> tuple[float, float]:
    """A stored WGS-84 point in the coordinate system the base map is drawn in."""
    return wgs84_to_gcj02(lat, lon) if system == "gcj02" else (lat, lon)


def from_display(lat: float, lon: float, system: CoordinateSystem) -> tuple[float, float]:
    """A point picked on the base map, back in WGS-84 for storing."""
    return gcj02_to_wgs84(lat, lon) if system == "gcj02" else (lat, lon)
