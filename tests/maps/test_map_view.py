"""The map in a real Qt WebEngine view (offscreen): only local requests, markers drawn, hostile text
inert, clicks and picks reported back through the bridge."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from govdesk.gui.map_view import MapCanvas, MapView
from govdesk.gui.tasks import TaskManager
from govdesk.maps.build import MapOptions, TileLayerSpec, build_map_html
from govdesk.maps.coords import wgs84_to_gcj02
from govdesk.paths import resource
from govdesk.store.cases_repo import CaseFilter
from govdesk.store.store import Store
from tests.maps.test_build import IMG, TEMPLATE, hostile_data

pytestmark = pytest.mark.slow


def evaluate(qtbot: QtBot, canvas: MapCanvas, expression: str) -> Any:
    box: list[Any] = []
    canvas.evaluate(expression, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=10_000)
    return box[0]


def wait_until_js(qtbot: QtBot, canvas: MapCanvas, expression: str, timeout: int = 15_000) -> None:
    qtbot.waitUntil(lambda: bool(evaluate(qtbot, canvas, f"{{v: !!({expression})}}").get("v")), timeout=timeout)


def click_at(canvas: MapCanvas, x: float, y: float) -> None:
    target = canvas.focusProxy() or canvas
    QTest.mouseClick(target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(round(x), round(y)))


@pytest.fixture
def canvas(qtbot: QtBot) -> Iterator[MapCanvas]:
    view = MapCanvas(resource("map"))
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    yield view
    view.release()


def test_demo_map_loads_only_local_resources_and_opens_clicked_cases(
    qtbot: QtBot, demo_store: Store, tasks: TaskManager
) -> None:
    view = MapView(demo_store, tasks)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    with qtbot.waitSignal(view.loaded, timeout=60_000) as loaded:
        view.show()  # built when first shown
        view.set_filter(CaseFilter())
    canvas = view.canvas
    state = evaluate(
        qtbot,
        canvas,
        "{count: govdeskMap.markerCount, error: govdeskMap.error, tiles: document.querySelectorAll('.leaflet-tile-loaded').length}",
    )
    assert state["count"] == loaded.args[0] > 250 and state.get("error") is None
    wait_until_js(qtbot, canvas, "document.querySelectorAll('.leaflet-tile-loaded').length > 4")
    wait_until_js(qtbot, canvas, "govdeskMap.bridge")  # the QWebChannel is up

    no = evaluate(
        qtbot, canvas, "{no: JSON.parse(document.getElementById('govdesk-map-data').textContent).cases.no[7]}"
    )["no"]
    assert evaluate(qtbot, canvas, f"{{ok: govdeskMap.revealCase({no})}}")["ok"]
    wait_until_js(
        qtbot, canvas, f"govdeskMap.revealed === {no} && govdeskMap.markerPoint({no})"
    )  # in place, not moving
    point = evaluate(qtbot, canvas, f"{{p: govdeskMap.markerPoint({no})}}")["p"]
    with qtbot.waitSignal(view.caseActivated, timeout=10_000) as activated:
        click_at(canvas, *point)  # a real mouse click, through Chromium's input handling
    assert activated.args == [no]
    wait_until_js(qtbot, canvas, "document.querySelector('.gd-popup-number')")
    popup = evaluate(qtbot, canvas, "{t: document.querySelector('.gd-popup').textContent}")["t"]
    assert "-" in popup and "风险等级" in popup and "类别" in popup

    assert canvas.blocked_requests == []
    assert canvas.interceptor.allowed > 10 and canvas.scheme_handler.served > 10
    assert canvas.web_page.console_errors == []
    view.release()


def test_hostile_text_runs_nothing(qtbot: QtBot, canvas: MapCanvas) -> None:
    with qtbot.waitSignal(canvas.ready, timeout=30_000):
        canvas.show_page(build_map_html(hostile_data(6), MapOptions()))
    canvas.highlight_case(2)  # opens a popup with the hostile category
    wait_until_js(qtbot, canvas, "document.querySelector('.gd-popup-row')")
    canvas.pan_to(30.6, 120.495, 16)  # grid labels (name and officer) appear from zoom 15
    wait_until_js(qtbot, canvas, "document.querySelector('.gd-label-officer')")
    state = evaluate(
        qtbot,
        canvas,
        """{
        pwned: globalThis.PWNED, alerted: globalThis.ALERTED, imgs: document.querySelectorAll('img[src="x"]').length,
        popup: document.querySelector('.gd-popup').textContent,
        officer: document.querySelector('.gd-label-officer').textContent,
        title: document.querySelector('.gd-legend-title').textContent}""",
    )
    assert "pwned" not in state and "alerted" not in state  # undefined: dropped by JSON.stringify
    assert state["imgs"] == 0
    assert IMG in state["popup"] and TEMPLATE in state["title"] and IMG + TEMPLATE in state["officer"]
    assert canvas.web_page.dialogs == []  # alert(1) never ran
    assert canvas.blocked_requests == []


def test_pick_mode_reports_wgs84_on_a_gcj02_map(qtbot: QtBot, canvas: MapCanvas) -> None:
    tiles = TileLayerSpec(min_zoom=12, max_zoom=15, crs="gcj02", url="govdesk-map://app/tiles/{z}/{x}/{y}")
    with qtbot.waitSignal(canvas.ready, timeout=30_000):
        canvas.show_page(build_map_html(hostile_data(3), MapOptions(tiles=tiles)), "gcj02")
    wait_until_js(qtbot, canvas, "govdeskMap.bridge")
    canvas.set_pick_mode(True)
    wait_until_js(qtbot, canvas, "govdeskMap.pickMode")
    with (
        qtbot.assertNotEmitted(canvas.caseActivated),
        qtbot.waitSignal(canvas.locationPicked, timeout=10_000) as picked,
    ):
        click_at(canvas, 500, 350)
    lat, lon = picked.args
    shown = evaluate(qtbot, canvas, "{p: govdeskMap.lastPicked}")["p"]
    g_lat, g_lon = wgs84_to_gcj02(lat, lon)
    assert abs(g_lat - shown[0]) < 2e-6 and abs(g_lon - shown[1]) < 2e-6  # converted back to WGS-84
    assert 30.5 < lat < 30.7 and 120.4 < lon < 120.6
    assert canvas.blocked_requests == []  # the missing tiles are a 404 of our own, not a request elsewhere


def test_page_cannot_reach_the_channel_and_bad_values_are_dropped(qtbot: QtBot, canvas: MapCanvas) -> None:
    with qtbot.waitSignal(canvas.ready, timeout=30_000):
        canvas.show_page(build_map_html(hostile_data(1), MapOptions()), local_nos=[1])
    wait_until_js(qtbot, canvas, "govdeskMap.bridge")  # the relay in the isolated world is listening
    seen = evaluate(qtbot, canvas, "{qt: typeof qt, channel: typeof QWebChannel}")
    assert seen == {"qt": "undefined", "channel": "undefined"}  # no deleteLater() or anything else to call
    # Only the two events reach Python, as checked numbers; unknown cases and bad points are dropped.
    with qtbot.assertNotEmitted(canvas.caseActivated, wait=300):
        canvas.evaluate(
            "{x: (document.dispatchEvent(new CustomEvent('govdesk:open-case', {detail: '99'})), 1)}", lambda _: None
        )
    with qtbot.waitSignal(canvas.caseActivated, timeout=5_000) as opened:
        canvas.evaluate(
            "{x: (document.dispatchEvent(new CustomEvent('govdesk:open-case', {detail: '1'})), 1)}", lambda _: None
        )
    assert opened.args == [1]
    canvas.set_pick_mode(True)
    with qtbot.assertNotEmitted(canvas.locationPicked, wait=300):
        for detail in ("NaN,120", "95,120", "30.6", "<img>"):
            canvas.evaluate(
                f"{{x: (document.dispatchEvent(new CustomEvent('govdesk:pick', {{detail: '{detail}'}})), 1)}}",
                lambda _: None,
            )
    with qtbot.assertNotEmitted(canvas.locationPicked):
        canvas.bridge.pickLocation(float("nan"), 120.0)


def test_heat_view_and_png_for_reports(qtbot: QtBot, canvas: MapCanvas, tmp_path: Path) -> None:
    with qtbot.waitSignal(canvas.ready, timeout=30_000):
        canvas.show_page(build_map_html(hostile_data(40), MapOptions(show_heat=True)))
    wait_until_js(qtbot, canvas, "document.querySelector('canvas.leaflet-heatmap-layer')")
    assert evaluate(qtbot, canvas, "{n: document.querySelectorAll('.gd-marker, .gd-cluster').length}")["n"] == 0
    canvas.show_heat(False)
    wait_until_js(qtbot, canvas, "document.querySelectorAll('.gd-marker, .gd-cluster').length > 0")
    qtbot.wait(800)  # let the compositor deliver the frame the grab reads
    out = tmp_path / "map.png"
    assert canvas.save_png(out) and out.stat().st_size > 5_000


def test_location_picker_shows_the_grid_at_the_clicked_point(
    qtbot: QtBot, demo_store: Store, tasks: TaskManager
) -> None:
    from govdesk.demo.geography import centroid
    from govdesk.gui.map_view import LocationPickerDialog
    from govdesk.services import maps as maps_service

    grid = maps_service.map_data(demo_store, None).grids[3]
    lon, lat = centroid(grid.boundary)
    dialog = LocationPickerDialog(demo_store, tasks, initial=(lat, lon))
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.map_view.loaded, timeout=60_000) as loaded:
        dialog.show()
    assert loaded.args == [0]  # boundaries only: no case markers in the picker
    canvas = dialog.map_view.canvas
    wait_until_js(qtbot, canvas, "govdeskMap.pickMode && govdeskMap.bridge && map_govdesk.getZoom() === 16")
    size = evaluate(qtbot, canvas, "{s: [map_govdesk.getSize().x, map_govdesk.getSize().y]}")["s"]
    click_at(canvas, size[0] / 2, size[1] / 2)  # the map is centred on the grid's centre
    qtbot.waitUntil(lambda: dialog.picked is not None and dialog.picked.location is not None, timeout=10_000)
    assert dialog.picked is not None and dialog.picked.location is not None
    assert dialog.picked.location.grid_id == grid.id
    assert abs(dialog.picked.latitude - lat) < 1e-4 and abs(dialog.picked.longitude - lon) < 1e-4
    assert grid.name in dialog.place.text() and grid.officer in dialog.place.text()
    assert canvas.blocked_requests == []
    dialog.accept()
