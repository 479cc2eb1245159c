"""The plain data the document builders take: one case's file as the store knows it, frozen.

Nothing here knows SQLAlchemy or Qt: the services layer reads the store and fills these in. Times typed by
users (``time`` of an investigation or a session) are kept as the text the record holds ("2026-11-20 14:30",
China time); dates are China dates.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Committee:
    name: str  # 荷塘镇人民调解委员会
    center_name: str
    center_code: str


@dataclass(frozen=True)
class DocumentParty:
    position: int
    role: str  # applicant / respondent / third_party
    name: str
    is_organisation: bool = False
    gender: str | None = None
    ethnicity: str | None = None
    birth_date: dt.date | None = None
    id_type: str | None = None
    id_number: str | None = None  # full: legal documents print it whole, the others masked
    phone: str | None = None
    address: str | None = None
    credit_code: str | None = None
    representative: str | None = None


@dataclass(frozen=True)
class Correction:
    """A later record correcting this one (records are append-only: the original stays as it was)."""

    on: dt.date
    by: str
    content: str
    reason: str


@dataclass(frozen=True)
class Acceptance:
    accepted_on: dt.date
    mediators: tuple[str, ...]
    application: str  # written / oral / initiative
    registrar: str
    note: str = ""


@dataclass(frozen=True)
class InvestigationRecord:
    time: str
    place: str
    participants: tuple[str, ...]
    person: str
    recorder: str
    investigator: str
    content: str
    corrections: tuple[Correction, ...] = ()


@dataclass(frozen=True)
class SessionRecord:
    time: str
    place: str
    mediators: tuple[str, ...]
    attendees: tuple[str, ...]
    content: str
    outcome: str
    recorder: str
    corrections: tuple[Correction, ...] = ()


@dataclass(frozen=True)
class DocumentObligation:
    position: int
    obligor: str
    obligee: str
    content: str
    amount_cents: int | None = None
    due_on: dt.date | None = None
    method: str = ""
    place: str = ""
    performance: str = "pending"  # pending / performed / partly / not


@dataclass(frozen=True)
class DocumentAgreement:
    oral: bool
    made_on: dt.date
    facts: str
    matters: str  # for an oral agreement: its content
    responsibilities: str
    obligations: tuple[DocumentObligation, ...]
    copies: int
    effective_on: dt.date | None = None
    confirmation_applied_on: dt.date | None = None
    confirmation_court: str = ""
    confirmation_last_day: dt.date | None = None
    mediators: tuple[str, ...] = ()
    recorder: str = ""
    supplement_no: int = 0  # 0: the agreement itself; N: its N-th supplementary agreement (补充协议)


@dataclass(frozen=True)
class Termination:
    reason: str
    channels: tuple[str, ...]  # arbitration / administrative / judicial
    notified_on: dt.date
    by: str


@dataclass(frozen=True)
class FollowUpRecord:
    on: dt.date
    visitor: str
    visited: str
    performance: tuple[tuple[int, str], ...]  # (obligation position, performed/partly/not)
    satisfaction: str  # satisfied / basically / unsatisfied
    lawsuit: str
    escalation_signs: str
    measures: str
    note: str = ""


@dataclass(frozen=True)
class Filing:
    """The dossier's filing facts (卷宗封面 and 备考表)."""

    first_session_on: dt.date | None = None
    last_session_on: dt.date | None = None
    closed_on: dt.date | None = None
    archived_on: dt.date | None = None
    archived_by: str = ""
    retention: str = ""


@dataclass(frozen=True)
class CaseFile:
    """Everything the documents of one people's-mediation case may print."""

    committee: Committee
    number: str  # the case number, 330483101-2026-01-00012
    title: str
    kind: str
    status: str
    category: str
    channel: str
    facts: str
    claims: str
    occurred_on: dt.date | None
    registered_on: dt.date
    address: str
    parties: tuple[DocumentParty, ...]
    acceptance: Acceptance | None = None
    investigations: tuple[InvestigationRecord, ...] = ()
    sessions: tuple[SessionRecord, ...] = ()
    agreement: DocumentAgreement | None = None  # the agreement itself, never a supplement
    supplements: tuple[DocumentAgreement, ...] = ()  # supplementary agreements to it, in the order made
    termination: Termination | None = None
    follow_ups: tuple[FollowUpRecord, ...] = ()
    filing: Filing = Filing()
    refused: bool = False
    withdrawn: bool = False

    @property
    def current_agreement(self) -> DocumentAgreement | None:
        """The latest agreement: the last supplement, if any (what judicial confirmation is applied for next)."""
        return self.supplements[-1] if self.supplements else self.agreement

    def by_role(self, role: str) -> tuple[DocumentParty, ...]:
        return tuple(p for p in self.parties if p.role == role)
