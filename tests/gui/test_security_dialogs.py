"""The audit viewer, 显示完整号码 / 导出个人信息 / 匿名化 in the persons view, 备份与恢复, and the start-up check's
dialog, driven as a user would (pytest-qt, offscreen)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from govdesk.domain.lifecycle import Action
from govdesk.gui.audit_viewer import AuditViewerDialog
from govdesk.gui.backup_dialogs import BackupRestoreDialog, StartupCheckDialog, check_store_at_start
from govdesk.gui.main_window import MainWindow
from govdesk.gui.person_rights_dialogs import AnonymiseDialog, PersonExportDialog, RevealDialog
from govdesk.gui.tasks import TaskManager
from govdesk.services import audit, backups, case_queries
from govdesk.services.actor import Actor
from govdesk.services.lifecycle import perform
from govdesk.services.registration import parse_registration, register_case
from govdesk.services.startup_check import check_at_start
from govdesk.store.audit_queries import AuditFilter
from govdesk.store.cases_repo import CaseFilter
from govdesk.store.store import Store
from tests.conftest import STAFF, dispute

from .conftest import WANG_ID

DIRECTOR = Actor("张主任", "director", "zhuren")
AUDITOR = Actor("审计员", "auditor", "shenji")
ADMIN = Actor("管理员", "admin", "admin")
Wait = Callable[[], None]


@pytest.fixture
def window_as(
    qtbot: QtBot, tasks: TaskManager, settings: QSettings, wait_idle: Wait
) -> Callable[[Store, Actor], MainWindow]:
    def make(store: Store, actor: Actor) -> MainWindow:
        window = MainWindow(store, tasks, actor, settings)
        qtbot.addWidget(window)
        window.show()
        wait_idle()
        return window

    return make


def _break_chain(store: Store, seq: int) -> None:
    with store.db.write() as session:
        session.execute(text("DROP TRIGGER audit_log_no_update"))
        session.execute(text(f"UPDATE audit_log SET actor = '别人' WHERE seq = {seq}"))


# --- audit viewer ----------------------------------------------------------------------------------------
def test_the_security_menu_follows_the_role(window_as: Callable[[Store, Actor], MainWindow], store: Store) -> None:
    for actor, audit_ok, backup_ok in ((DIRECTOR, True, True), (AUDITOR, True, False), (ADMIN, False, True),
                                       (STAFF, False, False)):  # fmt: skip
        window = window_as(store, actor)
        assert (window.audit_action.isEnabled(), window.backups_action.isEnabled()) == (audit_ok, backup_ok), actor
        window.close()


def test_audit_viewer_pages_filters_and_marks_a_broken_chain(
    qtbot: QtBot, window_as: Callable[[Store, Actor], MainWindow], populated_store: Store, wait_idle: Wait
) -> None:
    store = populated_store  # center.init + three registrations by the mediator
    for i in range(4):
        register_case(store, DIRECTOR, parse_registration(dispute(title=f"主任登记{i}")))
    window = window_as(store, AUDITOR)
    window.audit_action.trigger()
    dialog = next(w for w in window.findChildren(AuditViewerDialog))
    qtbot.addWidget(dialog)
    wait_idle()
    assert dialog.model.rowCount() == 8 and dialog.model.rows[0].seq == 8  # newest first
    assert "校验通过" in dialog.chain_label.text() and "8 条" in dialog.chain_label.text()
    assert dialog.table.editTriggers() == dialog.table.EditTrigger.NoEditTriggers
    assert dialog.model.data(dialog.model.index(0, 4)) == "登记事项"
    # Filter by user.
    dialog.actor_combo.setCurrentIndex(dialog.actor_combo.findData("zhuren"))
    dialog.search_button.click()
    wait_idle()
    assert {r.actor for r in dialog.model.rows} == {"zhuren"} and "共 4 条" in dialog.page_label.text()
    dialog.reset_button.click()
    wait_idle()
    # Pages.
    dialog.page_size = 3
    dialog.load_page(0)
    wait_idle()
    assert "第 1/3 页" in dialog.page_label.text() and not dialog.prev_button.isEnabled()
    dialog.next_button.click()
    wait_idle()
    assert [r.seq for r in dialog.model.rows] == [5, 4, 3]
    # Details of the selected entry.
    dialog.table.selectRow(0)
    assert "case.register" in dialog.details.toPlainText() and "主任登记" in dialog.details.toPlainText()
    # Someone edits entry 2 behind the program's back.
    _break_chain(store, 2)
    dialog.verify_button.click()
    wait_idle()
    assert "未通过" in dialog.chain_label.text() and "第2条" in dialog.chain_label.text()
    assert dialog.goto_break_button.isVisible()
    dialog.goto_break_button.click()
    wait_idle()
    selected = dialog.table.selectionModel().selectedRows()
    assert selected and dialog.model.rows[selected[0].row()].seq == 2
    assert dialog.model.data(selected[0], 8) is not None  # BackgroundRole: painted red
    dialog.close()


def test_audit_export_writes_the_filtered_entries_and_is_audited(
    qtbot: QtBot, tasks: TaskManager, populated_store: Store, wait_idle: Wait, tmp_path: Path
) -> None:
    dialog = AuditViewerDialog(populated_store, tasks, DIRECTOR)
    qtbot.addWidget(dialog)
    wait_idle()
    dialog.event_combo.setCurrentIndex(dialog.event_combo.findData("case.register"))
    dialog.search_button.click()
    wait_idle()
    target = tmp_path / "审计"
    dialog.choose_export_path = lambda: str(target)  # type: ignore[method-assign]
    dialog.export_button.click()
    wait_idle()
    rows = list(csv.reader(io.StringIO((tmp_path / "审计.csv").read_text(encoding="utf-8-sig"))))
    assert rows[0] == list(audit.EXPORT_COLUMNS) and len(rows) == 4
    assert {r[4] for r in rows[1:]} == {"登记事项"}
    assert "已导出 3 条" in dialog.status_label.text()
    last = audit.audit_page(populated_store, DIRECTOR, AuditFilter(), page_size=1).rows[0]
    assert last.event == "audit.export" and last.actor == "zhuren"


# --- persons view: reveal, export, anonymise -------------------------------------------------------------
def _select_wang(qtbot: QtBot, window: MainWindow) -> None:
    window.focus_persons()
    view = window.persons_view
    view.search_edit.setText(WANG_ID)
    view.search()
    qtbot.waitUntil(lambda: view.persons_table.rowCount() == 1, timeout=5000)
    view.persons_table.selectRow(0)


def test_reveal_needs_a_reason_and_shows_only_that_number(
    qtbot: QtBot, make_window: Callable[[Store], MainWindow], populated_store: Store, wait_idle: Wait
) -> None:
    window = make_window(populated_store)  # a mediator: may reveal, may not export or anonymise
    view = window.persons_view
    _select_wang(qtbot, window)
    assert view.reveal_id_button.isVisible() and view.reveal_id_button.isEnabled()
    assert not view.export_button.isVisible() and not view.anonymise_button.isVisible()
    dialog = view.open_reveal("id_number")
    assert isinstance(dialog, RevealDialog)
    assert dialog.masked_label.text() == "3304**********0013"
    dialog.action_button.click()
    wait_idle()
    assert dialog.reason_error.isVisible() and "理由" in dialog.reason_error.text()
    assert not dialog.value_edit.isVisible()
    dialog.reason_edit.setText("核实当事人身份")
    dialog.action_button.click()
    wait_idle()
    assert dialog.value_edit.isVisible() and dialog.value_edit.text() == WANG_ID
    assert view.persons_table.item(0, 2).text() == "3304**********0013"  # the list stays masked
    assert view.persons_table.item(0, 3).text() == "138****8000"
    dialog.close()


def test_an_auditor_is_not_offered_reveal_export_or_anonymise(
    qtbot: QtBot, window_as: Callable[[Store, Actor], MainWindow], populated_store: Store
) -> None:
    window = window_as(populated_store, AUDITOR)
    _select_wang(qtbot, window)
    view = window.persons_view
    assert not any(b.isVisible() for b in (view.reveal_id_button, view.reveal_phone_button, view.export_button,
                                           view.anonymise_button))  # fmt: skip


def test_export_person_data_to_a_file(
    qtbot: QtBot, window_as: Callable[[Store, Actor], MainWindow], populated_store: Store, wait_idle: Wait,
    tmp_path: Path,
) -> None:  # fmt: skip
    window = window_as(populated_store, DIRECTOR)
    _select_wang(qtbot, window)
    dialog = window.persons_view.open_export()
    assert isinstance(dialog, PersonExportDialog)
    dialog.choose_path = lambda suggested: str(tmp_path / suggested)  # type: ignore[method-assign]
    dialog.action_button.click()  # no reason yet: asked for before any file dialog
    assert dialog.reason_error.isVisible()
    dialog.reason_edit.setText("本人书面申请查阅复制")
    dialog.action_button.click()
    wait_idle()
    (written,) = tmp_path.glob("个人信息-王某-*.json")
    document = json.loads(written.read_text(encoding="utf-8"))
    assert document["个人信息"]["证件号码"] == WANG_ID and len(document["作为当事人的事项"]) == 1
    assert "已导出到" in dialog.banner.text() and "1 件事项" in dialog.banner.text()
    dialog.close()


def test_anonymise_is_refused_while_a_case_is_open_then_done_when_it_is_over(
    qtbot: QtBot, window_as: Callable[[Store, Actor], MainWindow], populated_store: Store, wait_idle: Wait
) -> None:
    store = populated_store
    window = window_as(store, DIRECTOR)
    _select_wang(qtbot, window)
    dialog = window.persons_view.open_anonymise()
    assert isinstance(dialog, AnonymiseDialog)
    wait_idle()
    assert dialog.banner.isVisible() and "未办结事项" in dialog.banner.text()
    assert not dialog.action_button.isEnabled() and not dialog.confirm_box.isEnabled()
    dialog.close()

    (wang_case,) = case_queries.list_cases(store, CaseFilter(search="宅基地"))
    perform(store, DIRECTOR, wang_case.number, Action.ACCEPT, {"mediators": ["张调解员"]})
    perform(store, DIRECTOR, wang_case.number, Action.WITHDRAW, {"reason": "当事人撤回申请"})
    _select_wang(qtbot, window)
    dialog = window.persons_view.open_anonymise()
    assert isinstance(dialog, AnonymiseDialog)
    wait_idle()
    assert not dialog.banner.isVisible() and not dialog.action_button.isEnabled()
    dialog.confirm_box.setChecked(True)
    assert dialog.action_button.isEnabled()
    dialog.action_button.click()  # no reason: refused next to the field
    wait_idle()
    assert dialog.reason_error.isVisible()
    dialog.reason_edit.setText("本人书面申请删除个人信息")
    dialog.action_button.click()
    wait_idle()
    view = window.persons_view
    qtbot.waitUntil(lambda: view.persons_table.rowCount() == 1, timeout=5000)
    assert view.persons_table.item(0, 0).text().startswith("匿名当事人-")
    assert view.persons_table.item(0, 2).text() == "" and "已匿名化" in view.result_hint.text()
    assert case_queries.search_persons(store, WANG_ID) == []


# --- backups and the start-up check ----------------------------------------------------------------------
def test_backup_dialog_says_what_a_restore_loses_and_restores(
    qtbot: QtBot, tasks: TaskManager, store: Store, wait_idle: Wait
) -> None:
    register_case(store, STAFF, parse_registration(dispute(title="备份之前")))
    dialog = BackupRestoreDialog(store, tasks, ADMIN)
    qtbot.addWidget(dialog)
    wait_idle()
    assert dialog.table.rowCount() == 0 and "还没有备份" in dialog.status_label.text()
    dialog.backup_button.click()
    wait_idle()
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 5).text() == "完好"
    assert dialog.table.item(0, 1).text() == "手动备份" and dialog.table.item(0, 3).text() == "1"
    register_case(store, STAFF, parse_registration(dispute(title="备份之后")))
    dialog.refresh()
    wait_idle()
    assert "新登记的事项 1 件" in dialog.loss_label.text() and "不会删除" in dialog.loss_label.text()
    asked: list[str] = []
    dialog.confirm = lambda preview: asked.append(preview.backup.path.name) is None and False  # type: ignore[assignment]
    dialog.restore_button.click()
    wait_idle()
    assert asked and len(case_queries.list_cases(store, CaseFilter())) == 2  # cancelled: nothing changed
    dialog.confirm = lambda preview: True  # type: ignore[assignment]
    with qtbot.waitSignal(dialog.restored, timeout=10_000):
        dialog.restore_button.click()
    wait_idle()
    assert [r.title for r in case_queries.list_cases(store, CaseFilter())] == ["备份之前"]
    assert "已恢复" in dialog.status_label.text()
    reasons = sorted(dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount()))
    assert reasons == ["恢复前自动备份", "手动备份"]  # the replaced data is kept as a backup


def test_a_director_backs_up_but_may_not_restore(
    qtbot: QtBot, tasks: TaskManager, store: Store, wait_idle: Wait
) -> None:
    backups.create_backup(store, ADMIN)
    dialog = BackupRestoreDialog(store, tasks, DIRECTOR)
    qtbot.addWidget(dialog)
    wait_idle()
    assert not dialog.backup_button.isHidden() and not dialog.restore_button.isEnabled()
    assert "系统管理员" in dialog.restore_button.toolTip()


def test_startup_check_offers_the_latest_good_backup(
    qtbot: QtBot, tasks: TaskManager, store: Store, wait_idle: Wait
) -> None:
    register_case(store, STAFF, parse_registration(dispute(title="备份之前")))
    backups.create_backup(store, ADMIN)
    register_case(store, STAFF, parse_registration(dispute(title="备份之后")))
    _break_chain(store, 2)
    check = check_at_start(store)
    # Anyone but the administrator is told who can restore.
    dialog = StartupCheckDialog(store, tasks, DIRECTOR, check)
    qtbot.addWidget(dialog)
    assert "第2条" in dialog.problems.toPlainText() and "最近一份完好的备份" in dialog.offer_label.text()
    assert "新登记的事项 1 件" in dialog.loss_label.text()
    assert not dialog.restore_button.isEnabled() and "系统管理员" in dialog.status_label.text()
    dialog.close()
    # The administrator restores.
    dialog = StartupCheckDialog(store, tasks, ADMIN, check)
    qtbot.addWidget(dialog)
    dialog.confirm = lambda preview: True  # type: ignore[assignment]
    with qtbot.waitSignal(dialog.restored, timeout=10_000):
        dialog.restore_button.click()
    wait_idle()
    assert check_at_start(store).ok
    assert [r.title for r in case_queries.list_cases(store, CaseFilter())] == ["备份之前"]


def test_startup_check_without_a_backup_says_whom_to_call(qtbot: QtBot, tasks: TaskManager, store: Store) -> None:
    register_case(store, STAFF, parse_registration(dispute()))
    _break_chain(store, 2)
    dialog = StartupCheckDialog(store, tasks, ADMIN, check_at_start(store))
    qtbot.addWidget(dialog)
    assert "没有找到可用的备份" in dialog.offer_label.text() and dialog.restore_button.isHidden()
    with qtbot.waitSignal(dialog.quit_requested):
        dialog.quit_button.click()


def test_the_start_up_check_shows_nothing_on_a_whole_store_and_the_dialog_on_a_damaged_one(
    qtbot: QtBot, window_as: Callable[[Store, Actor], MainWindow], store: Store, wait_idle: Wait
) -> None:
    window = window_as(store, ADMIN)
    check_store_at_start(window, store, window.tasks, ADMIN, lambda _info: None)
    wait_idle()
    assert not window.findChildren(StartupCheckDialog)
    register_case(store, STAFF, parse_registration(dispute()))
    _break_chain(store, 2)
    check_store_at_start(window, store, window.tasks, ADMIN, lambda _info: None)
    wait_idle()
    (dialog,) = window.findChildren(StartupCheckDialog)
    assert dialog.isVisible()
    dialog.continue_button.click()


def test_the_case_detail_offers_reveal_links_on_party_cards(
    qtbot: QtBot, window_as: Callable[[Store, Actor], MainWindow], populated_store: Store, wait_idle: Wait
) -> None:
    from PySide6.QtWidgets import QLabel

    (wang_case,) = case_queries.list_cases(populated_store, CaseFilter(search="宅基地"))
    for actor, offered in ((STAFF, True), (AUDITOR, False)):
        window = window_as(populated_store, actor)
        window.show_case(wang_case.local_no)
        wait_idle()
        links = [w for w in window.detail.findChildren(QLabel) if "显示完整电话" in w.text()]
        assert bool(links) == offered, actor
        if offered:
            links[0].linkActivated.emit("phone")
            (dialog,) = window.detail.findChildren(RevealDialog)
            dialog.reason_edit.setText("电话通知当事人到场")
            dialog.action_button.click()
            wait_idle()
            assert dialog.value_edit.text() == "13800138000"
            dialog.close()
        window.close()
