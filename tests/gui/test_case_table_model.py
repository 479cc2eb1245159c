"""The case list model stays light with a very large store: ids in memory, rows fetched per page."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from govdesk.domain.codes import Channel, Kind, Risk, Status
from govdesk.gui import case_table_model
from govdesk.gui.case_table_model import COLUMN_INDEX, LOCAL_NO_ROLE, MAX_CACHED_PAGES, PAGE_SIZE, CaseTableModel
from govdesk.gui.labels import risk_dot
from govdesk.gui.tasks import TaskManager
from govdesk.services import case_queries
from govdesk.store.cases_repo import CaseFilter
from govdesk.store.records import CaseRow

N = 200_000


def fake_row(no: int) -> CaseRow:
    return CaseRow(
        local_no=no, id=f"id-{no}", number=f"330483101-2026-01-{no:05d}", title=f"事项{no}",
        kind=Kind.DISPUTE, category="邻里", channel=Channel.WALK_IN,
        status=Status.CLOSED if no % 2 else Status.REGISTERED, risk=Risk.RED if no % 3 == 0 else Risk.GREEN,
        party_names="甲 乙", village="荷塘村", occurred_at=None, created_at=dt.datetime(2026, 1, 1, 8, 30),
    )  # fmt: skip


@pytest.fixture
def big_store(monkeypatch: pytest.MonkeyPatch) -> dict[str, list]:
    calls: dict[str, list] = {"ids": [], "rows": []}

    def case_local_nos(store: object, flt: CaseFilter, sort: str = "created_at", descending: bool = True) -> list[int]:
        calls["ids"].append((flt, sort, descending))
        return list(range(N, 0, -1)) if descending else list(range(1, N + 1))

    def case_rows(store: object, local_nos: Sequence[int]) -> list[CaseRow]:
        calls["rows"].append(len(local_nos))
        return [fake_row(n) for n in local_nos]

    monkeypatch.setattr(case_queries, "case_local_nos", case_local_nos)
    monkeypatch.setattr(case_queries, "case_rows", case_rows)
    return calls


def test_200k_cases_fetch_only_visible_pages(qtbot: QtBot, tasks: TaskManager, big_store: dict[str, list]) -> None:
    model = CaseTableModel(store=None, tasks=tasks)  # type: ignore[arg-type]
    view = QTableView()
    qtbot.addWidget(view)
    view.verticalHeader().setDefaultSectionSize(28)
    view.setModel(model)
    view.resize(1000, 800)
    view.show()
    with qtbot.waitSignal(model.loaded, timeout=5000) as loaded:
        model.refresh()
    assert loaded.args == [N]
    assert model.rowCount() == N
    qtbot.wait(50)
    assert sum(big_store["rows"]) <= 2 * PAGE_SIZE
    view.scrollToBottom()
    qtbot.wait(50)
    assert model.data(model.index(N - 1, COLUMN_INDEX["number"])) == "330483101-2026-01-00001"
    assert sum(big_store["rows"]) <= 4 * PAGE_SIZE
    for row in range(0, N, N // 100):  # jumping about the list keeps the cache bounded
        model.row_at(row)
    assert len(model._pages) <= MAX_CACHED_PAGES


def test_cells_and_sort_keys(qtbot: QtBot, tasks: TaskManager, big_store: dict[str, list]) -> None:
    model = CaseTableModel(store=None, tasks=tasks)  # type: ignore[arg-type]
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.refresh()
    first = model.index(0, 0)
    assert model.data(first, LOCAL_NO_ROLE) == N
    assert model.data(model.index(0, COLUMN_INDEX["status"])) == "已登记"
    assert model.data(model.index(0, COLUMN_INDEX["kind"])) == "矛盾纠纷"
    risk = model.index(2, COLUMN_INDEX["risk"])  # local_no 199998 is divisible by 3: red
    assert model.data(risk) == "红色"
    assert model.data(risk, Qt.ItemDataRole.DecorationRole).cacheKey() == risk_dot(Risk.RED).cacheKey()
    assert model.data(model.index(1, 0), Qt.ItemDataRole.ForegroundRole) is not None  # closed: greyed
    assert model.headerData(0, Qt.Orientation.Horizontal) == "编号"
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.sort(COLUMN_INDEX["number"], Qt.SortOrder.AscendingOrder)
    assert big_store["ids"][-1][1:] == ("number", False)
    assert model.local_no_at(0) == 1
    with qtbot.waitSignal(model.sort_refused, timeout=1000):
        model.sort(COLUMN_INDEX["village"], Qt.SortOrder.AscendingOrder)
    assert big_store["ids"][-1][1:] == ("number", False)


def test_stale_answers_are_dropped(qtbot: QtBot, tasks: TaskManager, big_store: dict[str, list]) -> None:
    """Typing fast queues several queries; only the last one's answer may reach the list."""
    model = CaseTableModel(store=None, tasks=tasks)  # type: ignore[arg-type]
    counts: list[int] = []
    model.loaded.connect(counts.append)
    model.set_filter(CaseFilter(search="纠"))
    model.set_filter(CaseFilter(search="纠纷"))
    qtbot.waitUntil(lambda: not tasks.busy, timeout=5000)
    assert counts == [N]
    assert model.case_filter.search == "纠纷"


def test_local_time_shown_for_utc_storage() -> None:
    value = dt.datetime(2026, 11, 20, 1, 30)
    expected = value.replace(tzinfo=dt.UTC).astimezone().strftime("%Y-%m-%d %H:%M")
    assert case_table_model.local_time(value) == expected
