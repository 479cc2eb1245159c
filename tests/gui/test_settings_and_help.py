"""设置 (its pages and what they change), 帮助 (the user guide, the shortcuts) and the main window's shortcuts."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from govdesk.gui.help_dialogs import ShortcutsDialog, UserGuideDialog, user_guide_path
from govdesk.gui.main_window import MainWindow
from govdesk.gui.preferences import Preferences
from govdesk.gui.settings_dialog import PAGE_BACKUP, PAGE_SYNC, SettingsDialog
from govdesk.gui.tasks import TaskManager
from govdesk.services.actor import Actor
from govdesk.settings import PrintSettings, Settings, SyncSettings
from govdesk.store.backup_policy import BackupPolicy, load_policy
from govdesk.store.store import Store
from govdesk.sync.errors import SyncError
from tests.conftest import STAFF

from .conftest import _discard_open_form

ADMIN = Actor("李晓燕", "admin", "admin")
Wait = Callable[[], None]


@pytest.fixture
def prefs(tmp_path: Path) -> Preferences:
    return Preferences(Settings(), tmp_path / "cfg" / "settings.json")


def open_dialog(qtbot: QtBot, store: Store, tasks: TaskManager, actor: Actor, prefs: Preferences) -> SettingsDialog:
    dialog = SettingsDialog(store, tasks, actor, prefs=prefs)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_settings_are_saved_and_announced(
    qtbot: QtBot, store: Store, tasks: TaskManager, prefs: Preferences, wait_idle: Wait
) -> None:
    dialog = open_dialog(qtbot, store, tasks, ADMIN, prefs)
    assert dialog.idle_spin.maximum() == 10 and dialog.idle_spin.value() == 10
    dialog.idle_spin.setValue(5)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en_US"))
    dialog.paper_combo.setCurrentIndex(dialog.paper_combo.findData("A4"))
    dialog.copies_spin.setValue(2)
    dialog.auto_sync_spin.setValue(15)
    with qtbot.waitSignal(prefs.changed) as changed, qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.buttons.accepted.emit()
    expected = Settings(language="en_US", idle_minutes=5.0, printing=PrintSettings("", "A4", 2),
                        sync=SyncSettings("", 15))  # fmt: skip
    assert changed.args == [expected] and prefs.value == expected
    assert prefs.path is not None
    saved = json.loads(prefs.path.read_text(encoding="utf-8"))
    assert saved["language"] == "en_US" and saved["idle_minutes"] == 5.0 and saved["sync"]["auto_minutes"] == 15
    assert load_policy(store.data_dir) == BackupPolicy()  # unchanged: not written
    wait_idle()


def test_the_backup_page_changes_the_policy(
    qtbot: QtBot, store: Store, tasks: TaskManager, prefs: Preferences, tmp_path: Path, wait_idle: Wait
) -> None:
    dialog = open_dialog(qtbot, store, tasks, ADMIN, prefs)
    dialog.nav.setCurrentRow(PAGE_BACKUP)
    assert str(store.data_dir / "backups") in dialog.backup_in_use.text()
    dialog.backup_folder_edit.setText("not/absolute")
    dialog.buttons.accepted.emit()
    qtbot.waitUntil(lambda: dialog._errors["folder"].isVisible(), timeout=5000)
    assert "完整的文件夹路径" in dialog._errors["folder"].text() and dialog.isVisible()
    dialog.nav.setCurrentRow(0)
    folder = tmp_path / "U盘" / "备份"
    dialog.backup_folder_edit.setText(str(folder))
    dialog.daily_check.setChecked(False)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.buttons.accepted.emit()
    assert load_policy(store.data_dir) == BackupPolicy(str(folder), False, 7)
    assert store.backups_dir == folder
    wait_idle()


def test_who_may_not_change_backups_or_enrol_sees_why(
    qtbot: QtBot, store: Store, tasks: TaskManager, prefs: Preferences, wait_idle: Wait
) -> None:
    dialog = open_dialog(qtbot, store, tasks, STAFF, prefs)
    assert not dialog.daily_check.isEnabled() and not dialog.enrol_button.isEnabled()
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "只有系统管理员和中心主任可以更改备份设置" in texts and "只有系统管理员和中心主任可以注册本机" in texts
    dialog.idle_spin.setValue(3)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        dialog.buttons.accepted.emit()  # their own settings they may change
    assert prefs.value.idle_minutes == 3.0
    wait_idle()


def test_enrolment_from_the_sync_page(
    qtbot: QtBot, store: Store, tasks: TaskManager, prefs: Preferences, monkeypatch: pytest.MonkeyPatch,
    wait_idle: Wait,
) -> None:  # fmt: skip
    from govdesk.services import sync_service

    calls: list[tuple[str, str]] = []

    def enroll(_store: Store, actor: Actor, server: str, code: str) -> str:
        calls.append((server, code))
        if code == "USED-CODE-0000":
            raise SyncError("注册码已用过或已作废，请向县综治中心重新索取。", "enroll")
        return f"已注册到县级服务器 {server}。共有 0 条本地记录等待首次同步。"

    monkeypatch.setattr(sync_service, "enroll", enroll)
    dialog = open_dialog(qtbot, store, tasks, ADMIN, prefs)
    wait_idle()
    assert "还没有注册" in dialog.sync_state.text()
    dialog.nav.setCurrentRow(PAGE_SYNC)
    dialog.enrol_button.click()
    assert "服务器地址" in dialog._errors["server"].text()
    dialog.server_edit.setText("https://zzzx.example.gov.cn:8765")
    dialog.enrol_code_edit.setText("USED-CODE-0000")
    dialog.enrol_button.click()
    qtbot.waitUntil(lambda: dialog._errors["code"].isVisible(), timeout=5000)
    assert "已作废" in dialog._errors["code"].text()
    dialog.enrol_code_edit.setText("ABCD-EFGH-JKLM")
    with qtbot.waitSignal(dialog.enrolled, timeout=5000):
        dialog.enrol_button.click()
    assert "已注册到县级服务器 https://zzzx.example.gov.cn:8765" in dialog.enrol_result.text()
    assert prefs.value.sync.server == "https://zzzx.example.gov.cn:8765"
    assert calls[-1] == ("https://zzzx.example.gov.cn:8765", "ABCD-EFGH-JKLM")
    dialog._show_enrolled(("https://zzzx.example.gov.cn:8765", True))  # what a revoked PC's page says
    assert "停用" in dialog.sync_state.text() and "已注册" not in dialog.sync_state.text()
    dialog.reject()


def test_user_guide_and_shortcuts(qtbot: QtBot, store: Store, tasks: TaskManager, prefs: Preferences,
                                  wait_idle: Wait, tmp_path: Path) -> None:  # fmt: skip
    assert user_guide_path() is not None
    window = MainWindow(store, tasks, STAFF, QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat),
                        prefs=prefs)  # fmt: skip
    qtbot.addWidget(window, before_close_func=_discard_open_form)
    window.show()
    wait_idle()
    guide = window.open_user_guide()
    assert isinstance(guide, UserGuideDialog)
    text = guide.browser.toPlainText()
    assert "govdesk 使用指南" in text and "登记事项" in text and "|" not in text  # tables rendered, not raw Markdown
    guide.reject()
    keys = dict(window.shortcut_list())
    assert keys["Ctrl+N"] == "登记事项" and keys["Ctrl+F"] == "搜索" and keys["Ctrl+P"] == "打印文书"
    assert keys["F5"] == "同步" and keys["Ctrl+,"] == "设置" and keys["Ctrl+L"] == "锁定" and keys["F1"] == "使用指南"
    shortcuts = window.open_shortcuts()
    assert isinstance(shortcuts, ShortcutsDialog) and shortcuts.table.rowCount() == len(keys)
    shortcuts.reject()


def test_main_window_shortcuts_reach_their_actions(
    qtbot: QtBot, store: Store, tasks: TaskManager, prefs: Preferences, wait_idle: Wait, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: told.append(text))
    window = MainWindow(store, tasks, STAFF, QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat),
                        prefs=prefs)  # fmt: skip
    qtbot.addWidget(window, before_close_func=_discard_open_form)
    window.show()
    wait_idle()
    with qtbot.waitSignal(window.sync_requested, timeout=1000):
        window.action_sync.trigger()
    assert told and "还没有注册" in told[0]  # the sync service's answer on a store that is not enrolled
    assert window.action_sync.shortcut().toString() == "F5" and window.refresh_action.shortcut().toString() == "Ctrl+R"
    window.print_action.trigger()  # nothing selected: says what to do instead of a silent no-op
    assert "请先在列表中选中" in window.statusBar().currentMessage()
    window.settings_action.trigger()
    dialogs = [w for w in window.findChildren(SettingsDialog) if w.isVisible()]
    assert len(dialogs) == 1
    dialogs[0].idle_spin.setValue(2)
    with qtbot.waitSignal(dialogs[0].finished, timeout=5000):
        dialogs[0].buttons.accepted.emit()
    assert dialogs[0].result() == QDialog.DialogCode.Accepted
    assert window.idle_timer.interval() == 120_000  # the idle lock follows the setting at once


def test_printing_follows_the_print_settings(
    qtbot: QtBot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtGui import QPageSize
    from PySide6.QtPrintSupport import QPrinter

    from govdesk.gui import preferences as preferences_module
    from govdesk.gui.print_preview import PrintPreviewDialog, open_pages
    from govdesk.services.documents import issue_document
    from tests.gui.test_print_preview import NOW
    from tests.services.test_documents import agreed_case

    chosen = Preferences(Settings(printing=PrintSettings(printer="", paper="B5", copies=3)))
    monkeypatch.setattr(preferences_module, "_current", chosen)
    issued = issue_document(store, STAFF, agreed_case(store), "agreement", now=NOW)
    dialog = PrintPreviewDialog.for_issued(issued, parties=2)
    qtbot.addWidget(dialog)
    assert dialog.make_printer().copyCount() == 3
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "b5.pdf"))
    assert dialog.print_to(printer) == issued.pages
    printed = open_pages(tmp_path / "b5.pdf")
    b5 = QPageSize(QPageSize.PageSizeId.B5).size(QPageSize.Unit.Point)
    size = printed.point_size(0)
    assert abs(size.width() - b5.width()) < 2 and abs(size.height() - b5.height()) < 2  # A4 pages on B5 sheets
    printed.close()
    dialog.release()


def test_the_application_icon_has_every_size(qtbot: QtBot) -> None:
    from PySide6.QtCore import QSize

    from govdesk.app import application_icon

    icon = application_icon()
    assert not icon.isNull()
    sizes = {(s.width(), s.height()) for s in icon.availableSizes()}
    assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= sizes
    assert icon.pixmap(QSize(64, 64), 2.0).width() == 128  # 200 % screens get a sharp bitmap


def test_the_daily_backup_at_start_follows_the_policy(
    qtbot: QtBot, store: Store, tasks: TaskManager, prefs: Preferences, wait_idle: Wait, tmp_path: Path
) -> None:
    from govdesk.app import start_daily_backup
    from govdesk.services.backups import list_backups, set_backup_policy

    window = MainWindow(store, tasks, ADMIN, QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat),
                        prefs=prefs)  # fmt: skip
    qtbot.addWidget(window, before_close_func=_discard_open_form)
    set_backup_policy(store, ADMIN, BackupPolicy(daily=False))
    start_daily_backup(window, store, tasks, ADMIN)
    wait_idle()
    assert list_backups(store) == []
    set_backup_policy(store, ADMIN, BackupPolicy(daily=True))
    start_daily_backup(window, store, tasks, ADMIN)
    wait_idle()
    assert [b.reason for b in list_backups(store)] == ["daily"]
    assert "自动备份" in window.statusBar().currentMessage()
