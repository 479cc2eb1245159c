"""Qt models of the case list.

``CaseTableModel`` is the main list: it knows only how many cases match (``case_queries.case_count``, run on
the serial worker at every filter, sort or refresh) and fetches the rows it is asked to paint in pages of
``PAGE_SIZE`` (``case_queries.case_page``: filter + sort + offset/limit), keeping a bounded number of pages.
No list of ids is ever loaded. The page fetches run synchronously in ``data()`` because one page takes a
few milliseconds; scrolling to row 150,000 fetches that page only.

``CaseRowsModel`` shows a short, already-fetched list (one person's cases) with the same columns.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor

from govdesk.domain.clock import china_time
from govdesk.services import case_queries
from govdesk.store.cases_repo import CaseFilter
from govdesk.store.records import CaseRow
from govdesk.store.store import Store

from .labels import category_label, kind_label, risk_dot, risk_label, status_label, translate
from .tasks import TaskManager

PAGE_SIZE = 200
MAX_CACHED_PAGES = 50  # 10,000 rows: several screens of scrolling back and forth without refetching
LOCAL_NO_ROLE = Qt.ItemDataRole.UserRole + 1

# (column id, sort key from cases_repo.SORT_COLUMNS or None when the store cannot sort by it)
COLUMNS: tuple[tuple[str, str | None], ...] = (
    ("number", "number"),
    ("title", "title"),
    ("kind", "kind"),
    ("category", "category"),
    ("parties", "party_names"),
    ("village", None),
    ("status", "status"),
    ("risk", "risk"),
    ("created", "created_at"),
)
COLUMN_INDEX = {name: i for i, (name, _) in enumerate(COLUMNS)}
DEFAULT_SORT_COLUMN = COLUMN_INDEX["created"]

_GREY = QColor("#80868b")
_Index = QModelIndex | QPersistentModelIndex


def column_titles() -> list[str]:
    return [
        translate("CaseTable", "编号"),
        translate("CaseTable", "标题"),
        translate("CaseTable", "类型"),
        translate("CaseTable", "类别"),
        translate("CaseTable", "当事人"),
        translate("CaseTable", "村（社区）"),
        translate("CaseTable", "状态"),
        translate("CaseTable", "风险"),
        translate("CaseTable", "登记时间"),
    ]


def local_time(value: dt.datetime) -> str:
    """Stored times are naive UTC; staff read and report Beijing time (as documents, the timeline and the status
    bar do), whatever time zone the PC happens to be set to."""
    return china_time(value).strftime("%Y-%m-%d %H:%M")


def _display(row: CaseRow, column: str) -> str:
    match column:
        case "number":
            return row.number
        case "title":
            return row.title
        case "kind":
            return kind_label(row.kind)
        case "category":
            return category_label(row.category)
        case "parties":
            return row.party_names
        case "village":
            return row.village
        case "status":
            return status_label(row.status)
        case "risk":
            return risk_label(row.risk)
        case "created":
            return local_time(row.created_at)
    return ""


class _CaseColumnsModel(QAbstractTableModel):
    """Columns, headers and cell formatting shared by both case models."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._titles = column_titles()

    def row_at(self, row: int) -> CaseRow | None:
        raise NotImplementedError

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._titles[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            if COLUMNS[section][1] is None:
                return QCoreApplication.translate("CaseTable", "这一列不能排序")
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        column = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(row, column)
        if role == Qt.ItemDataRole.DecorationRole and column == "risk":
            return risk_dot(row.risk)
        if role == Qt.ItemDataRole.ToolTipRole and column in ("title", "parties"):
            return _display(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and not row.status.is_open:
            return _GREY  # finished matters recede; open ones are what staff work on
        if role == LOCAL_NO_ROLE:
            return row.local_no
        return None


class CaseTableModel(_CaseColumnsModel):
    """The case list for a filter and sort: ids in memory, rows fetched lazily in pages."""

    loaded = Signal(int)  # emitted with the number of matching cases after every (re)query
    sort_refused = Signal(int, Qt.SortOrder)  # a column the store cannot sort by; restore this indicator

    def __init__(self, store: Store, tasks: TaskManager, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._tasks = tasks
        self._filter = CaseFilter()
        self._sort_column = DEFAULT_SORT_COLUMN
        self._descending = True
        self._count = 0
        self._pages: OrderedDict[int, list[CaseRow | None]] = OrderedDict()
        self._generation = 0  # answers to superseded queries (typing fast) are dropped
        self._has_loaded = False
        self.readable = True  # False for an account that may not list cases (the administrator): nothing is read

    # --- what to show -------------------------------------------------------------------------
    @property
    def case_filter(self) -> CaseFilter:
        return self._filter

    @property
    def has_loaded(self) -> bool:
        return self._has_loaded

    def set_filter(self, flt: CaseFilter, then: Callable[[], None] | None = None) -> None:
        self._filter = flt
        self.refresh(then)

    @staticmethod
    def sortable(column: int) -> bool:
        return COLUMNS[column][1] is not None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not self.sortable(column):  # the view does not offer it (see main_window); a caller might
            previous = Qt.SortOrder.DescendingOrder if self._descending else Qt.SortOrder.AscendingOrder
            self.sort_refused.emit(self._sort_column, previous)
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (column, descending) == (self._sort_column, self._descending):
            return  # the view re-announces the current sort when sorting is switched on
        self._sort_column, self._descending = column, descending
        self.refresh()

    def _sort_key(self) -> str:
        return COLUMNS[self._sort_column][1] or "created_at"

    def refresh(self, then: Callable[[], None] | None = None) -> None:
        """Re-count through the worker; ``then`` runs once the new list is in place."""
        self._generation += 1
        generation = self._generation
        store, flt = self._store, self._filter

        def done(count: int) -> None:
            if generation != self._generation:
                return
            self.beginResetModel()
            self._count = count
            self._pages.clear()
            self.endResetModel()
            self._has_loaded = True
            self.loaded.emit(count)
            if then is not None:
                then()

        if not self.readable:
            QTimer.singleShot(0, lambda: done(0))
            return
        self._tasks.run(lambda: case_queries.case_count(store, flt), done, owner=self)

    # --- lookups for the view -----------------------------------------------------------------
    def local_no_at(self, row: int) -> int | None:
        found = self.row_at(row)
        return found.local_no if found is not None else None

    def row_of(self, local_no: int) -> int | None:
        """The row of a case among the pages fetched so far (the first page is fetched if need be)."""
        if self._count and 0 not in self._pages:
            self._fetch_page(0)
        for page_no, page in self._pages.items():
            for offset, row in enumerate(page):
                if row is not None and row.local_no == local_no:
                    return page_no * PAGE_SIZE + offset
        return None

    @property
    def fetched_pages(self) -> list[int]:
        return list(self._pages)

    def row_at(self, row: int) -> CaseRow | None:
        if not 0 <= row < self._count:
            return None
        page_no, offset = divmod(row, PAGE_SIZE)
        page = self._pages.get(page_no)
        if page is None:
            page = self._fetch_page(page_no)
        else:
            self._pages.move_to_end(page_no)
        return page[offset] if offset < len(page) else None

    def _fetch_page(self, page_no: int) -> list[CaseRow | None]:
        rows = case_queries.case_page(
            self._store, self._filter, self._sort_key(), self._descending, page_no * PAGE_SIZE, PAGE_SIZE
        )
        # Cases deleted since the count leave blank lines at the end until the next refresh.
        page: list[CaseRow | None] = list(rows)
        self._pages[page_no] = page
        while len(self._pages) > MAX_CACHED_PAGES:
            self._pages.popitem(last=False)
        return page

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self._count


class CaseRowsModel(_CaseColumnsModel):
    """A short case list already in memory (a person's cases)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[CaseRow] = []

    def set_rows(self, rows: Sequence[CaseRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> CaseRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)
