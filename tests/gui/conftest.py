"""GUI test fixtures: real stores (via the services), the serial worker, and the main window."""

from __future__ import annotations

import gc
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Qt reads QT_QPA_PLATFORM when the application is created: set before anything can create one.
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from govdesk.gui.main_window import MainWindow
from govdesk.gui.map_view import register_map_scheme
from govdesk.gui.tasks import TaskManager
from govdesk.services import registration
from govdesk.services.actor import Actor
from govdesk.store.store import Store
from tests.conftest import STAFF, dispute

if hasattr(os, "geteuid") and os.geteuid() == 0:
    os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")  # QtWebEngine refuses to run as root otherwise
register_map_scheme()  # the map's URL scheme must be registered before the first QApplication
# Dates and numbers as the program shows them by default (app.use_language), whatever the tester's locale.
QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))

# Valid resident IDs (GB 11643 check digits) for the parties of the sample cases.
WANG_ID = "330483199003150013"
ZHAO_ID = "330483198507120024"


def type_chinese(widget: QWidget, text: str) -> None:
    """Type as a Chinese input method does: each character arrives as a committed input-method event.

    (QTest.keyClicks only knows Latin-1 keys.)
    """
    for char in text:
        event = QInputMethodEvent()
        event.setCommitString(char)
        QApplication.sendEvent(widget, event)


def sample_cases() -> list[dict[str, object]]:
    """Three registrations whose words do not overlap, so a 2-character search picks exactly one."""
    return [
        dispute(),  # 宅基地边界纠纷: 王某 (WANG_ID) v 李某
        dispute(
            title="楼上噪音扰民",
            category="邻里",
            facts="楼上住户深夜装修，影响休息。",
            address="某社区5幢",
            parties=[{"role": "applicant", "name": "赵某", "id_number": ZHAO_ID, "phone": "13900139000"}],
        ),
        {
            "title": "咨询工伤认定程序",
            "kind": "consultation",
            "channel": "walk_in",
            "facts": "在工厂上班时手指受伤，询问如何申请认定。",
            "parties": [{"role": "applicant", "name": "孙某"}],
        },
    ]


class UnexpectedMessageBox(AssertionError):
    pass


@pytest.fixture(autouse=True)
def _no_modal_message_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    """A modal box would wait forever offscreen: fail with its text instead (tests patch the ones they expect)."""

    def unexpected(*args: object, **kwargs: object) -> None:
        texts = [a for a in args if isinstance(a, str)]
        raise UnexpectedMessageBox(" / ".join(texts))

    for name in ("warning", "critical", "question", "information"):
        monkeypatch.setattr(QMessageBox, name, unexpected)


@pytest.fixture(autouse=True)
def _unfreeze_heap() -> Iterator[None]:
    """A main window freezes the heap once it is loaded (gc.freeze: the app has one window for its life); in
    the test run every test's window would stay frozen, and with it everything alive at that moment."""
    yield
    gc.unfreeze()


@pytest.fixture
def populated_store(store: Store) -> Store:
    for data in sample_cases():
        registration.register_case(store, STAFF, registration.parse_registration(data))
    return store


@pytest.fixture
def tasks(qtbot: QtBot) -> Iterator[TaskManager]:
    manager = TaskManager()
    yield manager
    manager.shutdown()


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    """Window state goes to a throw-away file, never to the tester's own govdesk settings."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def wait_idle(qtbot: QtBot, tasks: TaskManager) -> Callable[[], None]:
    def wait() -> None:
        qtbot.waitUntil(lambda: not tasks.busy, timeout=10_000)

    return wait


def _discard_open_form(window: MainWindow) -> None:
    """A half-filled form left open by a test would ask "discard?" when pytest-qt closes the window."""
    dialog = window.registration_dialog
    if dialog is not None and shiboken6.isValid(dialog) and dialog.isVisible():
        dialog.done(0)


@pytest.fixture
def make_window(
    qtbot: QtBot, tasks: TaskManager, settings: QSettings, wait_idle: Callable[[], None]
) -> Callable[[Store], MainWindow]:
    def make(store: Store) -> MainWindow:
        window = MainWindow(store, tasks, STAFF, settings)
        qtbot.addWidget(window, before_close_func=_discard_open_form)
        window.show()
        wait_idle()
        return window

    return make


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    demo_loader = pytest.importorskip("govdesk.services.demo_loader")
    data_dir = tmp_path_factory.mktemp("demo")
    store = Store.open(data_dir, writer=True, create=True)
    try:
        demo_loader.load_demo(store, Actor("setup", "admin", "setup"), n_cases=200, n_residents=500)
    finally:
        store.close()
    return data_dir


@pytest.fixture
def demo_store(tmp_path: Path, _demo_template: Path) -> Iterator[Store]:
    target = tmp_path / "demo"
    shutil.copytree(_demo_template, target, ignore=shutil.ignore_patterns("*.lock", "*-wal", "*-shm"))
    opened = Store.open(target, writer=True)
    yield opened
    opened.close()
