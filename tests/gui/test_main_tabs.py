"""The map and statistics tabs are built when first opened (start-up stays fast) and work once opened."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from govdesk.gui.dashboard_view import DashboardView
from govdesk.gui.main_window import MainWindow
from govdesk.store.store import Store


def test_tabs_are_built_lazily_and_dashboard_figures_open_their_cases(
    qtbot: QtBot, populated_store: Store, make_window: Callable[[Store], MainWindow]
) -> None:
    main_window = make_window(populated_store)
    assert main_window.map_view is None and main_window.dashboard is None
    labels = [main_window.tabs.tabText(i) for i in range(main_window.tabs.count())]
    main_window.tabs.setCurrentIndex(labels.index("统计分析"))
    assert isinstance(main_window.dashboard, DashboardView)
    assert main_window.tabs.currentWidget() is main_window.dashboard
    first = main_window.model.rowCount()
    assert first > 0
    with qtbot.waitSignal(main_window.model.loaded, timeout=10_000):
        first_no = main_window.model.local_no_at(0)
        assert first_no is not None
        main_window.show_case_list([first_no], "测试")
    assert main_window.model.rowCount() == 1 and main_window.tabs.currentIndex() == 0
