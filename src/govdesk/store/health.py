"""The start-up check of the store (quick structure check, the cipher's page checksums, the audit hash chain),
and what changed after a moment (what restoring a backup taken then would lose)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Select, func, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from govdesk.domain.errors import StoreError
from govdesk.store.audit_queries import audit_chain_breaks
from govdesk.store.engine import Database, describe_database_error
from govdesk.store.models import Attachment, AuditEntry, Case, CaseEvent, Person

MAX_LINES = 20  # a badly damaged file reports thousands of lines; the first ones say enough


def startup_problems(db: Database) -> list[str]:
    """What is wrong with the store, in words for the user (empty when it is whole). Faster than the full
    ``govdesk check``: ``quick_check`` skips the index-content comparison; the audit chain is checked in full."""
    problems: list[str] = []
    try:
        with db.engine.connect() as conn:
            for (line,) in conn.execute(text("PRAGMA quick_check")).fetchmany(MAX_LINES):
                if line != "ok":
                    problems.append(f"数据库结构损坏：{line}")
            if db.key is not None:
                for row in conn.execute(text("PRAGMA cipher_integrity_check")).fetchmany(MAX_LINES):
                    problems.append(f"加密数据页校验失败：{row[0]}")
            with Session(bind=conn) as session:
                _count, breaks = audit_chain_breaks(session)
                problems.extend(f"审计记录：{b.message}" for b in breaks[:MAX_LINES])
            conn.rollback()
    except DBAPIError as err:
        problems.append(describe_database_error(err, db.path))
    except StoreError as err:  # raised while connecting: the file cannot be read at all
        problems.append(str(err))
    return problems


def changes_since(session: Session, since_utc: dt.datetime) -> dict[str, int]:
    """How many records were added or changed after ``since_utc`` (naive UTC, as stored)."""

    def count(stmt: Select[int]) -> int:
        return int(session.scalar(stmt) or 0)

    return {
        "cases_added": count(select(func.count()).select_from(Case).where(Case.created_at > since_utc)),
        "cases_changed": count(select(func.count()).select_from(Case)
                               .where(Case.updated_at > since_utc, Case.created_at <= since_utc)),
        "case_events": count(select(func.count()).select_from(CaseEvent).where(CaseEvent.at > since_utc)),
        "persons": count(select(func.count()).select_from(Person).where(Person.updated_at > since_utc)),
        "attachments": count(select(func.count()).select_from(Attachment).where(Attachment.created_at > since_utc)),
        "audit": count(select(func.count()).select_from(AuditEntry).where(AuditEntry.at > since_utc)),
    }  # fmt: skip
