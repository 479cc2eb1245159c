"""One person's data for the PIPL rights (a full value revealed with a reason, everything held about them,
anonymisation), gathered as plain data. The ORM objects never leave the session."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from govdesk.store.models import (
    Agreement,
    Attachment,
    AuditEntry,
    Case,
    CaseEvent,
    CaseParty,
    Grid,
    IssuedDocument,
    Person,
    Village,
)

REVEALABLE = ("id_number", "phone")


@dataclass(frozen=True)
class PersonCase:
    """A case the person is party to, with what was recorded in it."""

    number: str
    title: str
    kind: str
    category: str | None
    channel: str
    status: str
    role: str  # the person's role in it
    occurred_at: dt.date | None
    created_at: dt.datetime
    closed_at: dt.datetime | None
    archived_at: dt.datetime | None
    address: str
    facts: str
    claims: str
    other_parties: tuple[tuple[str, str], ...]  # (role, name): names only, never the others' numbers
    timeline: tuple[tuple[dt.datetime, str, str], ...]  # (at, action, summary)
    agreements: tuple[dict[str, Any], ...]
    documents: tuple[tuple[str, str, dt.datetime], ...]  # (kind, number, issued_at)
    attachments: tuple[tuple[str, str, dt.datetime], ...]  # (original name, purpose, added)


@dataclass(frozen=True)
class PersonData:
    id: str
    name: str
    gender: str | None
    ethnicity: str | None
    id_type: str
    id_number: str | None
    birth_date: dt.date | None
    phone: str | None
    address: str | None
    village: str
    grid: str
    created_at: dt.datetime
    updated_at: dt.datetime
    cases: tuple[PersonCase, ...] = field(default_factory=tuple)
    audit: tuple[tuple[dt.datetime, str, str, dict[str, Any] | None], ...] = ()  # (at, actor, event, details)


def find_person(session: Session, person_id: str) -> Person | None:
    return session.scalar(select(Person).where(Person.id == person_id, Person.deleted_at.is_(None)))


def person_field(person: Person, name: str) -> str | None:
    if name not in REVEALABLE:
        raise ValueError(name)
    value: str | None = getattr(person, name)
    return value


def person_parties(session: Session, person_id: str) -> list[tuple[Case, CaseParty]]:
    """Every (case, party row) where the person is a party, oldest case first."""
    stmt = (
        select(Case, CaseParty)
        .join(CaseParty, CaseParty.case_id == Case.id)
        .where(CaseParty.person_id == person_id, CaseParty.deleted_at.is_(None), Case.deleted_at.is_(None))
        .order_by(Case.local_no)
    )
    return [(c, p) for c, p in session.execute(stmt)]


def _person_case(session: Session, case: Case, party: CaseParty) -> PersonCase:
    others = tuple((p.role, p.display_name) for p in case.parties if p.id != party.id and p.deleted_at is None)
    events = session.scalars(select(CaseEvent).where(CaseEvent.case_id == case.id).order_by(CaseEvent.seq))
    agreements = []
    stmt = (
        select(Agreement)
        .where(Agreement.case_id == case.id, Agreement.deleted_at.is_(None))
        .order_by(Agreement.created_at)
    )
    for a in session.scalars(stmt):
        agreements.append({
            "oral": a.oral, "made_on": a.made_on, "effective_on": a.effective_on, "matters": a.matters,
            "facts": a.facts, "responsibilities": a.responsibilities,
            "obligations": [
                {"obligor": o.obligor, "obligee": o.obligee, "content": o.content, "amount_cents": o.amount_cents,
                 "due_on": o.due_on, "performance": o.performance} for o in a.obligations
            ],
            "own_signatures": [
                {"at": s.at, "method": s.method} for s in a.signatures
                if s.signer == "party" and s.party_position == party.position
            ],
        })  # fmt: skip
    docs = [
        (k, n, at)
        for k, n, at in session.execute(
            select(IssuedDocument.kind, IssuedDocument.number, IssuedDocument.issued_at)
            .where(IssuedDocument.case_id == case.id, IssuedDocument.deleted_at.is_(None))
            .order_by(IssuedDocument.issued_at)
        )
    ]
    files = [
        (name, purpose, at)
        for name, purpose, at in session.execute(
            select(Attachment.original_name, Attachment.purpose, Attachment.created_at)
            .where(Attachment.case_id == case.id, Attachment.deleted_at.is_(None))
            .order_by(Attachment.created_at)
        )
    ]
    return PersonCase(
        number=case.number, title=case.title, kind=case.kind, category=case.category, channel=case.channel,
        status=case.status, role=party.role, occurred_at=case.occurred_at, created_at=case.created_at,
        closed_at=case.closed_at, archived_at=case.archived_at, address=case.address, facts=case.facts,
        claims=case.claims, other_parties=others,
        timeline=tuple((e.at, e.action, e.summary) for e in events), agreements=tuple(agreements),
        documents=tuple(docs), attachments=tuple(files),
    )  # fmt: skip


def person_data(session: Session, person: Person) -> PersonData:
    """Everything held about ``person``: the record, the cases they are party to, and the audit entries about
    their record (who revealed or exported it, and why)."""
    village = session.get(Village, person.village_id) if person.village_id else None
    grid = session.get(Grid, person.grid_id) if person.grid_id else None
    cases = tuple(_person_case(session, c, p) for c, p in person_parties(session, person.id))
    audit = tuple(
        (e.at, e.actor, e.event, e.details)
        for e in session.scalars(
            select(AuditEntry)
            .where(AuditEntry.object_type == "person", AuditEntry.object_id == person.id)
            .order_by(AuditEntry.seq)
        )
    )
    return PersonData(
        id=person.id, name=person.name, gender=person.gender, ethnicity=person.ethnicity, id_type=person.id_type,
        id_number=person.id_number, birth_date=person.birth_date, phone=person.phone, address=person.address,
        village=village.name if village else "", grid=grid.name if grid else "", created_at=person.created_at,
        updated_at=person.updated_at, cases=cases, audit=audit,
    )  # fmt: skip


def anonymise(person: Person, placeholder_name: str, placeholder_address: str) -> None:
    """Replace what identifies the person. A trigger carries the new name to their case parties (and so to the
    case list and the search index); gender, ethnicity, village and grid stay for the statistics."""
    person.name = placeholder_name
    person.id_number = None
    person.phone = None
    person.birth_date = None
    person.address = placeholder_address
