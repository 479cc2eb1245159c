"""Map use cases: the case map for a filter, the offline HTML export, base-map and grid import/export,
and which grid a point lies in.

The map shows exactly what the case list shows: the same ``CaseFilter``, read in one transaction as
plain columns. Coordinates are stored in WGS-84; the page is drawn in the base map's system.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from govdesk.domain.clock import china_date, china_today
from govdesk.domain.codes import Kind, Risk
from govdesk.domain.errors import GovdeskError, ValidationError
from govdesk.domain.geometry import point_in_geometry
from govdesk.maps import assets
from govdesk.maps.build import HEAT_WEIGHTS, Area, CaseMarker, HeatPoint, MapData, MapOptions, TileLayerSpec
from govdesk.maps.build import build_map_html as _build_html
from govdesk.maps.export import ExportSummary, write_offline_html
from govdesk.maps.grid_geojson import GridOut, describe_problems, grid_collection, parse_grid_collection
from govdesk.maps.tiles import MBTiles, TileSetInfo, basemap_path, import_tiles
from govdesk.paths import resource
from govdesk.security.policy import Perm, Role, require
from govdesk.services.actor import Actor
from govdesk.store import maps_repo, reference_repo
from govdesk.store.audit_repo import append_audit
from govdesk.store.cases_repo import CaseFilter
from govdesk.store.store import Store

TILE_URL = "govdesk-map://app/tiles/{z}/{x}/{y}"
DEFAULT_HEAT_DAYS = 365


class MapInstallError(GovdeskError):
    """The map's script files are missing from the installation."""


def asset_dir() -> Path:
    """The vendored Leaflet files and the page's own script, checked once per call."""
    folder = resource("map")
    missing = assets.missing_assets(folder)
    if missing:
        raise MapInstallError(f"地图组件不完整（缺少 {missing[0]}），请重新安装 govdesk。")
    return folder


# --- the case map ---------------------------------------------------------------------------------------
def map_data(
    store: Store, flt: CaseFilter | None, *, heat_days: int | None = DEFAULT_HEAT_DAYS, today: dt.date | None = None
) -> MapData:
    """Boundaries, the filtered cases with coordinates, and heat points for the last ``heat_days`` days
    (None: all filtered cases), from one read transaction. ``flt=None``: boundaries only, no cases."""
    today = today or china_today()
    start = today - dt.timedelta(days=heat_days - 1) if heat_days else None
    with store.db.read() as session:
        rows = maps_repo.map_case_rows(session, flt) if flt is not None else []
        villages = maps_repo.village_areas(session)
        grids = maps_repo.grid_areas(session)
        try:
            title = reference_repo.local_center(session).name
        except GovdeskError:
            title = ""
    kinds = {k.value for k in Kind}
    risks = {r.value for r in Risk}
    markers: list[CaseMarker] = []
    heat: list[HeatPoint] = []
    unplaced = 0
    for r in rows:
        if r.latitude is None or r.longitude is None:
            unplaced += 1
            continue
        risk = r.risk if r.risk in risks else Risk.GREEN.value
        markers.append(CaseMarker(
            local_no=r.local_no, number=r.number, category=r.category or "",
            kind=r.kind if r.kind in kinds else Kind.GRID_EVENT.value, risk=risk, lat=r.latitude, lon=r.longitude,
        ))  # fmt: skip
        day = r.occurred_at or china_date(r.created_at)
        if start is None or start <= day <= today:
            heat.append(HeatPoint(r.latitude, r.longitude, HEAT_WEIGHTS[risk]))
    period = f"{start.isoformat()} 至 {today.isoformat()}" if start else ""
    return MapData(
        villages=tuple(Area(v.id, v.code, v.name, v.boundary, is_community=v.is_community)
                       for v in villages if v.boundary),
        grids=tuple(Area(g.id, g.code, g.name, g.boundary, officer=g.officer_name, village_id=g.village_id)
                    for g in grids if g.boundary),
        cases=tuple(markers), heat=tuple(heat), heat_period=period, unplaced=unplaced, title=title,
    )  # fmt: skip


def basemap_layer(data_dir: Path, url: str = TILE_URL) -> tuple[TileLayerSpec, TileSetInfo] | None:
    """The installed base map as the page's tile layer, or None when there is none (or it is unusable)."""
    path = basemap_path(data_dir)
    if not path.is_file():
        return None
    try:
        with MBTiles(path) as tiles:
            info = tiles.info()
    except ValidationError:
        return None
    spec = TileLayerSpec(min_zoom=info.min_zoom, max_zoom=info.max_zoom, crs=info.crs, bounds=info.bounds,
                         url=url, mime_type=info.mime_type, attribution=info.attribution)  # fmt: skip
    return spec, info


@dataclass(frozen=True)
class MapPage:
    html: str
    cases: int  # markers on the map
    unplaced: int  # matching cases without coordinates
    crs: str  # the page's display coordinate system (wgs84 / gcj02)


def map_page(
    store: Store, flt: CaseFilter | None, *, show_heat: bool = False, heat_days: int | None = DEFAULT_HEAT_DAYS
) -> MapPage:
    """The page for the desktop map view (runs on the worker: query and build, no Qt)."""
    data = map_data(store, flt, heat_days=heat_days)
    layer = basemap_layer(store.data_dir)
    options = MapOptions(tiles=layer[0] if layer else None, show_heat=show_heat)
    html = _build_html(data, options)
    return MapPage(html, len(data.cases), data.unplaced, layer[0].crs if layer else "wgs84")


def export_map(store: Store, actor: Actor, flt: CaseFilter, path: Path, *, with_tiles: bool = True) -> ExportSummary:
    """``govdesk map -o FILE.html``: a self-contained page (base-map tiles embedded when there are any).

    The file leaves the program (case numbers, categories, risk and places, no names): it is an export,
    needs the export permission and is audited."""
    require(Role(actor.role), Perm.EXPORT, what="导出事项地图")
    path = Path(path)
    if path.suffix.lower() not in (".html", ".htm"):
        raise ValidationError("导出的地图文件名应以 .html 结尾，例如 事项分布图.html。")
    if not path.parent.is_dir():
        raise ValidationError(f"目录 {path.parent} 不存在，请先建好目录或换一个位置。")
    data = map_data(store, flt)
    folder = asset_dir()
    tiles_path = basemap_path(store.data_dir)
    try:
        if with_tiles and tiles_path.is_file():
            with MBTiles(tiles_path) as tiles:
                summary = write_offline_html(path, data, MapOptions(), asset_dir=folder, tiles=tiles)
        else:
            summary = write_offline_html(path, data, MapOptions(), asset_dir=folder)
    except OSError as err:
        raise ValidationError(f"无法写入 {path}：{err.strerror}。请检查目录权限和磁盘空间。") from None
    with store.db.write() as session:
        append_audit(session, actor.audit_name, "export", "map", "",
                     {"file": path.name, "count": summary.cases, "tiles": summary.tiles})  # fmt: skip
    return summary


def import_basemap(store: Store, actor: Actor, src: Path, crs: str | None = None) -> TileSetInfo:
    """``govdesk map import-tiles``: check an MBTiles file and make it this store's base map."""
    require(Role(actor.role), Perm.SETTINGS, what="导入底图")
    info = import_tiles(Path(src), store.data_dir, crs)
    with store.db.write() as session:
        append_audit(session, actor.audit_name, "basemap.import", "basemap", info.name,
                     {"file": Path(src).name, "crs": info.crs, "zooms": [info.min_zoom, info.max_zoom],
                      "tiles": info.tile_count})  # fmt: skip
    return info


# --- grids as GeoJSON ------------------------------------------------------------------------------------
def export_grids(store: Store, actor: Actor) -> dict[str, object]:
    """All grids with a boundary as a GeoJSON FeatureCollection (WGS-84): reference data for the county's
    GIS, so whoever may change settings may export it."""
    require(Role(actor.role), Perm.SETTINGS, what="导出网格边界")
    with store.db.read() as session:
        rows = maps_repo.grid_export_rows(session)
    return grid_collection(GridOut(r.code, r.name, r.village_code, r.village_name, r.officer_name, r.boundary)
                           for r in rows if r.boundary)  # fmt: skip


def write_grids_file(store: Store, actor: Actor, path: Path) -> int:
    collection = export_grids(store, actor)
    text = json.dumps(collection, ensure_ascii=False, indent=1)
    try:
        Path(path).write_text(text + "\n", encoding="utf-8")
    except OSError as err:
        raise ValidationError(f"无法写入 {path}：{err.strerror}。请检查目录权限和磁盘空间。") from None
    features = collection["features"]
    assert isinstance(features, list)
    return len(features)


@dataclass(frozen=True)
class GridImport:
    created: int
    updated: int


def read_grids_file(path: Path) -> object:
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise ValidationError(f"找不到文件 {path}。") from None
    except OSError as err:
        raise ValidationError(f"无法读取 {path}：{err.strerror}。") from None
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ValidationError("网格文件应为 UTF-8 编码的 GeoJSON，请另存为 UTF-8 后再试。") from None
    except json.JSONDecodeError as err:
        raise ValidationError(f"网格文件不是有效的 JSON：第{err.lineno}行第{err.colno}列附近（{err.msg}）。") from None


def import_grids(store: Store, actor: Actor, raw: object) -> GridImport:
    """Create or update grids (matched by code) from a parsed GeoJSON document, all or nothing."""
    require(Role(actor.role), Perm.SETTINGS, what="导入网格边界")
    grids = parse_grid_collection(raw)
    created = updated = 0
    with store.db.write() as session:
        center = reference_repo.local_center(session)
        villages = maps_repo.villages_by_code(session)
        unknown = [
            f"编码 {g.code}：所属村（社区）编码 {g.village_code} 不存在"
            for g in grids
            if g.village_code not in villages
        ]
        if unknown:
            raise ValidationError(describe_problems(unknown))
        existing = maps_repo.grids_by_code(session, [g.code for g in grids])
        for g in grids:
            village_id = villages[g.village_code][0]
            grid = existing.get(g.code)
            if grid is None:
                maps_repo.add_grid(session, center.id, village_id, g.code, g.name, g.officer_name or "",
                                   g.officer_phone or "", g.boundary)  # fmt: skip
                created += 1
                continue
            grid.village_id, grid.name, grid.boundary, grid.deleted_at = village_id, g.name, g.boundary, None
            if g.officer_name is not None:
                grid.officer_name = g.officer_name
            if g.officer_phone is not None:
                grid.officer_phone = g.officer_phone
            updated += 1
        session.flush()
        append_audit(session, actor.audit_name, "grids.import", "grid", "",
                     {"created": created, "updated": updated, "codes": [g.code for g in grids][:100]})  # fmt: skip
    return GridImport(created, updated)


# --- where a point lies ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Location:
    village_id: str | None
    village_name: str
    grid_id: str | None
    grid_name: str
    officer_name: str


def locate(store: Store, lat: float, lon: float) -> Location | None:
    """The grid (and its village) containing a WGS-84 point; the village alone when no grid does."""
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValidationError("坐标超出经纬度范围。", "latitude")
    with store.db.read() as session:
        villages = maps_repo.village_areas(session)
        grids = maps_repo.grid_areas(session)
    names = {v.id: v.name for v in villages}
    for g in grids:
        if g.boundary and point_in_geometry(lon, lat, g.boundary):
            return Location(g.village_id, names.get(g.village_id or "", ""), g.id, g.name, g.officer_name)
    for v in villages:
        if v.boundary and point_in_geometry(lon, lat, v.boundary):
            return Location(v.id, v.name, None, "", "")
    return None
