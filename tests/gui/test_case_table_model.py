"""The case list model stays light with a very large store: a count, and rows fetched per page."""

from __future__ import annotations

import datetime as dt
from typing import Any

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


def fake_queries(monkeypatch: pytest.MonkeyPatch, n: int) -> dict[str, list[Any]]:
    """case_count / case_page over ``n`` fake cases; records every call (no id list exists any more)."""
    calls: dict[str, list[Any]] = {"ids": [], "rows": [], "pages": [], "counts": []}

    def case_count(store: object, flt: CaseFilter) -> int:
        calls["counts"].append(flt)
        return n

    def case_page(
        store: object, flt: CaseFilter, sort: str, descending: bool, offset: int, limit: int
    ) -> list[CaseRow]:
        calls["ids"].append((flt, sort, descending))
        calls["pages"].append((offset, limit))
        nos = (
            range(n - offset, max(n - offset - limit, 0), -1)
            if descending
            else range(offset + 1, min(offset + limit, n) + 1)
        )
        calls["rows"].append(len(nos))
        return [fake_row(no) for no in nos]

    def forbidden(*_args: object, **_kwargs: object) -> list[int]:
        raise AssertionError("the list model must not load every id")

    monkeypatch.setattr(case_queries, "case_count", case_count)
    monkeypatch.setattr(case_queries, "case_page", case_page)
    monkeypatch.setattr(case_queries, "case_local_nos", forbidden)
    return calls


@pytest.fixture
def big_store(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[Any]]:
    return fake_queries(monkeypatch, N)


def test_200k_cases_fetch_only_visible_pages(qtbot: QtBot, tasks: TaskManager, big_store: dict[str, list[Any]]) -> None:
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


def test_cells_and_sort_keys(qtbot: QtBot, tasks: TaskManager, big_store: dict[str, list[Any]]) -> None:
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
    assert model.local_no_at(0) == 1
    assert big_store["ids"][-1][1:] == ("number", False)
    assert not model.sortable(COLUMN_INDEX["village"])  # the store cannot sort by village
    assert model.headerData(COLUMN_INDEX["village"], Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    with qtbot.waitSignal(model.sort_refused, timeout=1000):
        model.sort(COLUMN_INDEX["village"], Qt.SortOrder.AscendingOrder)
    assert big_store["ids"][-1][1:] == ("number", False)


def test_5000_cases_fetch_only_the_pages_needed(
    qtbot: QtBot, tasks: TaskManager, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = fake_queries(monkeypatch, 5000)
    model = CaseTableModel(store=None, tasks=tasks)  # type: ignore[arg-type]
    view = QTableView()
    qtbot.addWidget(view)
    view.verticalHeader().setDefaultSectionSize(28)
    view.setModel(model)
    view.resize(1000, 600)
    view.show()
    with qtbot.waitSignal(model.loaded, timeout=5000) as loaded:
        model.refresh()
    assert loaded.args == [5000]
    qtbot.wait(50)
    assert calls["pages"] == [(0, PAGE_SIZE)]  # one screen: the first page only
    view.scrollTo(model.index(2100, 0))
    qtbot.wait(50)
    offsets = {offset for offset, _ in calls["pages"]}
    assert offsets <= {0, 2000, 2200}  # the page of row 2100 (and maybe its neighbour), nothing between
    assert 2000 in offsets
    assert model.data(model.index(2100, COLUMN_INDEX["number"])) == f"330483101-2026-01-{5000 - 2100:05d}"
    assert len(calls["pages"]) <= 3


def test_real_store_pages_and_due_filter(qtbot: QtBot, tasks: TaskManager, demo_store) -> None:  # type: ignore[no-untyped-def]
    """Against a real demo store: the count matches, a page is a real page, the due filter narrows."""
    model = CaseTableModel(demo_store, tasks)
    with qtbot.waitSignal(model.loaded, timeout=5000) as loaded:
        model.refresh()
    total = loaded.args[0]
    assert total == case_queries.case_count(demo_store, CaseFilter()) > 0
    first = model.row_at(0)
    assert first is not None and first.local_no == max(
        case_queries.case_page(demo_store, CaseFilter(), "created_at", True, 0, 5)[i].local_no for i in range(5)
    )
    overdue = CaseFilter(**case_queries.due_filter("overdue"))  # type: ignore[arg-type]
    with qtbot.waitSignal(model.loaded, timeout=5000) as loaded:
        model.set_filter(overdue)
    assert loaded.args[0] == case_queries.case_count(demo_store, overdue) < total


def test_stale_answers_are_dropped(qtbot: QtBot, tasks: TaskManager, big_store: dict[str, list[Any]]) -> None:
    """Typing fast queues several queries; only the last one's answer may reach the list."""
    model = CaseTableModel(store=None, tasks=tasks)  # type: ignore[arg-type]
    counts: list[int] = []
    model.loaded.connect(counts.append)
    model.set_filter(CaseFilter(search="纠"))
    model.set_filter(CaseFilter(search="纠纷"))
    qtbot.waitUntil(lambda: not tasks.busy, timeout=5000)
    assert counts == [N]
    assert model.case_filter.search == "纠纷"


def test_beijing_time_shown_for_utc_storage() -> None:
    # 01:30 UTC is 09:30 in Beijing, whatever zone the PC is set to (documents and timeline use Beijing time too)
    assert case_table_model.local_time(dt.datetime(2026, 11, 20, 1, 30)) == "2026-11-20 09:30"
