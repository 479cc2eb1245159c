"""The first-run set-up wizard of a new data directory, and signing in to an existing one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QWizard
from pytestqt.qtbot import QtBot

from govdesk.gui import preferences as preferences_module
from govdesk.gui.first_run import (
    PAGE_ADMIN,
    PAGE_BACKUP,
    PAGE_CENTER,
    PAGE_COMMITTEE,
    PAGE_FINISH,
    PAGE_SERVER,
    PAGE_WELCOME,
    FirstRunDialog,
)
from govdesk.gui.sign_in_dialog import SignInDialog
from govdesk.gui.tasks import TaskManager
from govdesk.services import accounts, session, sync_service
from govdesk.services.case_queries import store_info
from govdesk.services.setup import init_center
from govdesk.store.backup_policy import BackupPolicy, load_policy
from govdesk.store.store import Store
from govdesk.sync.errors import SyncError

PASSWORD = "Hetang2026"


@pytest.fixture(autouse=True)
def _fresh_preferences(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(preferences_module, "_current", None)  # the wizard remembers the server there


@pytest.fixture
def new_store(tmp_path: Path) -> Iterator[Store]:
    opened = session.create_encrypted_store(tmp_path / "new")
    yield opened
    opened.close()


def next_page(qtbot: QtBot, wizard: FirstRunDialog, expected: int) -> None:
    wizard.next()
    assert wizard.currentId() == expected, [label.text() for label in wizard._errors.values() if label.isVisible()]


def fill_center(wizard: FirstRunDialog, code: str = "330483101") -> None:
    wizard.name_edit.setText("荷塘镇综合治理中心")
    wizard.code_edit.setText(code)


def fill_admin(wizard: FirstRunDialog, password: str = PASSWORD, again: str = PASSWORD) -> None:
    wizard.display_name_edit.setText("李晓燕")
    wizard.password_edit.setText(password)
    wizard.again_edit.setText(again)


def walk_to_server_page(qtbot: QtBot, wizard: FirstRunDialog) -> None:
    next_page(qtbot, wizard, PAGE_CENTER)
    fill_center(wizard)
    next_page(qtbot, wizard, PAGE_COMMITTEE)
    next_page(qtbot, wizard, PAGE_ADMIN)
    fill_admin(wizard)
    next_page(qtbot, wizard, PAGE_SERVER)


def test_setting_up_the_center(qtbot: QtBot, tasks: TaskManager, new_store: Store, tmp_path: Path) -> None:
    wizard = FirstRunDialog(new_store, tasks)
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.currentId() == PAGE_WELCOME and wizard.setup_button.isChecked()
    next_page(qtbot, wizard, PAGE_CENTER)
    fill_center(wizard, "33048")  # too short
    wizard.next()
    assert wizard.currentId() == PAGE_CENTER
    assert wizard._errors["center_code"].isVisible() and "9位或12位" in wizard._errors["center_code"].text()
    wizard.code_edit.setText(" 3304 8310 1 ")
    next_page(qtbot, wizard, PAGE_COMMITTEE)
    assert wizard.code_edit.text() == "330483101"
    assert wizard.committee_edit.text() == "荷塘镇人民调解委员会"  # proposed from the center's name
    assert "荷塘镇人民调解委员会" in wizard.committee_preview.text()
    next_page(qtbot, wizard, PAGE_ADMIN)
    fill_admin(wizard)
    next_page(qtbot, wizard, PAGE_SERVER)
    next_page(qtbot, wizard, PAGE_BACKUP)  # both fields empty: offline
    folder = tmp_path / "备份盘"
    wizard.backup_folder_edit.setText(str(folder))
    wizard.keep_spin.setValue(14)
    next_page(qtbot, wizard, PAGE_FINISH)
    summary = wizard.summary_label.text()
    assert "330483101" in summary and "暂不连接" in summary and str(folder) in summary and "14" in summary
    assert store_info(new_store).center is None and not accounts.has_accounts(new_store)  # nothing written yet

    with qtbot.waitSignal(wizard.accepted, timeout=10_000):
        wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.result() == QDialog.DialogCode.Accepted
    center = store_info(new_store).center
    assert center is not None
    assert center.name == "荷塘镇综合治理中心" and center.code == "330483101"
    assert center.committee_name == "荷塘镇人民调解委员会"
    assert "荷塘镇综合治理中心" in wizard.summary
    assert wizard.actor is not None and wizard.actor.username == "admin" and wizard.actor.name == "李晓燕"
    assert load_policy(new_store.data_dir) == BackupPolicy(folder=str(folder), daily=True, keep_daily=14)
    assert new_store.backups_dir == folder


def test_each_page_explains_what_it_refuses(qtbot: QtBot, tasks: TaskManager, new_store: Store) -> None:
    wizard = FirstRunDialog(new_store, tasks)
    qtbot.addWidget(wizard)
    wizard.show()
    next_page(qtbot, wizard, PAGE_CENTER)
    wizard.code_edit.setText("330483101")
    wizard.next()
    assert wizard.currentId() == PAGE_CENTER and "中心名称" in wizard._errors["center_name"].text()
    wizard.name_edit.setText("荷塘镇综合治理中心")
    next_page(qtbot, wizard, PAGE_COMMITTEE)
    wizard.committee_edit.setText("某" * 101)
    wizard.next()
    assert wizard.currentId() == PAGE_COMMITTEE and "太长" in wizard._errors["committee_name"].text()
    wizard.committee_edit.setText("荷塘镇人民调解委员会")
    next_page(qtbot, wizard, PAGE_ADMIN)
    fill_admin(wizard, again="different1")
    wizard.next()
    assert wizard.currentId() == PAGE_ADMIN and "不一致" in wizard._errors["password_again"].text()
    fill_admin(wizard, "short", "short")
    wizard.next()
    assert "至少8位" in wizard._errors["password"].text()
    fill_admin(wizard, "abcdefgh", "abcdefgh")
    wizard.next()
    assert "两类" in wizard._errors["password"].text()  # the accounts service's own rules
    wizard.username_edit.setText("管理员")
    fill_admin(wizard)
    wizard.next()
    assert "用户名" in wizard._errors["username"].text()
    wizard.username_edit.setText("admin")
    next_page(qtbot, wizard, PAGE_SERVER)
    wizard.server_edit.setText("https://county.example.gov.cn")
    wizard.next()
    assert wizard.currentId() == PAGE_SERVER and "注册码" in wizard._errors["code"].text()
    wizard.enrol_code_edit.setText("ABCD-EFGH-JKLM")
    wizard.server_edit.setText("http://county.example.gov.cn")
    wizard.next()
    assert "https://" in wizard._errors["server"].text()
    wizard.server_edit.clear()
    wizard.enrol_code_edit.clear()
    next_page(qtbot, wizard, PAGE_BACKUP)
    wizard.backup_folder_edit.setText("relative/folder")
    wizard.next()
    assert wizard.currentId() == PAGE_BACKUP and "完整的文件夹路径" in wizard._errors["folder"].text()
    assert store_info(new_store).center is None and not accounts.has_accounts(new_store)


def test_a_failed_enrolment_can_be_retried_or_skipped(
    qtbot: QtBot, tasks: TaskManager, new_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    wizard = FirstRunDialog(new_store, tasks)
    qtbot.addWidget(wizard)
    wizard.show()
    walk_to_server_page(qtbot, wizard)
    wizard.server_edit.setText("https://127.0.0.1:9")  # nothing listens there: the real enrolment fails
    wizard.enrol_code_edit.setText("ABCD-EFGH-JKLM")
    next_page(qtbot, wizard, PAGE_BACKUP)
    next_page(qtbot, wizard, PAGE_FINISH)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: wizard.enrol_box.isVisible(), timeout=30_000)
    assert wizard.isVisible() and wizard.center_done
    assert wizard.enrol_error.text() and "Traceback" not in wizard.enrol_error.text()
    # Not enrolled: it must not promise that the data will sync by itself when the network returns.
    assert "本机没有注册" in wizard.enrol_error.text() and "自动同步" not in wizard.enrol_error.text()
    assert store_info(new_store).center is not None  # the center and the administrator are kept
    assert not wizard.button(QWizard.WizardButton.BackButton).isEnabled()
    assert wizard.buttonText(QWizard.WizardButton.FinishButton) == "跳过，离线使用"

    calls: list[tuple[str, str]] = []

    def enroll(store: Store, actor: object, server: str, code: str) -> str:
        calls.append((server, code))
        if len(calls) == 1:
            raise SyncError("注册码已用过或已作废，请向县综治中心重新索取。", "enroll")
        return f"已注册到县级服务器 {server}。"

    monkeypatch.setattr(sync_service, "enroll", enroll)
    wizard.retry_code_edit.setText("WXYZ-EFGH-JKLM")
    wizard.retry_button.click()
    qtbot.waitUntil(lambda: "已作废" in wizard.enrol_error.text(), timeout=10_000)
    assert wizard.isVisible()
    with qtbot.waitSignal(wizard.accepted, timeout=10_000):
        wizard.retry_button.click()
    assert calls == [("https://127.0.0.1:9", "WXYZ-EFGH-JKLM")] * 2
    assert "已注册到县级服务器 https://127.0.0.1:9" in wizard.summary


def test_skipping_a_failed_enrolment_finishes_offline(
    qtbot: QtBot, tasks: TaskManager, new_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_args: object) -> str:
        raise SyncError("连不上县级服务器 https://county.example.gov.cn：网络不通。", "offline")

    monkeypatch.setattr(sync_service, "enroll", refuse)
    wizard = FirstRunDialog(new_store, tasks)
    qtbot.addWidget(wizard)
    wizard.show()
    walk_to_server_page(qtbot, wizard)
    wizard.server_edit.setText("https://county.example.gov.cn")
    wizard.enrol_code_edit.setText("ABCD-EFGH-JKLM")
    next_page(qtbot, wizard, PAGE_BACKUP)
    next_page(qtbot, wizard, PAGE_FINISH)
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: "网络不通" in wizard.enrol_error.text(), timeout=10_000)
    with qtbot.waitSignal(wizard.accepted, timeout=10_000):
        wizard.button(QWizard.WizardButton.FinishButton).click()
    assert "以后可在“文件 → 设置 → 同步”中注册" in wizard.summary
    assert wizard.actor is not None and wizard.actor.role == "admin"


def test_an_account_without_a_center_skips_the_administrator_page(
    qtbot: QtBot, tasks: TaskManager, new_store: Store
) -> None:
    admin = accounts.create_first_admin(new_store, "admin", "李晓燕", PASSWORD)
    wizard = FirstRunDialog(new_store, tasks, signed_in=admin)
    qtbot.addWidget(wizard)
    wizard.show()
    assert not wizard.demo_button.isVisibleTo(wizard)
    next_page(qtbot, wizard, PAGE_CENTER)
    fill_center(wizard)
    next_page(qtbot, wizard, PAGE_COMMITTEE)
    next_page(qtbot, wizard, PAGE_SERVER)
    next_page(qtbot, wizard, PAGE_BACKUP)
    next_page(qtbot, wizard, PAGE_FINISH)
    with qtbot.waitSignal(wizard.accepted, timeout=10_000):
        wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.actor == admin and store_info(new_store).center is not None


def test_loading_the_demo_township(qtbot: QtBot, tasks: TaskManager, new_store: Store) -> None:
    pytest.importorskip("govdesk.services.demo_loader")
    wizard = FirstRunDialog(new_store, tasks, demo_cases=50, demo_residents=100)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.demo_button.click()
    next_page(qtbot, wizard, PAGE_BACKUP)  # the demo brings its own center and accounts
    wizard.daily_check.setChecked(False)
    next_page(qtbot, wizard, PAGE_FINISH)
    assert "演示" in wizard.summary_label.text()
    with qtbot.waitSignal(wizard.accepted, timeout=60_000):
        wizard.button(QWizard.WizardButton.FinishButton).click()
        assert wizard.progress_dialog is not None and wizard.progress_dialog.isVisible()
    info = store_info(new_store)
    assert info.center is not None and info.counts["cases"] == 50
    assert "演示" in wizard.summary and "demo" in wizard.summary
    assert wizard.actor is not None and wizard.actor.username == "zhuren"
    assert not load_policy(new_store.data_dir).daily


def test_sign_in(qtbot: QtBot, tasks: TaskManager, tmp_path: Path) -> None:
    data_dir = tmp_path / "signed"
    store = session.create_encrypted_store(data_dir)
    admin = accounts.create_first_admin(store, "admin", "李晓燕", PASSWORD)
    init_center(store, admin, "荷塘镇综合治理中心", "330483101")
    store.close()

    dialog = SignInDialog(data_dir, tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.username_edit.setText("admin")
    dialog.password_edit.setText("wrong-password1")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10_000)
    assert "密码不对" in dialog.error.text()
    assert dialog.isVisible()
    dialog.password_edit.setText(PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.ok_button.click()
    assert dialog.actor is not None and dialog.actor.name == "李晓燕"
    assert dialog.store is not None
    try:
        assert store_info(dialog.store).center is not None
    finally:
        dialog.store.close()


def test_first_sign_in_asks_for_a_new_password(qtbot: QtBot, tasks: TaskManager, tmp_path: Path) -> None:
    data_dir = tmp_path / "staff"
    store = session.create_encrypted_store(data_dir)
    admin = accounts.create_first_admin(store, "admin", "李晓燕", PASSWORD)
    init_center(store, admin, "荷塘镇综合治理中心", "330483101")
    accounts.create_account(store, admin, "tiaojie", "王调解", "mediator", "Temp2026x")
    store.close()

    dialog = SignInDialog(data_dir, tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.username_edit.setText("tiaojie")
    dialog.password_edit.setText("Temp2026x")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=10_000)
    dialog.new_password_edit.setText("Wang2026!")
    dialog.again_edit.setText("Wang2026?")
    dialog.ok_button.click()
    assert "不一致" in dialog.new_password_error.text()
    dialog.again_edit.setText("Wang2026!")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.ok_button.click()
    assert dialog.store is not None and dialog.actor is not None
    assert not accounts.must_change_password(dialog.store, dialog.actor)
    dialog.store.close()
