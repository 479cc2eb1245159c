"""Translations: the Chinese .ts is complete and up to date with the code; English shows in the main window."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMenu
from pytestqt.qtbot import QtBot

from govdesk.app import use_language
from govdesk.gui.locale_format import format_date, format_datetime
from govdesk.gui.main_window import MainWindow
from govdesk.gui.tasks import TaskManager
from govdesk.paths import resources_dir
from govdesk.store.store import Store
from tests.conftest import STAFF

from .conftest import _discard_open_form

REPO = Path(__file__).resolve().parents[2]
TRANSLATIONS = resources_dir() / "translations"


def test_the_chinese_translation_is_complete_and_up_to_date() -> None:
    """Fails when a UI string is not in govdesk_zh_CN.ts yet (re-running lupdate would add it), when one is
    left there that the code no longer has, or when any Chinese entry is unfinished. Fix: scripts/update-translations."""
    done = subprocess.run([sys.executable, str(REPO / "scripts" / "update-translations"), "--check"],
                          capture_output=True, text=True, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    root = ET.parse(TRANSLATIONS / "govdesk_zh_CN.ts").getroot()
    messages = list(root.iter("message"))
    assert len(messages) > 900
    for message in messages:
        translation = message.find("translation")
        assert translation is not None and translation.get("type") is None and translation.text, (
            message.findtext("source")
        )


def test_the_compiled_translations_match_their_sources(tmp_path: Path) -> None:
    """The .qm files the program loads are what lrelease makes of the .ts files (none stale or missing)."""
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    for language in ("zh_CN", "en_US"):
        ts, qm = TRANSLATIONS / f"govdesk_{language}.ts", TRANSLATIONS / f"govdesk_{language}.qm"
        fresh = tmp_path / qm.name
        subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(fresh)], check=True, timeout=120)
        assert qm.is_file() and qm.read_bytes() == fresh.read_bytes(), f"{qm.name}: run scripts/update-translations"


@pytest.fixture
def english(qtbot: QtBot) -> Iterator[None]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = use_language(app, "en_US")
    yield
    for translator in translators:
        app.removeTranslator(translator)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))


def test_switching_to_english_shows_english(
    english: None, qtbot: QtBot, store: Store, tasks: TaskManager, tmp_path: Path, wait_idle: Callable[[], None]
) -> None:
    window = MainWindow(store, tasks, STAFF, QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window, before_close_func=_discard_open_form)
    window.show()
    wait_idle()
    menus = [action.text() for action in window.menuBar().actions()]
    assert {"File", "Security", "Help"} <= set(menus), menus
    entries = [a.text() for m in window.menuBar().findChildren(QMenu) for a in m.actions() if a.text()]
    untranslated = [t for t in menus + entries if re.search(r"[\u4e00-\u9fff]", t)]
    assert not untranslated, untranslated
    assert "Settings…" in entries and "User guide" in entries
    assert window.register_action.text() == "Register" and window.search_action.text() == "Search"
    assert window.tabs.tabText(0) == "Cases"
    assert window.count_label.text() == "0 cases"
    assert "click \"Register\"" in window.empty_overlay.text()
    assert window.model.headerData(0, Qt.Orientation.Horizontal) == "Number"
    categories = [window.filter_bar.category_combo.itemText(i) for i in range(window.filter_bar.category_combo.count())]
    assert "Neighbours" in categories and "Marriage and family" in categories, categories  # the code table too
    # Qt's own dialogs follow too (the qtbase translation from the PySide6 package).
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancel"
    assert format_date(dt.date(2026, 11, 22)) == "November 22, 2026"
    # The sync state in the status bar (a PC not enrolled with the county).
    qtbot.waitUntil(lambda: window.sync_label.text.text() == "Not connected to the county server (this PC only)")


def test_chinese_dates_and_standard_buttons(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = use_language(app, "zh_CN")
    try:
        assert format_date(dt.date(2026, 11, 22)) == "2026年11月22日"
        assert format_datetime(dt.datetime(2026, 11, 22, 15, 4)) == "2026年11月22日 15:04"
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"
    finally:
        for translator in translators:
            app.removeTranslator(translator)
