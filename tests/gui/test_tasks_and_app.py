"""The serial worker and the application shell (crash reports, locked store)."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from govdesk import app as app_module
from govdesk.domain.errors import ValidationError
from govdesk.gui.tasks import TaskManager
from govdesk.store.store import Store


def test_jobs_run_in_order_on_one_thread_and_report_on_the_gui_thread(qtbot: QtBot, tasks: TaskManager) -> None:
    threads: list[str] = []
    results: list[int] = []
    for i in range(5):

        def job(i: int = i) -> int:
            threads.append(threading.current_thread().name)
            return i

        tasks.run(job, lambda r: results.append((r, threading.current_thread() is threading.main_thread())))
    qtbot.waitUntil(lambda: not tasks.busy, timeout=5000)
    assert results == [(i, True) for i in range(5)]
    assert len(set(threads)) == 1 and threads[0] != threading.main_thread().name


def test_errors_and_progress_reach_the_gui_thread(qtbot: QtBot, tasks: TaskManager) -> None:
    errors: list[BaseException] = []
    tasks.run(lambda: (_ for _ in ()).throw(ValidationError("坏了", "title")), None, errors.append)
    reports: list[tuple[int, int, str]] = []
    done: list[str] = []

    def long_job(report):  # type: ignore[no-untyped-def]
        for step in range(1, 4):
            report(step, 3, f"第{step}步")
        return "好了"

    tasks.run(long_job, done.append, progress=lambda *a: reports.append(a))
    qtbot.waitUntil(lambda: not tasks.busy, timeout=5000)
    assert isinstance(errors[0], ValidationError) and errors[0].field == "title"
    assert done == ["好了"]
    assert reports[-1] == (3, 3, "第3步")


def test_user_errors_without_handler_become_a_message_box(
    qtbot: QtBot, tasks: TaskManager, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    tasks.run(lambda: (_ for _ in ()).throw(ValidationError("请填写标题。")))
    qtbot.waitUntil(lambda: not tasks.busy, timeout=5000)
    assert shown == ["请填写标题。"]


def test_crash_report_is_saved_and_announced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    monkeypatch.setattr(sys, "__excepthook__", lambda *a: None)
    reporter = app_module.CrashReporter(tmp_path)
    try:
        raise RuntimeError("模拟的程序错误")
    except RuntimeError as err:
        reporter(type(err), err, err.__traceback__)
    reports = list((tmp_path / "crash-reports").glob("crash-*.txt"))
    assert len(reports) == 1
    text = reports[0].read_text(encoding="utf-8")
    assert "RuntimeError: 模拟的程序错误" in text and "Traceback" in text
    assert str(reports[0]) in shown[0]
    assert "程序错误" in shown[0]


def test_a_crash_on_another_thread_is_saved_and_announced_on_the_gui_thread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    shown: list[tuple[str, bool]] = []

    def critical(parent: object, title: str, text: str) -> None:
        shown.append((text, threading.current_thread() is threading.main_thread()))

    monkeypatch.setattr(QMessageBox, "critical", critical)
    monkeypatch.setattr(sys, "__excepthook__", lambda *a: None)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    reporter = app_module.install_crash_reporter(tmp_path)

    def broken() -> None:
        raise ValueError("线程里的程序错误")

    worker = threading.Thread(target=broken, name="worker-test")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert reporter.last_report is not None
    text = reporter.last_report.read_text(encoding="utf-8")
    assert "ValueError: 线程里的程序错误" in text and "Thread: worker-test" in text
    assert shown == [(shown[0][0], True)] and str(reporter.last_report) in shown[0][0]


def test_locked_store_is_explained(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    holder = Store.open(tmp_path, writer=True, create=True)
    try:
        assert app_module.run_gui(tmp_path) == 1
    finally:
        holder.close()
    assert "另一个 govdesk" in shown[0]


def test_new_data_dir_starts_with_first_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    from govdesk.gui import first_run

    opened: list[bool] = []

    def fake_exec(self: QDialog) -> int:
        opened.append(True)
        return QDialog.DialogCode.Rejected.value

    monkeypatch.setattr(first_run.FirstRunDialog, "exec", fake_exec)
    assert app_module.run_gui(tmp_path / "fresh") == 0
    assert opened == [True]
    # Leaving the first run leaves no half-made store behind: the next start offers it again.
    assert not Store.exists(tmp_path / "fresh")


def test_exit_when_ready_hook_signs_in_from_environment(tmp_path: Path) -> None:
    """GOVDESK_USER/GOVDESK_PASSWORD skip the sign-in dialog; GOVDESK_EXIT_WHEN_READY writes the timing and quits."""
    import json
    import os
    import subprocess
    import sys
    import time

    from govdesk.services import accounts, registration, session
    from govdesk.services.actor import Actor
    from govdesk.services.setup import init_center
    from tests.conftest import dispute

    data_dir = tmp_path / "data"
    store = session.create_encrypted_store(data_dir)
    admin = accounts.create_first_admin(store, "admin", "管理员", "Hetang#2026")
    init_center(store, admin, "测试镇综治中心", "330483101")
    registration.register_case(store, Actor("调解员", "mediator"), registration.parse_registration(dispute()))
    store.close()
    ready = tmp_path / "ready.json"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", GOVDESK_USER="admin", GOVDESK_PASSWORD="Hetang#2026",
               GOVDESK_EXIT_WHEN_READY=str(ready), HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path / "config"))  # fmt: skip
    started = time.time()
    result = subprocess.run(
        [sys.executable, "-c", "import sys; from govdesk.app import main; sys.exit(main(sys.argv[1:]))",
         "--data-dir", str(data_dir)],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    data = json.loads(ready.read_text(encoding="utf-8"))
    assert started < data["ready"] < time.time()
    assert data["rss_mb"] > 10
