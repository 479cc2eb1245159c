"""Appending to the audit log (in the caller's transaction: if the audit write fails, the action fails)."""

from __future__ import annotations

import json
import platform
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

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
    seq = int(session.scalar(select(func.coalesce(func.max(AuditEntry.seq), 0))) or 0) + 1
    safe = json.loads(json.dumps(details, ensure_ascii=False, default=str)) if details else None
    entry = AuditEntry(
        seq=seq, actor=actor, device=DEVICE, event=event, object_type=object_type,
        object_id=object_id, outcome=outcome, details=safe,
    )  # fmt: skip
    session.add(entry)
    session.flush()
    return entry
