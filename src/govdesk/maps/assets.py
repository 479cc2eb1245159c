"""The map page's script and style files, vendored under ``resources/map`` (see its README for versions).

Folium links Leaflet, jQuery, Bootstrap and Font Awesome from CDNs by default. The page uses plain Leaflet,
Leaflet.markercluster and Leaflet.heat with a little CSS of its own, loaded from ``asset_base`` (the app's
own URL scheme) or inlined into one self-contained file for export. Nothing is ever fetched from the web.

The asset directory is passed in by the caller (``govdesk.paths.resource("map")``): this package imports
only the domain.
"""

from __future__ import annotations

import base64
import re
from pathlib import Path, PurePosixPath

LEAFLET_JS = "vendor/leaflet/leaflet.js"
LEAFLET_CSS = "vendor/leaflet/leaflet.css"
MARKERCLUSTER_JS = "vendor/leaflet.markercluster/leaflet.markercluster.js"
MARKERCLUSTER_CSS = "vendor/leaflet.markercluster/MarkerCluster.css"
HEAT_JS = "vendor/leaflet.heat/leaflet-heat.js"
MAP_JS = "govdesk/govdesk-map.js"
MAP_CSS = "govdesk/govdesk-map.css"

PAGE_SCRIPTS = (LEAFLET_JS, MARKERCLUSTER_JS, HEAT_JS, MAP_JS)
PAGE_STYLES = (LEAFLET_CSS, MARKERCLUSTER_CSS, MAP_CSS)
LICENSES = ("vendor/leaflet/LICENSE", "vendor/leaflet.markercluster/LICENSE", "vendor/leaflet.heat/LICENSE")

MIME_TYPES = {
    ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".png": "image/png",
    ".html": "text/html; charset=utf-8", ".svg": "image/svg+xml", ".json": "application/json",
}  # fmt: skip

# A script, stylesheet, image or CSS url() pointing off the machine (http, https or protocol-relative).
_REMOTE = re.compile(
    r"""(?:<(?:script|link|img|iframe|source)\b[^>]*?\b(?:src|href)\s*=\s*["']?|url\(\s*["']?|@import\s+["']?)"""
    r"""((?:https?:)?//[^"'\s)>]+)""",
    re.IGNORECASE,
)


def asset_url(base: str, relative: str) -> str:
    return base.rstrip("/") + "/" + relative


def resolve_asset(asset_dir: Path, relative: str) -> Path | None:
    """The file for a request path below ``asset_dir``; None for anything outside it or missing."""
    parts = PurePosixPath(relative).parts
    if not parts or any(p in ("..", "") or p.startswith(".") or "\\" in p or ":" in p for p in parts):
        return None
    path = asset_dir.joinpath(*parts)
    try:
        resolved = path.resolve(strict=True)
        resolved.relative_to(asset_dir.resolve())
    except (OSError, ValueError):
        return None
    return resolved if resolved.is_file() else None


def mime_type(relative: str) -> str:
    return MIME_TYPES.get(PurePosixPath(relative).suffix.lower(), "application/octet-stream")


def missing_assets(asset_dir: Path) -> list[str]:
    """Page files (and licences) absent from ``asset_dir``: an incomplete installation."""
    return [rel for rel in (*PAGE_SCRIPTS, *PAGE_STYLES, *LICENSES) if resolve_asset(asset_dir, rel) is None]


def remote_urls(html: str) -> list[str]:
    """Every off-machine URL the page would load (scripts, styles, images, CSS url()). Must be empty."""
    return _REMOTE.findall(html)


def _text_asset(asset_dir: Path, relative: str) -> str:
    path = resolve_asset(asset_dir, relative)
    if path is None:
        raise FileNotFoundError(f"map asset {relative} is missing from {asset_dir}")
    return path.read_text(encoding="utf-8")


def _inline_css_urls(css: str, css_relative: str, asset_dir: Path) -> str:
    """url(images/x.png) in a stylesheet → a data: URI (the file sits beside the stylesheet)."""
    folder = PurePosixPath(css_relative).parent

    def replace(match: re.Match[str]) -> str:
        target = match.group(2)
        if target.startswith(("data:", "#")):
            return match.group(0)
        path = resolve_asset(asset_dir, str(folder / target))
        if path is None:
            return "url()"  # a missing decoration is better than a request
        data = base64.b64encode(path.read_bytes()).decode("ascii")
        return f"url(data:{mime_type(target)};base64,{data})"

    return re.sub(r"""url\((["']?)([^"')]+)\1\)""", lambda m: replace(m), css)


def inline_assets(html: str, base: str, asset_dir: Path) -> str:
    """Replace the page's <script src> and <link href> under ``base`` by the files' contents."""
    for relative in PAGE_SCRIPTS:
        tag = f'<script src="{asset_url(base, relative)}"></script>'
        if tag not in html:
            raise ValueError(f"the page does not load {relative} as expected")
        code = _text_asset(asset_dir, relative).replace("</script", "<\\/script")
        html = html.replace(tag, f"<script>/* {relative} */\n{code}\n</script>", 1)
    for relative in PAGE_STYLES:
        tag = f'<link rel="stylesheet" href="{asset_url(base, relative)}"/>'
        if tag not in html:
            raise ValueError(f"the page does not load {relative} as expected")
        css = _inline_css_urls(_text_asset(asset_dir, relative), relative, asset_dir).replace("</style", "<\\/style")
        html = html.replace(tag, f"<style>/* {relative} */\n{css}\n</style>", 1)
    return html
