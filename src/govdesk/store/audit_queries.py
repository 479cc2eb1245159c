"""Reading the audit log for the audit viewer: filtered, paged, newest first. Read-only by design: there is no
query here (nor anywhere) that edits or deletes an entry; the table's triggers refuse both."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, Text, and_, cast, func, or_, select
from sqlalchemy.orm import Session

from govdesk.domain.clock import CHINA
from govdesk.security.audit_chain import ChainBreak, ChainedEntry, chain_breaks
from govdesk.store.models import Account, AuditEntry, Person

_LIKE_ESCAPE = "!"


@dataclass(frozen=True)
class AuditFilter:
    """What the viewer shows. Dates are China dates, both ends included; empty strings mean "any"."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    actor: str = ""
    event: str = ""  # an exact event, or a family such as "case.*"
    object_type: str = ""
    object_text: str = ""  # object id, or text in the entry's details (a case number, a file name)


@dataclass(frozen=True)
class AuditRow:
    seq: int
    at: dt.datetime  # UTC
    actor: str
    device: str
    event: str
    object_type: str
    object_id: str
    outcome: str
    details: dict[str, Any] | None
    object_name: str = ""  # the person's name or the account's user name, as they are now


def _utc(day: dt.date) -> dt.datetime:
    """China midnight of ``day`` as naive UTC (how ``at`` is stored)."""
    return dt.datetime.combine(day, dt.time(), CHINA).astimezone(dt.UTC).replace(tzinfo=None)


def _like_literal(text: str) -> str:
    return (
        text.replace(_LIKE_ESCAPE, _LIKE_ESCAPE * 2).replace("%", _LIKE_ESCAPE + "%").replace("_", _LIKE_ESCAPE + "_")
    )


def _conditions(flt: AuditFilter) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    if flt.date_from is not None:
        where.append(AuditEntry.at >= _utc(flt.date_from))
    if flt.date_to is not None:
        where.append(AuditEntry.at < _utc(flt.date_to + dt.timedelta(days=1)))
    if flt.actor:
        where.append(AuditEntry.actor == flt.actor)
    if flt.event.endswith(".*"):
        where.append(AuditEntry.event.like(_like_literal(flt.event[:-1]) + "%", escape=_LIKE_ESCAPE))
    elif flt.event:
        where.append(AuditEntry.event == flt.event)
    if flt.object_type:
        where.append(AuditEntry.object_type == flt.object_type)
    text = flt.object_text.strip()
    if text:
        # Details are stored as JSON with non-ASCII characters escaped (\uXXXX): search for the same spelling.
        escaped = json.dumps(text)[1:-1]
        where.append(or_(
            AuditEntry.object_id == text,
            cast(AuditEntry.details, Text).like(
                "%" + _like_literal(escaped) + "%", escape=_LIKE_ESCAPE),
        ))  # fmt: skip
    return where


def _filtered(stmt: Select[Any], flt: AuditFilter) -> Select[Any]:
    where = _conditions(flt)
    return stmt.where(and_(*where)) if where else stmt


def _rows(session: Session, entries: list[AuditEntry]) -> list[AuditRow]:
    """Rows with the names of the persons and accounts they are about (an anonymised person shows as such)."""
    ids = {t: {e.object_id for e in entries if e.object_type == t and e.object_id} for t in ("person", "account")}
    names: dict[str, str] = {}
    if ids["person"]:
        names.update(
            (i, n) for i, n in session.execute(select(Person.id, Person.name).where(Person.id.in_(ids["person"])))
        )
    if ids["account"]:
        names.update(
            (i, n)
            for i, n in session.execute(select(Account.id, Account.username).where(Account.id.in_(ids["account"])))
        )
    return [
        AuditRow(e.seq, e.at, e.actor, e.device, e.event, e.object_type, e.object_id, e.outcome, e.details,
                 names.get(e.object_id, "") if e.object_type in ids else "")
        for e in entries
    ]  # fmt: skip


def count_entries(session: Session, flt: AuditFilter) -> int:
    return int(session.scalar(_filtered(select(func.count()).select_from(AuditEntry), flt)) or 0)


def entry_page(session: Session, flt: AuditFilter, offset: int, limit: int) -> list[AuditRow]:
    stmt = _filtered(select(AuditEntry), flt).order_by(AuditEntry.seq.desc()).offset(offset).limit(limit)
    return _rows(session, list(session.scalars(stmt)))


def iter_entries(session: Session, flt: AuditFilter, batch: int = 2000) -> Iterator[AuditRow]:
    """Every matching entry, newest first, read in batches (an export of a year's trail stays small in memory)."""
    last: int | None = None
    while True:
        stmt = _filtered(select(AuditEntry), flt)
        if last is not None:
            stmt = stmt.where(AuditEntry.seq < last)
        rows = list(session.scalars(stmt.order_by(AuditEntry.seq.desc()).limit(batch)))
        if not rows:
            return
        yield from _rows(session, rows)
        last = rows[-1].seq


def newer_count(session: Session, flt: AuditFilter, seq: int) -> int:
    """How many matching entries come before ``seq`` in the viewer's order (newest first)."""
    return int(
        session.scalar(_filtered(select(func.count()).select_from(AuditEntry), flt).where(AuditEntry.seq > seq)) or 0
    )


def distinct_values(session: Session) -> tuple[list[str], list[str], list[str]]:
    """The actors, events and object types that occur, for the viewer's filter lists."""

    def values(column: Any) -> list[str]:
        return [v for v in session.scalars(select(column).distinct().order_by(column)) if v]

    return values(AuditEntry.actor), values(AuditEntry.event), values(AuditEntry.object_type)


def audit_chain_breaks(session: Session) -> tuple[int, list[ChainBreak]]:
    """The number of entries and every break in their hash chain (entries streamed, not held in memory)."""
    count = 0

    def entries() -> Iterator[ChainedEntry]:
        nonlocal count
        for e in session.scalars(select(AuditEntry).order_by(AuditEntry.seq).execution_options(yield_per=2000)):
            count += 1
            yield ChainedEntry(e.seq, e.at.isoformat(sep=" "), e.actor, e.device, e.event, e.object_type,
                               e.object_id, e.outcome, e.details, e.prev_hash, e.hash)  # fmt: skip
            session.expunge(e)

    breaks = chain_breaks(entries())
    return count, breaks
