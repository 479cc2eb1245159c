"""Store side of the map: the same filter as the list, grid GeoJSON import/export, locating a point, CLI."""

from __future__ import annotations

import argparse
import copy
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from govdesk.cli_map import add_map_parsers, run_map
from govdesk.domain.errors import PermissionDenied, ValidationError
from govdesk.services import case_queries
from govdesk.services import maps as maps_service
from govdesk.services.actor import Actor
from govdesk.store.cases_repo import CaseFilter
from govdesk.store.models import AuditEntry, Case, Grid
from govdesk.store.store import Store

STAFF = Actor("测试管理员", "admin")


def _snapshot(store: Store) -> tuple[int, list[tuple[str, str, str, str]]]:
    with store.db.read() as session:
        audits = int(session.scalar(select(func.count()).select_from(AuditEntry)) or 0)
        grids = [
            (g.code, g.name, g.officer_name, json.dumps(g.boundary))
            for g in session.scalars(select(Grid).order_by(Grid.code))
        ]
    return audits, grids


def test_the_map_shows_what_the_list_shows(demo_store: Store) -> None:
    for flt in (CaseFilter(), CaseFilter(kinds=("dispute",), risks=("red", "yellow")), CaseFilter(open_only=True),
                CaseFilter(search="纠纷")):  # fmt: skip
        listed = case_queries.case_local_nos(demo_store, flt)
        data = maps_service.map_data(demo_store, flt)
        assert {c.local_no for c in data.cases} <= set(listed)
        assert len(data.cases) + data.unplaced == len(listed)
    data = maps_service.map_data(demo_store, CaseFilter())
    assert len(data.villages) == 12 and len(data.grids) == 40 and data.title
    assert all(g.officer for g in data.grids)
    assert 0 < len(data.heat) <= len(data.cases) and data.heat_period


def test_cases_without_coordinates_are_counted_not_drawn(demo_store: Store) -> None:
    with demo_store.db.write() as session:
        case = session.scalar(select(Case).order_by(Case.local_no).limit(1))
        assert case is not None
        case.latitude = case.longitude = None
        no = case.local_no
    data = maps_service.map_data(demo_store, CaseFilter())
    assert data.unplaced == 1 and no not in {c.local_no for c in data.cases}


def test_grids_round_trip_through_geojson(demo_store: Store, tmp_path: Path) -> None:
    path = tmp_path / "grids.geojson"
    assert maps_service.write_grids_file(demo_store, STAFF, path) == 40
    raw = maps_service.read_grids_file(path)
    assert isinstance(raw, dict)
    raw["features"][0]["properties"]["officer_name"] = "新网格员"
    raw["features"].append(copy.deepcopy(raw["features"][1]))
    raw["features"][-1]["properties"].update(code=raw["features"][1]["properties"]["code"] + "9", name="新增网格")
    audits_before, _ = _snapshot(demo_store)
    result = maps_service.import_grids(demo_store, STAFF, raw)
    assert (result.created, result.updated) == (1, 40)
    audits_after, grids = _snapshot(demo_store)
    assert audits_after == audits_before + 1
    assert any(g[2] == "新网格员" for g in grids) and any(g[1] == "新增网格" for g in grids)
    with demo_store.db.read() as session:
        entry = session.scalar(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1))
        assert entry is not None and entry.event == "grids.import" and entry.details["created"] == 1


def _bad(raw: dict, how: str) -> dict:
    bad = copy.deepcopy(raw)
    features = bad["features"]
    if how == "line":
        features[3]["geometry"] = {"type": "LineString", "coordinates": [[120.5, 30.6], [120.51, 30.61]]}
    elif how == "open_ring":
        features[3]["geometry"]["coordinates"][0] = features[3]["geometry"]["coordinates"][0][:-1]
    elif how == "lat_lon_swapped":
        features[3]["geometry"]["coordinates"][0] = [
            [lat, lon] for lon, lat in features[3]["geometry"]["coordinates"][0]
        ]
        for ring in features[3]["geometry"]["coordinates"]:
            for pos in ring:
                pos[1] = 120.5  # latitude out of range
    elif how == "duplicate":
        features[3]["properties"]["code"] = features[2]["properties"]["code"]
    elif how == "no_village":
        features[3]["properties"]["village_code"] = "999999999999"
    elif how == "not_collection":
        return {"type": "Feature", "geometry": None}
    elif how == "text_coords":
        features[3]["geometry"]["coordinates"][0][1] = ["120.5", "30.6"]
    return bad


@pytest.mark.parametrize(
    ("how", "message"),
    [
        ("line", "边界应为面"), ("open_ring", "没有闭合"), ("lat_lon_swapped", "超出经纬度范围"),
        ("duplicate", "重复"), ("no_village", "不存在"), ("not_collection", "FeatureCollection"),
        ("text_coords", "不是经纬度数字"),
    ],
)  # fmt: skip
def test_bad_grid_files_are_refused_whole(demo_store: Store, how: str, message: str) -> None:
    raw = maps_service.export_grids(demo_store, STAFF)
    for feature in raw["features"]:  # type: ignore[union-attr]
        feature["properties"]["name"] += "（改）"
    before = _snapshot(demo_store)
    with pytest.raises(ValidationError, match=message) as err:
        maps_service.import_grids(demo_store, STAFF, _bad(raw, how))  # type: ignore[arg-type]
    assert "没有导入任何内容" in str(err.value) or how == "not_collection"
    assert _snapshot(demo_store) == before  # not one grid renamed, no audit entry


def test_gcj02_grid_files_are_stored_in_wgs84(demo_store: Store) -> None:
    from govdesk.maps.coords import wgs84_to_gcj02

    raw = maps_service.export_grids(demo_store, STAFF)
    feature = raw["features"][0]  # type: ignore[index]
    original = list(feature["geometry"]["coordinates"][0][0])
    for ring in feature["geometry"]["coordinates"]:
        for pos in ring:
            pos[1], pos[0] = wgs84_to_gcj02(pos[1], pos[0])
    one = {
        "type": "FeatureCollection",
        "crs": {"type": "name", "properties": {"name": "GCJ-02"}},
        "features": [feature],
    }
    maps_service.import_grids(demo_store, STAFF, one)
    with demo_store.db.read() as session:
        grid = session.scalar(select(Grid).where(Grid.code == feature["properties"]["code"]))
        assert grid is not None and grid.boundary is not None
        stored = grid.boundary["coordinates"][0][0]
    assert abs(stored[0] - original[0]) < 1e-6 and abs(stored[1] - original[1]) < 1e-6


def test_locate_finds_the_grid_and_village_of_a_point(demo_store: Store) -> None:
    from govdesk.demo.geography import centroid

    data = maps_service.map_data(demo_store, CaseFilter())
    grid = data.grids[5]
    lon, lat = centroid(grid.boundary)
    found = maps_service.locate(demo_store, lat, lon)
    assert found is not None and found.grid_id == grid.id and found.village_id == grid.village_id
    assert found.village_name and found.officer_name == grid.officer
    assert maps_service.locate(demo_store, 39.9, 116.4) is None
    with pytest.raises(ValidationError):
        maps_service.locate(demo_store, 120.5, 30.6)


def _cli(data_dir: Path, *argv: str) -> int:
    parser = argparse.ArgumentParser(prog="govdesk")
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--user")
    add_map_parsers(parser.add_subparsers(dest="command"))
    return run_map(parser.parse_args(["--data-dir", str(data_dir), "--user", "zhuren", *argv]))


def test_map_exports_and_grid_changes_need_their_permissions(demo_store: Store, tmp_path: Path) -> None:
    officer = Actor("网格员", "grid_officer")
    with pytest.raises(PermissionDenied):
        maps_service.export_map(demo_store, officer, CaseFilter(), tmp_path / "m.html")
    with pytest.raises(PermissionDenied):
        maps_service.import_grids(demo_store, officer, maps_service.export_grids(demo_store, STAFF))
    with pytest.raises(PermissionDenied):
        maps_service.export_grids(demo_store, Actor("调解员", "mediator"))
    assert not (tmp_path / "m.html").exists()


def test_cli_exports_an_offline_map_and_exchanges_grids(
    demo_store: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GOVDESK_PASSWORD", "demo")  # the demo township's director, zhuren
    data_dir = demo_store.data_dir
    demo_store.close()  # the CLI opens the store itself
    out = tmp_path / "红色事项.html"
    assert _cli(data_dir, "map", "-o", str(out), "--risk", "red", "--kind", "dispute") == 0
    html = out.read_text(encoding="utf-8")
    assert "govdesk-map-data" in html and "<script src=" not in html
    assert "已导出事项分布图" in capsys.readouterr().out
    grids = tmp_path / "grids.geojson"
    assert _cli(data_dir, "map", "export-grids", str(grids)) == 0
    assert _cli(data_dir, "map", "import-grids", str(grids)) == 0
    assert "更新 40 个" in capsys.readouterr().out
    grids.write_text("{not json", encoding="utf-8")
    with pytest.raises(ValidationError, match="不是有效的 JSON"):
        _cli(data_dir, "map", "import-grids", str(grids))
    with pytest.raises(ValidationError, match="-o"):
        _cli(data_dir, "map")
    with pytest.raises(ValidationError, match=r"\.html"):
        _cli(data_dir, "map", "-o", str(tmp_path / "map.pdf"))
    tiles = tmp_path / "county.mbtiles"
    tiles.write_bytes((data_dir / "tiles" / "basemap.mbtiles").read_bytes())
    assert _cli(data_dir, "map", "import-tiles", str(tiles), "--crs", "wgs84") == 0
    assert "已导入底图" in capsys.readouterr().out
