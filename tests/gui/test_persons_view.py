"""人员查询: find a person, see their cases, open one in the detail pane."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from govdesk.gui.case_table_model import COLUMN_INDEX
from govdesk.gui.main_window import MainWindow
from govdesk.store.store import Store

from .conftest import WANG_ID, ZHAO_ID, type_chinese

Make = Callable[[Store], MainWindow]


def test_find_person_by_name_and_open_their_case(qtbot: QtBot, make_window: Make, populated_store: Store) -> None:
    window = make_window(populated_store)
    window.persons_action.trigger()
    view = window.persons_view
    assert window.tabs.currentWidget() is view
    type_chinese(view.search_edit, "王")
    qtbot.waitUntil(lambda: view.persons_table.rowCount() == 1, timeout=5000)
    table = view.persons_table
    assert table.item(0, 0).text() == "王某"
    assert table.item(0, 2).text() == "3304**********0013"  # masked, never the full number
    assert table.item(0, 3).text() == "138****8000"
    assert table.item(0, 6).text() == "1"
    # A single match is selected at once and its cases are listed.
    qtbot.waitUntil(lambda: view.cases_model.rowCount() == 1, timeout=5000)
    title = view.cases_model.index(0, COLUMN_INDEX["title"])
    assert view.cases_model.data(title) == "宅基地边界纠纷"
    assert "王某" in view.cases_title.text() and "1 件" in view.cases_title.text()
    rect = view.cases_table.visualRect(title)
    # QTest's double-click lacks the press before it; a real double-click starts with one.
    qtbot.mouseClick(view.cases_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.cases_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.detail._title.text() == "宅基地边界纠纷", timeout=5000)


def test_find_person_by_full_id_number_and_phone(qtbot: QtBot, make_window: Make, populated_store: Store) -> None:
    window = make_window(populated_store)
    view = window.persons_view
    view.search_edit.setText(ZHAO_ID)
    view.search_button.click()
    qtbot.waitUntil(lambda: view.persons_table.rowCount() == 1, timeout=5000)
    assert view.persons_table.item(0, 0).text() == "赵某"
    view.search_edit.setText("13800138000")
    view.search_button.click()
    qtbot.waitUntil(lambda: view.persons_table.rowCount() == 1 and view.persons_table.item(0, 0).text() == "王某",
                    timeout=5000)  # fmt: skip
    assert WANG_ID not in view.persons_table.item(0, 2).text()


def test_no_match_explains_how_to_search(qtbot: QtBot, make_window: Make, populated_store: Store) -> None:
    window = make_window(populated_store)
    view = window.persons_view
    view.search_edit.setText("欧阳")
    view.search()
    qtbot.waitUntil(lambda: "没有找到" in view.result_hint.text(), timeout=5000)
    assert view.persons_table.rowCount() == 0
    assert "欧阳" in view.result_hint.text()
