"""The map page builder: offline assets only, data as escaped JSON, export self-contained."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from govdesk.maps import assets
from govdesk.maps.build import Area, CaseMarker, HeatPoint, MapData, MapOptions, TileLayerSpec, build_map_html
from govdesk.maps.coords import wgs84_to_gcj02
from govdesk.maps.export import write_offline_html
from govdesk.maps.tiles import MBTiles
from govdesk.paths import resource

IMG = "<img src=x onerror=alert(1)>"
TEMPLATE = "案件${globalThis.PWNED=1}"
ASSETS = resource("map")
SQUARE = {
    "type": "Polygon",
    "coordinates": [[[120.49, 30.59], [120.51, 30.59], [120.51, 30.61], [120.49, 30.61], [120.49, 30.59]]],
}
HALF = {
    "type": "Polygon",
    "coordinates": [[[120.49, 30.59], [120.50, 30.59], [120.50, 30.61], [120.49, 30.61], [120.49, 30.59]]],
}
DATA_BLOCK = re.compile(r'<script type="application/json" id="govdesk-map-data">(.*?)</script>', re.S)


def hostile_data(n_cases: int = 3) -> MapData:
    cases = tuple(
        CaseMarker(local_no=i + 1, number=f"330483101-2026-{i + 1:05d}", category=IMG if i % 2 else TEMPLATE,
                   kind=("dispute", "complaint", "help")[i % 3], risk=("red", "yellow", "green")[i % 3],
                   lat=30.595 + i * 1e-4, lon=120.495 + i * 1e-4)
        for i in range(n_cases)
    )  # fmt: skip
    return MapData(
        villages=(Area("v1", "001", "梅林村" + IMG, SQUARE),),
        grids=(Area("g1", "00101", "第一网格" + TEMPLATE, HALF, officer=IMG + TEMPLATE, village_id="v1"),),
        cases=cases, heat=tuple(HeatPoint(c.lat, c.lon, 1.0) for c in cases), heat_period="2026-01-01 至 2026-12-31",
        unplaced=2, title="荷塘镇" + TEMPLATE,
    )  # fmt: skip


def payload(html: str) -> dict:
    blocks = DATA_BLOCK.findall(html)
    assert len(blocks) == 1
    return json.loads(blocks[0])


def test_page_loads_nothing_from_the_web() -> None:
    html = build_map_html(hostile_data(), MapOptions())
    assert assets.remote_urls(html) == []
    for cdn in ("cdn.jsdelivr", "cdnjs", "code.jquery", "bootstrap", "font-awesome", "fontawesome", "awesome-markers"):
        assert cdn not in html
    sources = re.findall(r'<script src="([^"]+)"', html) + re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    assert sources and all(s.startswith("govdesk-map://app/assets/") for s in sources)
    for relative in assets.PAGE_SCRIPTS + assets.PAGE_STYLES:
        assert f"govdesk-map://app/assets/{relative}" in html
        assert (ASSETS / relative).is_file()
    assert assets.missing_assets(ASSETS) == []
    assert "Content-Security-Policy" in html and "default-src 'none'" in html


def test_marker_data_travels_as_json_columns() -> None:
    data = hostile_data(5)
    page = payload(build_map_html(data, MapOptions()))
    cases = page["cases"]
    assert cases["no"] == [1, 2, 3, 4, 5]
    assert cases["number"][0] == "330483101-2026-00001"
    assert [page["risks"][r]["value"] for r in cases["risk"]] == ["red", "yellow", "green", "red", "yellow"]
    assert [page["kinds"][k]["value"] for k in cases["kind"]] == [
        "dispute",
        "complaint",
        "help",
        "dispute",
        "complaint",
    ]
    assert len(page["heat"]) == 5
    assert page["maxZoom"] == 18  # clustering needs it without a tile layer
    assert page["grids"]["features"][0]["properties"]["labelAt"] == [120.495, 30.6]
    assert any("2 件没有坐标" in note for note in page["notes"])
    # No names or party details: a marker carries its number, category, kind and risk only.
    assert set(cases) == {"no", "lat", "lon", "risk", "kind", "number", "cat"}


def test_hostile_text_stays_inert_data_inside_the_json_block() -> None:
    html = build_map_html(hostile_data(), MapOptions())
    assert IMG not in html
    assert TEMPLATE not in html
    assert "${" not in html
    block = DATA_BLOCK.findall(html)[0]
    assert "\\u003cimg src=x onerror=alert(1)\\u003e" in block
    assert "案件\\u0024{globalThis.PWNED=1}" in block
    outside = DATA_BLOCK.sub("", html)
    assert "onerror" not in outside and "PWNED" not in outside
    page = payload(html)
    assert IMG in page["categories"] and TEMPLATE in page["categories"]
    assert page["grids"]["features"][0]["properties"]["officer"] == IMG + TEMPLATE
    assert page["title"] == "荷塘镇" + TEMPLATE


def test_points_are_drawn_in_gcj02_when_the_base_map_is() -> None:
    data = hostile_data(1)
    tiles = TileLayerSpec(min_zoom=12, max_zoom=15, crs="gcj02", url="govdesk-map://app/tiles/{z}/{x}/{y}")
    page = payload(build_map_html(data, MapOptions(tiles=tiles)))
    lat, lon = wgs84_to_gcj02(data.cases[0].lat, data.cases[0].lon)
    assert page["cases"]["lat"][0] == round(lat, 6) and page["cases"]["lon"][0] == round(lon, 6)
    assert page["crs"] == "gcj02"
    ring = page["villages"]["features"][0]["geometry"]["coordinates"][0]
    assert ring[0] == [round(v, 6) for v in reversed(wgs84_to_gcj02(30.59, 120.49))]


def test_fifty_thousand_markers_build_into_one_compact_page() -> None:
    data = hostile_data(50_000)
    html = build_map_html(data, MapOptions())
    assert len(payload(html)["cases"]["no"]) == 50_000
    assert len(html) < 6_000_000  # columns, not one object (or folium element) per marker


def test_exported_page_is_self_contained(tmp_path: Path, _map_demo_template: Path) -> None:
    out = tmp_path / "map.html"
    with MBTiles(_map_demo_template / "tiles" / "basemap.mbtiles") as tiles:
        summary = write_offline_html(out, hostile_data(), MapOptions(), asset_dir=ASSETS, tiles=tiles)
    html = out.read_text(encoding="utf-8")
    assert summary.tiles > 20 and summary.tile_zooms == (12, 15)
    assert "<script src=" not in html and '<link rel="stylesheet"' not in html
    assert assets.remote_urls(html) == []
    assert "govdesk-map:" not in html and "govdesk-inline:" not in html
    assert "default-src 'none'; script-src 'unsafe-inline'" in html  # nothing may load at all
    assert "Leaflet 1.9.4" in html and "MarkerClusterGroup" in html and "simpleheat" in html
    assert "url(data:image/png;base64," in html  # the layer control's icon, inlined
    page = payload(html)
    assert page["bridge"] is False and len(page["tiles"]["inline"]) == summary.tiles
    assert IMG not in html and TEMPLATE not in html


def test_export_without_tiles_has_a_plain_background(tmp_path: Path) -> None:
    summary = write_offline_html(tmp_path / "plain.html", hostile_data(), MapOptions(), asset_dir=ASSETS)
    assert summary.tiles == 0 and payload((tmp_path / "plain.html").read_text(encoding="utf-8"))["tiles"] is None


@pytest.mark.parametrize(
    "relative", ["../pyproject.toml", "vendor/../../data/categories.json", "/etc/passwd", ".hidden", ""]
)
def test_asset_paths_cannot_leave_the_asset_folder(relative: str) -> None:
    assert assets.resolve_asset(ASSETS, relative) is None
