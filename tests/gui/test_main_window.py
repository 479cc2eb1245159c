"""The main window as a mediator uses it: the list, search, detail, sorting and empty states."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from govdesk.gui.case_table_model import COLUMN_INDEX
from govdesk.gui.main_window import MainWindow
from govdesk.services.actor import Actor
from govdesk.store.store import Store

from .conftest import WANG_ID, type_chinese

Make = Callable[[Store], MainWindow]


def titles(window: MainWindow) -> list[str]:
    model = window.model
    return [model.data(model.index(r, COLUMN_INDEX["title"])) for r in range(model.rowCount())]


def click_row(qtbot: QtBot, window: MainWindow, row: int) -> None:
    rect = window.table.visualRect(window.model.index(row, COLUMN_INDEX["title"]))
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def detail_texts(window: MainWindow) -> str:
    return "\n".join(label.text() for label in window.detail.findChildren(QLabel))


def test_list_shows_cases_and_count(make_window: Make, populated_store: Store) -> None:
    window = make_window(populated_store)
    assert window.model.rowCount() == 3
    assert titles(window)[0] == "咨询工伤认定程序"  # newest first
    assert window.count_label.text() == "共 3 件"
    assert "测试镇综治中心" in window.windowTitle()
    assert window.center_label.text() == "测试镇综治中心"
    assert window.empty_overlay.isHidden()


def test_two_character_query_filters_the_list(qtbot: QtBot, make_window: Make, populated_store: Store) -> None:
    window = make_window(populated_store)
    window.focus_search()
    type_chinese(window.filter_bar.search_edit, "噪音")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=5000)
    assert titles(window) == ["楼上噪音扰民"]
    assert window.count_label.text() == "共 1 件"
    # A party's name is searchable too, with a single character.
    window.filter_bar.search_edit.setText("孙")
    qtbot.waitUntil(lambda: titles(window) == ["咨询工伤认定程序"], timeout=5000)


def test_clicking_a_row_shows_its_detail_with_masked_id(
    qtbot: QtBot, make_window: Make, populated_store: Store
) -> None:
    window = make_window(populated_store)
    row = titles(window).index("宅基地边界纠纷")
    click_row(qtbot, window, row)
    qtbot.waitUntil(lambda: window.detail.current_local_no == window.model.local_no_at(row), timeout=5000)
    text = detail_texts(window)
    assert "宅基地边界纠纷" in text
    assert "王某" in text and "李某" in text
    assert "3304**********0013" in text
    assert WANG_ID not in text
    assert "138****8000" in text


def test_sorting_by_number(qtbot: QtBot, make_window: Make, populated_store: Store, wait_idle: Callable) -> None:
    window = make_window(populated_store)
    header = window.table.horizontalHeader()
    column = COLUMN_INDEX["number"]
    numbers = lambda: [window.model.row_at(r).number for r in range(window.model.rowCount())]  # noqa: E731
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(header.sectionViewportPosition(column) + 20, 5)
    )
    wait_idle()
    first = numbers()
    assert first in (sorted(first), sorted(first, reverse=True))
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(header.sectionViewportPosition(column) + 20, 5)
    )
    wait_idle()
    assert numbers() == list(reversed(first))
    window.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    wait_idle()
    assert numbers() == sorted(numbers())
    assert numbers()[0].endswith("-00001")


def test_village_column_cannot_be_sorted_and_keeps_order(make_window: Make, populated_store: Store) -> None:
    window = make_window(populated_store)
    before = titles(window)
    window.table.sortByColumn(COLUMN_INDEX["village"], Qt.SortOrder.AscendingOrder)
    assert window.table.horizontalHeader().sortIndicatorSection() == COLUMN_INDEX["created"]
    assert titles(window) == before


def test_empty_store_says_how_to_start(make_window: Make, store: Store) -> None:
    window = make_window(store)
    assert window.model.rowCount() == 0
    assert window.empty_overlay.isVisible()
    assert "还没有事项" in window.empty_overlay.text()
    assert "登记事项" in window.empty_overlay.text()
    window.empty_overlay.button.click()  # the next step is one click away
    assert window.registration_dialog is not None and window.registration_dialog.isVisible()
    assert window.count_label.text() == "共 0 件"


def test_filter_without_matches_says_so(qtbot: QtBot, make_window: Make, populated_store: Store) -> None:
    window = make_window(populated_store)
    window.filter_bar.search_edit.setText("不存在的词语")
    qtbot.waitUntil(lambda: window.model.rowCount() == 0, timeout=5000)
    assert window.empty_overlay.isVisible()
    assert "没有符合条件的事项" in window.empty_overlay.text()
    window.empty_overlay.button.click()
    qtbot.waitUntil(lambda: window.model.rowCount() == 3, timeout=5000)
    assert window.filter_bar.search_edit.text() == ""
    assert window.empty_overlay.isHidden()


def test_kind_filter(qtbot: QtBot, make_window: Make, populated_store: Store) -> None:
    window = make_window(populated_store)
    combo = window.filter_bar.kind_combo
    combo.setCurrentIndex(combo.findData("consultation"))
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=5000)
    assert titles(window) == ["咨询工伤认定程序"]


def test_window_state_is_remembered(make_window: Make, populated_store: Store) -> None:
    window = make_window(populated_store)
    window.splitter.setSizes([900, 500])
    window.close()
    for key in ("geometry", "state", "splitter", "caseHeader"):
        assert window.settings.value(f"mainWindow/{key}") is not None
    # The offscreen platform does not honour restored geometry faithfully; the splitter is what we check.
    window.settings.remove("mainWindow/geometry")
    again = make_window(populated_store)
    assert abs(again.splitter.sizes()[1] - 500) <= 2


def test_demo_town_lists_villages_and_opens_cases(qtbot: QtBot, make_window: Make, demo_store: Store) -> None:
    window = make_window(demo_store)
    assert window.model.rowCount() == 200
    assert window.count_label.text() == "共 200 件"
    villages = window.filter_bar.village_combo
    assert villages.count() > 1
    villages.setCurrentIndex(1)
    qtbot.waitUntil(lambda: 0 < window.model.rowCount() < 200, timeout=5000)
    village = villages.currentText()
    assert all(window.model.row_at(r).village == village for r in range(window.model.rowCount()))
    click_row(qtbot, window, 0)
    qtbot.waitUntil(lambda: window.detail.current_local_no is not None, timeout=5000)


def test_an_administrator_is_told_why_they_cannot_register(
    qtbot: QtBot, tasks, settings, store: Store, wait_idle: Callable
) -> None:
    admin = Actor("李晓燕", "admin", "admin")
    window = MainWindow(store, tasks, admin, settings)
    qtbot.addWidget(window)
    window.show()
    wait_idle()
    assert not window.register_action.isEnabled()
    assert "工作人员账号" in window.register_action.toolTip()
    assert "系统管理员不查看事项" in window.empty_overlay.text()  # not theirs to read (tests/gui/test_admin_window.py)
    assert window.empty_overlay.button.isHidden()


def test_an_auditor_is_told_why_they_cannot_register(
    qtbot: QtBot, tasks, settings, store: Store, wait_idle: Callable
) -> None:
    window = MainWindow(store, tasks, Actor("王审计", "auditor", "shenji"), settings)
    qtbot.addWidget(window)
    window.show()
    wait_idle()
    assert not window.register_action.isEnabled()
    assert "不能登记" in window.empty_overlay.text()
    assert window.empty_overlay.button.isHidden()


def test_input_on_the_window_counts_as_activity_for_the_idle_lock(qtbot: QtBot, make_window: Make,
                                                                   populated_store: Store) -> None:  # fmt: skip
    """The idle lock watches our windows (an application-wide filter crashed PySide on QtWebEngine's items)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    window = make_window(populated_store)
    window.idle_timer.stop()  # input restarts it (remainingTime is too coarse to compare)
    handle = window.windowHandle()
    assert handle is not None and handle.property("govdeskIdleWatch")
    QApplication.sendEvent(handle, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Shift, Qt.KeyboardModifier.NoModifier))
    assert window.idle_timer.isActive()
