"""The case detail pane (right of the list): everything registered about one case, read-only."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from govdesk.domain.errors import NotFound
from govdesk.services import case_queries
from govdesk.store.records import CaseDetail, PartyRecord
from govdesk.store.store import Store

from .case_table_model import local_time
from .labels import channel_label, kind_label, risk_badge_style, risk_label, role_label, status_label
from .tasks import TaskManager, show_error

_SECTION_STYLE = "font-weight:bold; color:#1a4f8b; padding-top:10px; border-bottom:1px solid #d5dde8;"
_CARD_STYLE = "QFrame#partyCard { background:#f6f8fb; border:1px solid #dde3ea; border-radius:6px; }"
_MUTED = "color:#5f6368;"


def _value(text: str) -> QLabel:
    label = QLabel(text or "—")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # staff copy numbers out
    return label


class _ReadOnlyText(QTextEdit):
    """Facts and claims: read-only and as tall as the text, so the pane scrolls as one page."""

    def __init__(self) -> None:
        super().__init__()
        self.setReadOnly(True)
        self.setAcceptRichText(False)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setStyleSheet("QTextEdit { background:#fbfbfc; }")

    def set_text(self, text: str, empty: str) -> None:
        self.setPlainText(text or empty)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        doc = self.document()
        doc.setTextWidth(self.viewport().width())
        height = int(doc.size().height()) + 2 * self.frameWidth() + 4
        if height != self.height():
            self.setFixedHeight(max(height, self.fontMetrics().lineSpacing() + 12))


class CaseDetailPane(QWidget):
    """Shows one case. ``show_case(local_no)`` loads it through the worker."""

    case_shown = Signal(object)  # CaseDetail

    def __init__(self, store: Store, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._tasks = tasks
        self._local_no: int | None = None
        self._request = 0
        self.setMinimumWidth(360)

        self._stack = QStackedWidget()
        self._empty = QLabel(self.tr("在列表中选择一个事项，这里显示它的详情。"))
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty.setWordWrap(True)
        self._empty.setStyleSheet("color:#80868b; font-size:14px; padding:24px;")
        self._stack.addWidget(self._empty)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        page = QWidget()
        scroll.setWidget(page)
        self._stack.addWidget(scroll)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stack)

        body = QVBoxLayout(page)
        body.setContentsMargins(16, 12, 16, 16)
        body.setSpacing(6)
        self._number = QLabel()
        self._number.setStyleSheet(_MUTED)
        self._number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._title = QLabel()
        self._title.setWordWrap(True)
        title_font = QFont(self._title.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.35)
        title_font.setBold(True)
        self._title.setFont(title_font)
        self._title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        badges = QHBoxLayout()
        self._status_badge = QLabel()
        self._status_badge.setStyleSheet(
            "background:#e8f0fe; color:#1a4f8b; border-radius:4px; padding:2px 8px; font-weight:bold;"
        )
        self._risk_badge = QLabel()
        self._kind_line = QLabel()
        self._kind_line.setStyleSheet(_MUTED)
        badges.addWidget(self._status_badge)
        badges.addWidget(self._risk_badge)
        badges.addWidget(self._kind_line)
        badges.addStretch(1)
        body.addWidget(self._number)
        body.addWidget(self._title)
        body.addLayout(badges)

        self._fields: dict[str, QLabel] = {}
        body.addWidget(self._section(self.tr("基本情况")))
        body.addLayout(self._form([
            ("channel", self.tr("来源渠道")), ("risk_reason", self.tr("风险说明")),
            ("occurred", self.tr("发生日期")), ("people", self.tr("涉及人数")), ("amount", self.tr("涉及金额")),
            ("registered", self.tr("登记")), ("updated", self.tr("最后修改")),
        ]))  # fmt: skip
        body.addWidget(self._section(self.tr("地点")))
        body.addLayout(self._form([
            ("village", self.tr("村（社区）")), ("grid", self.tr("网格")), ("address", self.tr("发生地点")),
            ("coordinates", self.tr("坐标")),
        ]))  # fmt: skip
        body.addWidget(self._section(self.tr("当事人")))
        self._parties = QVBoxLayout()
        self._parties.setSpacing(6)
        body.addLayout(self._parties)
        body.addWidget(self._section(self.tr("事实经过")))
        self._facts = _ReadOnlyText()
        body.addWidget(self._facts)
        body.addWidget(self._section(self.tr("当事人诉求")))
        self._claims = _ReadOnlyText()
        body.addWidget(self._claims)
        body.addStretch(1)

    def _section(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setStyleSheet(_SECTION_STYLE)
        return label

    def _form(self, rows: list[tuple[str, str]]) -> QFormLayout:
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(4)
        # One caption width for every section, so the values line up down the whole pane.
        width = self.fontMetrics().horizontalAdvance(self.tr("村（社区）") + "：") + 6
        for key, title in rows:
            self._fields[key] = _value("")
            caption = QLabel(title + "：")
            caption.setStyleSheet(_MUTED)
            caption.setMinimumWidth(width)
            caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            form.addRow(caption, self._fields[key])
        return form

    # --- loading ------------------------------------------------------------------------------
    @property
    def current_local_no(self) -> int | None:
        return self._local_no

    def show_case(self, local_no: int) -> None:
        self._request += 1
        request = self._request
        store = self._store

        def done(detail: CaseDetail) -> None:
            if request == self._request:  # the user may have clicked on since
                self.set_detail(detail)

        self._tasks.run(lambda: case_queries.show_case_by_local_no(store, local_no), done, self._failed, owner=self)

    def show_number(self, number: str) -> None:
        self._request += 1
        request = self._request
        store = self._store

        def done(detail: CaseDetail) -> None:
            if request == self._request:
                self.set_detail(detail)

        self._tasks.run(lambda: case_queries.show_case(store, number), done, self._failed, owner=self)

    def _failed(self, err: BaseException) -> None:
        if isinstance(err, NotFound):
            self.clear()
        show_error(err, self)

    def clear(self) -> None:
        self._request += 1
        self._local_no = None
        self._stack.setCurrentIndex(0)

    def set_detail(self, d: CaseDetail) -> None:
        r = d.row
        self._local_no = r.local_no
        self._number.setText(r.number)
        self._title.setText(r.title)
        self._status_badge.setText(status_label(r.status))
        self._risk_badge.setText(self.tr("%s预警") % risk_label(r.risk))
        self._risk_badge.setStyleSheet(risk_badge_style(r.risk))
        self._kind_line.setText(" · ".join(x for x in (kind_label(r.kind), r.category or "") if x))
        amount = self.tr("%s 元") % f"{d.amount_cents / 100:,.2f}" if d.amount_cents is not None else ""
        coords = (
            self.tr("纬度 %1，经度 %2").replace("%1", f"{d.latitude:.6f}").replace("%2", f"{d.longitude:.6f}")
            if d.latitude is not None and d.longitude is not None
            else ""
        )
        values = {
            "channel": channel_label(r.channel),
            "risk_reason": d.risk_reason,
            "occurred": r.occurred_at.isoformat() if r.occurred_at else self.tr("未填写"),
            "people": self.tr("%s 人") % d.people_involved,
            "amount": amount,
            "registered": f"{d.registered_by}　{local_time(r.created_at)}",
            "updated": local_time(d.updated_at),
            "village": r.village,
            "grid": d.grid,
            "address": d.address,
            "coordinates": coords,
        }
        for key, text in values.items():
            self._fields[key].setText(text or "—")
        self._set_parties(d.parties)
        self._facts.set_text(d.facts, self.tr("（未填写）"))
        self._claims.set_text(d.claims, self.tr("（未填写）"))
        self._stack.setCurrentIndex(1)
        self.case_shown.emit(d)

    def _set_parties(self, parties: tuple[PartyRecord, ...]) -> None:
        while self._parties.count():
            item = self._parties.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        if not parties:
            self._parties.addWidget(_value(self.tr("未登记当事人")))
        for party in parties:
            self._parties.addWidget(self._party_card(party))

    def _party_card(self, p: PartyRecord) -> QFrame:
        card = QFrame()
        card.setObjectName("partyCard")
        card.setStyleSheet(_CARD_STYLE)
        layout = QVBoxLayout(card)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(2)
        head = QLabel(f"<span style='color:#5f6368'>{role_label(p.role)}</span>　<b>{_html(p.name)}</b>")
        layout.addWidget(head)
        lines: list[str] = []
        if p.is_organisation:
            lines.append(self.tr("单位") + "　" + self.tr("统一社会信用代码：") + (p.credit_code or "—"))
            if p.representative:
                lines.append(self.tr("法定代表人/负责人：") + p.representative)
        else:
            basics = "　".join(x for x in (p.gender or "", p.ethnicity or "") if x)
            if p.birth_date:
                basics += ("　" if basics else "") + self.tr("出生 %s") % p.birth_date.isoformat()
            if basics:
                lines.append(basics)
            if p.id_number_masked:
                lines.append(self.tr("身份证号：") + p.id_number_masked)
        if p.phone_masked:
            lines.append(self.tr("电话：") + p.phone_masked)
        if p.address:
            lines.append(self.tr("住址：") + p.address)
        for line in lines:
            label = _value(line)
            label.setStyleSheet("background:transparent;")
            layout.addWidget(label)
        return card


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class CaseDetailDialog(QDialog):
    """An existing case in its own window (e.g. a duplicate hint opened from the registration form)."""

    def __init__(self, store: Store, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("事项详情"))
        self.resize(560, 720)
        self.pane = CaseDetailPane(store, tasks, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pane)
        layout.addWidget(buttons)
