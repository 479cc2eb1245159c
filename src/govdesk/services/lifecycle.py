"""Performing one lifecycle action on a case: one transaction with the state check, the record, the
five-firsts timestamps, the deadline, the risk level and one audit entry."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from govdesk.domain.action_input import Reader
from govdesk.domain.clock import china_date, utcnow
from govdesk.domain.codes import Kind, Status
from govdesk.domain.deadlines import DeadlineRules
from govdesk.domain.errors import NotFound, ValidationError
from govdesk.domain.lifecycle import Action, check_transition
from govdesk.domain.risk import RiskFacts, RiskRules
from govdesk.paths import resource
from govdesk.security.policy import ACTION_PERMISSION, Role, require
from govdesk.services.actor import Actor
from govdesk.store.audit_repo import append_audit
from govdesk.store.models import Case, CaseEvent, CaseParty
from govdesk.store.store import Store


@dataclass
class ActionContext:
    """What a handler works with. Handlers change ``case`` and related rows; the frame does the rest."""

    session: Session
    actor: Actor
    case: Case
    kind: Kind
    now: dt.datetime  # UTC
    today: dt.date  # China date
    reader: Reader
    rules: DeadlineRules
    summary: str = ""
    record: dict[str, Any] = field(default_factory=dict)
    corrects_id: str | None = None


Handler = Callable[[ActionContext], None]
HANDLERS: dict[Action, Handler] = {}


def handles(*actions: Action) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        for action in actions:
            HANDLERS[action] = fn
        return fn

    return register


@dataclass(frozen=True)
class ActionDone:
    """What changed: the GUI refreshes the case from this."""

    number: str
    action: Action
    from_status: Status
    to_status: Status
    summary: str
    risk: str


def deadline_rules() -> DeadlineRules:
    return DeadlineRules.load(resource("data"))


def risk_rules() -> RiskRules:
    return RiskRules.load(resource("data", "risk_rules.json"))


def parse_action(raw: str) -> Action:
    try:
        return Action(raw)
    except ValueError:
        names = " ".join(a.value for a in Action)
        raise ValidationError(f"操作“{raw}”不认识。可用的操作：{names}。") from None


def perform(
    store: Store, actor: Actor, number: str, action: Action, data: object = None, *, now: dt.datetime | None = None
) -> ActionDone:
    """Perform one lifecycle action in its own transaction."""
    with store.db.write() as session:
        case = session.scalar(select(Case).where(Case.number == number.strip(), Case.deleted_at.is_(None)))
        if case is None:
            raise NotFound(f"没有编号为“{number}”的事项，请核对编号。")
        return perform_in_session(session, actor, case, action, data, now=now or utcnow())


def perform_in_session(
    session: Session, actor: Actor, case: Case, action: Action, data: object, *, now: dt.datetime,
    audit: bool = True, assess_risk: bool = True,
) -> ActionDone:
    """The action inside the caller's transaction. The demo loader replays whole paths in one transaction,
    without an audit entry per step and assessing the risk once at the end."""
    # Handlers live in these modules; importing them registers them.
    from govdesk.services import mediation_actions, referral_actions  # noqa: F401

    require(Role(actor.role), ACTION_PERMISSION[action], own_case=is_own_case(actor, case), what=action.label)
    kind = Kind(case.kind)
    before = Status(case.status)
    after = check_transition(kind, before, action)
    ctx = ActionContext(session, actor, case, kind, now, china_date(now), Reader(data, action.value), deadline_rules())
    HANDLERS[action](ctx)
    ctx.reader.done()
    case.status = after.value
    case.updated_at = now
    if after in (Status.CLOSED, Status.REFUSED, Status.WITHDRAWN, Status.ARCHIVED):
        case.due_date, case.due_what = None, ""
    if after is Status.CLOSED and case.closed_at is None:
        case.closed_at = now
    if assess_risk:
        refresh_risk(session, case, ctx.today)
    seq = int(session.scalar(select(func.coalesce(func.max(CaseEvent.seq), 0)).where(CaseEvent.case_id == case.id)) or 0)
    session.add(CaseEvent(
        center_id=case.center_id, case_id=case.id, seq=seq + 1, at=now, actor=actor.name, action=action.value,
        from_status=before.value, to_status=after.value, summary=ctx.summary or action.label,
        payload=ctx.record or None, corrects_id=ctx.corrects_id,
    ))  # fmt: skip
    if audit:
        append_audit(
            session, actor.audit_name, f"case.{action.value}", "case", case.id,
            {"number": case.number, "from": before.value, "to": after.value, "summary": ctx.summary},
        )  # fmt: skip
    return ActionDone(case.number, action, before, after, ctx.summary or action.label, case.risk)


def is_own_case(actor: Actor, case: Case) -> bool:
    """The case was registered by the actor or is assigned to them (what grid officers may work on)."""
    return case.registered_by == actor.name or actor.name in (case.handlers or [])


def repeat_months(session: Session, case: Case) -> int | None:
    """Months since the latest earlier dispute between the same (identified) persons, if any."""
    if case.kind != Kind.DISPUTE.value:
        return None
    persons = [p.person_id for p in case.parties if p.person_id]
    if len(persons) < 2:
        return None
    stmt = (
        select(Case.created_at)
        .join(CaseParty, CaseParty.case_id == Case.id)
        .where(Case.kind == Kind.DISPUTE.value, Case.id != case.id, Case.created_at <= case.created_at)
        .where(CaseParty.person_id.in_(persons), Case.deleted_at.is_(None))
        .group_by(Case.id)
        .having(func.count(func.distinct(CaseParty.person_id)) >= 2)
        .order_by(Case.created_at.desc())
        .limit(1)
    )
    earlier = session.scalar(stmt)
    if earlier is None:
        return None
    return max(0, (case.created_at - earlier).days // 30)


def refresh_risk(session: Session, case: Case, today: dt.date) -> None:
    status = Status(case.status)
    facts = RiskFacts(
        people_involved=case.people_involved, amount_cents=case.amount_cents, violence_risk=case.violence_risk,
        police_reported=case.police_reported_at is not None, group_petition=case.group_petition,
        overdue=status.is_open and case.due_date is not None and case.due_date < today,
        repeat_within_months=repeat_months(session, case),
    )  # fmt: skip
    result = risk_rules().assess(facts, case.risk_manual, case.risk_manual_reason)
    case.risk = result.level.value
    case.risk_reasons = list(result.reasons)


def refresh_overdue_risks(store: Store, *, today: dt.date | None = None) -> int:
    """Recompute the level of open cases whose deadline passed since they last changed (run at start and daily)."""
    today = today or china_date(utcnow())
    changed = 0
    with store.db.write() as session:
        stmt = select(Case).where(Case.due_date < today, Case.status.in_([s.value for s in Status if s.is_open]))
        for case in session.scalars(stmt):
            before = case.risk
            refresh_risk(session, case, today)
            changed += case.risk != before
    return changed
