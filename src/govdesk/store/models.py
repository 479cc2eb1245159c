"""The ORM models of the local store (SQLAlchemy 2.x typed mappings).

Every row that will ever sync has a client-generated UUID primary key, ``center_id`` (the owning
center), ``created_at``/``updated_at`` in UTC and a ``deleted_at`` tombstone instead of a hard delete.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from govdesk.domain.clock import utcnow

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> str:
    return str(uuid.uuid4())


REFERENCE_NAMESPACE = uuid.UUID("6d1b7c1e-4f0a-5b8e-9c61-8a3f2d0e7b45")


def reference_id(kind: str, code: str) -> str:
    """The id of a reference row (center, village, grid) derived from its code: two devices of one center that
    set up the same village make the same row, so sync never sees two rows colliding on the code."""
    return str(uuid.uuid5(REFERENCE_NAMESPACE, f"{kind}:{code}"))


def _reference_default(kind: str) -> Any:
    def default(context: Any) -> str:
        return reference_id(kind, context.get_current_parameters()["code"])

    return default




class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class SyncedRow:
    """Columns of every row that syncs."""

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(DateTime, default=None)


class Center(SyncedRow, Base):
    """The township/street comprehensive governance center that owns this store."""

    __tablename__ = "centers"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=_reference_default("center"))
    code: Mapped[str] = mapped_column(String(12), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    committee_name: Mapped[str] = mapped_column(String(100), default="")
    # The station (device) number makes case numbers unique across the center's machines.
    station_no: Mapped[int] = mapped_column(Integer, default=1)
    is_local: Mapped[bool] = mapped_column(default=True)


class Village(SyncedRow, Base):
    __tablename__ = "villages"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=_reference_default("village"))
    center_id: Mapped[str] = mapped_column(ForeignKey("centers.id"))
    code: Mapped[str] = mapped_column(String(12), unique=True)
    name: Mapped[str] = mapped_column(String(60))
    is_community: Mapped[bool] = mapped_column(default=False)
    boundary: Mapped[dict | None] = mapped_column(JSON, default=None)  # type: ignore[type-arg]


class Grid(SyncedRow, Base):
    __tablename__ = "grids"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=_reference_default("grid"))
    center_id: Mapped[str] = mapped_column(ForeignKey("centers.id"))
    village_id: Mapped[str] = mapped_column(ForeignKey("villages.id"), index=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(60))
    officer_name: Mapped[str] = mapped_column(String(60), default="")
    officer_phone: Mapped[str] = mapped_column(String(20), default="")
    boundary: Mapped[dict | None] = mapped_column(JSON, default=None)  # type: ignore[type-arg]


class Staff(SyncedRow, Base):
    __tablename__ = "staff"
    center_id: Mapped[str] = mapped_column(ForeignKey("centers.id"))
    name: Mapped[str] = mapped_column(String(60))
    role: Mapped[str] = mapped_column(String(20))
    phone: Mapped[str] = mapped_column(String(20), default="")


class Person(SyncedRow, Base):
    """A natural person. Names are stored exactly as typed (no Unicode normalisation)."""

    __tablename__ = "persons"
    center_id: Mapped[str] = mapped_column(ForeignKey("centers.id"))
    name: Mapped[str] = mapped_column(String(60), index=True)
    gender: Mapped[str | None] = mapped_column(String(2))
    ethnicity: Mapped[str | None] = mapped_column(String(12))
    id_type: Mapped[str] = mapped_column(String(20), default="居民身份证")
    id_number: Mapped[str | None] = mapped_column(String(30), index=True)
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    phone: Mapped[str | None] = mapped_column(String(20), index=True)
    address: Mapped[str | None] = mapped_column(String(200))
    village_id: Mapped[str | None] = mapped_column(ForeignKey("villages.id"), index=True)
    grid_id: Mapped[str | None] = mapped_column(ForeignKey("grids.id"))


class Organisation(SyncedRow, Base):
    __tablename__ = "organisations"
    center_id: Mapped[str] = mapped_column(ForeignKey("centers.id"))
    name: Mapped[str] = mapped_column(String(100), index=True)
    credit_code: Mapped[str | None] = mapped_column(String(18), index=True)
    representative: Mapped[str | None] = mapped_column(String(60))
    address: Mapped[str | None] = mapped_column(String(200))
    phone: Mapped[str | None] = mapped_column(String(20))


class Case(SyncedRow, Base):
    """A matter received by the center (事项): dispute, complaint, suggestion, help, consultation, grid event."""

    __tablename__ = "cases"
    __table_args__ = (
        Index("ix_cases_created", "created_at"),
        Index("ix_cases_status_local", "status", "local_no"),
        Index("ix_cases_kind_local", "kind", "local_no"),
        Index("ix_cases_category_local", "category", "local_no"),
        Index("ix_cases_risk_local", "risk", "local_no"),
        Index("ix_cases_village_local", "village_id", "local_no"),
        Index("ix_cases_occurred", "occurred_at"),
        Index("ix_cases_tombstones", "local_no", sqlite_where=text("deleted_at IS NOT NULL")),
        # Migration 0007: the statistics' scan of a period, read from the index alone (store/statistics_repo.py).
        Index("ix_cases_period", "created_at", "kind", "channel", "risk", "category", "status", "village_id",
              "occurred_at", "accepted_at", "resolved_at", "confirmed_at", "fed_back_at", "closed_at", "due_date",
              "satisfaction", "people_involved", "local_no", "id", "deleted_at",
              sqlite_where=text("deleted_at IS NULL")),
    )
    # Local integer key for the full-text index and the lazy list; never leaves this machine.
    local_no: Mapped[int] = mapped_column(Integer, unique=True)
    center_id: Mapped[str] = mapped_column(ForeignKey("centers.id"))
    number: Mapped[str] = mapped_column(String(40), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))
    category: Mapped[str | None] = mapped_column(String(30))
    channel: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(20), default="registered")
    risk: Mapped[str] = mapped_column(String(10), default="green")
    risk_reason: Mapped[str] = mapped_column(Text, default="")
    facts: Mapped[str] = mapped_column(Text, default="")
    claims: Mapped[str] = mapped_column(Text, default="")
    occurred_at: Mapped[dt.date | None] = mapped_column(Date)
    address: Mapped[str] = mapped_column(String(200), default="")
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    village_id: Mapped[str | None] = mapped_column(ForeignKey("villages.id"))
    grid_id: Mapped[str | None] = mapped_column(ForeignKey("grids.id"))
    people_involved: Mapped[int] = mapped_column(Integer, default=1)
    amount_cents: Mapped[int | None] = mapped_column(Integer)
    # Party names joined by spaces, kept by triggers on case_parties; feeds the list and full-text search.
    party_names: Mapped[str] = mapped_column(Text, default="")
    registered_by: Mapped[str] = mapped_column(String(60), default="")
    # Lifecycle (the "five firsts": discovered = occurred_at/created_at, then these).
    accepted_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    resolved_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    confirmed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    fed_back_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    closed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    archived_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    due_date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    due_what: Mapped[str] = mapped_column(String(40), default="")
    handlers: Mapped[list[str] | None] = mapped_column(JSON, default=None)  # mediators / staff assigned
    violence_risk: Mapped[bool] = mapped_column(default=False)
    group_petition: Mapped[bool] = mapped_column(default=False)
    police_reported_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    risk_manual: Mapped[str | None] = mapped_column(String(10))
    risk_manual_reason: Mapped[str] = mapped_column(Text, default="")
    risk_reasons: Mapped[list[str] | None] = mapped_column(JSON, default=None)
    satisfaction: Mapped[str | None] = mapped_column(String(20))

    parties: Mapped[list[CaseParty]] = relationship(
        back_populates="case", order_by="CaseParty.position", lazy="selectin"
    )


class CaseParty(SyncedRow, Base):
    __tablename__ = "case_parties"
    __table_args__ = (UniqueConstraint("case_id", "position"),)
    center_id: Mapped[str] = mapped_column(ForeignKey("centers.id"))
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    role: Mapped[str] = mapped_column(String(20))
    person_id: Mapped[str | None] = mapped_column(ForeignKey("persons.id"), index=True)
    organisation_id: Mapped[str | None] = mapped_column(ForeignKey("organisations.id"), index=True)
    display_name: Mapped[str] = mapped_column(String(100))

    case: Mapped[Case] = relationship(back_populates="parties")
    person: Mapped[Person | None] = relationship(lazy="joined")
    organisation: Mapped[Organisation | None] = relationship(lazy="joined")


class NumberCounter(Base):
    """Last sequence used per (center, year, station, series). Local: never syncs, never goes backwards."""

    __tablename__ = "number_counters"
    center_id: Mapped[str] = mapped_column(ForeignKey("centers.id"), primary_key=True)
    series: Mapped[str] = mapped_column(String(20), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    station_no: Mapped[int] = mapped_column(Integer, primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)


class AuditEntry(Base):
    """Append-only record of every change (triggers refuse UPDATE and DELETE)."""

    __tablename__ = "audit_log"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(String(60))
    device: Mapped[str] = mapped_column(String(100), default="")
    event: Mapped[str] = mapped_column(String(40))
    object_type: Mapped[str] = mapped_column(String(40), default="")
    object_id: Mapped[str] = mapped_column(String(60), default="")
    outcome: Mapped[str] = mapped_column(String(20), default="ok")
    details: Mapped[dict | None] = mapped_column(JSON, default=None)  # type: ignore[type-arg]
    prev_hash: Mapped[str] = mapped_column(String(64), default="")
    hash: Mapped[str] = mapped_column(String(64), default="")


class Setting(Base):
    """Store-level settings (not per user)."""

    __tablename__ = "store_settings"
    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class CaseEvent(SyncedRow, Base):
    """The case timeline and its records (application, investigation, session, notices…). Append-only:
    a correction is a new event whose ``corrects_id`` points at the old one."""

    __tablename__ = "case_events"
    __table_args__ = (UniqueConstraint("case_id", "seq"), Index("ix_case_events_case_action", "case_id", "action"))
    center_id: Mapped[str] = mapped_column(ForeignKey("centers.id"))
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(String(60))
    action: Mapped[str] = mapped_column(String(30))
    from_status: Mapped[str] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    summary: Mapped[str] = mapped_column(Text, default="")
    payload: Mapped[dict | None] = mapped_column(JSON, default=None)  # type: ignore[type-arg]
    corrects_id: Mapped[str | None] = mapped_column(ForeignKey("case_events.id"))


class Agreement(SyncedRow, Base):
    """A mediation agreement (written, Art. 29, or oral, Art. 28) with its obligations as structured data."""

    __tablename__ = "agreements"
    center_id: Mapped[str] = mapped_column(ForeignKey("centers.id"))
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    oral: Mapped[bool] = mapped_column(default=False)
    supplements_id: Mapped[str | None] = mapped_column(ForeignKey("agreements.id"))
    made_on: Mapped[dt.date] = mapped_column(Date)
    facts: Mapped[str] = mapped_column(Text, default="")
    matters: Mapped[str] = mapped_column(Text, default="")
    responsibilities: Mapped[str] = mapped_column(Text, default="")
    copies: Mapped[int] = mapped_column(Integer, default=0)
    effective_on: Mapped[dt.date | None] = mapped_column(Date)
    locked_hash: Mapped[str | None] = mapped_column(String(64))
    confirmation_applied_on: Mapped[dt.date | None] = mapped_column(Date)
    confirmation_court: Mapped[str] = mapped_column(String(100), default="")
    confirmation_result: Mapped[str | None] = mapped_column(String(20))
    confirmation_result_on: Mapped[dt.date | None] = mapped_column(Date)
    confirmation_case_no: Mapped[str] = mapped_column(String(60), default="")

    obligations: Mapped[list[Obligation]] = relationship(order_by="Obligation.position", lazy="selectin")
    signatures: Mapped[list[Signature]] = relationship(order_by="Signature.at", lazy="selectin")


class Obligation(SyncedRow, Base):
    __tablename__ = "obligations"
    __table_args__ = (UniqueConstraint("agreement_id", "position"),)
    center_id: Mapped[str] = mapped_column(ForeignKey("centers.id"))
    agreement_id: Mapped[str] = mapped_column(ForeignKey("agreements.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    obligor: Mapped[str] = mapped_column(String(100))
    obligee: Mapped[str] = mapped_column(String(100), default="")
    content: Mapped[str] = mapped_column(Text)
    amount_cents: Mapped[int | None] = mapped_column(Integer)
    due_on: Mapped[dt.date | None] = mapped_column(Date)
    method: Mapped[str] = mapped_column(String(200), default="")
    place: Mapped[str] = mapped_column(String(200), default="")
    performance: Mapped[str] = mapped_column(String(20), default="pending")


class Signature(SyncedRow, Base):
    """One signing event (append-only): a party, the mediator, the recorder, or the committee seal."""

    __tablename__ = "signatures"
    center_id: Mapped[str] = mapped_column(ForeignKey("centers.id"))
    agreement_id: Mapped[str] = mapped_column(ForeignKey("agreements.id"), index=True)
    signer: Mapped[str] = mapped_column(String(20))  # party / mediator / recorder / seal
    party_position: Mapped[int | None] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(100), default="")
    method: Mapped[str] = mapped_column(String(20))  # paper / fingerprint / seal / image
    at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    recorded_by: Mapped[str] = mapped_column(String(60))
    image_sha256: Mapped[str | None] = mapped_column(String(64))


class Referral(SyncedRow, Base):
    """A matter referred to a department (交办): sign-for and handling deadlines, report, confirmation."""

    __tablename__ = "referrals"
    center_id: Mapped[str] = mapped_column(ForeignKey("centers.id"))
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    department: Mapped[str] = mapped_column(String(60))
    cooperating: Mapped[list[str] | None] = mapped_column(JSON, default=None)
    referred_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    referred_by: Mapped[str] = mapped_column(String(60))
    receive_due: Mapped[dt.date] = mapped_column(Date)
    received_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    received_by: Mapped[str] = mapped_column(String(60), default="")
    handle_due: Mapped[dt.date] = mapped_column(Date)
    reported_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    report: Mapped[str] = mapped_column(Text, default="")
    confirmed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    sent_back_count: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(default=True)
    server_received_at: Mapped[dt.datetime | None] = mapped_column(DateTime)  # stamped by the county server


class Account(Base):
    """A local staff account. Local to this installation (never synced): passwords never leave the PC."""

    __tablename__ = "accounts"
    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    username: Mapped[str] = mapped_column(String(40), unique=True)
    display_name: Mapped[str] = mapped_column(String(60))
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(200))
    must_change_password: Mapped[bool] = mapped_column(default=False)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(DateTime)
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    last_login_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class IssuedDocument(SyncedRow, Base):
    """A printed document with its number (``(2026)荷塘人调字第01-012号``) and the hash of what it prints.
    The number is assigned when the document is first issued and kept on every reprint of the same content."""

    __tablename__ = "issued_documents"
    __table_args__ = (
        UniqueConstraint("center_id", "number"),
        Index("ix_issued_documents_case_kind", "case_id", "kind"),
        Index("ix_issued_documents_code", "year", "station_no", "seq"),
    )
    center_id: Mapped[str] = mapped_column(ForeignKey("centers.id"))
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"))
    kind: Mapped[str] = mapped_column(String(40))
    number: Mapped[str] = mapped_column(String(60))
    year: Mapped[int] = mapped_column(Integer)
    station_no: Mapped[int] = mapped_column(Integer)
    seq: Mapped[int] = mapped_column(Integer)
    content_sha256: Mapped[str] = mapped_column(String(64))
    issued_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    issued_by: Mapped[str] = mapped_column(String(60))
    reprints: Mapped[int] = mapped_column(Integer, default=0)


class Attachment(SyncedRow, Base):
    """A file kept with a case: a scan of the signed paper, a signature image, a photo. The bytes live in a
    content-addressed blob ``<data_dir>/attachments/<sha256>`` (encrypted when the store is); several rows may
    share one blob. ``original_name`` is metadata only (sanitised), never used as a path."""

    __tablename__ = "attachments"
    __table_args__ = (Index("ix_attachments_sha256", "sha256"),)
    center_id: Mapped[str] = mapped_column(ForeignKey("centers.id"))
    case_id: Mapped[str] = mapped_column(ForeignKey("cases.id"), index=True)
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)
    mime: Mapped[str] = mapped_column(String(40))
    original_name: Mapped[str] = mapped_column(String(255), default="")
    purpose: Mapped[str] = mapped_column(String(20))  # signed_agreement / signature / scan / photo


class SyncConflict(SyncedRow, Base):
    """A review item: the same field was changed on two sides; the server kept its value, this keeps the other."""

    __tablename__ = "sync_conflicts"
    center_id: Mapped[str | None] = mapped_column(String(36))
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(64))
    field: Mapped[str] = mapped_column(String(60))
    server_value: Mapped[Any] = mapped_column(JSON, default=None)
    client_value: Mapped[Any] = mapped_column(JSON, default=None)
    device: Mapped[str] = mapped_column(String(100), default="")
    op_id: Mapped[str] = mapped_column(String(64), default="")
    detected_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    resolved_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    resolved_by: Mapped[str] = mapped_column(String(60), default="")
    resolution: Mapped[str] = mapped_column(String(20), default="")  # server / client


class CountyInstruction(SyncedRow, Base):
    """An instruction from the county addressed to this center (交办/督办); the township acknowledges it."""

    __tablename__ = "county_instructions"
    center_code: Mapped[str] = mapped_column(String(12))
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text, default="")
    issued_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    issued_by: Mapped[str] = mapped_column(String(60), default="")
    due_on: Mapped[dt.date | None] = mapped_column(Date)
    acknowledged_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    acknowledged_by: Mapped[str] = mapped_column(String(60), default="")


class ReferenceData(SyncedRow, Base):
    """County-wide reference data (a code table, the responsibility list), replacing the bundled file."""

    __tablename__ = "reference_data"
    key: Mapped[str] = mapped_column(String(60), unique=True)
    value: Mapped[Any] = mapped_column(JSON, default=None)


class SyncOutbox(Base):
    """A captured change waiting to reach the county server (filled by triggers, see migration 0006)."""

    __tablename__ = "sync_outbox"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    op_id: Mapped[str] = mapped_column(String(64), unique=True)
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(64))
    base_version: Mapped[int] = mapped_column(Integer, default=0)
    made_at: Mapped[str] = mapped_column(String(32), default="")
    payload: Mapped[str | None] = mapped_column(Text)
    sent_at: Mapped[str | None] = mapped_column(String(32))
    state: Mapped[str] = mapped_column(String(12), default="pending")  # pending / sent / refused
    error: Mapped[str] = mapped_column(Text, default="")


class SyncShadow(Base):
    """The last state of a row the server acknowledged: what local edits are diffed against."""

    __tablename__ = "sync_shadow"
    table_name: Mapped[str] = mapped_column(String(40), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    bucket: Mapped[str] = mapped_column(String(60), index=True)
    data: Mapped[str] = mapped_column(Text)


class SyncState(Base):
    __tablename__ = "sync_state"
    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class SyncApply(Base):
    """One row: 1 while the sync engine writes rows that came from the server (the triggers skip them)."""

    __tablename__ = "sync_apply"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    applying: Mapped[int] = mapped_column(Integer, default=0)


class SyncBlob(Base):
    """An attachment's bytes waiting to be uploaded."""

    __tablename__ = "sync_blobs"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    state: Mapped[str] = mapped_column(String(12), default="pending")  # pending / uploaded
