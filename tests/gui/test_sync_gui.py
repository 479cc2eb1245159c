"""Sync in the window: the status bar says where things stand, F5 syncs on the sync thread without blocking the
window, and a collision shows up in the review list where a person settles it."""

from __future__ import annotations

import gc
from collections.abc import Callable
from pathlib import Path

from fastapi.testclient import TestClient
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from govdesk.gui.main_window import MainWindow
from govdesk.gui.sync_status import ConflictsDialog
from govdesk.server.app import create_app
from govdesk.server.apply import county_write
from govdesk.server.db import Sequence, make_engine, migrate, write
from govdesk.server.devices import add_device
from govdesk.services import sync_service
from govdesk.services.actor import Actor
from govdesk.store.store import Store

DIRECTOR = Actor("张主任", "director", "zhuren")


def test_status_bar_sync_and_review_list(qtbot: QtBot, make_window: Callable[[Store], MainWindow],
                                         populated_store: Store, tmp_path: Path) -> None:  # fmt: skip
    window = make_window(populated_store)
    controller = window.sync_controller
    assert controller is not None
    qtbot.waitUntil(lambda: "未连接" in window.sync_label.text.text(), timeout=5_000)
    # The loaded window's objects are out of the garbage collector's way: a full collection walking them held
    # the interpreter lock for 150–190 ms while a sync ran (benchmarks: GUI event loop stall while syncing).
    assert gc.get_freeze_count() > 0

    county = make_engine(f"sqlite:///{tmp_path / 'county.db'}")
    migrate(county)
    app = create_app(county)
    with write(county) as conn:
        _, code = add_device(conn, "330483101", "办公室电脑")
    factory = lambda _url: TestClient(app)  # noqa: E731
    sync_service.enroll(populated_store, DIRECTOR, "http://127.0.0.1:8765", code, http=factory)
    controller.http = factory

    window.action_sync.trigger()
    assert controller.running  # the round runs on the sync thread; the window keeps answering
    QApplication.processEvents()
    qtbot.waitUntil(lambda: not controller.running, timeout=20_000)
    assert "上次同步" in window.sync_label.text.text()
    assert "待上传" not in window.sync_label.text.text()

    with populated_store.db.read() as session:
        case_id, number = session.execute(text("SELECT id, number FROM cases ORDER BY local_no LIMIT 1")).one()
    with write(county) as conn:  # the county corrects the title while the township changes it too
        seq = Sequence(conn)
        county_write(conn, seq, "cases", case_id, {"title": "县里改的标题"})
        seq.save()
    with populated_store.db.write() as session:
        session.execute(text("UPDATE cases SET title = '乡镇改的标题' WHERE id = :i"), {"i": case_id})
    window.action_sync.trigger()
    qtbot.waitUntil(lambda: not controller.running, timeout=20_000)
    qtbot.waitUntil(lambda: "1 处冲突待处理" in window.sync_label.text.text(), timeout=5_000)

    dialog = window.open_conflicts()
    assert isinstance(dialog, ConflictsDialog)
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 0).text() == number
    assert dialog.table.item(0, 2).text() == "县里改的标题"
    assert dialog.table.item(0, 3).text() == "乡镇改的标题"
    dialog.keep_client.click()  # the township's value is written back as a new edit
    assert dialog.table.rowCount() == 0
    dialog.close()
    with populated_store.db.read() as session:
        assert session.execute(text("SELECT title FROM cases WHERE id = :i"), {"i": case_id}).scalar() == "乡镇改的标题"
    window.action_sync.trigger()
    qtbot.waitUntil(lambda: not controller.running, timeout=20_000)
    qtbot.waitUntil(lambda: "冲突" not in window.sync_label.text.text(), timeout=5_000)
    county.dispose()


def test_review_items_speak_the_users_language(qtbot: QtBot) -> None:
    """A risk shows as 黄色, not "yellow"; a center's name is not a person's 姓名; the committee's name says it is
    printed on the documents."""
    from govdesk.gui.sync_status import _field_label, _shown

    assert _shown("yellow", "risk") == "黄色" and _shown("registered", "status") == "已登记"
    assert _shown(None, "title") == "（空）" and _shown({"a": 1}, "x") == '{"a": 1}'
    assert _field_label("centers", "name") == "中心名称" and _field_label("persons", "name") == "姓名"
    assert "文书" in _field_label("centers", "committee_name")
