"""Frozen read models handed out by the repositories (widgets never hold ORM objects or sessions)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from govdesk.domain.codes import Channel, Kind, PartyRole, Risk, Status
from govdesk.domain.lifecycle import Action


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


@dataclass(frozen=True)
class TimelineEntry:
    seq: int
    at: dt.datetime  # UTC
    actor: str
    action: str
    action_label: str
    from_status: Status
    to_status: Status
    summary: str
    payload: dict[str, object] | None
    corrects_seq: int | None


@dataclass(frozen=True)
class ObligationRecord:
    position: int
    obligor: str
    obligee: str
    content: str
    amount_cents: int | None
    due_on: dt.date | None
    method: str
    place: str
    performance: str


@dataclass(frozen=True)
class SignatureRecord:
    signer: str
    name: str
    method: str
    at: dt.datetime
    recorded_by: str


@dataclass(frozen=True)
class AgreementRecord:
    id: str
    oral: bool
    made_on: dt.date
    facts: str
    matters: str
    responsibilities: str
    copies: int
    effective_on: dt.date | None
    locked_hash: str | None
    obligations: tuple[ObligationRecord, ...]
    signatures: tuple[SignatureRecord, ...]
    missing_signers: tuple[str, ...]
    confirmation_applied_on: dt.date | None
    confirmation_court: str
    confirmation_result: str | None
    confirmation_last_day: dt.date | None
    supplements_id: str | None = None  # a supplementary agreement (补充协议) to that agreement


@dataclass(frozen=True)
class ReferralRecord:
    department: str
    cooperating: tuple[str, ...]
    referred_at: dt.datetime
    receive_due: dt.date
    received_at: dt.datetime | None
    handle_due: dt.date
    reported_at: dt.datetime | None
    report: str
    confirmed_at: dt.datetime | None
    sent_back_count: int
    active: bool


@dataclass(frozen=True)
class CaseLifecycle:
    """Everything the detail pane shows about where a case stands."""

    detail: CaseDetail
    allowed_actions: tuple[Action, ...]
    timeline: tuple[TimelineEntry, ...]
    agreements: tuple[AgreementRecord, ...]
    referrals: tuple[ReferralRecord, ...]
    risk_reasons: tuple[str, ...]
    handlers: tuple[str, ...]
    due_date: dt.date | None
    due_what: str
    milestones: tuple[tuple[str, dt.datetime | None], ...]  # the "five firsts"
