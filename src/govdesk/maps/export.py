"""A self-contained map file for people without govdesk: every script, style and base-map tile inside.

Opens in any current browser with no network: the page's content security policy forbids loading
anything at all, so a mistake here shows up as a missing picture, never as a request.
"""

from __future__ import annotations

import base64
import os
from dataclasses import dataclass, replace
from pathlib import Path

from govdesk.maps import assets
from govdesk.maps.build import MapData, MapOptions, TileLayerSpec, map_payload, render_map_page
from govdesk.maps.tiles import MBTiles

EXPORT_ASSET_BASE = "govdesk-inline://assets"  # placeholder URLs, replaced by the files' contents
DEFAULT_TILE_BUDGET = 8 * 1024 * 1024  # bytes of tile images; more zoom levels stop there
_MARGIN = 0.15  # share of the extent added on every side


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    size_bytes: int
    cases: int
    tiles: int
    tile_zooms: tuple[int, int] | None


def write_offline_html(
    path: Path,
    data: MapData,
    options: MapOptions,
    *,
    asset_dir: Path,
    tiles: MBTiles | None = None,
    tile_budget: int = DEFAULT_TILE_BUDGET,
) -> ExportSummary:
    """Write the map as one HTML file. Base-map tiles covering the data are embedded (the coarsest zoom
    levels first, up to ``tile_budget`` bytes); without ``tiles`` the map has a plain background."""
    options = replace(options, asset_base=EXPORT_ASSET_BASE, bridge=False, tiles=None)
    spec = _embedded_tiles(data, options, tiles, tile_budget) if tiles is not None else None
    options = replace(options, tiles=spec)
    html = render_map_page(data, options, "")
    html = assets.inline_assets(html, EXPORT_ASSET_BASE, asset_dir)
    leaks = assets.remote_urls(html)
    if leaks or EXPORT_ASSET_BASE in html:
        raise RuntimeError(f"the exported map would load resources: {leaks[:3]}")
    path = Path(path)
    partial = path.with_name(path.name + ".partial")
    partial.write_text(html, encoding="utf-8")
    os.replace(partial, path)
    n_tiles = len(spec.inline or {}) if spec else 0
    zooms = (spec.min_zoom, spec.max_zoom) if spec and n_tiles else None
    return ExportSummary(path, len(html.encode("utf-8")), len(data.cases), n_tiles, zooms)


def _embedded_tiles(data: MapData, options: MapOptions, tiles: MBTiles, budget: int) -> TileLayerSpec | None:
    info = tiles.info()
    extent = map_payload(data, options, info.crs)["fitBounds"] or (list(info.bounds) if info.bounds else None)
    if extent is None:
        return None
    west, south, east, north = extent
    dx, dy = (east - west) * _MARGIN + 0.005, (north - south) * _MARGIN + 0.005
    bounds = (west - dx, south - dy, east + dx, north + dy)
    inline: dict[str, str] = {}
    used = 0
    top = None
    for z in range(info.min_zoom, info.max_zoom + 1):
        level = {f"{tz}/{x}/{y}": blob for tz, x, y, blob in tiles.tiles_in(bounds, z)}
        size = sum(len(b) for b in level.values())
        if inline and used + size > budget:
            break
        inline.update({key: base64.b64encode(blob).decode("ascii") for key, blob in level.items()})
        used += size
        top = z
    if top is None:
        return None
    return TileLayerSpec(
        min_zoom=info.min_zoom, max_zoom=top, crs=info.crs, bounds=bounds, inline=inline,
        mime_type=info.mime_type, attribution=info.attribution,
    )  # fmt: skip
