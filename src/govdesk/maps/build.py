"""The case map page: plain data in, one HTML document out (folium builds the Leaflet skeleton).

Everything the page shows is carried as JSON in a ``<script type="application/json">`` block and turned
into layers by ``govdesk-map.js``, which writes text with ``textContent`` only. No user text is ever handed
to folium as HTML: folium 0.20 places Popup/Tooltip strings in a JavaScript template literal, where
``${...}`` would run. The JSON is escaped so that it cannot close its script element either.

Markers are built in the page from columns of numbers and strings (one small array per field), then
clustered in chunks: 50,000 cases stay usable where one folium object per marker would not.
"""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import folium
from branca.element import Element, Figure, MacroElement
from folium.elements import JSCSSMixin
from folium.template import Template

from govdesk.domain.codes import Kind, Risk
from govdesk.maps import assets
from govdesk.maps.coords import CoordinateSystem, to_display

Geometry = dict[str, Any]
Bounds = tuple[float, float, float, float]  # west, south, east, north

APP_ASSET_BASE = "govdesk-map://app/assets"

RISK_COLORS = {Risk.RED: "#d93025", Risk.YELLOW: "#e8a100", Risk.GREEN: "#1e8e3e"}
RISK_ORDER = (Risk.RED, Risk.YELLOW, Risk.GREEN)
# Heat-map weight of one case by its risk: a red case counts for more than two green ones.
HEAT_WEIGHTS = {Risk.RED.value: 1.0, Risk.YELLOW.value: 0.7, Risk.GREEN.value: 0.45}

# One 16×16 line glyph per kind, drawn white on the risk colour (no icon font to download).
KIND_ICONS = {
    Kind.DISPUTE: "M8 2.5v11M5 13.5h6M3 4.5h10M3 4.5 1.5 8.5a1.6 1.6 0 0 0 3 0L3 4.5M13 4.5l-1.5 4a1.6 1.6 0 0 0 3 0L13 4.5",
    Kind.COMPLAINT: "M2.5 6.5v3h2l5 3v-9l-5 3h-2M12 5.5a3.5 3.5 0 0 1 0 5",
    Kind.SUGGESTION: "M6 12.5h4M6.5 14.5h3M8 1.8a4.2 4.2 0 0 0-2.6 7.5c.5.4.6.9.6 1.6h4c0-.7.1-1.2.6-1.6A4.2 4.2 0 0 0 8 1.8",
    Kind.HELP: "M8 3v10M3 8h10",
    Kind.CONSULTATION: "M5.6 5.8a2.5 2.5 0 1 1 3.4 2.3c-.6.3-1 .8-1 1.5v.8M8 12.8v.2",
    Kind.GRID_EVENT: "M4 14.5v-13M4 2.5h8.5l-2 3 2 3H4",
}  # fmt: skip

LABELS = {
    "baseMap": "底图", "noBaseMap": "无底图", "villages": "村（社区）边界", "grids": "网格边界",
    "cases": "事项", "heat": "热力图", "officer": "网格员：", "category": "类别：", "risk": "风险等级：",
    "noCategory": "未分类", "riskHeading": "风险等级", "kindHeading": "事项类型",
}  # fmt: skip


@dataclass(frozen=True)
class Area:
    """A village/community or a grid with its boundary (GeoJSON Polygon or MultiPolygon, WGS-84)."""

    id: str
    code: str
    name: str
    boundary: Geometry
    officer: str = ""  # the grid officer's name (grids only)
    village_id: str | None = None
    is_community: bool = False


@dataclass(frozen=True)
class CaseMarker:
    local_no: int
    number: str
    category: str  # the category's name, "" when none
    kind: str  # a Kind value
    risk: str  # a Risk value
    lat: float  # WGS-84
    lon: float


@dataclass(frozen=True)
class HeatPoint:
    lat: float  # WGS-84
    lon: float
    weight: float = 1.0


@dataclass(frozen=True)
class MapData:
    villages: tuple[Area, ...] = ()
    grids: tuple[Area, ...] = ()
    cases: tuple[CaseMarker, ...] = ()
    heat: tuple[HeatPoint, ...] = ()
    heat_period: str = ""  # e.g. "2025-12-01 至 2026-11-30"
    unplaced: int = 0  # matching cases without coordinates (not on the map)
    title: str = ""  # shown on the legend, e.g. the center's name


@dataclass(frozen=True)
class TileLayerSpec:
    """Where the base map comes from: a URL template on the app's scheme, or tiles inlined as base64."""

    min_zoom: int
    max_zoom: int
    crs: CoordinateSystem = "wgs84"
    bounds: Bounds | None = None
    url: str | None = None  # "govdesk-map://app/tiles/{z}/{x}/{y}"
    inline: Mapping[str, str] | None = None  # "z/x/y" -> base64 tile data (exported pages)
    mime_type: str = "image/png"
    attribution: str = ""


@dataclass(frozen=True)
class MapOptions:
    asset_base: str = APP_ASSET_BASE
    tiles: TileLayerSpec | None = None
    show_heat: bool = False  # start with the heat map instead of the case markers
    bridge: bool = True  # tell the desktop program about clicks and picks (DOM events it relays)
    max_zoom: int = 18  # clustering needs a maximum zoom when there may be no tile layer
    min_zoom: int = 11  # a township fills ~130 px at zoom 11; fewer levels also make clustering faster
    grid_label_zoom: int = 15
    labels: Mapping[str, str] = field(default_factory=lambda: dict(LABELS))


def build_map_html(data: MapData, options: MapOptions) -> str:
    """The whole page as one HTML string (write it to a file or serve it; it can be several MB).

    Scripts and styles load from ``options.asset_base`` (the app's own URL scheme); the page's content
    security policy allows nothing else. ``export.write_offline_html`` makes a self-contained file instead.
    """
    own = options.asset_base.split("://", 1)[0] + ":" if "://" in options.asset_base else ""
    return render_map_page(data, options, own)


def render_map_page(data: MapData, options: MapOptions, allowed_source: str) -> str:
    """The page, with a content security policy allowing only ``allowed_source`` (a scheme, or "")."""
    crs: CoordinateSystem = options.tiles.crs if options.tiles else "wgs84"
    payload = map_payload(data, options, crs)
    fit = payload["fitBounds"]
    centre = [(fit[1] + fit[3]) / 2, (fit[0] + fit[2]) / 2] if fit else [30.6, 120.5]

    m = folium.Map(location=centre, tiles=None, zoom_start=13, zoom_control=True, font_size="14px")
    m._id = "govdesk"  # a stable JavaScript name: map_govdesk
    m.options.update(max_zoom=options.max_zoom, min_zoom=options.min_zoom)
    m.default_js = [("leaflet", assets.asset_url(options.asset_base, assets.LEAFLET_JS))]
    m.default_css = [("leaflet_css", assets.asset_url(options.asset_base, assets.LEAFLET_CSS))]
    _CaseLayers(payload, options).add_to(m)
    figure = m.get_root()
    assert isinstance(figure, Figure)
    figure.header.add_child(Element(_csp_meta(allowed_source)), name="content_security_policy", index=1)
    html: str = figure.render()
    leaks = assets.remote_urls(html)
    if leaks:
        raise RuntimeError(f"the map page would load remote resources: {leaks[:3]}")
    return html


class _CaseLayers(JSCSSMixin, MacroElement):
    """The JSON block and the call that builds every layer from it."""

    _template = Template(
        """
        {% macro html(this, kwargs) %}
        <script type="application/json" id="govdesk-map-data">{{ this.payload_json }}</script>
        {% endmacro %}
        {% macro script(this, kwargs) %}
            govdeskMap.start({{ this._parent.get_name() }}, document.getElementById("govdesk-map-data"));
        {% endmacro %}
        """
    )

    def __init__(self, payload: dict[str, Any], options: MapOptions) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self._name = "GovdeskLayers"
        self.payload_json = script_json(payload)
        base = options.asset_base
        self.default_js = [
            ("markercluster", assets.asset_url(base, assets.MARKERCLUSTER_JS)),
            ("leaflet_heat", assets.asset_url(base, assets.HEAT_JS)),
            ("govdesk_map", assets.asset_url(base, assets.MAP_JS)),
        ]
        self.default_css = [
            ("markercluster_css", assets.asset_url(base, assets.MARKERCLUSTER_CSS)),
            ("govdesk_map_css", assets.asset_url(base, assets.MAP_CSS)),
        ]


def script_json(value: Any) -> str:
    """JSON safe inside a <script> element: no "<", ">", "&" (so no "</script>"), no "$", no U+2028/9."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("$", "\\u0024"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):  # fmt: skip
        text = text.replace(raw, escaped)
    return text


def _csp_meta(own: str) -> str:
    """Defence in depth: the page itself refuses to load anything but its own scheme and data: URIs."""
    mine = f"{own} " if own else ""
    connect = own or "'none'"
    policy = (
        f"default-src 'none'; script-src {mine}'unsafe-inline'; style-src {mine}'unsafe-inline'; "
        f"img-src {mine}data: blob:; font-src {mine}data:; connect-src {connect}; "
        "base-uri 'none'; form-action 'none'"
    )
    return f'<meta http-equiv="Content-Security-Policy" content="{policy}">'


# --- the JSON payload -----------------------------------------------------------------------------------
def map_payload(data: MapData, options: MapOptions, crs: CoordinateSystem = "wgs84") -> dict[str, Any]:
    """Everything the page needs, in display coordinates. Cases go in columns to keep 50,000 compact."""

    def point(lat: float, lon: float) -> tuple[float, float]:
        d_lat, d_lon = to_display(lat, lon, crs)
        return round(d_lat, 6), round(d_lon, 6)

    kinds = list(Kind)
    kind_index = {k.value: i for i, k in enumerate(kinds)}
    risk_index = {r.value: i for i, r in enumerate(RISK_ORDER)}
    categories: dict[str, int] = {}
    cols: dict[str, list[Any]] = {"no": [], "lat": [], "lon": [], "risk": [], "kind": [], "number": [], "cat": []}
    for c in data.cases:
        if not _valid_point(c.lat, c.lon):
            continue
        lat, lon = point(c.lat, c.lon)
        cols["no"].append(int(c.local_no))
        cols["lat"].append(lat)
        cols["lon"].append(lon)
        cols["risk"].append(risk_index.get(c.risk, risk_index[Risk.GREEN.value]))
        cols["kind"].append(kind_index.get(c.kind, kind_index[Kind.GRID_EVENT.value]))
        cols["number"].append(c.number)
        cols["cat"].append(categories.setdefault(c.category, len(categories)) if c.category else -1)

    heat = [[*point(h.lat, h.lon), round(h.weight, 3)] for h in data.heat if _valid_point(h.lat, h.lon)]
    villages = _areas(data.villages, crs)
    grids = _areas(data.grids, crs)
    fit = _fit_bounds(villages, grids, cols, options.tiles)
    labels = dict(options.labels)
    notes = []
    if data.unplaced:
        notes.append(f"另有 {data.unplaced:,} 件没有坐标，未在图上显示。")
    if data.heat_period:
        labels["heat"] = f"{labels['heat']}（{data.heat_period}）"
    labels["heatNote"] = f"热力图：{data.heat_period or '全部事项'}，红色风险权重最高。"
    tiles = options.tiles
    return {
        "title": data.title,
        "labels": labels,
        "notes": notes,
        "kinds": [{"value": k.value, "label": k.label, "icon": KIND_ICONS[k]} for k in kinds],
        "risks": [{"value": r.value, "label": r.label + "色", "color": RISK_COLORS[r]} for r in RISK_ORDER],
        "categories": list(categories),
        "cases": cols,
        "heat": heat,
        "heatMax": _heat_max(len(heat), options.max_zoom),
        "villages": villages,
        "grids": grids,
        "fitBounds": fit,
        "maxZoom": options.max_zoom,
        "minZoom": options.min_zoom,
        "gridLabelZoom": options.grid_label_zoom,
        "showHeat": options.show_heat,
        "bridge": options.bridge,
        "crs": crs,
        "tiles": None if tiles is None else {
            "url": tiles.url, "inline": dict(tiles.inline) if tiles.inline is not None else None,
            "mime": tiles.mime_type, "minZoom": tiles.min_zoom, "maxZoom": tiles.max_zoom,
            "bounds": list(tiles.bounds) if tiles.bounds else None,  # already in the tiles' own system
            "attribution": tiles.attribution,
        },
    }  # fmt: skip


def _valid_point(lat: float, lon: float) -> bool:
    return math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180


def _heat_max(n: int, max_zoom: int) -> float:
    """Intensity at which the heat map turns red: grows with the number of points, so that the densest
    places stand out whether a township has a thousand cases or twenty thousand (tuned on the demo at
    zoom 14). Leaflet.heat halves a point's weight for every zoom level below ``max_zoom``."""
    return round(max(0.5, min(30.0, n / 1100)) / 2.0 ** (max_zoom - 15), 4)


def _areas(areas: Sequence[Area], crs: CoordinateSystem) -> dict[str, Any]:
    features = []
    for area in areas:
        geometry = _display_geometry(area.boundary, crs)
        if geometry is None:
            continue
        label = label_point(geometry)
        features.append({
            "type": "Feature", "geometry": geometry,
            "properties": {"name": area.name, "code": area.code, "officer": area.officer,
                           "community": area.is_community, "labelAt": list(label) if label else None},
        })  # fmt: skip
    return {"type": "FeatureCollection", "features": features}


def _display_geometry(geometry: Geometry, crs: CoordinateSystem) -> Geometry | None:
    kind = geometry.get("type")
    coords = geometry.get("coordinates")
    if kind == "Polygon" and isinstance(coords, list):
        polygons = [coords]
    elif kind == "MultiPolygon" and isinstance(coords, list):
        polygons = coords
    else:
        return None
    out = []
    for polygon in polygons:
        rings = []
        for ring in polygon:
            moved = []
            for lon, lat, *_ in ring:
                d_lat, d_lon = to_display(float(lat), float(lon), crs)
                moved.append([round(d_lon, 6), round(d_lat, 6)])
            rings.append(moved)
        out.append(rings)
    return (
        {"type": "Polygon", "coordinates": out[0]}
        if kind == "Polygon"
        else {"type": "MultiPolygon", "coordinates": out}
    )


def label_point(geometry: Geometry) -> tuple[float, float] | None:
    """Where a name goes: the area centroid of the largest outer ring (lon, lat)."""
    coords = geometry["coordinates"]
    outer = [coords[0]] if geometry["type"] == "Polygon" else [polygon[0] for polygon in coords]
    best: tuple[float, float, float] | None = None
    for ring in outer:
        twice_area = cx = cy = 0.0
        for (x1, y1), (x2, y2) in itertools.pairwise(ring):
            cross = x1 * y2 - x2 * y1
            twice_area += cross
            cx += (x1 + x2) * cross
            cy += (y1 + y2) * cross
        if twice_area == 0:
            continue
        candidate = (abs(twice_area), cx / (3 * twice_area), cy / (3 * twice_area))
        if best is None or candidate[0] > best[0]:
            best = candidate
    return (round(best[1], 6), round(best[2], 6)) if best else None


def _points(geometry: Geometry) -> Iterable[Sequence[float]]:
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    for polygon in polygons:
        for ring in polygon:
            yield from ring


def _fit_bounds(
    villages: dict[str, Any], grids: dict[str, Any], cols: dict[str, list[Any]], tiles: TileLayerSpec | None
) -> list[float] | None:
    """The township's extent (its villages, else its grids), else the cases', else the base map's."""
    lons: list[float] = []
    lats: list[float] = []
    for collection in (villages, grids):
        for feature in collection["features"]:
            for lon, lat in _points(feature["geometry"]):
                lons.append(lon)
                lats.append(lat)
        if lons:
            break
    if not lons and cols["lat"]:
        lats, lons = sorted(cols["lat"]), sorted(cols["lon"])
        # Ignore the farthest 1 % each way: one mistyped coordinate must not zoom out to the whole province.
        cut = len(lats) // 100
        lats, lons = lats[cut : len(lats) - cut], lons[cut : len(lons) - cut]
    if lons:
        return [min(lons), min(lats), max(lons), max(lats)]
    if tiles is not None and tiles.bounds:
        return list(tiles.bounds)
    return None
