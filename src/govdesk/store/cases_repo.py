"""Queries and writes on cases and their parties. All SQL about cases lives here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, select, text
from sqlalchemy.orm import Session

from govdesk.domain.codes import OPEN_STATUSES, Channel, Kind, PartyRole, Risk, Status
from govdesk.domain.identity import mask_id_number, mask_phone
from govdesk.store.models import Case, CaseParty, Grid, Person, Village
from govdesk.store.records import CaseDetail, CaseRow, DuplicateHint, PartyRecord
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


SORT_COLUMNS = {
    "number": Case.number,
    "title": Case.title,
    "kind": Case.kind,
    "category": Case.category,
    "status": Case.status,
    "risk": Case.risk,
    "occurred_at": Case.occurred_at,
    "created_at": Case.local_no,  # registration order; local_no follows it and is indexed
    "party_names": Case.party_names,
}


def _apply_filter(stmt: Select[Any], flt: CaseFilter) -> Select[Any]:
    stmt = stmt.where(Case.deleted_at.is_(None))
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
    if flt.date_from:
        stmt = stmt.where(Case.created_at >= dt.datetime.combine(flt.date_from, dt.time()))
    if flt.date_to:
        stmt = stmt.where(Case.created_at < dt.datetime.combine(flt.date_to + dt.timedelta(days=1), dt.time()))
    if flt.search.strip():
        found = matching_local_nos_sql(flt.search)
        if found is not None:
            sql, params = found
            stmt = stmt.where(Case.local_no.in_(text(sql).bindparams(**params)))
    return stmt


def case_local_nos(
    session: Session, flt: CaseFilter, sort: str = "created_at", descending: bool = True
) -> list[int]:
    """Every matching case's local_no in display order. The list model keeps only these ints."""
    column = SORT_COLUMNS.get(sort, Case.local_no)
    stmt = _apply_filter(select(Case.local_no), flt)
    order: list[Any] = [column.desc(), Case.local_no.desc()] if descending else [column.asc(), Case.local_no.asc()]
    return list(session.scalars(stmt.order_by(*order)))


def count_cases(session: Session, flt: CaseFilter) -> int:
    stmt = _apply_filter(select(func.count()).select_from(Case), flt)
    return int(session.scalar(stmt) or 0)


def _row(case: Case, village: str) -> CaseRow:
    return CaseRow(
        local_no=case.local_no, id=case.id, number=case.number, title=case.title,
        kind=Kind(case.kind), category=case.category, channel=Channel(case.channel),
        status=Status(case.status), risk=Risk(case.risk), party_names=case.party_names,
        village=village, occurred_at=case.occurred_at, created_at=case.created_at,
    )  # fmt: skip


def case_rows(session: Session, local_nos: Sequence[int]) -> list[CaseRow]:
    """The list rows for these cases, in the order asked for."""
    if not local_nos:
        return []
    stmt = (
        select(Case, Village.name)
        .outerjoin(Village, Village.id == Case.village_id)
        .where(Case.local_no.in_(list(local_nos)))
        .execution_options(populate_existing=False)
    )
    by_no = {case.local_no: _row(case, vname or "") for case, vname in session.execute(stmt)}
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
            )  # fmt: skip
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
