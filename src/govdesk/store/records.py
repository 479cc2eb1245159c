"""Frozen read models handed out by the repositories (widgets never hold ORM objects or sessions)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from govdesk.domain.codes import Channel, Kind, PartyRole, Risk, Status


@dataclass(frozen=True)
class CenterInfo:
    id: str
    code: str
    name: str
    committee_name: str
    station_no: int


@dataclass(frozen=True)
class CaseRow:
    """One line of the case list."""

    local_no: int
    id: str
    number: str
    title: str
    kind: Kind
    category: str | None
    channel: Channel
    status: Status
    risk: Risk
    party_names: str
    village: str
    occurred_at: dt.date | None
    created_at: dt.datetime


@dataclass(frozen=True)
class PartyRecord:
    role: PartyRole
    name: str
    is_organisation: bool
    person_id: str | None
    id_number_masked: str
    gender: str | None
    ethnicity: str | None
    birth_date: dt.date | None
    phone_masked: str
    address: str | None
    credit_code: str | None
    representative: str | None


@dataclass(frozen=True)
class CaseDetail:
    row: CaseRow
    facts: str
    claims: str
    address: str
    latitude: float | None
    longitude: float | None
    grid: str
    people_involved: int
    amount_cents: int | None
    risk_reason: str
    registered_by: str
    updated_at: dt.datetime
    parties: tuple[PartyRecord, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class PersonRow:
    id: str
    name: str
    gender: str | None
    id_number_masked: str
    phone_masked: str
    village: str
    address: str | None
    case_count: int


@dataclass(frozen=True)
class DuplicateHint:
    number: str
    title: str
    status: Status
    reason: str


@dataclass(frozen=True)
class NamedRef:
    id: str
    code: str
    name: str
