"""Appending to the audit log (in the caller's transaction: if the audit write fails, the action fails),
hash-chained so that an edited, deleted, reordered or inserted entry is found at its position."""

from __future__ import annotations

import json
import platform
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from govdesk.domain.clock import utcnow
from govdesk.security.audit_chain import GENESIS, ChainedEntry, chain_problems, entry_hash
from govdesk.store.models import AuditEntry

DEVICE = platform.node()


def append_audit(
    session: Session,
    actor: str,
    event: str,
    object_type: str = "",
    object_id: str = "",
    details: dict[str, Any] | None = None,
    outcome: str = "ok",
) -> AuditEntry:
    last = session.execute(select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)).first()
    seq, prev = (last[0] + 1, last[1]) if last else (1, GENESIS)
    safe = json.loads(json.dumps(details, ensure_ascii=False, default=str)) if details else None
    at = utcnow()
    digest = entry_hash(prev, seq, at.isoformat(sep=" "), actor, DEVICE, event, object_type, object_id, outcome, safe)
    entry = AuditEntry(
        seq=seq, at=at, actor=actor, device=DEVICE, event=event, object_type=object_type, object_id=object_id,
        outcome=outcome, details=safe, prev_hash=prev, hash=digest,
    )  # fmt: skip
    session.add(entry)
    session.flush()
    return entry


def audit_chain_problems(session: Session) -> list[str]:
    rows = session.scalars(select(AuditEntry).order_by(AuditEntry.seq))
    return chain_problems(
        ChainedEntry(e.seq, e.at.isoformat(sep=" "), e.actor, e.device, e.event, e.object_type, e.object_id,
                     e.outcome, e.details, e.prev_hash, e.hash)
        for e in rows
    )  # fmt: skip
