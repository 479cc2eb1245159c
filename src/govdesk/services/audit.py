"""Reading and verifying the audit trail."""

from __future__ import annotations

from govdesk.security.policy import Perm, Role, require
from govdesk.services.actor import Actor
from govdesk.store.audit_repo import audit_chain_problems
from govdesk.store.store import Store


def verify_audit_chain(store: Store, actor: Actor) -> list[str]:
    """Every break in the hash chain, each at its position (empty when intact)."""
    require(Role(actor.role), Perm.AUDIT_READ, what="查看审计记录")
    with store.db.read() as session:
        return audit_chain_problems(session)
