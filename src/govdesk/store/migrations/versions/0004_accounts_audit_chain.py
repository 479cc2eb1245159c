"""Staff accounts and the audit hash chain

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _hash(prev: str, row: sa.Row) -> str:  # type: ignore[type-arg]
    # Frozen copy of govdesk.security.audit_chain.entry_hash as of this revision.
    details = json.loads(row.details) if isinstance(row.details, str) else row.details
    at = (dt.datetime.fromisoformat(row.at) if isinstance(row.at, str) else row.at).isoformat(sep=" ")
    body = json.dumps([row.seq, at, row.actor, row.device, row.event, row.object_type, row.object_id, row.outcome,
                       details], ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256((prev + body).encode("utf-8")).hexdigest()


def upgrade() -> None:
    op.create_table(
        "accounts",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("username", sa.String(length=40), nullable=False),
        sa.Column("display_name", sa.String(length=60), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("must_change_password", sa.Boolean(), nullable=False),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("last_login_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_accounts")),
        sa.UniqueConstraint("username", name=op.f("uq_accounts_username")),
    )
    # Deleted cases are rare: a partial index answers "are there any?" so list queries can skip the test.
    op.execute("CREATE INDEX ix_cases_tombstones ON cases (local_no) WHERE deleted_at IS NOT NULL")
    op.add_column("audit_log", sa.Column("prev_hash", sa.String(length=64), nullable=False, server_default=""))
    op.add_column("audit_log", sa.Column("hash", sa.String(length=64), nullable=False, server_default=""))
    # Chain the entries written before this revision, in order (the append-only triggers must step aside once).
    conn = op.get_bind()
    op.execute("DROP TRIGGER audit_log_no_update")
    prev = "0" * 64
    rows = conn.execute(sa.text(
        "SELECT id, seq, at, actor, device, event, object_type, object_id, outcome, details FROM audit_log ORDER BY seq"
    )).fetchall()
    for row in rows:
        h = _hash(prev, row)
        conn.execute(sa.text("UPDATE audit_log SET prev_hash = :p, hash = :h WHERE id = :i"), {"p": prev, "h": h, "i": row.id})
        prev = h
    op.execute("""CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN
        SELECT RAISE(ABORT, 'audit_log is append-only');
    END""")


def downgrade() -> None:
    raise NotImplementedError("downgrade is not supported: restore the backup taken before the migration")
