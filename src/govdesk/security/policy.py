"""Who may do what: the permission policy as ONE table (role → permissions), checked in the service layer.

Case-scoped permissions for grid officers additionally require the case to be theirs (they registered it or
are among its handlers): a grid officer reports events but does not read other people's mediation records.
"""

from __future__ import annotations

import enum

from govdesk.domain.errors import PermissionDenied
from govdesk.domain.lifecycle import Action


class Role(enum.StrEnum):
    DIRECTOR = "director"
    MEDIATOR = "mediator"
    CLERK = "clerk"
    GRID_OFFICER = "grid_officer"
    AUDITOR = "auditor"
    ADMIN = "admin"

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]


ROLE_LABELS = {
    Role.DIRECTOR: "中心主任", Role.MEDIATOR: "调解员", Role.CLERK: "工作人员", Role.GRID_OFFICER: "网格员",
    Role.AUDITOR: "审计员（只读）", Role.ADMIN: "系统管理员",
}  # fmt: skip


class Perm(enum.StrEnum):
    CASE_REGISTER = "case.register"  # any kind
    GRID_EVENT_REGISTER = "grid_event.register"
    CASE_LIST = "case.list"  # the list and basic facts
    CASE_RECORDS = "case.records"  # parties' details, mediation records, agreements, timeline
    MEDIATION = "case.mediation"  # accept … follow-up: the mediator's work
    REFERRAL = "case.referral"  # assign/refer/department steps/handle/feedback/escalate
    ON_SPOT = "case.on_spot"
    CLOSE = "case.close"
    ARCHIVE = "case.archive"
    SET_RISK = "case.set_risk"
    REPORT_POLICE = "case.report_police"
    INSTRUCT = "case.instruct"
    DOC_PRINT = "doc.print"
    EXPORT = "data.export"
    REVEAL = "data.reveal"  # full ID / phone numbers, with a reason
    PERSON_EXPORT = "person.export"  # everything held about one person, at their request (PIPL Art. 45)
    PERSON_ANONYMISE = "person.anonymise"  # replace a person's identifying data (PIPL Art. 47)
    ACCOUNTS = "accounts.manage"
    AUDIT_READ = "audit.read"
    AUDIT_DELETE = "audit.delete"  # nobody: the table exists so the test can prove it
    BACKUP = "backup.create"
    RESTORE = "backup.restore"
    SETTINGS = "settings.change"
    SYNC = "sync.run"


P = Perm
POLICY: dict[Role, frozenset[Perm]] = {
    Role.DIRECTOR: frozenset({
        P.CASE_REGISTER, P.GRID_EVENT_REGISTER, P.CASE_LIST, P.CASE_RECORDS, P.MEDIATION, P.REFERRAL, P.ON_SPOT,
        P.CLOSE, P.ARCHIVE, P.SET_RISK, P.REPORT_POLICE, P.INSTRUCT, P.DOC_PRINT, P.EXPORT, P.REVEAL,
        P.AUDIT_READ, P.BACKUP, P.SETTINGS, P.SYNC, P.PERSON_EXPORT, P.PERSON_ANONYMISE,
    }),
    Role.MEDIATOR: frozenset({
        P.CASE_REGISTER, P.GRID_EVENT_REGISTER, P.CASE_LIST, P.CASE_RECORDS, P.MEDIATION, P.REFERRAL, P.CLOSE,
        P.SET_RISK, P.REPORT_POLICE, P.DOC_PRINT, P.REVEAL, P.SYNC,
    }),
    Role.CLERK: frozenset({
        P.CASE_REGISTER, P.GRID_EVENT_REGISTER, P.CASE_LIST, P.CASE_RECORDS, P.REFERRAL, P.ON_SPOT, P.CLOSE,
        P.DOC_PRINT, P.EXPORT, P.SYNC,
    }),
    Role.GRID_OFFICER: frozenset({
        P.GRID_EVENT_REGISTER, P.CASE_LIST, P.CASE_RECORDS, P.ON_SPOT, P.REPORT_POLICE, P.SYNC,
    }),
    Role.AUDITOR: frozenset({P.CASE_LIST, P.CASE_RECORDS, P.AUDIT_READ, P.SYNC}),
    Role.ADMIN: frozenset({P.ACCOUNTS, P.BACKUP, P.RESTORE, P.SETTINGS, P.SYNC}),
}  # fmt: skip

# Permissions that a grid officer holds only for cases that are theirs.
OWN_CASES_ONLY: dict[Role, frozenset[Perm]] = {
    Role.GRID_OFFICER: frozenset({P.CASE_RECORDS, P.ON_SPOT, P.REPORT_POLICE}),
}

ACTION_PERMISSION: dict[Action, Perm] = {
    **{a: P.MEDIATION for a in (
        Action.ACCEPT, Action.REFUSE, Action.INVESTIGATE, Action.MEDIATE, Action.AGREE, Action.AGREE_ORAL,
        Action.FAIL, Action.SIGN, Action.SEAL, Action.APPLY_CONFIRMATION, Action.CONFIRMATION_RESULT,
        Action.FOLLOW_UP, Action.SUPPLEMENT, Action.CORRECT, Action.WITHDRAW)},
    **{a: P.REFERRAL for a in (
        Action.ASSIGN, Action.REFER, Action.DEPT_RECEIVE, Action.DEPT_REPORT, Action.CONFIRM_RESULT,
        Action.SEND_BACK, Action.HANDLE, Action.FEEDBACK, Action.ESCALATE)},
    Action.RESOLVE_ON_SPOT: P.ON_SPOT,
    Action.CLOSE: P.CLOSE,
    Action.ARCHIVE: P.ARCHIVE,
    Action.SET_RISK: P.SET_RISK,
    Action.REPORT_POLICE: P.REPORT_POLICE,
    Action.INSTRUCT: P.INSTRUCT,
}  # fmt: skip


def allowed(role: Role, perm: Perm, *, own_case: bool | None = None) -> bool:
    """The one decision. ``own_case`` is whether the case at hand is the actor's (None: no case involved)."""
    if perm not in POLICY[role]:
        return False
    if perm in OWN_CASES_ONLY.get(role, frozenset()):
        return bool(own_case)
    return True


def require(role: Role, perm: Perm, *, own_case: bool | None = None, what: str = "") -> None:
    if not allowed(role, perm, own_case=own_case):
        scope = "（只能处理本人登记或承办的事项）" if perm in OWN_CASES_ONLY.get(role, frozenset()) else ""
        raise PermissionDenied(f"{role.label}没有“{what or perm.value}”的权限{scope}。如确需办理，请联系中心主任。")
