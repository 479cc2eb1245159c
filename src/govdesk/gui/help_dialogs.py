"""帮助: the user guide (docs/user-guide.md, rendered from Markdown) and the list of keyboard shortcuts."""

from __future__ import annotations

from pathlib import Path

import qtawesome as qta
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from govdesk.paths import resources_dir

GUIDE_NAME = "user-guide.md"


def user_guide_path() -> Path | None:
    """The guide as installed (resources/help/, where the wheel and the bundle put it), else the checkout's docs/."""
    candidates = []
    try:
        candidates.append(resources_dir() / "help" / GUIDE_NAME)
        candidates.append(resources_dir().parent / "docs" / GUIDE_NAME)
    except RuntimeError:
        pass
    candidates.append(Path(__file__).resolve().parents[3] / "docs" / GUIDE_NAME)
    return next((c for c in candidates if c.is_file()), None)


class UserGuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("使用指南"))
        self.setWindowIcon(qta.icon("mdi6.book-open-variant", color="#1a73e8"))
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.browser.document().setDocumentMargin(18)
        self.browser.setStyleSheet("QTextBrowser { background:white; }")
        path = user_guide_path()
        if path is None:
            self.browser.setMarkdown(self.tr("# 使用指南\n\n找不到使用指南文件，安装可能不完整。请联系县里的技术支持人员。"))
        else:
            self.browser.setSearchPaths([str(path.parent)])
            self.browser.setMarkdown(path.read_text(encoding="utf-8"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        screen = QGuiApplication.primaryScreen()
        height = min(820, screen.availableGeometry().height() - 80) if screen is not None else 760
        self.resize(860, height)


class ShortcutsDialog(QDialog):
    """The shortcuts the main window defines, as (key, action) rows."""

    def __init__(self, shortcuts: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("快捷键一览"))
        self.setWindowIcon(qta.icon("mdi6.keyboard-outline", color="#1a73e8"))
        self.table = QTableWidget(len(shortcuts), 2)
        self.table.setHorizontalHeaderLabels([self.tr("按键"), self.tr("功能")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        for row, (key, what) in enumerate(shortcuts):
            key_item = QTableWidgetItem(key)
            font = key_item.font()
            font.setBold(True)
            key_item.setFont(font)
            self.table.setItem(row, 0, key_item)
            self.table.setItem(row, 1, QTableWidgetItem(what))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(30)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(440, 90 + 30 * (len(shortcuts) + 1))
