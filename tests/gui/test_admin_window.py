"""The administrator's window: accounts, backups, settings and sync, but no cases or persons — and the sync
review list (which shows case contents) says who can settle it instead of crashing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from govdesk.gui.main_window import MainWindow
from govdesk.gui.tasks import TaskManager
from govdesk.services.actor import Actor
from govdesk.store.store import Store

from .conftest import _discard_open_form

ADMIN = Actor("李管理", "admin", "admin")


def test_the_administrator_sees_no_cases(qtbot: QtBot, populated_store: Store, tasks: TaskManager, tmp_path: Path,
                                         wait_idle: Callable[[], None], monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    window = MainWindow(populated_store, tasks, ADMIN, QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window, before_close_func=_discard_open_form)
    window.show()
    wait_idle()
    qtbot.waitUntil(lambda: window.model.has_loaded)
    assert window.model.rowCount() == 0 and window.count_label.text() == "共 0 件"
    assert "系统管理员不查看事项" in window.empty_overlay.text()
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == ["事项"]  # no persons, map, statistics
    assert not window.search_action.isEnabled() and not window.persons_action.isEnabled()
    assert window.filter_bar.isHidden()

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: shown.append(text))
    assert window.open_conflicts() is None  # the status bar's "n 处冲突待处理" leads here
    assert shown and "中心主任" in shown[0]
