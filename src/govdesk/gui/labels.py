"""Chinese labels for the domain enums, routed through Qt's translator so an English .qm can follow.

The domain carries its own Chinese labels (used by the CLI and documents); the GUI repeats them here as
string literals because lupdate can only extract literals.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from govdesk.domain.codes import Channel, Kind, PartyRole, Risk, Status


def _t(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


# Each function below lists its enum's labels as literals (for lupdate) and falls back to the domain's
# own label, so a value added to the domain shows correctly before the GUI lists it.


def kind_label(kind: Kind) -> str:
    return {
        Kind.DISPUTE: _t("Kind", "矛盾纠纷"),
        Kind.COMPLAINT: _t("Kind", "投诉"),
        Kind.SUGGESTION: _t("Kind", "建议"),
        Kind.HELP: _t("Kind", "求助"),
        Kind.CONSULTATION: _t("Kind", "法律咨询"),
        Kind.GRID_EVENT: _t("Kind", "网格事件"),
    }.get(kind) or _t("Kind", kind.label)


def channel_label(channel: Channel) -> str:
    return {
        Channel.WALK_IN: _t("Channel", "当事人申请"),
        Channel.INITIATIVE: _t("Channel", "主动调解"),
        Channel.GRID_OFFICER: _t("Channel", "网格员上报"),
        Channel.HOTLINE_12345: _t("Channel", "12345热线转办"),
        Channel.REFERRAL: _t("Channel", "部门移送"),
        Channel.ONLINE: _t("Channel", "扫码/网上反映"),
    }.get(channel) or _t("Channel", channel.label)


def role_label(role: PartyRole) -> str:
    return {
        PartyRole.APPLICANT: _t("PartyRole", "申请人"),
        PartyRole.RESPONDENT: _t("PartyRole", "被申请人"),
        PartyRole.THIRD_PARTY: _t("PartyRole", "第三人"),
    }.get(role) or _t("PartyRole", role.label)


def risk_label(risk: Risk) -> str:
    return {
        Risk.RED: _t("Risk", "红色"),
        Risk.YELLOW: _t("Risk", "黄色"),
        Risk.GREEN: _t("Risk", "绿色"),
    }.get(risk) or _t("Risk", risk.label)


def status_label(status: Status) -> str:
    return {
        Status.REGISTERED: _t("Status", "已登记"),
        Status.ACCEPTED: _t("Status", "已受理"),
        Status.REFUSED: _t("Status", "不予受理"),
        Status.MEDIATING: _t("Status", "调解中"),
        Status.AGREED: _t("Status", "达成协议"),
        Status.FAILED: _t("Status", "调解终止"),
        Status.ASSIGNED: _t("Status", "已分派"),
        Status.REFERRED: _t("Status", "已交办"),
        Status.HANDLED: _t("Status", "已办理"),
        Status.FED_BACK: _t("Status", "已反馈"),
        Status.CLOSED: _t("Status", "已办结"),
        Status.ARCHIVED: _t("Status", "已归档"),
        Status.WITHDRAWN: _t("Status", "已撤回"),
    }.get(status) or _t("Status", status.label)


def data_label(context: str, text: str) -> str:
    """Code-table names (categories, ethnic groups) are data; a translation file may still cover them."""
    return _t(context, text)


# Muted traffic-light colours: readable on white, and distinguishable from each other in greyscale print.
RISK_COLOURS = {Risk.RED: "#d93025", Risk.YELLOW: "#f2a600", Risk.GREEN: "#1e8e3e"}

_dot_cache: dict[tuple[Risk, int], QIcon] = {}


def risk_dot(risk: Risk, size: int = 12) -> QIcon:
    """A filled circle in the risk colour (cached: the list asks for it on every repaint)."""
    key = (risk, size)
    if key not in _dot_cache:
        pixmap = QPixmap(size * 2, size * 2)  # drawn at 2x so it stays round on high-DPI screens
        pixmap.setDevicePixelRatio(2.0)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(RISK_COLOURS[risk]))
        painter.drawEllipse(1, 1, size - 2, size - 2)
        painter.end()
        _dot_cache[key] = QIcon(pixmap)
    return _dot_cache[key]


def risk_badge_style(risk: Risk) -> str:
    """Style sheet of a small rounded badge in the risk colour (detail pane, duplicate hints)."""
    text = "#3b2a00" if risk is Risk.YELLOW else "white"
    return f"background:{RISK_COLOURS[risk]}; color:{text}; border-radius:4px; padding:2px 8px; font-weight:bold;"
