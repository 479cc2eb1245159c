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
from govdesk.services.statistics import dashboard_for
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
    expected = tile_figures(dashboard_for(demo_store, STAFF, parse_period(year)))
    for key in ("received", "disputes", "risk:red"):
        with qtbot.waitSignal(view.casesRequested, timeout=2_000) as blocker:
            qtbot.mouseClick(view.tiles[key], Qt.MouseButton.LeftButton)
        local_nos, title = blocker.args
        assert local_nos == list(expected[key].local_nos)
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
    with qtbot.waitSignal(view.casesRequested, timeout=2_000) as blocker:
        MouseEvent("button_press_event", canvas, x, y, button=1)._process()
    local_nos, title = blocker.args
    assert sorted(local_nos) == sorted(top.local_nos)
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
