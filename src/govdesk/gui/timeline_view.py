"""The case timeline: every event in order, in China time, with the action, who did it and what it said."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from govdesk.domain.clock import china_time
from govdesk.store.records import TimelineEntry

from .labels import action_label_text, status_label, translate
from .locale_format import format_datetime


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def entry_html(entry: TimelineEntry) -> str:
    when = format_datetime(china_time(entry.at))
    corrects = ""
    if entry.corrects_seq:
        text = translate("TimelineView", "更正第 %1 条记录").replace("%1", str(entry.corrects_seq))
        corrects = f"<br><span style='color:#b06000'>{text}</span>"
    status = ""
    if entry.from_status != entry.to_status:
        change = f"{status_label(entry.from_status)} → {status_label(entry.to_status)}"
        status = f"<span style='color:#5f6368'>（{change}）</span>"
    return (
        f"<span style='color:#5f6368'>{entry.seq}.　{when}　{_html(entry.actor)}</span><br>"
        f"<b>{_html(action_label_text(entry.action_label))}</b>{status}　{_html(entry.summary)}{corrects}"
    )


class TimelineView(QWidget):
    """A plain vertical list: short, readable, and part of the detail pane's one scrolling page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self.entries: list[QLabel] = []

    def set_entries(self, entries: tuple[TimelineEntry, ...]) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.entries = []
        if not entries:
            empty = QLabel(self.tr("还没有办理记录。"))
            empty.setStyleSheet("color:#80868b;")
            self._layout.addWidget(empty)
            return
        for entry in entries:
            label = QLabel(entry_html(entry))
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setStyleSheet("border-left:3px solid #1a73e8; padding:2px 0 2px 8px;")
            self._layout.addWidget(label)
            self.entries.append(label)

    def texts(self) -> list[str]:
        return [label.text() for label in self.entries]
