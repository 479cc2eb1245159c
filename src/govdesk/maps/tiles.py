"""Base-map tiles in an MBTiles file (an SQLite database; rows are TMS, so y counts from the south).

A county hands out one MBTiles file for its townships; ``import_tiles`` checks it and copies it into the
data directory as ``tiles/basemap.mbtiles``. The file must say which coordinate system it is drawn in
(metadata ``crs``: ``wgs84`` or ``gcj02``), or the importer must be told: a GCJ-02 map under WGS-84 points
puts every case several hundred metres off.
"""

from __future__ import annotations

import contextlib
import math
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from govdesk.domain.errors import ValidationError
from govdesk.maps.coords import CoordinateSystem, parse_coordinate_system

BASEMAP_NAME = "basemap.mbtiles"
FORMATS = {"png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "webp": "image/webp"}
_MAGIC = {"png": b"\x89PNG\r\n\x1a\n", "jpg": b"\xff\xd8\xff", "jpeg": b"\xff\xd8\xff", "webp": b"RIFF"}
_MAX_ZOOM = 22

Bounds = tuple[float, float, float, float]  # west, south, east, north (degrees)


@dataclass(frozen=True)
class TileSetInfo:
    name: str
    format: str  # png / jpg / webp
    min_zoom: int
    max_zoom: int
    bounds: Bounds | None
    crs: CoordinateSystem
    attribution: str
    tile_count: int

    @property
    def mime_type(self) -> str:
        return FORMATS[self.format]


def basemap_path(data_dir: Path) -> Path:
    return Path(data_dir) / "tiles" / BASEMAP_NAME


# --- tile arithmetic (Web Mercator, XYZ numbering) ----------------------------------------------------
def tms_row(z: int, y: int) -> int:
    """The MBTiles ``tile_row`` of XYZ row ``y`` (and back: the flip is its own inverse)."""
    return (1 << z) - 1 - y


def lonlat_to_tile(lon: float, lat: float, z: int) -> tuple[float, float]:
    """Fractional XYZ tile coordinates of a point."""
    n = 1 << z
    lat = max(-85.05112878, min(85.05112878, lat))
    x = (lon + 180.0) / 360.0 * n
    rad = math.radians(lat)
    y = (1.0 - math.asinh(math.tan(rad)) / math.pi) / 2.0 * n
    return x, y


def tile_to_lonlat(x: float, y: float, z: int) -> tuple[float, float]:
    """The north-west corner (lon, lat) of tile (x, y), or any fractional point."""
    n = 1 << z
    lon = x / n * 360.0 - 180.0
    lat = math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * y / n))))
    return lon, lat


def tile_range(bounds: Bounds, z: int) -> tuple[range, range]:
    """The XYZ columns and rows covering ``bounds`` at zoom ``z``."""
    west, south, east, north = bounds
    x0, y0 = lonlat_to_tile(west, north, z)
    x1, y1 = lonlat_to_tile(east, south, z)
    last = (1 << z) - 1
    return (range(max(0, int(x0)), min(last, int(x1)) + 1), range(max(0, int(y0)), min(last, int(y1)) + 1))


# --- reading -----------------------------------------------------------------------------------------
class MBTiles:
    """A read-only MBTiles file. ``tile(z, x, y)`` takes XYZ numbers (what Leaflet asks for)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise ValidationError(f"找不到底图文件 {self.path}。")
        try:
            self._conn = sqlite3.connect(self.path.resolve().as_uri() + "?mode=ro", uri=True, check_same_thread=False)
            self._conn.execute("SELECT 1 FROM tiles LIMIT 1").fetchall()
        except sqlite3.DatabaseError:
            with contextlib.suppress(Exception):
                self._conn.close()
            raise ValidationError(
                f"{self.path.name} 不是有效的 MBTiles 底图文件（应为含 tiles 表的 SQLite 数据库）。"
            ) from None

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> MBTiles:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def metadata(self) -> dict[str, str]:
        try:
            rows = self._conn.execute("SELECT name, value FROM metadata").fetchall()
        except sqlite3.DatabaseError:
            return {}
        return {str(name): str(value) for name, value in rows if name is not None and value is not None}

    def tile(self, z: int, x: int, y: int) -> bytes | None:
        if not (0 <= z <= _MAX_ZOOM and 0 <= x < (1 << z) and 0 <= y < (1 << z)):
            return None
        row = self._conn.execute(
            "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?",
            (z, x, tms_row(z, y)),
        ).fetchone()
        return bytes(row[0]) if row and row[0] is not None else None

    def tiles_in(self, bounds: Bounds, z: int) -> Iterator[tuple[int, int, int, bytes]]:
        """Every stored tile (z, x, y, data) at zoom ``z`` covering ``bounds``."""
        xs, ys = tile_range(bounds, z)
        rows = self._conn.execute(
            "SELECT tile_column, tile_row, tile_data FROM tiles WHERE zoom_level = ? "
            "AND tile_column BETWEEN ? AND ? AND tile_row BETWEEN ? AND ?",
            (z, xs.start, xs.stop - 1, tms_row(z, ys.stop - 1), tms_row(z, ys.start)),
        )
        for x, row, data in rows:
            if data is not None:
                yield z, int(x), tms_row(z, int(row)), bytes(data)

    def info(self, crs: str | None = None) -> TileSetInfo:
        """Checked metadata; ``crs`` overrides what the file declares. Raises ValidationError."""
        meta = self.metadata()
        name = self.path.name
        try:
            count, lo, hi = self._conn.execute(
                "SELECT COUNT(*), MIN(zoom_level), MAX(zoom_level) FROM tiles"
            ).fetchone()
        except sqlite3.DatabaseError:
            raise ValidationError(f"{name} 的 tiles 表无法读取，文件可能已损坏。") from None
        if not count:
            raise ValidationError(f"{name} 里没有任何瓦片。")
        system = parse_coordinate_system(crs) if crs else parse_coordinate_system(meta.get("crs"))
        if system is None:
            declared = crs or meta.get("crs")
            what = f"声明的坐标系“{declared}”不认识" if declared else "没有声明坐标系"
            raise ValidationError(
                f"{name} {what}。请确认底图是 WGS-84（天地图、卫星定位）还是 GCJ-02（高德、腾讯），"
                "导入时用 --crs wgs84 或 --crs gcj02 指明。"
            )
        first = self._conn.execute("SELECT tile_data FROM tiles LIMIT 1").fetchone()[0]
        first = bytes(first) if first is not None else b""
        fmt = (meta.get("format") or "").strip().lower() or _sniff(first)
        if fmt not in FORMATS:
            raise ValidationError(f"{name} 的瓦片格式“{fmt or '未知'}”不支持，应为 png、jpg 或 webp。")
        if not first.startswith(_MAGIC[fmt]):
            raise ValidationError(f"{name} 的瓦片内容与声明的格式 {fmt} 不符，文件可能已损坏。")
        min_zoom = _int(meta.get("minzoom"), int(lo))
        max_zoom = _int(meta.get("maxzoom"), int(hi))
        if not (0 <= min_zoom <= max_zoom <= _MAX_ZOOM):
            raise ValidationError(f"{name} 的缩放级别 {min_zoom}–{max_zoom} 不合理。")
        return TileSetInfo(
            name=meta.get("name", "") or name, format="jpg" if fmt == "jpeg" else fmt, min_zoom=min_zoom,
            max_zoom=max_zoom, bounds=_bounds(meta.get("bounds")), crs=system,
            attribution=meta.get("attribution", ""), tile_count=int(count),
        )  # fmt: skip


def _sniff(data: bytes) -> str:
    for fmt, magic in _MAGIC.items():
        if data.startswith(magic):
            return fmt
    return ""


def _int(raw: str | None, default: int) -> int:
    try:
        return int(float(raw)) if raw not in (None, "") else default
    except ValueError:
        return default


def _bounds(raw: str | None) -> Bounds | None:
    try:
        west, south, east, north = (float(v) for v in (raw or "").split(","))
    except ValueError:
        return None
    if -180 <= west < east <= 180 and -90 <= south < north <= 90:
        return (west, south, east, north)
    return None


# --- importing ----------------------------------------------------------------------------------------
def import_tiles(src: Path, data_dir: Path, crs: str | None = None) -> TileSetInfo:
    """Check ``src`` and copy it to ``<data_dir>/tiles/basemap.mbtiles`` (replacing the old one at once).

    ``crs`` (wgs84 / gcj02) declares the coordinate system when the file does not; it is written into the
    copy's metadata. Nothing changes in the data directory unless the whole file checks out.
    """
    src = Path(src)
    if not src.is_file():
        raise ValidationError(f"找不到底图文件 {src}。")
    with MBTiles(src) as source:
        info = source.info(crs)
        target = basemap_path(data_dir)
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".partial")
        partial.unlink(missing_ok=True)
        try:
            dest = sqlite3.connect(partial)
            try:
                source._conn.backup(dest)
                dest.execute("CREATE TABLE IF NOT EXISTS metadata (name TEXT, value TEXT)")
                dest.execute("DELETE FROM metadata WHERE name = 'crs'")
                dest.execute("INSERT INTO metadata (name, value) VALUES ('crs', ?)", (info.crs,))
                dest.commit()
            finally:
                dest.close()
            with MBTiles(partial) as copy:
                copied = copy.info()
            if copied.tile_count != info.tile_count:
                raise ValidationError("底图复制不完整，请检查磁盘空间后重试。")
            os.replace(partial, target)
        except sqlite3.Error as err:
            raise ValidationError(f"底图无法复制到数据目录：{err}。请检查磁盘空间和目录权限。") from None
        finally:
            partial.unlink(missing_ok=True)
    return copied
