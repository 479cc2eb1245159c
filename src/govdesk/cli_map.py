"""``govdesk map …``: export the case map as one offline HTML file, import a base map, exchange grids.

    govdesk map -o 事项分布图.html [--kind K] [--status S] [--risk R] [--category C] [--no-tiles]
    govdesk map import-tiles FILE.mbtiles [--crs wgs84|gcj02]
    govdesk map export-grids FILE.geojson
    govdesk map import-grids FILE.geojson

Wired into ``govdesk.cli`` with ``add_map_parsers(sub)`` and ``COMMANDS["map"] = run_map``; it signs in through
``govdesk.cli``'s own ``_open``/``_login`` (global ``--user``, password from GOVDESK_PASSWORD or a prompt).
No logic here.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from govdesk.domain.codes import Kind, Risk, Status
from govdesk.domain.errors import ValidationError


def add_map_parsers(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``map`` command to the ``govdesk`` sub-command parsers."""
    p: argparse.ArgumentParser = subparsers.add_parser(
        "map", help="事项分布图：导出离线地图网页，导入底图，导入/导出网格边界",
        description="不带子命令时导出事项分布图（-o 文件.html，可按类型、状态、风险、类别筛选）。",
    )  # fmt: skip
    p.add_argument("-o", "--output", type=Path, help="导出的地图网页文件（.html），可直接用浏览器离线打开")
    p.add_argument("--kind", choices=[k.value for k in Kind])
    p.add_argument("--status", choices=[s.value for s in Status])
    p.add_argument("--risk", choices=[r.value for r in Risk])
    p.add_argument("--category")
    p.add_argument("--no-tiles", action="store_true", help="不嵌入底图（文件更小，背景为纯色）")
    sub = p.add_subparsers(dest="map_command")
    tiles = sub.add_parser("import-tiles", help="导入 MBTiles 底图（替换原有底图）")
    tiles.add_argument("file", type=Path)
    tiles.add_argument("--crs", choices=["wgs84", "gcj02"], help="底图的坐标系（文件未声明时必须指明）")
    export = sub.add_parser("export-grids", help="把网格边界导出为 GeoJSON")
    export.add_argument("file", type=Path)
    imp = sub.add_parser("import-grids", help="从 GeoJSON 导入网格边界（按网格编码新增或更新）")
    imp.add_argument("file", type=Path)
    return p


def _open(args: argparse.Namespace, *, writer: bool) -> Any:
    """The store, opened by signing in exactly as the other commands do (``--user`` / GOVDESK_PASSWORD)."""
    from govdesk.cli import _open as open_signed_in

    return open_signed_in(args, writer=writer)


def _actor(args: argparse.Namespace, store: Any) -> Any:
    from govdesk.cli import _login

    return _login(args, store)


def run_map(args: argparse.Namespace) -> int:
    from govdesk.services import maps

    command = getattr(args, "map_command", None)
    if command == "import-tiles":
        store = _open(args, writer=True)
        try:
            info = maps.import_basemap(store, _actor(args, store), args.file, args.crs)
        finally:
            store.close()
        crs = {"wgs84": "WGS-84", "gcj02": "GCJ-02"}[info.crs]
        print(
            f"已导入底图“{info.name}”：{info.tile_count:,} 张瓦片，缩放级别 {info.min_zoom}–{info.max_zoom}，坐标系 {crs}。"
        )
        return 0
    if command == "export-grids":
        store = _open(args, writer=False)
        try:
            count = maps.write_grids_file(store, _actor(args, store), args.file)
        finally:
            store.close()
        print(f"已导出 {count} 个网格的边界到 {args.file}")
        return 0
    if command == "import-grids":
        raw = maps.read_grids_file(args.file)
        store = _open(args, writer=True)
        try:
            result = maps.import_grids(store, _actor(args, store), raw)
        finally:
            store.close()
        print(f"已导入网格边界：新增 {result.created} 个，更新 {result.updated} 个。")
        return 0

    if args.output is None:
        raise ValidationError("请用 -o 指定导出的地图文件，例如：govdesk map -o 事项分布图.html")
    from govdesk.store.cases_repo import CaseFilter

    flt = CaseFilter(
        kinds=(args.kind,) if args.kind else (),
        statuses=(args.status,) if args.status else (),
        risks=(args.risk,) if args.risk else (),
        categories=(args.category,) if args.category else (),
    )
    store = _open(args, writer=False)
    try:
        summary = maps.export_map(store, _actor(args, store), flt, args.output, with_tiles=not args.no_tiles)
    finally:
        store.close()
    size = f"{summary.size_bytes / 1024 / 1024:.1f} MB"
    tiles = f"，含底图瓦片 {summary.tiles} 张" if summary.tiles else "（无底图）"
    print(f"已导出事项分布图 {summary.path}：{summary.cases:,} 件事项，{size}{tiles}。")
    return 0
