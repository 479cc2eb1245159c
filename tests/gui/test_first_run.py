"""The first-run dialog of a new data directory, and signing in to an existing one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from govdesk.gui.first_run import FirstRunDialog
from govdesk.gui.sign_in_dialog import SignInDialog
from govdesk.gui.tasks import TaskManager
from govdesk.services import accounts, session
from govdesk.services.case_queries import store_info
from govdesk.services.setup import init_center
from govdesk.store.store import Store

PASSWORD = "Hetang2026"


@pytest.fixture
def new_store(tmp_path: Path) -> Iterator[Store]:
    opened = session.create_encrypted_store(tmp_path / "new")
    yield opened
    opened.close()


def fill_setup(dialog: FirstRunDialog, code: str) -> None:
    dialog.name_edit.setText("荷塘镇综合治理中心")
    dialog.code_edit.setText(code)
    dialog.display_name_edit.setText("李晓燕")
    dialog.password_edit.setText(PASSWORD)
    dialog.again_edit.setText(PASSWORD)


def test_setting_up_the_center(qtbot: QtBot, tasks: TaskManager, new_store: Store) -> None:
    dialog = FirstRunDialog(new_store, tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.setup_button.click()
    assert dialog.pages.currentIndex() == 1
    fill_setup(dialog, "33048")  # too short
    dialog.create_button.click()
    qtbot.waitUntil(lambda: dialog._errors["center_code"].isVisible(), timeout=5000)
    assert "9位或12位" in dialog._errors["center_code"].text()
    assert store_info(new_store).center is None
    assert not accounts.has_accounts(new_store)  # a typo in the code costs nothing
    dialog.code_edit.setText("330483101")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.create_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    center = store_info(new_store).center
    assert center is not None
    assert center.name == "荷塘镇综合治理中心" and center.code == "330483101"
    assert center.committee_name == "荷塘镇人民调解委员会"
    assert "荷塘镇综合治理中心" in dialog.summary
    assert dialog.actor is not None and dialog.actor.username == "admin" and dialog.actor.name == "李晓燕"


def test_setup_explains_each_refused_field(qtbot: QtBot, tasks: TaskManager, new_store: Store) -> None:
    dialog = FirstRunDialog(new_store, tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.setup_button.click()
    fill_setup(dialog, "330483101")
    dialog.name_edit.clear()
    dialog.create_button.click()
    qtbot.waitUntil(lambda: dialog._errors["center_name"].isVisible(), timeout=5000)
    assert "中心名称" in dialog._errors["center_name"].text()
    fill_setup(dialog, "330483101")
    dialog.again_edit.setText("different1")
    dialog.create_button.click()
    assert "不一致" in dialog._errors["password_again"].text()
    fill_setup(dialog, "330483101")
    dialog.password_edit.setText("short")
    dialog.again_edit.setText("short")
    dialog.create_button.click()
    qtbot.waitUntil(lambda: dialog._errors["password"].isVisible(), timeout=5000)
    assert "密码" in dialog._errors["password"].text()
    assert store_info(new_store).center is None


def test_loading_the_demo_township(qtbot: QtBot, tasks: TaskManager, new_store: Store) -> None:
    pytest.importorskip("govdesk.services.demo_loader")
    dialog = FirstRunDialog(new_store, tasks, demo_cases=50, demo_residents=100)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.accepted, timeout=60_000):
        dialog.demo_button.click()
        assert dialog.progress_dialog.isVisible()
    assert not dialog.progress_dialog.isVisible()
    info = store_info(new_store)
    assert info.center is not None and info.counts["cases"] == 50
    assert "演示" in dialog.summary and "demo" in dialog.summary
    assert dialog.actor is not None and dialog.actor.username == "zhuren"


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
