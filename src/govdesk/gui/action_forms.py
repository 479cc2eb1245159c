"""The fields of every lifecycle action's dialog: ONE data-driven table, following README "Lifecycle actions".

Each action maps to a tuple of ``Field``. The dialog (action_dialog.py) builds one widget per field by its
``kind`` and turns the widgets back into the JSON dict that ``services.lifecycle.perform`` reads; the field
``key`` is the JSON key, so a ``ValidationError(field=key)`` from the service lands next to its widget.

Kinds: ``text`` (one line), ``multiline``, ``names`` (a list of names, separated by 、or ，), ``date``,
``datetime`` (China time), ``choice`` (``options``: value → Chinese label), ``number`` (an integer), ``bool``,
``obligations`` (the agreement's obligations table), ``performance`` (one performance status per obligation of
the current agreement), ``party`` (pick one of the case's parties), ``event`` (pick a timeline entry).

Every label, hint and option is marked with ``QT_TRANSLATE_NOOP("ActionForm", …)`` for lupdate; the dialog
translates it when it builds the widget (``form_text``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication

from govdesk.domain.action_input import CHANNELS, SATISFACTION, SIGN_METHODS, SIGNERS
from govdesk.domain.lifecycle import Action
from govdesk.domain.translatable import QT_TRANSLATE_NOOP

# Defaults that depend on the case: filled by the dialog from its CaseLifecycle.
TODAY = "@today"  # today's China date
NOW = "@now"  # the current China time
HANDLERS = "@handlers"  # the case's handlers (mediators)
ACTOR = "@actor"  # the signed-in user's name
SUGGESTED_DEPARTMENT = "@department"  # the lead department from the responsibility list, if it knows one


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    kind: str = "text"
    required: bool = False
    options: dict[str, str] = field(default_factory=dict)
    default: object = None
    hint: str = ""
    # Only shown when another field has one of these values: (key, values).
    when: tuple[str, tuple[str, ...]] | None = None


F = Field
APPLICATION = {
    "written": QT_TRANSLATE_NOOP("ActionForm", "书面申请"),
    "oral": QT_TRANSLATE_NOOP("ActionForm", "口头申请"),
    "initiative": QT_TRANSLATE_NOOP("ActionForm", "主动调解"),
}
RISK_LEVELS = {
    "auto": QT_TRANSLATE_NOOP("ActionForm", "按规则自动评定"),
    "red": QT_TRANSLATE_NOOP("ActionForm", "红色"),
    "yellow": QT_TRANSLATE_NOOP("ActionForm", "黄色"),
    "green": QT_TRANSLATE_NOOP("ActionForm", "绿色"),
}
CONFIRMATION = {
    "confirmed": QT_TRANSLATE_NOOP("ActionForm", "确认有效"),
    "rejected": QT_TRANSLATE_NOOP("ActionForm", "驳回申请"),
}
PERFORMANCE_OPTIONS = {
    "": QT_TRANSLATE_NOOP("ActionForm", "（不变）"),
    "performed": QT_TRANSLATE_NOOP("ActionForm", "已履行"),
    "partly": QT_TRANSLATE_NOOP("ActionForm", "部分履行"),
    "not": QT_TRANSLATE_NOOP("ActionForm", "未履行"),
}

ACTION_FIELDS: dict[Action, tuple[Field, ...]] = {
    Action.ACCEPT: (
        F("mediators", QT_TRANSLATE_NOOP("ActionForm", "调解员"), "names", required=True, default=HANDLERS, hint=QT_TRANSLATE_NOOP("ActionForm", "多位调解员用“、”隔开")),
        F("application", QT_TRANSLATE_NOOP("ActionForm", "申请方式"), "choice", options=APPLICATION, default="written"),
        F("rights_notified", QT_TRANSLATE_NOOP("ActionForm", "已告知当事人权利义务"), "bool", default=True),
        F("note", QT_TRANSLATE_NOOP("ActionForm", "备注"), "multiline"),
    ),
    Action.REFUSE: (
        F("reason", QT_TRANSLATE_NOOP("ActionForm", "不予受理的理由"), "multiline", required=True),
        F("party_refused", QT_TRANSLATE_NOOP("ActionForm", "当事人明确拒绝调解"), "bool", default=False),
    ),
    Action.ASSIGN: (F("handlers", QT_TRANSLATE_NOOP("ActionForm", "承办人"), "names", required=True, default=HANDLERS, hint=QT_TRANSLATE_NOOP("ActionForm", "多人用“、”隔开")),),
    Action.INVESTIGATE: (
        F("content", QT_TRANSLATE_NOOP("ActionForm", "调查内容"), "multiline", required=True),
        F("time", QT_TRANSLATE_NOOP("ActionForm", "调查时间"), "datetime", default=NOW),
        F("place", QT_TRANSLATE_NOOP("ActionForm", "调查地点")),
        F("person", QT_TRANSLATE_NOOP("ActionForm", "被调查人")),
        F("participants", QT_TRANSLATE_NOOP("ActionForm", "参加人"), "names"),
        F("recorder", QT_TRANSLATE_NOOP("ActionForm", "记录人"), default=ACTOR),
    ),
    Action.MEDIATE: (
        F("content", QT_TRANSLATE_NOOP("ActionForm", "调解过程"), "multiline", required=True),
        F("time", QT_TRANSLATE_NOOP("ActionForm", "调解时间"), "datetime", default=NOW),
        F("place", QT_TRANSLATE_NOOP("ActionForm", "调解地点")),
        F("mediators", QT_TRANSLATE_NOOP("ActionForm", "调解员"), "names", default=HANDLERS),
        F("attendees", QT_TRANSLATE_NOOP("ActionForm", "到场人员"), "names"),
        F("outcome", QT_TRANSLATE_NOOP("ActionForm", "调解结果"), "multiline"),
        F("recorder", QT_TRANSLATE_NOOP("ActionForm", "记录人"), default=ACTOR),
    ),
    Action.AGREE: (
        F("matters", QT_TRANSLATE_NOOP("ActionForm", "争议事项"), "multiline", required=True),
        F("responsibilities", QT_TRANSLATE_NOOP("ActionForm", "各方责任"), "multiline"),
        F("facts", QT_TRANSLATE_NOOP("ActionForm", "纠纷主要事实"), "multiline", hint=QT_TRANSLATE_NOOP("ActionForm", "不填则用登记时的事实经过")),
        F("obligations", QT_TRANSLATE_NOOP("ActionForm", "履行事项"), "obligations", required=True),
        F("made_on", QT_TRANSLATE_NOOP("ActionForm", "协议日期"), "date", default=TODAY),
        F("copies", QT_TRANSLATE_NOOP("ActionForm", "协议份数"), "number", hint=QT_TRANSLATE_NOOP("ActionForm", "不填则为当事人数加一")),
    ),
    Action.AGREE_ORAL: (
        F("content", QT_TRANSLATE_NOOP("ActionForm", "口头协议内容"), "multiline", required=True),
        F("obligations", QT_TRANSLATE_NOOP("ActionForm", "履行事项"), "obligations"),
        F("made_on", QT_TRANSLATE_NOOP("ActionForm", "协议日期"), "date", default=TODAY),
    ),
    Action.FAIL: (
        F("reason", QT_TRANSLATE_NOOP("ActionForm", "调解不成的原因"), "multiline", required=True),
        F("channels", QT_TRANSLATE_NOOP("ActionForm", "已告知的其他途径"), "checks", required=True, options=CHANNELS),
        F("notified_on", QT_TRANSLATE_NOOP("ActionForm", "告知日期"), "date", default=TODAY),
    ),
    Action.SIGN: (
        F("signer", QT_TRANSLATE_NOOP("ActionForm", "签署人类别"), "choice", options=SIGNERS, default="party"),
        F("party", QT_TRANSLATE_NOOP("ActionForm", "当事人"), "party", when=("signer", ("party",))),
        F("name", QT_TRANSLATE_NOOP("ActionForm", "签署人姓名"), default=HANDLERS, when=("signer", ("mediator", "recorder"))),
        F("method", QT_TRANSLATE_NOOP("ActionForm", "签署方式"), "choice", options=SIGN_METHODS, default="paper"),
        F("at", QT_TRANSLATE_NOOP("ActionForm", "签署时间"), "datetime", default=NOW),
    ),
    Action.SEAL: (),
    Action.APPLY_CONFIRMATION: (
        F("court", QT_TRANSLATE_NOOP("ActionForm", "受理法院"), required=True, hint=QT_TRANSLATE_NOOP("ActionForm", "例如：某某县人民法院")),
        F("applied_on", QT_TRANSLATE_NOOP("ActionForm", "申请日期"), "date", default=TODAY),
    ),
    Action.CONFIRMATION_RESULT: (
        F("result", QT_TRANSLATE_NOOP("ActionForm", "确认结果"), "choice", options=CONFIRMATION, default="confirmed"),
        F("on", QT_TRANSLATE_NOOP("ActionForm", "裁定日期"), "date", default=TODAY),
        F("case_no", QT_TRANSLATE_NOOP("ActionForm", "法院案号")),
    ),
    Action.FOLLOW_UP: (
        F("performance", QT_TRANSLATE_NOOP("ActionForm", "履行情况"), "performance"),
        F("satisfaction", QT_TRANSLATE_NOOP("ActionForm", "满意度"), "choice", options=SATISFACTION, default="satisfied"),
        F("visited", QT_TRANSLATE_NOOP("ActionForm", "回访对象")),
        F("lawsuit", QT_TRANSLATE_NOOP("ActionForm", "是否起诉及结果")),
        F("escalation_signs", QT_TRANSLATE_NOOP("ActionForm", "有无激化苗头")),
        F("measures", QT_TRANSLATE_NOOP("ActionForm", "采取的措施"), "multiline"),
        F("note", QT_TRANSLATE_NOOP("ActionForm", "备注"), "multiline"),
    ),
    Action.SUPPLEMENT: (
        F("matters", QT_TRANSLATE_NOOP("ActionForm", "补充或变更的事项"), "multiline", required=True, hint=QT_TRANSLATE_NOOP("ActionForm", "例如：原协议第二项的履行期限延长至2027年1月31日")),
        F("obligations", QT_TRANSLATE_NOOP("ActionForm", "履行事项"), "obligations", required=True),
        F("responsibilities", QT_TRANSLATE_NOOP("ActionForm", "各方责任"), "multiline", hint=QT_TRANSLATE_NOOP("ActionForm", "不填则沿用原协议")),
        F("facts", QT_TRANSLATE_NOOP("ActionForm", "纠纷主要事实"), "multiline", hint=QT_TRANSLATE_NOOP("ActionForm", "不填则沿用原协议")),
        F("made_on", QT_TRANSLATE_NOOP("ActionForm", "协议日期"), "date", default=TODAY),
        F("copies", QT_TRANSLATE_NOOP("ActionForm", "协议份数"), "number", hint=QT_TRANSLATE_NOOP("ActionForm", "不填则与原协议相同")),
    ),
    Action.REFER: (
        F("department", QT_TRANSLATE_NOOP("ActionForm", "承办部门"), required=True, default=SUGGESTED_DEPARTMENT, hint=QT_TRANSLATE_NOOP("ActionForm", "按职责清单建议，可修改")),
        F("cooperating", QT_TRANSLATE_NOOP("ActionForm", "配合部门"), "names", default="@cooperating"),
        F("note", QT_TRANSLATE_NOOP("ActionForm", "交办要求"), "multiline"),
    ),
    Action.DEPT_RECEIVE: (F("by", QT_TRANSLATE_NOOP("ActionForm", "签收人"), hint=QT_TRANSLATE_NOOP("ActionForm", "不填则记为当前用户")),),
    Action.DEPT_REPORT: (F("report", QT_TRANSLATE_NOOP("ActionForm", "办理情况"), "multiline", required=True),),
    Action.CONFIRM_RESULT: (F("note", QT_TRANSLATE_NOOP("ActionForm", "确认意见"), "multiline"),),
    Action.SEND_BACK: (F("reason", QT_TRANSLATE_NOOP("ActionForm", "退回原因"), "multiline", required=True),),
    Action.HANDLE: (F("result", QT_TRANSLATE_NOOP("ActionForm", "办理结果"), "multiline", required=True),),
    Action.RESOLVE_ON_SPOT: (F("note", QT_TRANSLATE_NOOP("ActionForm", "处置情况"), "multiline", required=True),),
    Action.ESCALATE: (
        F("reason", QT_TRANSLATE_NOOP("ActionForm", "上报原因"), "multiline", required=True),
        F("to", QT_TRANSLATE_NOOP("ActionForm", "上报对象"), hint=QT_TRANSLATE_NOOP("ActionForm", "不填则为县综治中心")),
        F("group_petition", QT_TRANSLATE_NOOP("ActionForm", "涉及群体性上访"), "bool", default=False),
    ),
    Action.INSTRUCT: (
        F("content", QT_TRANSLATE_NOOP("ActionForm", "督办要求"), "multiline", required=True),
        F("from", QT_TRANSLATE_NOOP("ActionForm", "督办单位"), hint=QT_TRANSLATE_NOOP("ActionForm", "不填则为县综治中心")),
        F("due_on", QT_TRANSLATE_NOOP("ActionForm", "督办期限"), "date"),
    ),
    Action.FEEDBACK: (
        F("content", QT_TRANSLATE_NOOP("ActionForm", "反馈内容"), "multiline", required=True),
        F("to", QT_TRANSLATE_NOOP("ActionForm", "反馈对象")),
        F("satisfaction", QT_TRANSLATE_NOOP("ActionForm", "群众满意度"), "choice", options=SATISFACTION, default="satisfied"),
        F("confirmed", QT_TRANSLATE_NOOP("ActionForm", "群众已确认"), "bool", default=True),
    ),
    Action.CLOSE: (F("note", QT_TRANSLATE_NOOP("ActionForm", "备注"), "multiline"),),
    Action.ARCHIVE: (F("note", QT_TRANSLATE_NOOP("ActionForm", "备注"), "multiline"),),
    Action.WITHDRAW: (F("reason", QT_TRANSLATE_NOOP("ActionForm", "撤回原因"), "multiline", required=True),),
    Action.SET_RISK: (
        F("level", QT_TRANSLATE_NOOP("ActionForm", "风险等级"), "choice", options=RISK_LEVELS, default="auto"),
        F("reason", QT_TRANSLATE_NOOP("ActionForm", "调整理由"), "multiline", hint=QT_TRANSLATE_NOOP("ActionForm", "按规则自动评定时可不填")),
    ),
    Action.REPORT_POLICE: (
        F("police_station", QT_TRANSLATE_NOOP("ActionForm", "报告的公安机关"), required=True, hint=QT_TRANSLATE_NOOP("ActionForm", "例如：某某派出所")),
        F("reason", QT_TRANSLATE_NOOP("ActionForm", "可能激化的情形"), "multiline", required=True),
        F("measures", QT_TRANSLATE_NOOP("ActionForm", "已采取的预防措施"), "multiline"),
    ),
    Action.CORRECT: (
        F("event", QT_TRANSLATE_NOOP("ActionForm", "要更正的记录"), "event", required=True),
        F("content", QT_TRANSLATE_NOOP("ActionForm", "更正后的内容"), "multiline", required=True),
        F("reason", QT_TRANSLATE_NOOP("ActionForm", "更正原因"), required=True),
    ),
}  # fmt: skip

# One-line explanations shown at the top of a dialog (what the action does, in the staff's words).
ACTION_HINTS: dict[Action, str] = {
    Action.ACCEPT: QT_TRANSLATE_NOOP("ActionForm", "受理后开始计算调解期限（一个月）。"),
    Action.AGREE: QT_TRANSLATE_NOOP("ActionForm", "保存后还需各方当事人、调解员签名并加盖调委会印章，协议才生效。"),
    Action.SEAL: QT_TRANSLATE_NOOP("ActionForm", "加盖人民调解委员会印章。各方签名齐全并盖章后，协议生效并锁定，不能再修改。"),
    Action.SUPPLEMENT: QT_TRANSLATE_NOOP("ActionForm", "已生效的协议不能修改，变更或补充以补充协议办理：原协议及其日期不变，补充协议另行编号，保存后同样需要各方当事人、调解员签名并加盖调委会印章才生效。"),
    Action.CLOSE: QT_TRANSLATE_NOOP("ActionForm", "结案前会检查卷宗是否齐全（受理、调解记录、协议签名、回访）。"),
    Action.ARCHIVE: QT_TRANSLATE_NOOP("ActionForm", "归档后事项不能再办理。"),
    Action.CORRECT: QT_TRANSLATE_NOOP("ActionForm", "记录不能修改；更正会作为一条新记录追加在时间线上。"),
}  # fmt: skip

# Kinds whose value counts as "filled in" only when not empty; used for required-field marks.
LIST_KINDS = {"names", "obligations", "checks", "performance"}

# Actions that destroy nothing and need no form shown as primary buttons first, in this order.
PRIMARY_ORDER = (
    Action.ACCEPT, Action.MEDIATE, Action.AGREE, Action.SIGN, Action.SEAL, Action.FOLLOW_UP, Action.CLOSE,
    Action.ARCHIVE, Action.REFER, Action.DEPT_RECEIVE, Action.DEPT_REPORT, Action.CONFIRM_RESULT, Action.HANDLE,
    Action.RESOLVE_ON_SPOT, Action.FEEDBACK,
)  # fmt: skip


def fields_for(action: Action) -> tuple[Field, ...]:
    return ACTION_FIELDS.get(action, (F("note", QT_TRANSLATE_NOOP("ActionForm", "备注"), "multiline"),))


def form_text(text: str) -> str:
    """A label, hint or option of the table above in the UI language."""
    return QCoreApplication.translate("ActionForm", text)
