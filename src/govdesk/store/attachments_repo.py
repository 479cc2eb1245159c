"""Queries about attachments (the rows; the blobs are files handled by services.attachments)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from govdesk.store.models import Attachment, Case


@dataclass(frozen=True)
class AttachmentRow:
    id: str
    case_number: str
    sha256: str
    size: int
    mime: str
    original_name: str
    purpose: str
    created_at: dt.datetime


def _row(a: Attachment, case_number: str) -> AttachmentRow:
    return AttachmentRow(a.id, case_number, a.sha256, a.size, a.mime, a.original_name, a.purpose, a.created_at)


def add_attachment(session: Session, row: Attachment) -> None:
    session.add(row)
    session.flush()


def case_attachment_with(session: Session, case_id: str, sha256: str) -> Attachment | None:
    """The live attachment of this case with this content, if it was attached already."""
    stmt = select(Attachment).where(
        Attachment.case_id == case_id, Attachment.sha256 == sha256, Attachment.deleted_at.is_(None)
    )
    return session.scalars(stmt.limit(1)).first()


def attachment_by_sha256(session: Session, sha256: str) -> Attachment | None:
    stmt = select(Attachment).where(Attachment.sha256 == sha256, Attachment.deleted_at.is_(None)).limit(1)
    return session.scalars(stmt).first()


def case_attachments(session: Session, case_id: str) -> list[AttachmentRow]:
    stmt = (
        select(Attachment, Case.number)
        .join(Case, Case.id == Attachment.case_id)
        .where(Attachment.case_id == case_id, Attachment.deleted_at.is_(None))
        .order_by(Attachment.created_at, Attachment.id)
    )
    return [_row(a, number) for a, number in session.execute(stmt)]


def to_row(a: Attachment, case_number: str) -> AttachmentRow:
    return _row(a, case_number)
