"""导出事项列表 and 导入居民 dialogs: what the list shows goes to the chosen file on the worker with progress;
bulk or full-ID exports wait for a second person's password; the import preview shows every row with its
problem and writes nothing until confirmed."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from govdesk.gui.export_dialog import ExportCasesDialog
from govdesk.gui.import_dialog import ImportResidentsDialog
from govdesk.gui.main_window import MainWindow
from govdesk.gui.tasks import TaskManager
from govdesk.services import exports
from govdesk.services.accounts import create_account, create_first_admin
from govdesk.services.actor import Actor
from govdesk.store.cases_repo import CaseFilter
from govdesk.store.models import AuditEntry, Person
from govdesk.store.store import Store
from tests.gui.conftest import WANG_ID
from tests.services.test_exports_imports import _village, write_residents

CLERK = Actor("王登记", "clerk", "dengji")
ADMIN = Actor("管理员", "admin", "admin")


@pytest.fixture
def staffed(populated_store: Store) -> Store:
    admin = create_first_admin(populated_store, "admin", "管理员", "Secure#2026")
    create_account(populated_store, admin, "zhuren", "李主任", "director", "Zhuren#2026")
    create_account(populated_store, admin, "dengji", "王登记", "clerk", "Dengji#2026")
    return populated_store


def _rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def _dialog(qtbot: QtBot, store: Store, tasks: TaskManager, flt: CaseFilter, target: Path) -> ExportCasesDialog:
    dialog = ExportCasesDialog(store, tasks, CLERK, flt)
    qtbot.addWidget(dialog)
    dialog.ask_save_path = lambda suggested, pattern: str(target)  # type: ignore[method-assign]
    dialog.show()
    qtbot.waitUntil(lambda: dialog.count is not None, timeout=10_000)
    return dialog


def test_export_writes_the_filtered_list_with_masked_ids_on_the_worker(qtbot: QtBot, staffed: Store,
                                                                      tasks: TaskManager, tmp_path: Path) -> None:  # fmt: skip
    target = tmp_path / "事项.csv"
    dialog = _dialog(qtbot, staffed, tasks, CaseFilter(kinds=("dispute",)), target)
    assert dialog.count == 2 and "共 2 件" in dialog.what.text() and "矛盾纠纷" in dialog.what.text()
    assert not dialog.note.isVisible()  # two cases, masked: no approval needed
    dialog.csv.setChecked(True)
    dialog.with_ids.setChecked(True)
    reports: list[tuple[int, int, str]] = []
    dialog.progress_hook = lambda d, t, m: reports.append((d, t, m))
    with qtbot.waitSignal(dialog.exported, timeout=15_000) as done:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert done.args == [str(target), 2]
    rows = _rows(target)
    assert rows[0][-1] == exports.ID_COLUMN and len(rows) == 3
    assert all(r[2] == "矛盾纠纷" for r in rows[1:])
    assert "3304**********0013" in "".join(r[-1] for r in rows) and WANG_ID not in target.read_text(encoding="utf-8-sig")
    assert reports and reports[-1][2] == "正在生成文件……"


def test_bulk_export_waits_for_a_second_persons_password(qtbot: QtBot, staffed: Store, tasks: TaskManager,
                                                         tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    monkeypatch.setattr(exports, "BULK_LIMIT", 2)
    target = tmp_path / "全部.xlsx"
    dialog = _dialog(qtbot, staffed, tasks, CaseFilter(), target)
    assert dialog.note.isVisible() and "超过2件" in dialog.note.text()
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    approval = dialog.approval_dialog
    assert approval is not None and approval.isVisible() and not target.exists()
    approval.username.setText("dengji")  # the exporter cannot approve their own export
    approval.password.setText("Dengji#2026")
    qtbot.mouseClick(approval.approve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: approval.error.isVisible(), timeout=10_000)
    assert "另一位人员" in approval.error.text() and approval.password.text() == ""
    approval.username.setText("zhuren")
    approval.password.setText("wrong")
    qtbot.mouseClick(approval.approve_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "用户名或密码不对" in approval.error.text(), timeout=10_000)
    approval.password.setText("Zhuren#2026")
    with qtbot.waitSignal(dialog.exported, timeout=15_000):
        qtbot.mouseClick(approval.approve_button, Qt.MouseButton.LeftButton)
    assert target.stat().st_size > 1000 and dialog.approver is not None and dialog.approver.username == "zhuren"
    with staffed.db.read() as session:
        events = [(e.event, e.actor, e.outcome) for e in session.scalars(select(AuditEntry).order_by(AuditEntry.seq))]
    assert ("export.approve", "zhuren", "ok") in events and events[-1][:2] == ("export", "dengji")


def test_cancelling_the_approval_exports_nothing(qtbot: QtBot, staffed: Store, tasks: TaskManager,
                                                 tmp_path: Path) -> None:  # fmt: skip
    target = tmp_path / "完整.csv"
    dialog = _dialog(qtbot, staffed, tasks, CaseFilter(), target)
    dialog.with_ids.setChecked(True)
    dialog.full_ids.setChecked(True)
    assert dialog.note.isVisible() and "完整身份证号" in dialog.note.text()
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.approval_dialog is not None
    dialog.approval_dialog.reject()
    qtbot.wait(200)
    assert not target.exists() and dialog.isVisible() and not dialog.running


def test_main_window_offers_export_and_import_by_permission(qtbot: QtBot, staffed: Store, tasks: TaskManager,
                                                            settings: QSettings,
                                                            wait_idle: Callable[[], None]) -> None:  # fmt: skip
    window = MainWindow(staffed, tasks, CLERK, settings)
    qtbot.addWidget(window)
    window.show()
    wait_idle()
    assert window.export_action.isEnabled() and not window.import_action.isEnabled()
    window.filter_bar.kind_combo.setCurrentIndex(window.filter_bar.kind_combo.findData("consultation"))
    qtbot.waitUntil(lambda: window.model.case_filter.kinds == ("consultation",), timeout=5_000)
    wait_idle()
    dialog = window.open_export()
    assert isinstance(dialog, ExportCasesDialog)
    qtbot.waitUntil(lambda: dialog.count == 1, timeout=10_000)  # what the list shows
    dialog.reject()


# --- import ----------------------------------------------------------------------------------------------------
def _persons(store: Store) -> int:
    with store.db.read() as session:
        return int(session.scalar(select(func.count()).select_from(Person)) or 0)


@pytest.fixture
def import_dialog(qtbot: QtBot, store: Store, tasks: TaskManager, tmp_path: Path) -> ImportResidentsDialog:
    _village(store)
    dialog = ImportResidentsDialog(store, tasks, ADMIN)
    qtbot.addWidget(dialog)
    dialog.ask_open_path = lambda: str(write_residents(tmp_path / "居民.csv"))  # type: ignore[method-assign]
    dialog.show()
    with qtbot.waitSignal(dialog.previewed, timeout=15_000):
        qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    return dialog


def test_import_preview_shows_each_rows_problem_and_cancel_changes_nothing(qtbot: QtBot, import_dialog: ImportResidentsDialog,
                                                                          store: Store) -> None:  # fmt: skip
    dialog = import_dialog
    model = dialog.model
    assert model.rowCount() == 6
    last = model.columnCount() - 1
    results = [model.data(model.index(r, last)) for r in range(6)]
    assert results == ["可导入", "缺少姓名", "缺少身份证号", results[3], "身份证号与第2行重复", "可导入"]
    assert "校验位" in results[3]
    assert model.data(model.index(0, 2)) == "3304**********0013"  # ID numbers masked in the preview
    assert model.data(model.index(1, 1), Qt.ItemDataRole.BackgroundRole) is not None
    assert "4 行有问题" in dialog.summary.text()
    assert not dialog.import_button.isEnabled()  # rows with problems: fix the file, or choose to skip them
    dialog.only_problems.setChecked(True)
    assert dialog.proxy.rowCount() == 4
    before = _persons(store)
    dialog.reject()
    assert _persons(store) == before


def test_import_after_confirmation_only_the_valid_rows(qtbot: QtBot, import_dialog: ImportResidentsDialog,
                                                       store: Store) -> None:  # fmt: skip
    dialog = import_dialog
    before = _persons(store)
    dialog.valid_only.setChecked(True)
    assert dialog.import_button.isEnabled() and "2 位居民" in dialog.import_button.text()
    assert _persons(store) == before  # previewing and choosing wrote nothing
    with qtbot.waitSignal(dialog.imported, timeout=15_000) as done:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert done.args == [2] and _persons(store) == before + 2


def test_import_of_a_file_that_cannot_be_read_says_what_to_do(qtbot: QtBot, store: Store, tasks: TaskManager,
                                                              tmp_path: Path) -> None:  # fmt: skip
    bad = tmp_path / "居民.txt"
    bad.write_text("x", encoding="utf-8")
    dialog = ImportResidentsDialog(store, tasks, ADMIN)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.previewed, timeout=15_000):
        dialog.load(bad)
    assert "只能导入 .xlsx 或 .csv" in dialog.summary.text() and not dialog.import_button.isEnabled()
