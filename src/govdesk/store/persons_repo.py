"""Persons and organisations: lookup by ID number / credit code, search, and their cases."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from govdesk.domain.identity import mask_id_number, mask_phone
from govdesk.store.models import Case, CaseParty, Organisation, Person, Village
from govdesk.store.records import PersonRow

MAX_PERSON_RESULTS = 500


def person_by_id_number(session: Session, id_number: str) -> Person | None:
    return session.scalar(select(Person).where(Person.id_number == id_number, Person.deleted_at.is_(None)))


def organisation_by_credit_code(session: Session, code: str) -> Organisation | None:
    stmt = select(Organisation).where(Organisation.credit_code == code, Organisation.deleted_at.is_(None))
    return session.scalar(stmt)


def search_persons(session: Session, text: str, limit: int = MAX_PERSON_RESULTS) -> list[PersonRow]:
    """Persons by name prefix (indexed), exact ID number or exact phone."""
    term = text.strip()
    if not term:
        return []
    case_count = (
        select(func.count(CaseParty.id)).where(CaseParty.person_id == Person.id).scalar_subquery()
    )
    stmt = (
        select(Person, Village.name, case_count)
        .outerjoin(Village, Village.id == Person.village_id)
        .where(Person.deleted_at.is_(None))
    )
    upper = term.upper()
    if upper[:-1].isascii() and upper[:-1].isdigit() and len(upper) >= 6:
        stmt = stmt.where((Person.id_number == upper) | (Person.phone == term))
    else:
        # Range scan on the name index: names starting with the term (literal, no wildcards).
        stmt = stmt.where(Person.name >= term, Person.name < term + "\U0010ffff")
    stmt = stmt.order_by(Person.name, Person.id).limit(limit)
    return [
        PersonRow(
            id=p.id, name=p.name, gender=p.gender,
            id_number_masked=mask_id_number(p.id_number) if p.id_number else "",
            phone_masked=mask_phone(p.phone) if p.phone else "", village=vname or "",
            address=p.address, case_count=int(count or 0),
        )
        for p, vname, count in session.execute(stmt)
    ]


def person_case_local_nos(session: Session, person_id: str) -> list[int]:
    stmt = (
        select(Case.local_no)
        .join(CaseParty, CaseParty.case_id == Case.id)
        .where(CaseParty.person_id == person_id, Case.deleted_at.is_(None))
        .order_by(Case.local_no.desc())
    )
    return list(session.scalars(stmt))
