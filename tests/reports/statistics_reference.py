"""An independent, deliberately plain reference for the statistics: one Python row per case and list
comprehensions over them (how the figures were computed before SQLite did the counting). Tests check that the
SQL figures, and the cases a click lists, equal what this computes on the same store."""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from govdesk.domain.clock import china_time
from govdesk.domain.codes import Status
from govdesk.store.models import Agreement, Case, CaseEvent, Obligation, Village

FINISHED = {Status.CLOSED.value, Status.ARCHIVED.value}


@dataclass(frozen=True)
class Row:
    local_no: int
    kind: str
    category: str | None
    channel: str
    status: str
    risk: str
    village_id: str | None
    village: str | None
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
    agreements: int
    amount_cents: int
    obligations: int
    performed: int
    applied: int
    on_spot: bool


def rows(session: Session, start: dt.datetime, end: dt.datetime, village_id: str | None = None) -> list[Row]:
    out = []
    stmt = (
        select(Case, Village.name)
        .outerjoin(Village, Village.id == Case.village_id)
        .where(Case.created_at >= start, Case.created_at < end, Case.deleted_at.is_(None))
    )
    if village_id:
        stmt = stmt.where(Case.village_id == village_id)
    for case, village in session.execute(stmt):
        agreements = list(session.scalars(select(Agreement).where(Agreement.case_id == case.id,
                                                                  Agreement.deleted_at.is_(None))))  # fmt: skip
        obligations = [
            o for a in agreements for o in session.scalars(select(Obligation).where(Obligation.agreement_id == a.id))
        ]
        on_spot = bool(session.scalar(select(func.count()).select_from(CaseEvent).where(
            CaseEvent.case_id == case.id, CaseEvent.action == "resolve-on-spot")))  # fmt: skip
        out.append(Row(
            case.local_no, case.kind, case.category, case.channel, case.status, case.risk, case.village_id, village,
            case.people_involved, case.created_at, case.occurred_at, case.accepted_at, case.resolved_at,
            case.confirmed_at, case.fed_back_at, case.closed_at, case.due_date, case.satisfaction, len(agreements),
            sum(o.amount_cents or 0 for o in obligations), len(obligations),
            sum(1 for o in obligations if o.performance == "performed"),
            sum(1 for a in agreements if a.confirmation_applied_on is not None), on_spot,
        ))  # fmt: skip
    return out


def _days(a: dt.datetime | dt.date | None, b: dt.datetime | None) -> float | None:
    if a is None or b is None:
        return None
    start = a if isinstance(a, dt.datetime) else dt.datetime.combine(a, dt.time())
    return (b - start).total_seconds() / 86400


def _median(values: Iterable[float | None]) -> float:
    clean = [v for v in values if v is not None and v >= 0]
    return round(statistics.median(clean), 1) if clean else 0.0


def is_dispute(r: Row) -> bool:
    return r.kind == "dispute"


def is_successful(r: Row) -> bool:
    return is_dispute(r) and r.resolved_at is not None


def is_concluded(r: Row) -> bool:
    if not is_dispute(r):
        return False
    return is_successful(r) or r.status == Status.FAILED.value or (r.status in FINISHED and r.accepted_at is not None)


Figures = dict[str, tuple[float, list[int]]]  # figure key -> (value, the cases behind it, sorted)


def _fig(value: float, rs: Iterable[Row]) -> tuple[float, list[int]]:
    return value, sorted(r.local_no for r in rs)


def _count(rs: Sequence[Row]) -> tuple[float, list[int]]:
    return _fig(len(rs), rs)


def _rate(num: Sequence[Row], den: Sequence[Row]) -> tuple[float, list[int]]:
    return _fig(round(100.0 * len(num) / len(den), 2) if den else 0.0, num)


def dashboard(
    rs: Sequence[Row], today: dt.date, on_time_days: Callable[[Row], int]
) -> tuple[Figures, dict[str, float]]:
    disputes = [r for r in rs if is_dispute(r)]
    finished = [r for r in rs if r.closed_at is not None]
    on_time = [r for r in finished if r.accepted_at is not None
               and (_days(r.accepted_at, r.resolved_at or r.closed_at) or 0) <= on_time_days(r)]  # fmt: skip
    rated = [r for r in rs if r.satisfaction]
    with_agreement = [r for r in rs if r.agreements]
    obligations = sum(r.obligations for r in rs)
    performed = sum(r.performed for r in rs)
    grid_events = [r for r in rs if r.kind == "grid_event"]
    figures: Figures = {
        "received": _count(rs),
        "disputes": _count(disputes),
        "accepted": _count([r for r in disputes if r.accepted_at is not None]),
        "successful": _count([r for r in disputes if is_successful(r)]),
        "success_rate": _rate([r for r in disputes if is_successful(r)], [r for r in disputes if is_concluded(r)]),
        "on_time_rate": _rate(on_time, finished),
        "overdue": _count(
            [r for r in rs if Status(r.status).is_open and r.due_date is not None and r.due_date < today]
        ),
        "satisfaction_rate": _rate([r for r in rated if r.satisfaction in ("satisfied", "basically")], rated),
        "agreements": _count(with_agreement),
        "performed_rate": _fig(round(100.0 * performed / obligations, 2) if obligations else 0.0, with_agreement),
        "confirmations": _count([r for r in rs if r.applied]),
        "on_spot_rate": _rate([r for r in grid_events if r.on_spot], grid_events),
    }
    groups: dict[str, list[Row]] = {}
    for r in rs:
        for key in (
            f"kind:{r.kind}",
            f"channel:{r.channel}",
            f"risk:{r.risk}",
            f"month:{china_time(r.created_at):%Y-%m}",
        ):
            groups.setdefault(key, []).append(r)
        if is_dispute(r) and r.category:
            groups.setdefault(f"category:{r.category}", []).append(r)
        if Status(r.status).is_open and r.village_id:
            groups.setdefault(f"open_village:{r.village_id}", []).append(r)
    figures.update({k: _count(v) for k, v in groups.items()})
    steps = {
        "发现→受理": _median(_days(r.occurred_at or r.created_at, r.accepted_at) for r in rs),
        "受理→化解": _median(_days(r.accepted_at, r.resolved_at) for r in rs),
        "化解→确认": _median(_days(r.resolved_at, r.confirmed_at) for r in rs),
        "确认→反馈": _median(_days(r.confirmed_at, r.fed_back_at) for r in rs),
    }
    return figures, steps


def report(rs: Sequence[Row]) -> dict[str, tuple[int, int, int, int, int, int]]:
    """category -> (received, mediated, successful, agreements, amount_cents, people)."""
    out: dict[str, tuple[int, int, int, int, int, int]] = {}
    for r in rs:
        if not is_dispute(r):
            continue
        cat = r.category or "其他"
        old = out.get(cat, (0, 0, 0, 0, 0, 0))
        out[cat] = (old[0] + 1, old[1] + (r.accepted_at is not None), old[2] + is_successful(r), old[3] + r.agreements,
                    old[4] + (r.amount_cents if is_successful(r) else 0), old[5] + r.people_involved)  # fmt: skip
    return out
