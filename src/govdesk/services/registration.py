"""Registering a case (事项登记): one use case, one transaction, one audit entry."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from govdesk.domain.cases import CaseDraft, PartyDraft, format_case_number, parse_case_draft
from govdesk.domain.clock import china_date, utcnow
from govdesk.domain.codes import Kind
from govdesk.domain.errors import ValidationError
from govdesk.paths import resource
from govdesk.security.policy import Perm, Role, require
from govdesk.services.actor import Actor
from govdesk.services.lifecycle import refresh_risk
from govdesk.store import cases_repo, persons_repo, reference_repo
from govdesk.store.audit_repo import append_audit
from govdesk.store.models import Case, CaseParty, Center, NumberCounter, Organisation, Person
from govdesk.store.records import DuplicateHint
from govdesk.store.store import Store


@dataclass(frozen=True)
class Registered:
    number: str
    case_id: str
    duplicates: tuple[DuplicateHint, ...]


def data_tables_dir() -> Path:
    return resource("data")


def parse_registration(data: object) -> CaseDraft:
    """Validate registration input (CLI JSON or GUI form) against the code tables."""
    return parse_case_draft(data, data_tables_dir())


def next_case_number(session: Session, center: Center, year: int) -> str:
    """Take the next number for (center, year, station). Never reused, never behind an existing number."""
    counter = session.get(NumberCounter, (center.id, "case", year, center.station_no))
    if counter is None:
        counter = NumberCounter(center_id=center.id, series="case", year=year, station_no=center.station_no)
        counter.last_seq = 0
        session.add(counter)
    prefix = format_case_number(center.code, year, center.station_no, 0)[:-5]
    highest = cases_repo.highest_number_with_prefix(session, prefix)
    seen = int(highest[len(prefix) :]) if highest and highest[len(prefix) :].isdigit() else 0
    counter.last_seq = max(counter.last_seq, seen) + 1
    return format_case_number(center.code, year, center.station_no, counter.last_seq)


def _resolve_location(session: Session, draft: CaseDraft) -> tuple[str | None, str | None]:
    grid = village = None
    if draft.grid_code:
        grid = reference_repo.grid_by_code(session, draft.grid_code)
    elif draft.latitude is not None and draft.longitude is not None:
        grid = reference_repo.grid_at(session, draft.latitude, draft.longitude)
    if draft.village:
        village = reference_repo.village_by_name(session, draft.village)
        if grid is not None and grid.village_id != village.id:
            raise ValidationError(f"网格“{grid.name}”不属于“{village.name}”，请核对。", "grid_code")
    village_id = village.id if village else (grid.village_id if grid else None)
    return village_id, grid.id if grid else None


def _party_row(session: Session, center: Center, party: PartyDraft, village_id: str | None) -> CaseParty:
    if party.is_organisation:
        org = persons_repo.organisation_by_credit_code(session, party.credit_code) if party.credit_code else None
        if org is None:
            org = Organisation(
                center_id=center.id, name=party.name, credit_code=party.credit_code,
                representative=party.representative, address=party.address, phone=party.phone,
            )  # fmt: skip
            session.add(org)
            session.flush()
        return CaseParty(center_id=center.id, role=party.role.value, organisation_id=org.id, display_name=party.name)
    person = persons_repo.person_by_id_number(session, party.id_number) if party.id_number else None
    if person is None:
        person = Person(
            center_id=center.id, name=party.name, gender=party.gender, ethnicity=party.ethnicity,
            id_number=party.id_number, birth_date=party.birth_date, phone=party.phone,
            address=party.address, village_id=village_id,
        )  # fmt: skip
        session.add(person)
        session.flush()
    else:
        if person.name != party.name:
            raise ValidationError(
                f"身份证号 {party.id_number[:4] if party.id_number else ''}…已登记为“{person.name}”，"
                f"与填写的姓名“{party.name}”不一致，请核对。",
                "id_number",
            )
        # Fill what we did not know; never overwrite what another registration recorded.
        for attr in ("phone", "ethnicity", "address"):
            if getattr(person, attr) is None and getattr(party, attr) is not None:
                setattr(person, attr, getattr(party, attr))
    return CaseParty(center_id=center.id, role=party.role.value, person_id=person.id, display_name=person.name)


def find_duplicates(store: Store, draft: CaseDraft) -> list[DuplicateHint]:
    """Open cases that look like the same matter (shown on the form before saving)."""
    with store.db.read() as session:
        village_id, _ = _resolve_location(session, draft)
        ids = [p.id_number for p in draft.parties if p.id_number]
        names = [p.name for p in draft.parties]
        return cases_repo.duplicate_hints(session, ids, names, village_id)


def register_case(store: Store, actor: Actor, draft: CaseDraft, *, now: dt.datetime | None = None) -> Registered:
    perm = Perm.GRID_EVENT_REGISTER if draft.kind is Kind.GRID_EVENT else Perm.CASE_REGISTER
    require(Role(actor.role), perm, what=f"登记{draft.kind.label}")
    now = now or utcnow()
    with store.db.write() as session:
        center = reference_repo.local_center(session)
        village_id, grid_id = _resolve_location(session, draft)
        ids = [p.id_number for p in draft.parties if p.id_number]
        dups = cases_repo.duplicate_hints(session, ids, [p.name for p in draft.parties], village_id)
        number = next_case_number(session, center, china_date(now).year)
        case = Case(
            local_no=cases_repo.next_local_no(session), center_id=center.id, number=number,
            title=draft.title, kind=draft.kind.value, category=draft.category, channel=draft.channel.value,
            status="registered", risk=draft.risk.value, risk_reason=draft.risk_reason, facts=draft.facts,
            risk_manual=draft.risk.value if draft.risk.value != "green" else None, risk_manual_reason=draft.risk_reason,
            claims=draft.claims, occurred_at=draft.occurred_at, address=draft.address,
            latitude=draft.latitude, longitude=draft.longitude, village_id=village_id, grid_id=grid_id,
            people_involved=draft.people_involved,
            amount_cents=int(draft.amount * 100) if draft.amount is not None else None,
            registered_by=actor.name, created_at=now, updated_at=now,
        )  # fmt: skip
        session.add(case)
        session.flush()
        for position, party in enumerate(draft.parties):
            row = _party_row(session, center, party, village_id)
            row.case_id = case.id
            row.position = position
            session.add(row)
        session.flush()
        session.refresh(case)
        refresh_risk(session, case, china_date(now))
        append_audit(
            session, actor.audit_name, "case.register", "case", case.id,
            {"number": number, "title": draft.title, "kind": draft.kind.value, "parties": len(draft.parties)},
        )  # fmt: skip
        return Registered(number=number, case_id=case.id, duplicates=tuple(dups))
