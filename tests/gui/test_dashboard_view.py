"""统计分析 and 大屏 on the demo town: the tiles show what services.statistics computes, and every tile and bar
asks for exactly the cases behind it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from matplotlib.backend_bases import MouseEvent
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from govdesk.domain.clock import china_today
from govdesk.gui.big_screen import BigScreen
from govdesk.gui.dashboard_view import DashboardView, tile_figures
from govdesk.gui.tasks import TaskManager
from govdesk.reports.periods import parse_period
from govdesk.services.statistics import dashboard_for, figure_cases
from govdesk.store.store import Store
from tests.conftest import STAFF


@pytest.fixture
def view(qtbot: QtBot, demo_store: Store, tasks: TaskManager) -> DashboardView:
    widget = DashboardView(demo_store, tasks, STAFF)
    qtbot.addWidget(widget)
    widget.resize(1300, 900)
    widget.show()
    qtbot.waitUntil(lambda: widget.dashboard is not None and not widget.loading, timeout=20_000)
    return widget


def _show_year(qtbot: QtBot, view: DashboardView, year: str) -> None:
    with qtbot.waitSignal(view.refreshed, timeout=20_000):
        view.set_period(year)
    qtbot.waitUntil(lambda: not view.loading, timeout=20_000)


def test_tiles_show_the_services_figures_with_their_formulas(qtbot: QtBot, view: DashboardView,
                                                             demo_store: Store) -> None:  # fmt: skip
    year = str(china_today().year)
    _show_year(qtbot, view, year)
    assert view.period_text() == year
    expected = dashboard_for(demo_store, STAFF, parse_period(year))
    figures = tile_figures(expected)
    assert figures["received"].value > 0  # the demo town has cases this year
    assert set(view.tiles) == set(figures)
    for key, fig in figures.items():
        tile = view.tiles[key]
        assert tile.value_text() == fig.text, key
        assert fig.formula in tile.toolTip(), key
    assert view.tiles["success_rate"].value_text().endswith("%")


def test_clicking_a_tile_emits_its_cases(qtbot: QtBot, view: DashboardView, demo_store: Store) -> None:
    year = str(china_today().year)
    _show_year(qtbot, view, year)
    dash = dashboard_for(demo_store, STAFF, parse_period(year))
    expected = tile_figures(dash)
    for key in ("received", "disputes", "risk:red", "success_rate"):
        with qtbot.waitSignal(view.casesRequested, timeout=5_000) as blocker:
            qtbot.mouseClick(view.tiles[key], Qt.MouseButton.LeftButton)
        local_nos, title = blocker.args
        assert local_nos == figure_cases(demo_store, STAFF, dash.scope, expected[key].cases)
        assert len(local_nos) == expected[key].count
        assert expected[key].label in title


def test_clicking_a_bar_emits_the_cases_of_its_category(qtbot: QtBot, view: DashboardView,
                                                        demo_store: Store) -> None:  # fmt: skip
    year = str(china_today().year)
    _show_year(qtbot, view, year)
    dash = dashboard_for(demo_store, STAFF, parse_period(year))
    top = max(dash.by_category.values(), key=lambda f: f.value)
    canvas = view.chart_category
    canvas.draw()
    bar = canvas.artists[0]  # the biggest category comes first
    x, y = bar.get_window_extent().get_points().mean(axis=0)  # type: ignore[attr-defined]
    with qtbot.waitSignal(view.casesRequested, timeout=5_000) as blocker:
        MouseEvent("button_press_event", canvas, x, y, button=1)._process()
    local_nos, title = blocker.args
    assert sorted(local_nos) == sorted(figure_cases(demo_store, STAFF, dash.scope, top.cases))
    assert len(local_nos) == top.count
    assert top.label in title


def test_area_and_period_pickers(qtbot: QtBot, view: DashboardView, demo_store: Store) -> None:
    qtbot.waitUntil(lambda: view.area.count() > 1, timeout=10_000)
    year = str(china_today().year)
    _show_year(qtbot, view, year)
    with qtbot.waitSignal(view.refreshed, timeout=20_000):
        view.area.setCurrentIndex(1)
    village = view.village_id()
    assert village is not None
    expected = dashboard_for(demo_store, STAFF, parse_period(year), village)
    assert view.tiles["received"].value_text() == expected.figures["received"].text
    view.set_period("2026Q3")
    assert view.period_text() == "2026Q3"
    assert view.sub.isVisible()


def test_export_writes_the_chosen_file(qtbot: QtBot, view: DashboardView, tmp_path: Path,
                                       wait_idle: Callable[[], None]) -> None:  # fmt: skip
    target = tmp_path / "report.xlsx"
    view.ask_save_path = lambda suggested, pattern: str(target)  # type: ignore[method-assign]
    view.export("xlsx")
    wait_idle()
    qtbot.waitUntil(target.exists, timeout=10_000)
    assert target.stat().st_size > 1000


def test_big_screen_shows_the_figures_and_leaves_on_escape(qtbot: QtBot, demo_store: Store,
                                                           tasks: TaskManager) -> None:  # fmt: skip
    period = parse_period(str(china_today().year))
    screen = BigScreen(demo_store, tasks, STAFF, period)
    qtbot.addWidget(screen)
    with qtbot.waitSignal(screen.refreshed, timeout=20_000):
        screen.start()
    assert screen.timer.isActive() and screen.timer.interval() == 60_000
    expected = dashboard_for(demo_store, STAFF, period)
    assert screen.tiles["received"].value.text() == expected.figures["received"].text
    assert screen.data is not None
    assert screen.red_list.table.rowCount() == len(screen.data.red)
    with qtbot.waitSignal(screen.left, timeout=2_000):
        qtbot.keyClick(screen, Qt.Key.Key_Escape)
    assert not screen.isVisible()
    assert not screen.timer.isActive()


def _evaluate(qtbot: QtBot, screen: BigScreen, expression: str) -> dict[str, object]:
    canvas = screen.map_panel.canvas
    assert canvas is not None
    box: list[dict[str, object]] = []
    canvas.evaluate(expression, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=10_000)
    return box[0]


def test_big_screen_map_shows_the_periods_cases_by_risk_offline(qtbot: QtBot, demo_store: Store,
                                                                tasks: TaskManager) -> None:  # fmt: skip
    from govdesk.gui.big_screen import period_filter
    from govdesk.services import case_queries

    period = parse_period(str(china_today().year))
    screen = BigScreen(demo_store, tasks, STAFF, period)
    qtbot.addWidget(screen)
    screen.resize(1600, 900)
    with qtbot.waitSignal(screen.refreshed, timeout=30_000):
        screen.start()
    panel = screen.map_panel
    qtbot.waitUntil(lambda: panel.ready, timeout=60_000)
    assert screen.data is not None and screen.data.map is not None
    page = screen.data.map
    period_cases = case_queries.case_count(demo_store, period_filter(period))
    assert page.cases + page.unplaced == period_cases > 0  # the period's cases, as the dashboard counts them
    assert page.cases == int(_evaluate(qtbot, screen, "{n: govdeskMap.markerCount}")["n"])  # type: ignore[call-overload]
    assert sum(page.by_risk.values()) == page.cases
    assert "红" in panel.counts.text() and f"{page.cases:,}" in panel.title.text()
    grids = _evaluate(qtbot, screen, "{n: document.querySelectorAll('path.leaflet-interactive').length}")["n"]
    assert int(grids) > 10  # type: ignore[call-overload]  # the village and grid boundaries are drawn
    assert panel.canvas is not None and panel.canvas.blocked_requests == []  # nothing from the internet

    # A refresh with the same cases keeps the page (no rebuild on the wall every minute).
    revision = panel.canvas._revision
    with qtbot.waitSignal(screen.refreshed, timeout=30_000):
        screen.refresh()
    assert screen.data.map is not None and screen.data.map.html is None
    assert panel.canvas._revision == revision
    screen.close()


def test_big_screen_without_map_files_says_so_and_still_counts(qtbot: QtBot, demo_store: Store, tasks: TaskManager,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    from govdesk.gui import big_screen
    from govdesk.services.maps import MapInstallError

    def missing(*_args: object, **_kwargs: object) -> object:
        raise MapInstallError("地图组件不完整（缺少 leaflet.js），请重新安装 govdesk。")

    monkeypatch.setattr(big_screen.maps_service, "map_data", missing)
    screen = BigScreen(demo_store, tasks, STAFF, parse_period(str(china_today().year)))
    qtbot.addWidget(screen)
    with qtbot.waitSignal(screen.refreshed, timeout=30_000):
        screen.start()
    assert "重新安装" in screen.map_panel.message.text() and screen.map_panel.message.isVisible()
    assert screen.tiles["received"].value.text() != "—"
    screen.close()
