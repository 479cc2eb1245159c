"""The rows statistics are computed from: one light tuple per case, and per-case agreement figures."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from govdesk.store.models import Agreement, Case, CaseEvent, Grid, Obligation, Village


@dataclass(frozen=True)
class StatRow:
    local_no: int
    kind: str
    category: str | None
    channel: str
    status: str
    risk: str
    village: str
    grid: str
    people_involved: int
    created_at: dt.datetime
    occurred_at: dt.date | None
    accepted_at: dt.datetime | None
    resolved_at: dt.datetime | None
    confirmed_at: dt.datetime | None
    fed_back_at: dt.datetime | None
    closed_at: dt.datetime | None
    due_date: dt.date | None
    satisfaction: str | None
    # Agreement figures (None when the case has no agreement)
    agreements: int
    oral_agreements: int
    agreed_amount_cents: int
    obligations: int
    obligations_performed: int
    confirmation_applied: int
    confirmation_confirmed: int
    on_spot: bool


def stat_rows(session: Session, start_utc: dt.datetime, end_utc: dt.datetime, village_id: str | None = None) -> list[StatRow]:
    """Cases registered in [start_utc, end_utc), with what the statistics need."""
    agg = (
        select(
            Agreement.case_id.label("case_id"),
            func.count(func.distinct(Agreement.id)).label("n"),
            func.count(func.distinct(Agreement.id)).filter(Agreement.oral.is_(True)).label("oral"),
            func.coalesce(func.sum(Obligation.amount_cents), 0).label("amount"),
            func.count(Obligation.id).label("obligations"),
            func.count(Obligation.id).filter(Obligation.performance == "performed").label("performed"),
            func.count(func.distinct(Agreement.id)).filter(Agreement.confirmation_applied_on.is_not(None)).label("applied"),
            func.count(func.distinct(Agreement.id)).filter(Agreement.confirmation_result == "confirmed").label("confirmed"),
        )
        .outerjoin(Obligation, Obligation.agreement_id == Agreement.id)
        .where(Agreement.deleted_at.is_(None))
        .group_by(Agreement.case_id)
        .subquery()
    )
    # A correlated EXISTS uses the case_events(case_id) index; an outer join to a subquery scanned every event per case.
    on_spot = (
        select(CaseEvent.id).where(CaseEvent.case_id == Case.id, CaseEvent.action == "resolve-on-spot").exists()
    )
    stmt = (
        select(
            Case.local_no, Case.kind, Case.category, Case.channel, Case.status, Case.risk, Village.name, Grid.name,
            Case.people_involved, Case.created_at, Case.occurred_at, Case.accepted_at, Case.resolved_at,
            Case.confirmed_at, Case.fed_back_at, Case.closed_at, Case.due_date, Case.satisfaction,
            agg.c.n, agg.c.oral, agg.c.amount, agg.c.obligations, agg.c.performed, agg.c.applied, agg.c.confirmed,
            on_spot,
        )
        .outerjoin(Village, Village.id == Case.village_id)
        .outerjoin(Grid, Grid.id == Case.grid_id)
        .outerjoin(agg, agg.c.case_id == Case.id)
        .where(Case.created_at >= start_utc, Case.created_at < end_utc, Case.deleted_at.is_(None))
    )
    if village_id:
        stmt = stmt.where(Case.village_id == village_id)
    names = [f.name for f in fields(StatRow)]
    out = []
    for r in session.execute(stmt):
        values: list[Any] = [*r[:18], r[18] or 0, r[19] or 0, r[20] or 0, r[21] or 0, r[22] or 0, r[23] or 0,
                             r[24] or 0, bool(r[25])]  # fmt: skip
        out.append(StatRow(**dict(zip(names, values, strict=True))))
    return out
