"""Sync: outbox filled by triggers in the same transaction as each change, shadow rows, cursor state, review
items (conflicts), county instructions and reference data, attachment upload queue; referral receipt stamp.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# Frozen copy of govdesk.sync.protocol.SYNCED_TABLES at this revision (a migration never imports live code).
SYNCED = (
    "centers", "villages", "grids", "staff", "persons", "organisations", "cases", "case_parties", "case_events",
    "agreements", "obligations", "signatures", "referrals", "issued_documents", "attachments",
    "sync_conflicts", "county_instructions", "reference_data",
)

NOT_APPLYING = "COALESCE((SELECT applying FROM sync_apply WHERE id = 1), 0) = 0"


def _synced_columns() -> list[sa.Column]:  # type: ignore[type-arg]
    return [
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
    ]


def upgrade() -> None:
    op.add_column("referrals", sa.Column("server_received_at", sa.DateTime(), nullable=True))
    op.create_table(
        "sync_conflicts", *_synced_columns(),
        sa.Column("center_id", sa.String(36), nullable=True),
        sa.Column("table_name", sa.String(40), nullable=False),
        sa.Column("row_id", sa.String(64), nullable=False),
        sa.Column("field", sa.String(60), nullable=False),
        sa.Column("server_value", sa.JSON(), nullable=True),
        sa.Column("client_value", sa.JSON(), nullable=True),
        sa.Column("device", sa.String(100), nullable=False),
        sa.Column("op_id", sa.String(64), nullable=False),
        sa.Column("detected_at", sa.DateTime(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("resolved_by", sa.String(60), nullable=False),
        sa.Column("resolution", sa.String(20), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflicts")),
    )
    op.create_table(
        "county_instructions", *_synced_columns(),
        sa.Column("center_code", sa.String(12), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("issued_by", sa.String(60), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("acknowledged_at", sa.DateTime(), nullable=True),
        sa.Column("acknowledged_by", sa.String(60), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_county_instructions")),
    )
    op.create_table(
        "reference_data", *_synced_columns(),
        sa.Column("key", sa.String(60), nullable=False),
        sa.Column("value", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reference_data")),
        sa.UniqueConstraint("key", name=op.f("uq_reference_data_key")),
    )
    op.create_table(
        "sync_outbox",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("op_id", sa.String(64), nullable=False),
        sa.Column("table_name", sa.String(40), nullable=False),
        sa.Column("row_id", sa.String(64), nullable=False),
        sa.Column("base_version", sa.Integer(), nullable=False),
        sa.Column("made_at", sa.String(32), nullable=False),
        sa.Column("payload", sa.Text(), nullable=True),
        sa.Column("sent_at", sa.String(32), nullable=True),
        sa.Column("state", sa.String(12), nullable=False),
        sa.Column("error", sa.Text(), nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_sync_outbox")),
        sa.UniqueConstraint("op_id", name=op.f("uq_sync_outbox_op_id")),
    )
    # Edits of a row before it is sent fold into one pending entry.
    op.execute("CREATE UNIQUE INDEX ux_sync_outbox_pending ON sync_outbox (table_name, row_id) WHERE state = 'pending'")
    op.create_table(
        "sync_shadow",
        sa.Column("table_name", sa.String(40), nullable=False),
        sa.Column("row_id", sa.String(64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("bucket", sa.String(60), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("table_name", "row_id", name=op.f("pk_sync_shadow")),
    )
    op.create_index(op.f("ix_sync_shadow_bucket"), "sync_shadow", ["bucket"])
    op.create_table(
        "sync_state",
        sa.Column("key", sa.String(40), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_sync_state")),
    )
    op.create_table(
        "sync_apply",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("applying", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_apply")),
    )
    op.execute("INSERT INTO sync_apply (id, applying) VALUES (1, 0)")
    op.create_table(
        "sync_blobs",
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("state", sa.String(12), nullable=False),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_sync_blobs")),
    )
    for table in SYNCED:
        for event, ref in (("INSERT", "NEW"), ("UPDATE", "NEW"), ("DELETE", "OLD")):
            op.execute(f"""
CREATE TRIGGER sync_capture_{table}_{event.lower()} AFTER {event} ON {table}
WHEN {NOT_APPLYING}
BEGIN
  INSERT OR IGNORE INTO sync_outbox (op_id, table_name, row_id, base_version, made_at, state, error)
  VALUES (lower(hex(randomblob(16))), '{table}', {ref}.id,
          COALESCE((SELECT version FROM sync_shadow WHERE table_name = '{table}' AND row_id = {ref}.id), 0),
          strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'pending', '');
END""")
    op.execute(f"""
CREATE TRIGGER sync_blob_queue AFTER INSERT ON attachments
WHEN {NOT_APPLYING}
BEGIN
  INSERT OR IGNORE INTO sync_blobs (sha256, state) VALUES (NEW.sha256, 'pending');
END""")


def downgrade() -> None:
    raise NotImplementedError("downgrade is not supported: restore the backup taken before the migration")
