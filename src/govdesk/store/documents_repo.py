"""Queries for printed documents: everything a case's documents print (parties unmasked, records, the
agreement), and the register of issued documents with their numbers."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session, lazyload

from govdesk.store.models import Agreement, Case, CaseEvent, Center, IssuedDocument, Setting
from govdesk.store.records import ObligationRecord  # the same fields the detail pane shows

RETENTION_SETTING = "documents.retention"


@dataclass(frozen=True)
class PartySource:
    position: int
    role: str
    name: str
    is_organisation: bool
    gender: str | None
    ethnicity: str | None
    birth_date: dt.date | None
    id_type: str | None
    id_number: str | None
    phone: str | None
    address: str | None
    credit_code: str | None
    representative: str | None


@dataclass(frozen=True)
class EventSource:
    seq: int
    at: dt.datetime  # UTC
    actor: str
    action: str
    payload: dict[str, Any]
    corrects_seq: int | None


@dataclass(frozen=True)
class AgreementSource:
    id: str
    oral: bool
    made_on: dt.date
    facts: str
    matters: str
    responsibilities: str
    copies: int
    effective_on: dt.date | None
    confirmation_applied_on: dt.date | None
    confirmation_court: str
    obligations: tuple[ObligationRecord, ...]
    supplements_id: str | None = None


@dataclass(frozen=True)
class CaseSources:
    """One case as its documents need it (plain values, read in one session)."""

    case_id: str
    center_id: str
    center_code: str
    center_name: str
    committee_name: str
    station_no: int
    number: str
    title: str
    kind: str
    status: str
    category: str
    channel: str
    facts: str
    claims: str
    occurred_at: dt.date | None
    created_at: dt.datetime
    accepted_at: dt.datetime | None
    closed_at: dt.datetime | None
    archived_at: dt.datetime | None
    address: str
    handlers: tuple[str, ...]
    parties: tuple[PartySource, ...]
    events: tuple[EventSource, ...]
    agreement: AgreementSource | None  # the agreement itself (never a supplement)
    retention: str
    supplements: tuple[AgreementSource, ...] = ()  # its supplementary agreements, in the order made


@dataclass(frozen=True)
class IssuedRecord:
    id: str
    center_id: str
    case_id: str
    case_number: str
    kind: str
    number: str
    year: int
    station_no: int
    seq: int
    content_sha256: str
    issued_at: dt.datetime
    issued_by: str
    reprints: int


def case_sources(session: Session, case: Case) -> CaseSources:
    center = session.get(Center, case.center_id)
    assert center is not None
    parties = []
    for cp in case.parties:
        if cp.deleted_at is not None:
            continue
        p, org = cp.person, cp.organisation
        parties.append(PartySource(
            position=cp.position, role=cp.role, name=cp.display_name, is_organisation=org is not None,
            gender=p.gender if p else None, ethnicity=p.ethnicity if p else None,
            birth_date=p.birth_date if p else None, id_type=p.id_type if p else None,
            id_number=p.id_number if p else None, phone=(p.phone if p else org.phone if org else None),
            address=(p.address if p else org.address if org else None),
            credit_code=org.credit_code if org else None, representative=org.representative if org else None,
        ))  # fmt: skip
    rows = list(session.scalars(select(CaseEvent).where(CaseEvent.case_id == case.id).order_by(CaseEvent.seq)))
    seq_by_id = {e.id: e.seq for e in rows}
    events = tuple(EventSource(e.seq, e.at, e.actor, e.action, dict(e.payload or {}),
                               seq_by_id.get(e.corrects_id) if e.corrects_id else None) for e in rows)  # fmt: skip
    stmt = (select(Agreement).where(Agreement.case_id == case.id, Agreement.deleted_at.is_(None))
            .options(lazyload(Agreement.signatures)).order_by(Agreement.created_at))  # fmt: skip
    rows_a = list(session.scalars(stmt))
    principal = next((a for a in reversed(rows_a) if a.supplements_id is None), None)
    agreement = _agreement_source(principal) if principal is not None else None
    supplements = tuple(_agreement_source(a) for a in rows_a if principal is not None and a.supplements_id == principal.id)
    retention = session.get(Setting, RETENTION_SETTING)
    return CaseSources(
        case_id=case.id, center_id=center.id, center_code=center.code, center_name=center.name,
        committee_name=center.committee_name, station_no=center.station_no, number=case.number, title=case.title,
        kind=case.kind, status=case.status, category=case.category or "", channel=case.channel, facts=case.facts,
        claims=case.claims, occurred_at=case.occurred_at, created_at=case.created_at, accepted_at=case.accepted_at,
        closed_at=case.closed_at, archived_at=case.archived_at, address=case.address,
        handlers=tuple(case.handlers or ()), parties=tuple(parties), events=events, agreement=agreement,
        retention=retention.value if retention else "", supplements=supplements,
    )  # fmt: skip


def _agreement_source(a: Agreement) -> AgreementSource:
    return AgreementSource(
        id=a.id, oral=a.oral, made_on=a.made_on, facts=a.facts, matters=a.matters,
        responsibilities=a.responsibilities, copies=a.copies, effective_on=a.effective_on,
        confirmation_applied_on=a.confirmation_applied_on, confirmation_court=a.confirmation_court,
        obligations=tuple(ObligationRecord(o.position, o.obligor, o.obligee, o.content, o.amount_cents, o.due_on,
                                           o.method, o.place, o.performance)
                          for o in a.obligations if o.deleted_at is None),
        supplements_id=a.supplements_id,
    )  # fmt: skip


def _record(row: IssuedDocument, case_number: str) -> IssuedRecord:
    return IssuedRecord(row.id, row.center_id, row.case_id, case_number, row.kind, row.number, row.year,
                        row.station_no, row.seq, row.content_sha256, row.issued_at, row.issued_by, row.reprints)  # fmt: skip


def issued_with_content(session: Session, case_id: str, kind: str, digest: str) -> IssuedDocument | None:
    """The issued document of this case and kind whose content is exactly ``digest`` (a reprint keeps it)."""
    stmt = select(IssuedDocument).where(
        IssuedDocument.case_id == case_id, IssuedDocument.kind == kind, IssuedDocument.content_sha256 == digest,
        IssuedDocument.deleted_at.is_(None),
    ).order_by(IssuedDocument.issued_at)  # fmt: skip
    return session.scalars(stmt).first()


def latest_issued(session: Session, case_id: str, kind: str) -> IssuedDocument | None:
    stmt = (select(IssuedDocument)
            .where(IssuedDocument.case_id == case_id, IssuedDocument.kind == kind, IssuedDocument.deleted_at.is_(None))
            .order_by(IssuedDocument.issued_at.desc(), IssuedDocument.seq.desc()))  # fmt: skip
    return session.scalars(stmt).first()


def highest_doc_seq(session: Session, center_id: str, year: int, station_no: int) -> int:
    """The greatest sequence already used for this centre, year and station (issued rows survive a lost counter)."""
    stmt = select(func.max(IssuedDocument.seq)).where(
        IssuedDocument.center_id == center_id, IssuedDocument.year == year, IssuedDocument.station_no == station_no)
    return int(session.scalar(stmt) or 0)


def issued_by_code(session: Session, center_id: str, year: int, station_no: int, seq: int) -> IssuedRecord | None:
    stmt = (select(IssuedDocument, Case.number).join(Case, Case.id == IssuedDocument.case_id)
            .where(IssuedDocument.center_id == center_id, IssuedDocument.year == year,
                   IssuedDocument.station_no == station_no, IssuedDocument.seq == seq,
                   IssuedDocument.deleted_at.is_(None)))  # fmt: skip
    row = session.execute(stmt).first()
    return _record(row[0], row[1]) if row else None


def later_versions(session: Session, issued: IssuedRecord) -> list[IssuedRecord]:
    """Documents of the same case and kind issued after this one (its content has since changed)."""
    stmt = (select(IssuedDocument, Case.number).join(Case, Case.id == IssuedDocument.case_id)
            .where(IssuedDocument.case_id == issued.case_id, IssuedDocument.kind == issued.kind,
                   IssuedDocument.issued_at > issued.issued_at, IssuedDocument.deleted_at.is_(None))
            .order_by(IssuedDocument.issued_at))  # fmt: skip
    return [_record(doc, number) for doc, number in session.execute(stmt)]


def case_numbers_with_written_agreements(session: Session, first_day: dt.date, last_day: dt.date) -> list[str]:
    """Cases whose current written agreement (not a supplement to it) was made between the two dates, in
    agreement order."""
    latest = (select(Agreement.case_id, func.max(Agreement.created_at).label("created"))
              .where(Agreement.deleted_at.is_(None), Agreement.supplements_id.is_(None))
              .group_by(Agreement.case_id).subquery())  # fmt: skip
    stmt = (select(Case.number)
            .join(Agreement, Agreement.case_id == Case.id)
            .join(latest, and_(latest.c.case_id == Agreement.case_id, latest.c.created == Agreement.created_at))
            .where(Agreement.oral.is_(False), Agreement.made_on >= first_day, Agreement.made_on <= last_day,
                   Case.deleted_at.is_(None))
            .order_by(Agreement.made_on, Case.number))  # fmt: skip
    return list(session.scalars(stmt))
