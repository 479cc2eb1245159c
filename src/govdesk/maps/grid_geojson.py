"""Grid boundaries as GeoJSON: reading and checking a file from a county GIS, and writing one.

A grid file is a FeatureCollection of Polygon/MultiPolygon features with the properties ``code``,
``name``, ``village_code`` and optionally ``officer_name`` / ``officer_phone``. Coordinates are lon/lat
WGS-84; a file drawn on a GCJ-02 map may say so with ``"crs": {"properties": {"name": "gcj02"}}`` and is
converted on reading. Every problem is collected and reported together; nothing is accepted half-way.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from govdesk.domain.errors import ValidationError
from govdesk.maps.coords import CoordinateSystem, from_display, parse_coordinate_system

MAX_FEATURES = 5000
MAX_POSITIONS = 200_000
_SHOWN_PROBLEMS = 8


@dataclass(frozen=True)
class GridFeature:
    code: str
    name: str
    village_code: str
    officer_name: str | None  # None: leave the stored value alone
    officer_phone: str | None
    boundary: dict[str, Any]  # a checked Polygon or MultiPolygon, WGS-84


def parse_grid_collection(raw: Any) -> list[GridFeature]:
    """The grids in a parsed GeoJSON document; raises ValidationError naming every problem found."""
    if not isinstance(raw, dict) or raw.get("type") != "FeatureCollection" or not isinstance(raw.get("features"), list):
        raise ValidationError("网格文件应为 GeoJSON 的 FeatureCollection（要素集合），请检查文件内容。")
    features = raw["features"]
    if not features:
        raise ValidationError("网格文件里没有任何网格。")
    if len(features) > MAX_FEATURES:
        raise ValidationError(f"网格文件有 {len(features)} 个要素，超过 {MAX_FEATURES} 个的上限，请分开导入。")
    system = _declared_system(raw.get("crs"))
    problems: list[str] = []
    grids: list[GridFeature] = []
    seen: dict[str, int] = {}
    positions = 0
    for n, feature in enumerate(features, start=1):
        where = f"第{n}个要素"
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            problems.append(f"{where}不是 GeoJSON 要素（Feature）")
            continue
        raw_props = feature.get("properties")
        props: dict[str, Any] = raw_props if isinstance(raw_props, dict) else {}
        code = _text(props.get("code"))
        if code:
            where = f"{where}（编码 {code}）"
        geometry = feature.get("geometry")
        problem = geometry_problem(geometry)
        field_problems = [
            problem,
            None if code else "缺少网格编码 code",
            None if len(code) <= 40 else "网格编码超过40个字符",
            None if _text(props.get("name")) else "缺少网格名称 name",
            None if len(_text(props.get("name"))) <= 60 else "网格名称超过60个字符",
            None if _text(props.get("village_code")) else "缺少所属村（社区）编码 village_code",
            None if len(_text(props.get("officer_name"))) <= 60 else "网格员姓名超过60个字符",
            None if len(_text(props.get("officer_phone"))) <= 20 else "网格员电话超过20个字符",
            f"编码与第{seen[code]}个要素重复" if code in seen else None,
        ]
        found = [p for p in field_problems if p]
        if found:
            problems.append(f"{where}：{'；'.join(found)}")
            continue
        seen[code] = n
        assert isinstance(geometry, dict)
        positions += sum(len(ring) for polygon in _polygons(geometry) for ring in polygon)
        grids.append(GridFeature(
            code=code, name=_text(props.get("name")), village_code=_text(props.get("village_code")),
            officer_name=_text(props["officer_name"]) if "officer_name" in props else None,
            officer_phone=_text(props["officer_phone"]) if "officer_phone" in props else None,
            boundary=_normalised(geometry, system),
        ))  # fmt: skip
    if positions > MAX_POSITIONS:
        problems.append(f"边界点共 {positions} 个，超过 {MAX_POSITIONS} 个的上限，请先简化边界")
    if problems:
        raise ValidationError(describe_problems(problems))
    return grids


def describe_problems(problems: list[str]) -> str:
    shown = "\n".join(problems[:_SHOWN_PROBLEMS])
    more = f"\n……另有 {len(problems) - _SHOWN_PROBLEMS} 处问题" if len(problems) > _SHOWN_PROBLEMS else ""
    return f"网格文件有 {len(problems)} 处问题，没有导入任何内容：\n{shown}{more}"


def geometry_problem(geometry: Any) -> str | None:
    """What is wrong with a boundary (in words for the user), or None when it is a usable polygon."""
    if not isinstance(geometry, dict) or geometry.get("type") not in ("Polygon", "MultiPolygon"):
        kind = geometry.get("type") if isinstance(geometry, dict) else None
        return f"边界应为面（Polygon 或 MultiPolygon），而不是{kind or '空'}"
    coords = geometry.get("coordinates")
    polygons = [coords] if geometry["type"] == "Polygon" else coords
    if not isinstance(polygons, list) or not polygons:
        return "边界没有坐标"
    for polygon in polygons:
        if not isinstance(polygon, list) or not polygon:
            return "边界的面没有坐标环"
        for k, ring in enumerate(polygon):
            if not isinstance(ring, list) or len(ring) < 4:
                return "边界的坐标环少于4个点（至少3个不同的点并回到起点）"
            for pos in ring:
                if not (isinstance(pos, list) and len(pos) >= 2 and all(_number(v) for v in pos[:2])):
                    return "边界含有不是经纬度数字的坐标"
                lon, lat = pos[0], pos[1]
                if not (-180 <= lon <= 180 and -90 <= lat <= 90):
                    return f"坐标 [{lon}, {lat}] 超出经纬度范围（应先写经度、后写纬度）"
            if ring[0][:2] != ring[-1][:2]:
                return "边界的坐标环没有闭合（最后一个点应与第一个点相同）"
            if k == 0 and abs(_ring_area(ring)) < 1e-12:
                return "边界面积为零"
    return None


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _ring_area(ring: list[list[float]]) -> float:
    return sum(a[0] * b[1] - b[0] * a[1] for a, b in itertools.pairwise(ring)) / 2


def _polygons(geometry: dict[str, Any]) -> list[Any]:
    return [geometry["coordinates"]] if geometry["type"] == "Polygon" else list(geometry["coordinates"])


def _normalised(geometry: dict[str, Any], system: CoordinateSystem) -> dict[str, Any]:
    polygons = []
    for polygon in _polygons(geometry):
        rings = []
        for ring in polygon:
            points = []
            for pos in ring:
                lat, lon = from_display(float(pos[1]), float(pos[0]), system)
                points.append([round(lon, 7), round(lat, 7)])
            rings.append(points)
        polygons.append(rings)
    if geometry["type"] == "Polygon":
        return {"type": "Polygon", "coordinates": polygons[0]}
    return {"type": "MultiPolygon", "coordinates": polygons}


def _declared_system(crs: Any) -> CoordinateSystem:
    if crs is None:
        return "wgs84"
    name = (
        crs.get("properties", {}).get("name")
        if isinstance(crs, dict) and isinstance(crs.get("properties"), dict)
        else crs
    )
    system = parse_coordinate_system(name) if isinstance(name, str) else None
    if system is None:
        # "urn:ogc:def:crs:OGC:1.3:CRS84" and friends are WGS-84 too.
        if isinstance(name, str) and ("CRS84" in name.upper() or "4326" in name):
            return "wgs84"
        raise ValidationError(f"网格文件声明的坐标系“{name}”不认识，只支持 WGS-84 和 GCJ-02。")
    return system


def _text(value: Any) -> str:
    if value is None:
        return ""
    return str(value).strip()


@dataclass(frozen=True)
class GridOut:
    code: str
    name: str
    village_code: str
    village_name: str
    officer_name: str
    boundary: dict[str, Any] | None


def grid_collection(grids: Iterable[GridOut]) -> dict[str, Any]:
    """A FeatureCollection another GIS (or ``parse_grid_collection``) can read back. WGS-84 lon/lat."""
    return {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "geometry": g.boundary,
             "properties": {"code": g.code, "name": g.name, "village_code": g.village_code,
                            "village_name": g.village_name, "officer_name": g.officer_name}}
            for g in grids
        ],
    }  # fmt: skip
