"""Map figures: building the page for 5,000 and 50,000 case markers, and the time until it is interactive
in the real Qt WebEngine view (the page's ``govdeskMap.ready`` flag: markers clustered, frame drawn).

Wire into ``benchmarks.run`` with ``figures += maps_bench.map_figures(size_label, repeat)``. It needs Qt
WebEngine: call it before anything else creates a QApplication (it registers the map's URL scheme).
"""

from __future__ import annotations

import json
import os
import random
import time
from typing import Any

from benchmarks.harness import Figure, timed
from govdesk.demo import geography, names
from govdesk.domain.codes import Kind, Risk
from govdesk.maps.build import Area, CaseMarker, HeatPoint, MapData, MapOptions, build_map_html, map_payload

SIZES = (5_000, 50_000)
TARGETS_MS = {5_000: (1_000.0, 3_000.0)}  # (build, interactive); 50,000 is recorded, not held to a number
CATEGORIES = ("婚姻家庭", "邻里", "房屋宅基地", "合同", "损害赔偿", "劳动争议", "山林土地", "其他")


def township_data(n_cases: int, seed: int = 7) -> MapData:
    """The demo township's villages and grids with ``n_cases`` cases spread over its grids."""
    rng = random.Random(f"{seed}:map")
    layout = names.VILLAGE_LAYOUT
    shapes = geography.lay_out_villages(rng, [[count for _, _, count in row] for row in layout])
    villages: list[Area] = []
    grids: list[Area] = []
    for v, ((name, community, _), shape) in enumerate(zip((p for row in layout for p in row), shapes, strict=True)):
        villages.append(Area(f"v{v}", f"{v:03d}", name, shape.boundary, is_community=community))
        for g, boundary in enumerate(shape.grids):
            grids.append(
                Area(
                    f"g{v}-{g}",
                    f"{v:03d}{g:02d}",
                    f"{name}第{g + 1}网格",
                    boundary,
                    officer="网格员",
                    village_id=f"v{v}",
                )
            )
    kinds = [k.value for k in Kind]
    risks = [Risk.GREEN.value] * 8 + [Risk.YELLOW.value] * 3 + [Risk.RED.value]
    cases = []
    for i in range(n_cases):
        lon, lat = geography.random_point_in(rng.choice(grids).boundary, rng)
        cases.append(CaseMarker(i + 1, f"330483101-2026-{i + 1:06d}", rng.choice(CATEGORIES), rng.choice(kinds),
                                rng.choice(risks), lat, lon))  # fmt: skip
    heat = tuple(HeatPoint(c.lat, c.lon) for c in cases[: n_cases // 3])
    return MapData(tuple(villages), tuple(grids), tuple(cases), heat, "近一年", 0, "荷塘镇综合治理中心（基准测试）")


def _qt() -> Any:
    """The QApplication, made here (after registering the map scheme) unless one exists already."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen" if not os.environ.get("DISPLAY") else "xcb")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    from govdesk.gui.map_view import register_map_scheme

    register_map_scheme()
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


def _interactive_ms(canvas: Any, app: Any, html: str, timeout_s: float = 120.0) -> float:
    """Milliseconds from loading the page until the page says it is ready."""
    from PySide6.QtCore import QEventLoop

    done: list[str] = []

    def ready() -> None:
        done.append("ready")

    def failed(message: str) -> None:
        done.append(message)

    canvas.ready.connect(ready)
    canvas.failed.connect(failed)
    try:
        start = time.perf_counter()
        canvas.show_page(html)
        while not done and time.perf_counter() - start < timeout_s:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        elapsed = (time.perf_counter() - start) * 1000
    finally:
        canvas.ready.disconnect(ready)
        canvas.failed.disconnect(failed)
    if done != ["ready"]:
        raise RuntimeError(f"the map did not become ready: {done or 'timeout'}")
    return elapsed


def map_figures(size_label: str, repeat: int, sizes: tuple[int, ...] = SIZES) -> list[Figure]:
    """Build and first-render times for each marker count in ``sizes`` (a tiny run may pass fewer)."""
    app = _qt()
    from govdesk.gui.map_view import MapCanvas
    from govdesk.paths import resource

    canvas = MapCanvas(resource("map"))
    canvas.resize(1400, 900)
    canvas.show()
    figures: list[Figure] = []
    try:
        empty_html = build_map_html(MapData(), MapOptions())
        _interactive_ms(canvas, app, empty_html)  # warm up the web engine
        empty = [_interactive_ms(canvas, app, empty_html) for _ in range(repeat)]
        for n in sizes:
            data = township_data(n)
            options = MapOptions()
            build = timed(lambda data=data, options=options: build_map_html(data, options), repeat=repeat)
            payload = map_payload(data, options)
            floor = timed(lambda payload=payload: json.dumps(payload, ensure_ascii=False), repeat=repeat)
            html = build_map_html(data, options)
            _interactive_ms(canvas, app, html)  # warm-up load of this size
            shown = [_interactive_ms(canvas, app, html) for _ in range(repeat)]
            build_target, shown_target = TARGETS_MS.get(n, (None, None))
            size = f"{n:,} markers"
            figures.append(Figure(
                "maps", f"page build ({n:,} markers, folium + JSON)", "ms", build, size, target=build_target,
                limit=min(floor), limit_what="json.dumps of the same data",
                note=f"page {len(html) / 1e6:.1f} MB", extra={"suite": size_label},
            ))  # fmt: skip
            figures.append(Figure(
                "maps", f"first interactive render ({n:,} markers, clustered)", "ms", shown, size,
                target=shown_target, limit=min(empty), limit_what="same view loading an empty map",
                note="load → markers clustered → frame drawn" + ("" if shown_target else "; recorded (usable)"),
                extra={"suite": size_label},
            ))  # fmt: skip
    finally:
        canvas.release()
        canvas.deleteLater()
    return figures


if __name__ == "__main__":
    for f in map_figures("standalone", 3):
        print(f"{f.name:60} {f.median:10.1f} {f.unit}  (target {f.target}, floor {f.limit:.1f})")
