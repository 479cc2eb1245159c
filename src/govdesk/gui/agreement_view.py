"""Agreements and referrals in the detail pane: obligations with their performance, signatures, who still has
to sign, when it took effect and the last day to apply for judicial confirmation; a referral's department,
deadlines, report and how often it was sent back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout

from govdesk.domain.action_input import PERFORMANCE, SIGN_METHODS, SIGNERS
from govdesk.domain.clock import china_time, china_today
from govdesk.store.records import AgreementRecord, ReferralRecord

from .action_forms import form_text
from .labels import translate
from .locale_format import format_date, format_datetime, format_number

CONFIRMATION_WARN_DAYS = 7
_CARD = "QFrame#lcCard { background:#f6f8fb; border:1px solid #dde3ea; border-radius:6px; }"
_WARN = "color:#d93025; font-weight:bold;"


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _label(html: str, style: str = "") -> QLabel:
    label = QLabel(html)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setStyleSheet("background:transparent;" + style)
    return label


def _card() -> tuple[QFrame, QVBoxLayout]:
    card = QFrame()
    card.setObjectName("lcCard")
    card.setStyleSheet(_CARD)
    layout = QVBoxLayout(card)
    layout.setContentsMargins(10, 8, 10, 8)
    layout.setSpacing(3)
    return card, layout


def confirmation_warning(a: AgreementRecord) -> str:
    """'Apply for judicial confirmation by …' with a warning when 7 days or fewer are left."""
    if a.oral or a.confirmation_last_day is None or a.confirmation_applied_on is not None:
        return ""
    left = (a.confirmation_last_day - china_today()).days
    last_day = format_date(a.confirmation_last_day)
    if left < 0:
        return translate("AgreementCard", "申请司法确认的期限已过（%1）").replace("%1", last_day)
    if left <= CONFIRMATION_WARN_DAYS:
        return (
            translate("AgreementCard", "⚠ 申请司法确认只剩 %1 天（最后一天 %2）")
            .replace("%1", str(left)).replace("%2", last_day)
        )  # fmt: skip
    return ""


class AgreementCard(QFrame):
    def __init__(self, a: AgreementRecord) -> None:
        super().__init__()
        self.setObjectName("lcCard")
        self.setStyleSheet(_CARD)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(3)
        kind = self.tr("口头协议") if a.oral else self.tr("补充协议") if a.supplements_id else self.tr("书面调解协议")
        state = ""
        if not a.oral:
            state = (
                "<span style='color:#1e8e3e'>"
                + self.tr("已生效（%1），已锁定").replace("%1", format_date(a.effective_on))
                + "</span>"
                if a.effective_on
                else "<span style='color:#b06000'>" + self.tr("尚未生效") + "</span>"
            )
        layout.addWidget(_label(f"<b>{kind}</b>　{format_date(a.made_on)}　{state}"))
        if a.matters:
            caption = self.tr("内容：") if a.oral else self.tr("争议事项：")
            layout.addWidget(_label(f"<span style='color:#5f6368'>{caption}</span>{_html(a.matters)}"))
        self.obligations: QLabel | None = None
        if a.obligations:
            # An HTML table in a label: it wraps in the narrow pane instead of scrolling sideways.
            rows = []
            for ob in a.obligations:
                extra = self.tr("，").join(x for x in (
                    self.tr("%1 元").replace("%1", format_number(ob.amount_cents / 100, 2))
                    if ob.amount_cents is not None else "",
                    self.tr("%1 前").replace("%1", format_date(ob.due_on)) if ob.due_on else "", ob.method, ob.place,
                ) if x)  # fmt: skip
                performance = form_text(PERFORMANCE.get(ob.performance, ob.performance))
                colour = {"performed": "#1e8e3e", "partly": "#b06000", "not": "#d93025"}.get(ob.performance, "#5f6368")
                extra_html = f"<br><span style='color:#5f6368'>{_html(extra)}</span>" if extra else ""
                obligee = " → " + _html(ob.obligee) if ob.obligee else ""
                rows.append(
                    f"<tr><td style='padding:2px 6px 2px 0'>{ob.position}.</td>"
                    f"<td style='padding:2px 6px 2px 0'>{_html(ob.obligor)}{obligee}：{_html(ob.content)}{extra_html}</td>"
                    f"<td style='padding:2px 0; color:{colour}; white-space:nowrap'>{performance}</td></tr>"
                )
            self.obligations = _label(
                f"<span style='color:#5f6368'>{self.tr('履行事项：')}</span><table width='100%' cellspacing='0'>"
                + "".join(rows)
                + "</table>"
            )
            layout.addWidget(self.obligations)
        if not a.oral:
            seal = self.tr("印章")
            signed = self.tr("、").join(
                self.tr("%1（%2，%3）").replace("%1", s.name)
                .replace("%2", form_text(SIGNERS.get(s.signer, seal)) if s.signer != "seal" else seal)
                .replace("%3", form_text(SIGN_METHODS.get(s.method, s.method)))
                for s in a.signatures
            )  # fmt: skip
            layout.addWidget(
                _label(f"<span style='color:#5f6368'>{self.tr('已签署：')}</span>{_html(signed) or self.tr('无')}")
            )
            self.missing = None
            if a.missing_signers:
                self.missing = _label(self.tr("还需签署：") + _html("、".join(a.missing_signers)), _WARN)
                layout.addWidget(self.missing)
        if a.confirmation_last_day and not a.oral:
            line = self.tr("申请司法确认的最后一天：%1").replace("%1", format_date(a.confirmation_last_day))
            if a.confirmation_applied_on:
                line += "　" + (
                    self.tr("已于 %1 向%2申请")
                    .replace("%1", format_date(a.confirmation_applied_on)).replace("%2", _html(a.confirmation_court))
                )  # fmt: skip
                if a.confirmation_result:
                    line += self.tr("，") + (
                        self.tr("已确认有效") if a.confirmation_result == "confirmed" else self.tr("申请被驳回")
                    )
            layout.addWidget(_label(line))
        warning = confirmation_warning(a)
        self.warning = _label(warning, _WARN) if warning else None
        if self.warning is not None:
            layout.addWidget(self.warning)


def _time(value) -> str:  # type: ignore[no-untyped-def]
    return format_datetime(china_time(value)) if value else ""


class ReferralCard(QFrame):
    def __init__(self, r: ReferralRecord) -> None:
        super().__init__()
        self.setObjectName("lcCard")
        self.setStyleSheet(_CARD)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(3)
        today = china_today()
        head = f"<b>{_html(r.department)}</b>"
        grey = "<span style='color:#5f6368'>%s</span>"
        if r.cooperating:
            head += "　" + grey % (self.tr("配合：") + _html("、".join(r.cooperating)))
        if not r.active:
            head += "　<span style='color:#80868b'>" + self.tr("（已结束）") + "</span>"
        layout.addWidget(_label(head))
        layout.addWidget(_label(grey % self.tr("交办：") + _time(r.referred_at)))
        received = self.tr("已签收 %1").replace("%1", _time(r.received_at)) if r.received_at else self.tr("未签收")
        late = r.received_at is None and r.active and r.receive_due < today
        layout.addWidget(
            _label(grey % self.tr("签收期限：") + f"{format_date(r.receive_due)}　{received}", _WARN if late else "")
        )
        reported = self.tr("已报结 %1").replace("%1", _time(r.reported_at)) if r.reported_at else self.tr("未报结")
        late = r.reported_at is None and r.active and r.handle_due < today
        layout.addWidget(
            _label(grey % self.tr("办理期限：") + f"{format_date(r.handle_due)}　{reported}", _WARN if late else "")
        )
        if r.report:
            layout.addWidget(_label(grey % self.tr("办理情况：") + _html(r.report)))
        if r.confirmed_at:
            layout.addWidget(_label(grey % self.tr("中心确认：") + _time(r.confirmed_at)))
        if r.sent_back_count:
            layout.addWidget(
                _label(self.tr("退回重办 %1 次").replace("%1", str(r.sent_back_count)), "color:#b06000;")
            )
