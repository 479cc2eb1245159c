"""The case detail pane (right of the list): one case with its lifecycle, and the actions the user may take.

Everything shown comes from ``case_queries.case_lifecycle`` (status, risk reasons, deadline, handlers, the five
firsts, agreements, referrals, timeline). The action buttons are the actions legal in the current state AND
permitted for the signed-in actor's role (grid officers: on their own cases only); each opens an ActionDialog.
"""

from __future__ import annotations

import datetime as dt

import qtawesome as qta
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from govdesk.domain.clock import china_time, china_today
from govdesk.domain.errors import NotFound
from govdesk.domain.lifecycle import Action
from govdesk.security.policy import ACTION_PERMISSION, Perm, Role, allowed
from govdesk.services import case_queries
from govdesk.services.actor import Actor
from govdesk.store.records import CaseDetail, CaseLifecycle, PartyRecord, PersonRow
from govdesk.store.store import Store

from .action_dialog import ActionDialog
from .action_forms import PRIMARY_ORDER
from .agreement_view import AgreementCard, ReferralCard
from .attachments_view import AttachmentsView
from .case_table_model import local_time
from .labels import (
    action_label,
    category_label,
    channel_label,
    kind_label,
    risk_badge_style,
    risk_label,
    role_label,
    status_label,
)
from .locale_format import format_date, format_datetime, format_number
from .person_rights_dialogs import RevealDialog
from .print_preview import DocumentMenu
from .signature_pad import SignaturePadDialog
from .tasks import TaskManager, show_error
from .timeline_view import TimelineView

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
    action_done = Signal(object)  # lifecycle.ActionDone, after the pane reloaded the case

    def __init__(
        self, store: Store, tasks: TaskManager, parent: QWidget | None = None, *, actor: Actor | None = None
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._tasks = tasks
        self._actor = actor
        self.lifecycle: CaseLifecycle | None = None
        self.action_buttons: dict[Action, QPushButton] = {}
        self.action_dialog: ActionDialog | None = None
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
        self._scroll = scroll
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

        # Lifecycle: what to do next comes first.
        self._actions_host = QWidget()
        self._actions = QGridLayout(self._actions_host)
        self._actions.setContentsMargins(0, 6, 0, 0)
        self._actions.setSpacing(6)
        body.addWidget(self._actions_host)
        tools = QHBoxLayout()
        self.print_button = QPushButton(qta.icon("fa5s.print"), self.tr("打印文书"))
        self.sign_button = QPushButton(qta.icon("fa5s.signature"), self.tr("签名…"))
        self.sign_button.setToolTip(self.tr("在签名板上签名，签名图像存为附件并登记到协议"))
        self.sign_button.clicked.connect(self.open_signature_pad)
        self.doc_menu: DocumentMenu | None = None
        if actor is not None:
            self.doc_menu = DocumentMenu(store, tasks, actor, self)
            self.doc_menu.on_issued = lambda issued: self._performed(None)
            self.print_button.setMenu(self.doc_menu)
        tools.addWidget(self.print_button)
        tools.addWidget(self.sign_button)
        tools.addStretch(1)
        body.addLayout(tools)
        self._fields: dict[str, QLabel] = {}
        body.addWidget(self._section(self.tr("办理情况")))
        body.addLayout(self._form([
            ("risk_reasons", self.tr("风险依据")), ("deadline", self.tr("期限")), ("handlers", self.tr("承办人")),
            ("milestones", self.tr("五个第一")),
        ]))  # fmt: skip
        self._agreements_title = self._section(self.tr("调解协议"))
        body.addWidget(self._agreements_title)
        self._agreements = QVBoxLayout()
        self._agreements.setSpacing(6)
        body.addLayout(self._agreements)
        self._referrals_title = self._section(self.tr("交办部门"))
        body.addWidget(self._referrals_title)
        self._referrals = QVBoxLayout()
        self._referrals.setSpacing(6)
        body.addLayout(self._referrals)

        body.addWidget(self._section(self.tr("基本情况")))
        body.addLayout(self._form([
            ("channel", self.tr("来源渠道")), ("risk_reason", self.tr("登记备注")),
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
        body.addWidget(self._section(self.tr("附件（签字材料、扫描件、照片）")))
        self.attachments: AttachmentsView | None = AttachmentsView(store, tasks, actor) if actor is not None else None
        if self.attachments is not None:
            body.addWidget(self.attachments)
        self._timeline_title = self._section(self.tr("办理记录"))
        body.addWidget(self._timeline_title)
        self.timeline = TimelineView()
        body.addWidget(self.timeline)
        body.addStretch(1)
        self._set_lifecycle_parts(None)

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

        def done(lc: CaseLifecycle) -> None:
            if request == self._request:  # the user may have clicked on since
                self.set_lifecycle(lc)

        self._tasks.run(lambda: case_queries.case_lifecycle(store, local_no), done, self._failed, owner=self)

    def show_number(self, number: str) -> None:
        self._request += 1
        request = self._request
        store = self._store

        def done(lc: CaseLifecycle) -> None:
            if request == self._request:
                self.set_lifecycle(lc)

        self._tasks.run(lambda: case_queries.case_lifecycle_by_number(store, number), done, self._failed, owner=self)

    def _failed(self, err: BaseException) -> None:
        if isinstance(err, NotFound):
            self.clear()
        show_error(err, self)

    def clear(self) -> None:
        self._request += 1
        self._local_no = None
        self._stack.setCurrentIndex(0)

    def set_lifecycle(self, lc: CaseLifecycle) -> None:
        self.set_detail(lc.detail, lifecycle=lc)
        row = lc.detail.row
        if self.doc_menu is not None:
            self.doc_menu.set_case(row.number, row.kind, row.status, parties=len(lc.detail.parties))
        if self.attachments is not None and self._actor is not None:
            own = lc.detail.registered_by == self._actor.name or self._actor.name in lc.handlers
            readable = allowed(Role(self._actor.role), Perm.CASE_RECORDS, own_case=own)
            self.attachments.setVisible(readable)
            self.attachments.set_case(row.number if readable else None)
        if self.doc_menu is not None and self._actor is not None:
            self.print_button.setVisible(allowed(Role(self._actor.role), Perm.DOC_PRINT))
        unsigned = [a for a in lc.agreements if not a.oral and a.effective_on is None]
        self.sign_button.setVisible(bool(unsigned) and Action.SIGN in lc.allowed_actions)

    def open_signature_pad(self) -> SignaturePadDialog | None:
        lc = self.lifecycle
        if lc is None or self._actor is None:
            return None
        # Who signed the agreement being signed now (a supplementary agreement is signed afresh by everyone).
        pending = [a for a in lc.agreements if not a.oral and a.effective_on is None]
        signed = [s.name for a in (pending[-1:] or lc.agreements) for s in a.signatures]
        dialog = SignaturePadDialog(
            self._store, self._tasks, self._actor, lc.detail.row.number, [p.name for p in lc.detail.parties], self,
            signed=signed, mediator=lc.handlers[0] if lc.handlers else "", on_signed=self._performed,
        )  # fmt: skip
        dialog.open()
        return dialog

    def set_detail(self, d: CaseDetail, *, lifecycle: CaseLifecycle | None = None) -> None:
        r = d.row
        self._local_no = r.local_no
        self._number.setText(r.number)
        self._title.setText(r.title)
        self._status_badge.setText(status_label(r.status))
        self._risk_badge.setText(self.tr("%s预警") % risk_label(r.risk))
        self._risk_badge.setStyleSheet(risk_badge_style(r.risk))
        self._kind_line.setText(" · ".join(x for x in (kind_label(r.kind), category_label(r.category)) if x))
        amount = self.tr("%s 元") % format_number(d.amount_cents / 100, 2) if d.amount_cents is not None else ""
        coords = (
            self.tr("纬度 %1，经度 %2").replace("%1", f"{d.latitude:.6f}").replace("%2", f"{d.longitude:.6f}")
            if d.latitude is not None and d.longitude is not None
            else ""
        )
        values = {
            "channel": channel_label(r.channel),
            "risk_reason": d.risk_reason,
            "occurred": format_date(r.occurred_at) if r.occurred_at else self.tr("未填写"),
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
        self._set_lifecycle_parts(lifecycle)
        self._stack.setCurrentIndex(1)
        self.case_shown.emit(d)

    def scroll_to(self, part: str) -> None:
        """Bring a part of the pane into view: "top", "agreements", "referrals" or "timeline"."""
        target = {"agreements": self._agreements_title, "referrals": self._referrals_title,
                  "timeline": self._timeline_title}.get(part)  # fmt: skip
        bar = self._scroll.verticalScrollBar()
        if target is None:
            bar.setValue(0)
            return
        page = self._scroll.widget()
        layout = page.layout() if page is not None else None
        if layout is not None:
            layout.activate()
        bar.setValue(min(bar.maximum(), max(0, target.y() - 8)))

    # --- lifecycle --------------------------------------------------------------------------------
    def _set_lifecycle_parts(self, lc: CaseLifecycle | None) -> None:
        self.lifecycle = lc
        _clear(self._agreements)
        _clear(self._referrals)
        for button in self.action_buttons.values():
            button.deleteLater()
        self.action_buttons = {}
        if lc is None:
            for key in ("risk_reasons", "deadline", "handlers", "milestones"):
                self._fields[key].setText("—")
            self._agreements_title.hide()
            self._referrals_title.hide()
            self.timeline.set_entries(())
            self._actions_host.hide()
            return
        reasons = "；".join(lc.risk_reasons)
        self._fields["risk_reasons"].setText(reasons or self.tr("未触发预警规则"))
        deadline = self._fields["deadline"]
        if lc.due_date is not None:
            left = (lc.due_date - china_today()).days
            when = (
                self.tr("已超期 %s 天") % -left
                if left < 0
                else (self.tr("今天到期") if left == 0 else self.tr("还有 %s 天") % left)
            )
            deadline.setText(f"{lc.due_what or self.tr('办理')}：{format_date(lc.due_date)}（{when}）")
            deadline.setStyleSheet("color:#d93025; font-weight:bold;" if left < 0 else "")
        else:
            deadline.setText(self.tr("无"))
            deadline.setStyleSheet("")
        self._fields["handlers"].setText("、".join(lc.handlers) or self.tr("未指定"))
        firsts = {
            "发现": self.tr("第一时间发现"), "受理": self.tr("第一时间受理"), "化解": self.tr("第一时间化解"),
            "确认": self.tr("第一时间确认"), "反馈": self.tr("第一时间反馈"),
        }  # fmt: skip
        self._fields["milestones"].setText("<br>".join(
            f"{firsts.get(name, name)}：{_milestone(at, name == '发现')}" for name, at in lc.milestones
        ))  # fmt: skip
        self._fields["milestones"].setTextFormat(Qt.TextFormat.RichText)
        self._agreements_title.setVisible(bool(lc.agreements))
        for agreement in lc.agreements:
            self._agreements.addWidget(AgreementCard(agreement))
        self._referrals_title.setVisible(bool(lc.referrals))
        for referral in lc.referrals:
            self._referrals.addWidget(ReferralCard(referral))
        self.timeline.set_entries(lc.timeline)
        self._set_actions(lc)

    def offered_actions(self, lc: CaseLifecycle) -> list[Action]:
        """Legal now AND permitted for the signed-in actor (own_case as services.lifecycle.is_own_case)."""
        actor = self._actor
        if actor is None:
            return []
        try:
            role = Role(actor.role)
        except ValueError:
            return []
        own = lc.detail.registered_by == actor.name or actor.name in lc.handlers
        legal = [a for a in lc.allowed_actions if allowed(role, ACTION_PERMISSION[a], own_case=own)]
        latest = lc.agreements[-1] if lc.agreements else None
        if latest is None or latest.oral or latest.effective_on is None:  # only a signed, locked agreement
            legal = [a for a in legal if a is not Action.SUPPLEMENT]
        order = {a: i for i, a in enumerate(PRIMARY_ORDER)}
        return sorted(legal, key=lambda a: (order.get(a, len(order)), list(Action).index(a)))

    def _set_actions(self, lc: CaseLifecycle) -> None:
        offered = self.offered_actions(lc)
        self._actions_host.setVisible(bool(offered))
        primary = [a for a in offered if a in PRIMARY_ORDER]
        for i, action in enumerate(offered):
            button = QPushButton(action_label(action))
            button.setObjectName(f"action-{action.value}")
            button.setMinimumHeight(30)
            if action in primary[:1]:
                button.setIcon(qta.icon("fa5s.arrow-right", color="white"))
                button.setStyleSheet(
                    "QPushButton { background:#1a73e8; color:white; border-radius:4px; padding:4px 10px; font-weight:bold; }"
                )
            button.clicked.connect(lambda _checked=False, a=action: self.open_action(a))
            self._actions.addWidget(button, i // 3, i % 3)
            self.action_buttons[action] = button

    def open_action(self, action: Action) -> ActionDialog | None:
        lc, actor = self.lifecycle, self._actor
        if lc is None or actor is None:
            return None
        dialog = ActionDialog(self._store, self._tasks, actor, lc, action, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.performed.connect(self._performed)
        self.action_dialog = dialog
        dialog.open()
        return dialog

    def _performed(self, done: object) -> None:
        lc = self.lifecycle
        if lc is None:
            return
        self._request += 1
        request = self._request
        store, local_no = self._store, lc.detail.row.local_no

        def shown(new: CaseLifecycle) -> None:
            if request == self._request:
                self.set_lifecycle(new)
            self.action_done.emit(done)

        self._tasks.run(lambda: case_queries.case_lifecycle(store, local_no), shown, self._failed, owner=self)

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
                basics += ("　" if basics else "") + self.tr("出生 %s") % format_date(p.birth_date)
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
        reveal = self._reveal_links(p)
        if reveal is not None:
            layout.addWidget(reveal)
        return card

    def _reveal_links(self, p: PartyRecord) -> QLabel | None:
        """显示完整身份证号 / 电话 for a party who is a person, when the user may (a reason is asked for)."""
        if p.person_id is None or self._actor is None or not allowed(Role(self._actor.role), Perm.REVEAL):
            return None
        links = [f"<a href='{field}'>{text}</a>" for field, text, masked in (
            ("id_number", self.tr("显示完整身份证号"), p.id_number_masked), ("phone", self.tr("显示完整电话"), p.phone_masked),
        ) if masked]  # fmt: skip
        if not links:
            return None
        label = QLabel("　".join(links))
        label.setStyleSheet("background:transparent;")
        label.linkActivated.connect(lambda field: self.open_reveal(p, field))
        return label

    def open_reveal(self, p: PartyRecord, field: str) -> QDialog | None:
        if p.person_id is None or self._actor is None:
            return None
        person = PersonRow(p.person_id, p.name, p.gender, p.id_number_masked, p.phone_masked, "", p.address, 0)
        dialog = RevealDialog(self._store, self._tasks, self._actor, person, field, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _milestone(at: dt.datetime | None, maybe_date: bool = False) -> str:
    if at is None:
        return "—"
    if maybe_date and at.time() == dt.time():
        return format_date(at.date())  # "discovered" falls back to the date it happened: no time of day
    return format_datetime(china_time(at))


def _clear(layout: QVBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.deleteLater()


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
