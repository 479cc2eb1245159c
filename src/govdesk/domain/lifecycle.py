"""The case state machine: which lifecycle action is legal in which state, and where it leads.

Disputes follow the People's Mediation Law (accept/refuse → mediate → written or oral agreement, or
failure → close → archive). Other matters follow the simpler path registered → assigned or referred to a
department → handled → fed back → closed. Some actions (records, risk, escalation) keep the status.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from govdesk.domain.codes import Kind, Status
from govdesk.domain.errors import IllegalTransition
from govdesk.domain.translatable import QT_TRANSLATE_NOOP


class Action(enum.StrEnum):
    ACCEPT = "accept"
    REFUSE = "refuse"
    ASSIGN = "assign"
    INVESTIGATE = "investigate"
    MEDIATE = "mediate"
    AGREE = "agree"
    AGREE_ORAL = "agree-oral"
    FAIL = "fail"
    SIGN = "sign"
    SEAL = "seal"
    APPLY_CONFIRMATION = "apply-confirmation"
    CONFIRMATION_RESULT = "confirmation-result"
    FOLLOW_UP = "follow-up"
    SUPPLEMENT = "supplement"
    REFER = "refer"
    DEPT_RECEIVE = "dept-receive"
    DEPT_REPORT = "dept-report"
    CONFIRM_RESULT = "confirm-result"
    SEND_BACK = "send-back"
    HANDLE = "handle"
    RESOLVE_ON_SPOT = "resolve-on-spot"
    ESCALATE = "escalate"
    INSTRUCT = "instruct"
    FEEDBACK = "feedback"
    CLOSE = "close"
    ARCHIVE = "archive"
    WITHDRAW = "withdraw"
    SET_RISK = "set-risk"
    REPORT_POLICE = "report-police"
    CORRECT = "correct"

    @property
    def label(self) -> str:
        return ACTION_LABELS[self]


# The labels are marked for Qt's translator (lupdate reads this file); the GUI shows them through
# QCoreApplication.translate("Action", label), the CLI and the documents as they are.
ACTION_LABELS: dict[Action, str] = {
    Action.ACCEPT: QT_TRANSLATE_NOOP("Action", "受理"),
    Action.REFUSE: QT_TRANSLATE_NOOP("Action", "不予受理"),
    Action.ASSIGN: QT_TRANSLATE_NOOP("Action", "指派"),
    Action.INVESTIGATE: QT_TRANSLATE_NOOP("Action", "调查记录"),
    Action.MEDIATE: QT_TRANSLATE_NOOP("Action", "调解记录"),
    Action.AGREE: QT_TRANSLATE_NOOP("Action", "达成书面协议"),
    Action.AGREE_ORAL: QT_TRANSLATE_NOOP("Action", "登记口头协议"),
    Action.FAIL: QT_TRANSLATE_NOOP("Action", "调解终止"),
    Action.SIGN: QT_TRANSLATE_NOOP("Action", "登记签名"),
    Action.SEAL: QT_TRANSLATE_NOOP("Action", "加盖公章"),
    Action.APPLY_CONFIRMATION: QT_TRANSLATE_NOOP("Action", "申请司法确认"),
    Action.CONFIRMATION_RESULT: QT_TRANSLATE_NOOP("Action", "司法确认结果"),
    Action.FOLLOW_UP: QT_TRANSLATE_NOOP("Action", "回访"),
    Action.SUPPLEMENT: QT_TRANSLATE_NOOP("Action", "订立补充协议"),
    Action.REFER: QT_TRANSLATE_NOOP("Action", "交办部门"),
    Action.DEPT_RECEIVE: QT_TRANSLATE_NOOP("Action", "部门签收"),
    Action.DEPT_REPORT: QT_TRANSLATE_NOOP("Action", "部门报结"),
    Action.CONFIRM_RESULT: QT_TRANSLATE_NOOP("Action", "确认办理结果"),
    Action.SEND_BACK: QT_TRANSLATE_NOOP("Action", "退回重办"),
    Action.HANDLE: QT_TRANSLATE_NOOP("Action", "办理完毕"),
    Action.RESOLVE_ON_SPOT: QT_TRANSLATE_NOOP("Action", "就地化解"),
    Action.ESCALATE: QT_TRANSLATE_NOOP("Action", "上报县级"),
    Action.INSTRUCT: QT_TRANSLATE_NOOP("Action", "县级督办"),
    Action.FEEDBACK: QT_TRANSLATE_NOOP("Action", "反馈群众"),
    Action.CLOSE: QT_TRANSLATE_NOOP("Action", "结案/办结"),
    Action.ARCHIVE: QT_TRANSLATE_NOOP("Action", "立卷归档"),
    Action.WITHDRAW: QT_TRANSLATE_NOOP("Action", "撤回"),
    Action.SET_RISK: QT_TRANSLATE_NOOP("Action", "调整风险等级"),
    Action.REPORT_POLICE: QT_TRANSLATE_NOOP("Action", "报告公安"),
    Action.CORRECT: QT_TRANSLATE_NOOP("Action", "更正记录"),
}

S = Status
OPEN_DISPUTE = frozenset({S.REGISTERED, S.ACCEPTED, S.MEDIATING, S.AGREED, S.FAILED})
OPEN_OTHER = frozenset({S.REGISTERED, S.ASSIGNED, S.REFERRED, S.HANDLED, S.FED_BACK})


@dataclass(frozen=True)
class Rule:
    allowed_from: frozenset[Status]
    leads_to: Status | None  # None: the status stays


def _r(sources: set[Status] | frozenset[Status], target: Status | None = None) -> Rule:
    return Rule(frozenset(sources), target)


DISPUTE_RULES: dict[Action, Rule] = {
    Action.ACCEPT: _r({S.REGISTERED}, S.ACCEPTED),
    Action.REFUSE: _r({S.REGISTERED}, S.REFUSED),
    Action.ASSIGN: _r({S.ACCEPTED, S.MEDIATING}),
    Action.INVESTIGATE: _r({S.ACCEPTED, S.MEDIATING}),
    Action.MEDIATE: _r({S.ACCEPTED, S.MEDIATING}, S.MEDIATING),
    Action.AGREE: _r({S.MEDIATING}, S.AGREED),
    Action.AGREE_ORAL: _r({S.MEDIATING}, S.AGREED),
    Action.FAIL: _r({S.ACCEPTED, S.MEDIATING}, S.FAILED),
    Action.SIGN: _r({S.AGREED}),
    Action.SEAL: _r({S.AGREED}),
    Action.APPLY_CONFIRMATION: _r({S.AGREED, S.CLOSED}),
    Action.CONFIRMATION_RESULT: _r({S.AGREED, S.CLOSED}),
    Action.FOLLOW_UP: _r({S.AGREED, S.CLOSED}),
    # A signed agreement is never edited: a change is a supplementary agreement, signed like the agreement
    # (on a closed case the case returns to "agreed" until the supplement is signed, sealed and closed again).
    Action.SUPPLEMENT: _r({S.AGREED, S.CLOSED}, S.AGREED),
    Action.REFER: _r({S.REGISTERED}, S.REFERRED),
    Action.CLOSE: _r({S.AGREED, S.FAILED}, S.CLOSED),
    Action.ARCHIVE: _r({S.CLOSED, S.REFUSED, S.WITHDRAWN}, S.ARCHIVED),
    Action.WITHDRAW: _r({S.REGISTERED, S.ACCEPTED, S.MEDIATING}, S.WITHDRAWN),
}

OTHER_RULES: dict[Action, Rule] = {
    Action.ASSIGN: _r({S.REGISTERED, S.ASSIGNED}, S.ASSIGNED),
    Action.REFER: _r({S.REGISTERED, S.ASSIGNED}, S.REFERRED),
    Action.DEPT_RECEIVE: _r({S.REFERRED}),
    Action.DEPT_REPORT: _r({S.REFERRED}, S.HANDLED),
    Action.SEND_BACK: _r({S.HANDLED}, S.REFERRED),
    Action.CONFIRM_RESULT: _r({S.HANDLED}),
    Action.HANDLE: _r({S.REGISTERED, S.ASSIGNED}, S.HANDLED),
    Action.FEEDBACK: _r({S.HANDLED}, S.FED_BACK),
    Action.CLOSE: _r({S.FED_BACK}, S.CLOSED),
    Action.ARCHIVE: _r({S.CLOSED, S.WITHDRAWN}, S.ARCHIVED),
    Action.WITHDRAW: _r({S.REGISTERED, S.ASSIGNED, S.REFERRED}, S.WITHDRAWN),
    Action.INVESTIGATE: _r({S.REGISTERED, S.ASSIGNED, S.REFERRED}),
}

# A referred dispute is handled by the department like any other matter.
REFERRED_DISPUTE_RULES: dict[Action, Rule] = {
    a: OTHER_RULES[a]
    for a in (Action.DEPT_RECEIVE, Action.DEPT_REPORT, Action.SEND_BACK, Action.CONFIRM_RESULT, Action.FEEDBACK)
} | {Action.CLOSE: _r({S.FED_BACK}, S.CLOSED)}

# Allowed in any open state, whatever the kind; the status stays.
ANY_OPEN = {Action.SET_RISK, Action.REPORT_POLICE, Action.ESCALATE, Action.INSTRUCT, Action.CORRECT}


def rule_for(kind: Kind, status: Status, action: Action) -> Rule | None:
    if action in ANY_OPEN:
        open_states = OPEN_DISPUTE | {S.REFERRED, S.HANDLED, S.FED_BACK} if kind is Kind.DISPUTE else OPEN_OTHER
        return _r(open_states) if status in open_states else None
    if action is Action.RESOLVE_ON_SPOT:
        on_spot = _r({S.REGISTERED, S.ASSIGNED}, S.HANDLED)
        return on_spot if kind is Kind.GRID_EVENT and status in on_spot.allowed_from else None
    if kind is Kind.DISPUTE:
        rule = DISPUTE_RULES.get(action)
        if rule is not None and status in rule.allowed_from:
            return rule
        rule = REFERRED_DISPUTE_RULES.get(action)
        return rule if rule is not None and status in rule.allowed_from else None
    rule = OTHER_RULES.get(action)
    return rule if rule is not None and status in rule.allowed_from else None


def check_transition(kind: Kind, status: Status, action: Action) -> Status:
    """The status after ``action``; IllegalTransition naming the current state when it is not allowed."""
    rule = rule_for(kind, status, action)
    if rule is None:
        legal = "、".join(a.label for a in allowed_actions(kind, status)) or "无（事项已结束）"
        raise IllegalTransition(
            f"当前状态为“{status.label}”的{kind.label}不能进行“{action.label}”。现在可以进行的操作：{legal}。"
        )
    return rule.leads_to or status


def allowed_actions(kind: Kind, status: Status) -> list[Action]:
    """The actions to offer in the UI, in a sensible order."""
    return [a for a in Action if rule_for(kind, status, a) is not None]


def missing_signers(parties: list[tuple[int, str]], signed: list[tuple[str, int | None]]) -> list[str]:
    """Who still has to sign/seal/fingerprint a written agreement before it takes effect (Art. 29).

    ``parties``: (position, name) of every party; ``signed``: (signer kind, party position) already recorded.
    """
    party_positions = {pos for kind, pos in signed if kind == "party"}
    missing = [f"{name}（当事人）" for pos, name in parties if pos not in party_positions]
    if not any(kind == "mediator" for kind, _ in signed):
        missing.append("调解员")
    if not any(kind == "seal" for kind, _ in signed):
        missing.append("人民调解委员会印章")
    return missing
