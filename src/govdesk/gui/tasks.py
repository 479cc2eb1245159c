"""The one serial worker for all database work (the idea of Anki's TaskManager / QueryOp).

Every service call from the GUI goes through ``TaskManager.run``: jobs run one after another on a single
background thread, so two writes never race for the SQLite writer and the window never freezes on a
slow query. Results, errors and progress come back to the GUI thread by queued signals. Feature code
never starts threads of its own.
"""

from __future__ import annotations

import itertools
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget
from sqlalchemy.exc import DBAPIError

from govdesk.domain.errors import GovdeskError
from govdesk.store.engine import describe_database_error
from govdesk.store.store import DB_NAME

Progress = Callable[[int, int, str], None]

# load_demo may report tens of thousands of steps; repainting a progress bar that often would swamp
# the GUI thread's event queue, so the worker side forwards at most one report per interval.
PROGRESS_INTERVAL_S = 0.05


@dataclass
class _Job:
    on_done: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None] | None
    on_progress: Progress | None
    owner: QObject | None


class _Runnable(QRunnable):
    def __init__(self, manager: TaskManager, job_id: int, fn: Callable[..., Any], with_progress: bool) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._manager = manager
        self._job_id = job_id
        self._fn = fn
        self._with_progress = with_progress
        self._last_report = 0.0

    def _report(self, done: int, total: int, message: str = "") -> None:
        now = time.monotonic()
        if done >= total or now - self._last_report >= PROGRESS_INTERVAL_S:
            self._last_report = now
            self._manager.progressed.emit(self._job_id, int(done), int(total), str(message))

    def run(self) -> None:
        try:
            result = self._fn(self._report) if self._with_progress else self._fn()
        except BaseException as err:  # noqa: BLE001 - every failure must reach the GUI thread, bugs included
            self._manager.failed.emit(self._job_id, err)
        else:
            self._manager.finished.emit(self._job_id, result)


class TaskManager(QObject):
    """``run(fn, on_done, on_error, progress=None)``: call ``fn`` on the worker, deliver on the GUI thread.

    When ``progress`` is given, ``fn`` is called with one argument, a thread-safe
    ``report(done, total, message)`` callable (the signature services such as ``load_demo`` accept), and
    ``progress`` receives those reports on the GUI thread.
    """

    finished = Signal(int, object)
    failed = Signal(int, object)
    progressed = Signal(int, int, int, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._ids = itertools.count(1)
        self._jobs: dict[int, _Job] = {}
        # Queued explicitly: the signals are emitted on the worker thread and must run their slots here.
        self.finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)
        self.failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)
        self.progressed.connect(self._on_progressed, Qt.ConnectionType.QueuedConnection)

    def run(
        self,
        fn: Callable[..., Any],
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        progress: Progress | None = None,
        *,
        owner: QObject | None = None,
    ) -> int:
        """Queue ``fn``. If ``owner`` is destroyed before the job ends, its callbacks are dropped."""
        job_id = next(self._ids)
        self._jobs[job_id] = _Job(on_done, on_error, progress, owner)
        self._pool.start(_Runnable(self, job_id, fn, progress is not None))
        return job_id

    @property
    def busy(self) -> bool:
        """True while any job is queued, running, or has a result not yet delivered."""
        return bool(self._jobs)

    def shutdown(self, timeout_ms: int = 30_000) -> bool:
        """Wait for queued work (a registration half-way must finish before the store closes)."""
        return self._pool.waitForDone(timeout_ms)

    def _live(self, job: _Job) -> bool:
        return job.owner is None or shiboken6.isValid(job.owner)

    def _on_finished(self, job_id: int, result: object) -> None:
        job = self._jobs.pop(job_id, None)
        if job is not None and job.on_done is not None and self._live(job):
            job.on_done(result)

    def _on_failed(self, job_id: int, err: BaseException) -> None:
        job = self._jobs.pop(job_id, None)
        if job is None or not self._live(job):
            return
        (job.on_error or show_error)(err)

    def _on_progressed(self, job_id: int, done: int, total: int, message: str) -> None:
        job = self._jobs.get(job_id)
        if job is not None and job.on_progress is not None and self._live(job):
            job.on_progress(done, total, message)


# Where the open store lives, for plain-language SQLite messages ("the file … is damaged"). Set by app.py.
database_path: Path | None = None


def show_error(err: BaseException, parent: QWidget | None = None) -> None:
    """A user error becomes a plain message box; anything else is a bug and goes to the crash handler."""
    message: str | None = None
    if isinstance(err, GovdeskError):
        message = str(err)
    elif isinstance(err, DBAPIError):
        # A full disk or a damaged file is not a bug in govdesk: say what happened instead of a crash report.
        message = describe_database_error(err, database_path or Path(DB_NAME))
    if message is None:
        sys.excepthook(type(err), err, err.__traceback__)
        return
    QMessageBox.warning(parent or QApplication.activeWindow(), QCoreApplication.translate("tasks", "未能完成"), message)


class BusyDialog(QProgressDialog):
    """A progress dialog without a cancel button that the user cannot dismiss while the job runs."""

    def __init__(self, title: str, label: str, parent: QWidget | None) -> None:
        super().__init__(label, "", 0, 0, parent)
        self.setCancelButton(None)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumDuration(0)
        self.setMinimumWidth(420)
        self._may_close = False

    def report(self, done: int, total: int, message: str) -> None:
        self.setMaximum(max(total, 1))
        self.setValue(min(done, max(total, 1)))
        if message:
            self.setLabelText(message)

    def finish(self) -> None:
        self._may_close = True
        self.close()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() != Qt.Key.Key_Escape:
            super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._may_close:
            super().closeEvent(event)
        else:
            event.ignore()


def run_with_progress(
    tasks: TaskManager,
    parent: QWidget | None,
    title: str,
    label: str,
    fn: Callable[[Progress], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None] | None = None,
) -> BusyDialog:
    """Run a long job (``fn(report)``) with a progress dialog fed by its reports."""
    dialog = BusyDialog(title, label, parent)

    def done(result: object) -> None:
        dialog.finish()
        on_done(result)

    def failed(err: BaseException) -> None:
        dialog.finish()
        (on_error or (lambda e: show_error(e, parent)))(err)

    tasks.run(fn, done, failed, progress=dialog.report)
    dialog.show()
    return dialog
