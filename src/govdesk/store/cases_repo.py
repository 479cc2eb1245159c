"""Queries and writes on cases and their parties. All SQL about cases lives here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, case, func, select, text
from sqlalchemy.orm import Session

from govdesk.domain.clock import CHINA
from govdesk.domain.codes import OPEN_STATUSES, Channel, Kind, PartyRole, Risk, Status
from govdesk.domain.identity import mask_id_number, mask_phone
from govdesk.store.models import Agreement, Case, CaseEvent, CaseParty, Grid, Person, Referral, Village
from govdesk.store.records import (
    AgreementRecord,
    CaseDetail,
    CaseLifecycle,
    CaseRow,
    DuplicateHint,
    ObligationRecord,
    PartyRecord,
    ReferralRecord,
    SignatureRecord,
    TimelineEntry,
)
from govdesk.store.search import matching_local_nos_sql


@dataclass(frozen=True)
class CaseFilter:
    """What the case list (and the map, later) shows. Empty tuples mean "any"."""

    search: str = ""
    kinds: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    risks: tuple[str, ...] = ()
    village_id: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    open_only: bool = False
    due: str | None = None  # "overdue" or "due_soon"
    today: dt.date | None = None  # China date the due filters count from
    due_soon_days: int = 3
    confirmation_warn_days: int = 7
    local_nos: tuple[int, ...] = ()  # exactly these cases (a dashboard figure's list)


SORT_COLUMNS = {
    "number": Case.number,
    "title": Case.title,
    "kind": Case.kind,
    "category": Case.category,
    "status": Case.status,
    # By severity, not alphabetically.
    "risk": case((Case.risk == "red", 2), (Case.risk == "yellow", 1), else_=0),
    "occurred_at": Case.occurred_at,
    "created_at": Case.local_no,  # registration order; local_no follows it and is indexed
    "party_names": Case.party_names,
}


def _utc_midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(), CHINA).astimezone(dt.UTC).replace(tzinfo=None)


def has_tombstones(session: Session) -> bool:
    """Whether any case was deleted (a tombstone). Answered by a partial index; usually false, and then the
    list queries skip the ``deleted_at`` test, which would otherwise cost a table lookup per row."""
    stmt = select(Case.local_no).where(Case.deleted_at.is_not(None)).limit(1)
    return session.scalar(stmt) is not None


def _is_search_only(flt: CaseFilter) -> bool:
    return bool(flt.search.strip()) and flt == CaseFilter(search=flt.search)


def _apply_filter(stmt: Select[Any], flt: CaseFilter, *, tombstones: bool = True) -> Select[Any]:
    if tombstones:
        stmt = stmt.where(Case.deleted_at.is_(None))
    if flt.local_nos:
        stmt = stmt.where(Case.local_no.in_(flt.local_nos))
    if flt.kinds:
        stmt = stmt.where(Case.kind.in_(flt.kinds))
    if flt.statuses:
        stmt = stmt.where(Case.status.in_(flt.statuses))
    elif flt.open_only:
        stmt = stmt.where(Case.status.in_([s.value for s in OPEN_STATUSES]))
    if flt.categories:
        stmt = stmt.where(Case.category.in_(flt.categories))
    if flt.risks:
        stmt = stmt.where(Case.risk.in_(flt.risks))
    if flt.village_id:
        stmt = stmt.where(Case.village_id == flt.village_id)
    # Dates are China dates; created_at is stored in UTC.
    if flt.date_from:
        stmt = stmt.where(Case.created_at >= _utc_midnight(flt.date_from))
    if flt.date_to:
        stmt = stmt.where(Case.created_at < _utc_midnight(flt.date_to + dt.timedelta(days=1)))
    if flt.due:
        today = flt.today or dt.date.today()
        open_values = [s.value for s in OPEN_STATUSES]
        if flt.due == "overdue":
            stmt = stmt.where(Case.due_date < today, Case.status.in_(open_values))
        else:
            soon = today + dt.timedelta(days=flt.due_soon_days)
            # The 30-day window for judicial confirmation (Art. 33) closing soon counts as due soon too.
            window_start = today - dt.timedelta(days=30)
            closing = select(Agreement.case_id).where(
                Agreement.effective_on >= window_start,
                Agreement.effective_on <= window_start + dt.timedelta(days=flt.confirmation_warn_days),
                Agreement.confirmation_applied_on.is_(None), Agreement.oral.is_(False),
            )  # fmt: skip
            stmt = stmt.where(
                ((Case.due_date >= today) & (Case.due_date <= soon) & Case.status.in_(open_values))
                | Case.id.in_(closing)
            )
    if flt.search.strip():
        found = matching_local_nos_sql(flt.search)
        if found is not None:
            sql, params = found
            stmt = stmt.where(Case.local_no.in_(text(sql).bindparams(**params)))
    return stmt


def _ordered(flt: CaseFilter, sort: str, descending: bool, session: Session) -> Select[Any]:
    column = SORT_COLUMNS.get(sort, Case.local_no)
    stmt = _apply_filter(select(Case.local_no), flt, tombstones=has_tombstones(session))
    order: list[Any] = [column.desc(), Case.local_no.desc()] if descending else [column.asc(), Case.local_no.asc()]
    if column is Case.local_no:
        order = order[:1]
    return stmt.order_by(*order)


def _fts_only(session: Session, flt: CaseFilter, sort: str) -> str | None:
    """The search SQL when a plain search in registration order can be answered by the FTS index alone."""
    if sort != "created_at" or not _is_search_only(flt) or has_tombstones(session):
        return None
    found = matching_local_nos_sql(flt.search)
    return found[0] if found and " INTERSECT " not in found[0] and "JOIN" not in found[0] else None


def case_local_nos(
    session: Session, flt: CaseFilter, sort: str = "created_at", descending: bool = True
) -> list[int]:
    """Every matching case's local_no in display order (for the CLI and exports: all rows)."""
    return list(session.execute(_ordered(flt, sort, descending, session)).scalars())


def case_page(
    session: Session, flt: CaseFilter, sort: str, descending: bool, offset: int, limit: int
) -> list[int]:
    """One page of the list, in display order. The list fetches pages as the user scrolls."""
    fts = _fts_only(session, flt, sort)
    if fts is not None:
        _, params = matching_local_nos_sql(flt.search)  # type: ignore[misc]
        direction = "DESC" if descending else "ASC"
        sql = f"{fts} ORDER BY rowid {direction} LIMIT :limit OFFSET :offset"
        return list(session.execute(text(sql), {**params, "limit": limit, "offset": offset}).scalars())
    stmt = _ordered(flt, sort, descending, session).limit(limit).offset(offset)
    return list(session.execute(stmt).scalars())


def count_cases(session: Session, flt: CaseFilter) -> int:
    fts = _fts_only(session, flt, "created_at")
    if fts is not None:
        _, params = matching_local_nos_sql(flt.search)  # type: ignore[misc]
        return int(session.execute(text(f"SELECT count(*) FROM ({fts})"), params).scalar() or 0)
    stmt = _apply_filter(select(func.count()).select_from(Case), flt, tombstones=has_tombstones(session))
    return int(session.scalar(stmt) or 0)


def _row(case: Case, village: str) -> CaseRow:
    return CaseRow(
        local_no=case.local_no, id=case.id, number=case.number, title=case.title,
        kind=Kind(case.kind), category=case.category, channel=Channel(case.channel),
        status=Status(case.status), risk=Risk(case.risk), party_names=case.party_names,
        village=village, occurred_at=case.occurred_at, created_at=case.created_at,
    )  # fmt: skip


_ROW_COLUMNS = (
    Case.local_no, Case.id, Case.number, Case.title, Case.kind, Case.category, Case.channel, Case.status,
    Case.risk, Case.party_names, Village.name, Case.occurred_at, Case.created_at,
)  # fmt: skip


def case_rows(session: Session, local_nos: Sequence[int]) -> list[CaseRow]:
    """The list rows for these cases, in the order asked for (plain columns: no ORM objects, no parties)."""
    if not local_nos:
        return []
    stmt = (
        select(*_ROW_COLUMNS)
        .outerjoin(Village, Village.id == Case.village_id)
        .where(Case.local_no.in_(list(local_nos)))
    )
    by_no = {}
    for r in session.execute(stmt):
        by_no[r[0]] = CaseRow(
            local_no=r[0], id=r[1], number=r[2], title=r[3], kind=Kind(r[4]), category=r[5], channel=Channel(r[6]),
            status=Status(r[7]), risk=Risk(r[8]), party_names=r[9], village=r[10] or "", occurred_at=r[11],
            created_at=r[12],
        )  # fmt: skip
    return [by_no[n] for n in local_nos if n in by_no]


def find_case(session: Session, number: str) -> Case | None:
    return session.scalar(select(Case).where(Case.number == number, Case.deleted_at.is_(None)))


def case_detail(session: Session, case: Case) -> CaseDetail:
    village = session.get(Village, case.village_id) if case.village_id else None
    grid = session.get(Grid, case.grid_id) if case.grid_id else None
    parties = []
    for cp in case.parties:
        if cp.deleted_at is not None:
            continue
        p, org = cp.person, cp.organisation
        parties.append(
            PartyRecord(
                role=PartyRole(cp.role), name=cp.display_name, is_organisation=org is not None,
                person_id=cp.person_id,
                id_number_masked=mask_id_number(p.id_number) if p and p.id_number else "",
                gender=p.gender if p else None, ethnicity=p.ethnicity if p else None,
                birth_date=p.birth_date if p else None,
                phone_masked=mask_phone(p.phone) if p and p.phone else (mask_phone(org.phone) if org and org.phone else ""),
                address=(p.address if p else org.address if org else None),
                credit_code=org.credit_code if org else None,
                representative=org.representative if org else None,
            )
        )
    return CaseDetail(
        row=_row(case, village.name if village else ""), facts=case.facts, claims=case.claims,
        address=case.address, latitude=case.latitude, longitude=case.longitude,
        grid=grid.name if grid else "", people_involved=case.people_involved,
        amount_cents=case.amount_cents, risk_reason=case.risk_reason,
        registered_by=case.registered_by, updated_at=case.updated_at, parties=tuple(parties),
    )  # fmt: skip


def next_local_no(session: Session) -> int:
    return int(session.scalar(select(func.coalesce(func.max(Case.local_no), 0))) or 0) + 1


def highest_number_with_prefix(session: Session, prefix: str) -> str | None:
    """The greatest case number starting with ``prefix`` (index range scan on the unique number)."""
    stmt = select(func.max(Case.number)).where(Case.number >= prefix, Case.number < prefix + "\uffff")
    return session.scalar(stmt)


def duplicate_hints(
    session: Session, id_numbers: Sequence[str], names: Sequence[str], village_id: str | None
) -> list[DuplicateHint]:
    """Open cases sharing a party ID number, or with the same party names in the same village."""
    open_values = [s.value for s in OPEN_STATUSES]
    hints: dict[str, DuplicateHint] = {}
    if id_numbers:
        stmt = (
            select(Case.number, Case.title, Case.status)
            .join(CaseParty, CaseParty.case_id == Case.id)
            .join(Person, Person.id == CaseParty.person_id)
            .where(Person.id_number.in_(list(id_numbers)), Case.status.in_(open_values))
            .where(Case.deleted_at.is_(None))
            .limit(20)
        )
        for number, title, status in session.execute(stmt):
            hints[number] = DuplicateHint(number, title, Status(status), "有当事人身份证号相同")
    if names and village_id:
        wanted = sorted(set(names))
        stmt2 = (
            select(Case.number, Case.title, Case.status, Case.party_names)
            .join(CaseParty, CaseParty.case_id == Case.id)
            .where(CaseParty.display_name == wanted[0], Case.village_id == village_id)
            .where(Case.status.in_(open_values), Case.deleted_at.is_(None))
            .limit(50)
        )
        for number, title, status, party_names in session.execute(stmt2):
            if number not in hints and set(wanted) <= set(party_names.split(" ")):
                hints[number] = DuplicateHint(number, title, Status(status), "当事人姓名相同且在同一村（社区）")
    return list(hints.values())


def case_events(session: Session, case_id: str) -> list[CaseEvent]:
    stmt = select(CaseEvent).where(CaseEvent.case_id == case_id).order_by(CaseEvent.seq)
    return list(session.scalars(stmt))


def case_lifecycle(session: Session, case: Case, confirmation_days: int = 30) -> CaseLifecycle:
    from govdesk.domain.lifecycle import ACTION_LABELS, Action, allowed_actions, missing_signers

    events = case_events(session, case.id)
    seq_by_id = {e.id: e.seq for e in events}
    timeline = tuple(
        TimelineEntry(
            seq=e.seq, at=e.at, actor=e.actor, action=e.action,
            action_label=ACTION_LABELS.get(Action(e.action), e.action) if e.action in Action._value2member_map_ else e.action,
            from_status=Status(e.from_status), to_status=Status(e.to_status), summary=e.summary,
            payload=e.payload, corrects_seq=seq_by_id.get(e.corrects_id) if e.corrects_id else None,
        )
        for e in events
    )
    parties = [(p.position, p.display_name) for p in case.parties if p.deleted_at is None]
    agreements = []
    stmt = select(Agreement).where(Agreement.case_id == case.id, Agreement.deleted_at.is_(None)).order_by(Agreement.created_at)
    for a in session.scalars(stmt):
        agreements.append(AgreementRecord(
            id=a.id, oral=a.oral, made_on=a.made_on, facts=a.facts, matters=a.matters,
            responsibilities=a.responsibilities, copies=a.copies, effective_on=a.effective_on,
            locked_hash=a.locked_hash,
            obligations=tuple(ObligationRecord(o.position, o.obligor, o.obligee, o.content, o.amount_cents, o.due_on,
                                               o.method, o.place, o.performance) for o in a.obligations),
            signatures=tuple(SignatureRecord(s.signer, s.name, s.method, s.at, s.recorded_by) for s in a.signatures),
            missing_signers=() if a.oral else tuple(missing_signers(parties, [(s.signer, s.party_position) for s in a.signatures])),
            confirmation_applied_on=a.confirmation_applied_on, confirmation_court=a.confirmation_court,
            confirmation_result=a.confirmation_result,
            confirmation_last_day=a.effective_on + dt.timedelta(days=confirmation_days) if a.effective_on else None,
            supplements_id=a.supplements_id,
        ))  # fmt: skip
    referrals = tuple(
        ReferralRecord(r.department, tuple(r.cooperating or ()), r.referred_at, r.receive_due, r.received_at,
                       r.handle_due, r.reported_at, r.report, r.confirmed_at, r.sent_back_count, r.active)
        for r in session.scalars(select(Referral).where(Referral.case_id == case.id).order_by(Referral.referred_at))
    )  # fmt: skip
    discovered = dt.datetime.combine(case.occurred_at, dt.time()) if case.occurred_at else case.created_at
    milestones = (("发现", discovered), ("受理", case.accepted_at), ("化解", case.resolved_at),
                  ("确认", case.confirmed_at), ("反馈", case.fed_back_at))  # fmt: skip
    return CaseLifecycle(
        detail=case_detail(session, case),
        allowed_actions=tuple(allowed_actions(Kind(case.kind), Status(case.status))),
        timeline=timeline, agreements=tuple(agreements), referrals=referrals,
        risk_reasons=tuple(case.risk_reasons or ()), handlers=tuple(case.handlers or ()),
        due_date=case.due_date, due_what=case.due_what, milestones=milestones,
    )  # fmt: skip
