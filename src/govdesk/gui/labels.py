"""Chinese labels for the domain enums, routed through Qt's translator so an English .qm can follow.

The domain carries its own Chinese labels (used by the CLI and documents); the GUI repeats them here as
string literals because lupdate can only extract literals. (The lifecycle actions are marked in the domain
itself, with a no-op ``QT_TRANSLATE_NOOP``.)
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from govdesk.domain.codes import Channel, Kind, PartyRole, Risk, Status
from govdesk.domain.lifecycle import Action
from govdesk.domain.translatable import QT_TRANSLATE_NOOP


def translate(context: str, text: str) -> str:
    """QCoreApplication.translate; lupdate reads calls of this name with literal arguments."""
    return QCoreApplication.translate(context, text)


def tr(text: str) -> str:
    """A module-level tr() for code outside a QObject: context "", which is what lupdate gives a bare tr() call
    (see scripts/update-translations)."""
    return QCoreApplication.translate("", text)


# Each function below lists its enum's labels as literals (for lupdate) and falls back to the domain's
# own label, so a value added to the domain shows correctly before the GUI lists it.


def kind_label(kind: Kind) -> str:
    return {
        Kind.DISPUTE: translate("Kind", "矛盾纠纷"),
        Kind.COMPLAINT: translate("Kind", "投诉"),
        Kind.SUGGESTION: translate("Kind", "建议"),
        Kind.HELP: translate("Kind", "求助"),
        Kind.CONSULTATION: translate("Kind", "法律咨询"),
        Kind.GRID_EVENT: translate("Kind", "网格事件"),
    }.get(kind) or translate("Kind", kind.label)


def channel_label(channel: Channel) -> str:
    return {
        Channel.WALK_IN: translate("Channel", "当事人申请"),
        Channel.INITIATIVE: translate("Channel", "主动调解"),
        Channel.GRID_OFFICER: translate("Channel", "网格员上报"),
        Channel.HOTLINE_12345: translate("Channel", "12345热线转办"),
        Channel.REFERRAL: translate("Channel", "部门移送"),
        Channel.ONLINE: translate("Channel", "扫码/网上反映"),
    }.get(channel) or translate("Channel", channel.label)


def role_label(role: PartyRole) -> str:
    return {
        PartyRole.APPLICANT: translate("PartyRole", "申请人"),
        PartyRole.RESPONDENT: translate("PartyRole", "被申请人"),
        PartyRole.THIRD_PARTY: translate("PartyRole", "第三人"),
    }.get(role) or translate("PartyRole", role.label)


def risk_label(risk: Risk) -> str:
    return {
        Risk.RED: translate("Risk", "红色"),
        Risk.YELLOW: translate("Risk", "黄色"),
        Risk.GREEN: translate("Risk", "绿色"),
    }.get(risk) or translate("Risk", risk.label)


def status_label(status: Status) -> str:
    return {
        Status.REGISTERED: translate("Status", "已登记"),
        Status.ACCEPTED: translate("Status", "已受理"),
        Status.REFUSED: translate("Status", "不予受理"),
        Status.MEDIATING: translate("Status", "调解中"),
        Status.AGREED: translate("Status", "达成协议"),
        Status.FAILED: translate("Status", "调解终止"),
        Status.ASSIGNED: translate("Status", "已分派"),
        Status.REFERRED: translate("Status", "已交办"),
        Status.HANDLED: translate("Status", "已办理"),
        Status.FED_BACK: translate("Status", "已反馈"),
        Status.CLOSED: translate("Status", "已办结"),
        Status.ARCHIVED: translate("Status", "已归档"),
        Status.WITHDRAWN: translate("Status", "已撤回"),
    }.get(status) or translate("Status", status.label)


def action_label(action: Action) -> str:
    """A lifecycle action's name (domain.lifecycle.ACTION_LABELS, marked there for lupdate)."""
    return translate("Action", action.label)


def action_label_text(label: str) -> str:
    """The same for a label already looked up (a timeline entry's ``action_label``)."""
    return translate("Action", label)


def data_label(context: str, text: str) -> str:
    """Code-table names (categories, ethnic groups) are data; a translation file may still cover them."""
    return translate(context, text)


# The dispute categories of resources/data/categories.json as literals, so lupdate extracts them (context
# "Category") and an English .qm can name them; a category the county adds later shows in Chinese.
STANDARD_CATEGORIES = (
    QT_TRANSLATE_NOOP("Category", "婚姻家庭"), QT_TRANSLATE_NOOP("Category", "邻里"),
    QT_TRANSLATE_NOOP("Category", "房屋宅基地"), QT_TRANSLATE_NOOP("Category", "合同"),
    QT_TRANSLATE_NOOP("Category", "生产经营"), QT_TRANSLATE_NOOP("Category", "损害赔偿"),
    QT_TRANSLATE_NOOP("Category", "山林土地"), QT_TRANSLATE_NOOP("Category", "征地拆迁"),
    QT_TRANSLATE_NOOP("Category", "环境污染"), QT_TRANSLATE_NOOP("Category", "劳动争议"),
    QT_TRANSLATE_NOOP("Category", "消费"), QT_TRANSLATE_NOOP("Category", "医疗"),
    QT_TRANSLATE_NOOP("Category", "道路交通事故"), QT_TRANSLATE_NOOP("Category", "物业"),
    QT_TRANSLATE_NOOP("Category", "其他"),
)  # fmt: skip


def category_label(name: str | None) -> str:
    return data_label("Category", name) if name else ""


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
