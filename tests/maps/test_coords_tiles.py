"""WGS-84/GCJ-02 conversion, MBTiles reading (TMS rows), base-map import and the demo base map."""

from __future__ import annotations

import io
import math
import sqlite3
from pathlib import Path

import pytest
from PIL import Image

from govdesk.domain.errors import ValidationError
from govdesk.maps.coords import gcj02_to_wgs84, parse_coordinate_system, wgs84_to_gcj02
from govdesk.maps.demo_tiles import ensure_demo_tiles
from govdesk.maps.tiles import MBTiles, basemap_path, import_tiles, lonlat_to_tile, tms_row

# Reference pairs published with the algorithm (googollee/eviltransform's test suite): WGS-84 → GCJ-02.
REFERENCE = [
    ((31.1774276, 121.5272106), (31.17530398364597, 121.531541859215)),  # Shanghai
    ((22.543847, 113.912316), (22.540796131694766, 113.9171764808363)),  # Shenzhen
    ((39.911954, 116.377817), (39.91334545536069, 116.38404722455657)),  # Beijing
]


@pytest.mark.parametrize(("wgs", "gcj"), REFERENCE)
def test_gcj02_matches_the_published_reference_values(wgs: tuple[float, float], gcj: tuple[float, float]) -> None:
    lat, lon = wgs84_to_gcj02(*wgs)
    assert f"{lat:.5f},{lon:.5f}" == f"{gcj[0]:.5f},{gcj[1]:.5f}"
    assert abs(lat - gcj[0]) < 1e-6 and abs(lon - gcj[1]) < 1e-6
    back = gcj02_to_wgs84(*gcj)
    assert abs(back[0] - wgs[0]) < 1e-6 and abs(back[1] - wgs[1]) < 1e-6  # about 0.1 m


def test_gcj02_leaves_points_outside_china_alone_and_round_trips_the_demo_township() -> None:
    assert wgs84_to_gcj02(51.5, -0.12) == (51.5, -0.12)
    lat, lon = wgs84_to_gcj02(30.6, 120.5)
    assert 0.001 < abs(lat - 30.6) + abs(lon - 120.5) < 0.01  # a few hundred metres
    back = gcj02_to_wgs84(lat, lon)
    assert abs(back[0] - 30.6) < 1e-8 and abs(back[1] - 120.5) < 1e-8
    assert parse_coordinate_system("GCJ-02") == "gcj02" and parse_coordinate_system("EPSG:3857") == "wgs84"
    assert parse_coordinate_system("bd09") is None


def _png(colour: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (256, 256), colour).save(out, format="PNG")
    return out.getvalue()


def make_mbtiles(path: Path, meta: dict[str, str], tiles: dict[tuple[int, int, int], bytes]) -> Path:
    """``tiles`` keyed by (zoom, column, TMS row), as stored."""
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
    conn.execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)")
    conn.executemany("INSERT INTO metadata VALUES (?, ?)", meta.items())
    conn.executemany("INSERT INTO tiles VALUES (?, ?, ?, ?)", [(*k, v) for k, v in tiles.items()])
    conn.commit()
    conn.close()
    return path


def test_mbtiles_rows_are_tms_so_y_is_flipped(tmp_path: Path) -> None:
    red, blue = _png("red"), _png("blue")
    path = make_mbtiles(tmp_path / "t.mbtiles", {"format": "png", "crs": "wgs84"}, {(3, 5, 1): red, (3, 5, 6): blue})
    with MBTiles(path) as tiles:
        assert tiles.tile(3, 5, 6) == red  # XYZ row 6 is TMS row 2**3 - 1 - 6 = 1
        assert tiles.tile(3, 5, 1) == blue
        assert tiles.tile(3, 4, 6) is None and tiles.tile(3, 9, 0) is None and tiles.tile(40, 0, 0) is None
        info = tiles.info()
    assert (info.min_zoom, info.max_zoom, info.format, info.crs, info.tile_count) == (3, 3, "png", "wgs84", 2)
    assert tms_row(3, 6) == 1 and tms_row(3, tms_row(3, 6)) == 6
    x, y = lonlat_to_tile(120.5, 30.6, 15)
    lat = math.radians(30.6)  # the textbook slippy-map formula, written out independently
    assert (int(x), int(y)) == (
        int((120.5 + 180) / 360 * 2**15),
        int((1 - math.log(math.tan(lat) + 1 / math.cos(lat)) / math.pi) / 2 * 2**15),
    )


def test_import_needs_a_declared_coordinate_system_and_writes_it(tmp_path: Path) -> None:
    src = make_mbtiles(
        tmp_path / "county.mbtiles", {"format": "png", "name": "县底图"}, {(12, 3412, 2680): _png("white")}
    )
    data_dir = tmp_path / "data"
    with pytest.raises(ValidationError, match="没有声明坐标系"):
        import_tiles(src, data_dir)
    assert not basemap_path(data_dir).exists()
    info = import_tiles(src, data_dir, "gcj02")
    assert info.crs == "gcj02" and info.name == "县底图"
    with MBTiles(basemap_path(data_dir)) as copied:
        assert copied.metadata()["crs"] == "gcj02"
        assert copied.tile(12, 3412, (1 << 12) - 1 - 2680) is not None
    assert list((data_dir / "tiles").iterdir()) == [basemap_path(data_dir)]  # no partial copy left behind


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not a database at all" * 10, "不是有效的 MBTiles"),
        (None, "没有任何瓦片"),
        (b"JPEG?", "与声明的格式"),
    ],
)
def test_bad_tile_files_are_refused_and_leave_the_old_map(tmp_path: Path, content: bytes | None, message: str) -> None:
    data_dir = tmp_path / "data"
    good = make_mbtiles(tmp_path / "good.mbtiles", {"format": "png", "crs": "wgs84"}, {(1, 0, 0): _png("green")})
    import_tiles(good, data_dir)
    before = basemap_path(data_dir).read_bytes()
    bad = tmp_path / "bad.mbtiles"
    if content is not None and content.startswith(b"not"):
        bad.write_bytes(content)
    else:
        make_mbtiles(bad, {"format": "png", "crs": "wgs84"}, {} if content is None else {(1, 0, 0): content})
    with pytest.raises(ValidationError, match=message):
        import_tiles(bad, data_dir)
    assert basemap_path(data_dir).read_bytes() == before


def test_demo_base_map_covers_the_township_and_is_never_overwritten(_map_demo_template: Path) -> None:
    path = basemap_path(_map_demo_template)
    with MBTiles(path) as tiles:
        info = tiles.info()
        assert (info.min_zoom, info.max_zoom, info.crs) == (12, 15, "wgs84")
        assert 100 < info.tile_count < 400
        assert info.bounds is not None
        x, y = lonlat_to_tile(120.5, 30.6, 14)
        tile = tiles.tile(14, int(x), int(y))
    assert tile is not None
    image = Image.open(io.BytesIO(tile)).convert("RGB")
    assert image.size == (256, 256) and len(image.getcolors(65536) or ()) > 10  # drawn, not a flat colour
    stamp = path.stat().st_mtime_ns
    ensure_demo_tiles(_map_demo_template, (120.0, 30.0, 121.0, 31.0))
    assert path.stat().st_mtime_ns == stamp
