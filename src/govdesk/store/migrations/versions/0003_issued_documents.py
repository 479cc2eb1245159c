"""Issued documents: numbers and content hashes of printed mediation documents

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "issued_documents",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=True),
        sa.Column("center_id", sa.String(length=36), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("number", sa.String(length=60), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("station_no", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("content_sha256", sa.String(length=64), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.Column("issued_by", sa.String(length=60), nullable=False),
        sa.Column("reprints", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_issued_documents_case_id_cases")),
        sa.ForeignKeyConstraint(["center_id"], ["centers.id"], name=op.f("fk_issued_documents_center_id_centers")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_issued_documents")),
        sa.UniqueConstraint("center_id", "number", name=op.f("uq_issued_documents_center_id_number")),
    )
    op.create_index("ix_issued_documents_case_kind", "issued_documents", ["case_id", "kind"], unique=False)
    op.create_index("ix_issued_documents_code", "issued_documents", ["year", "station_no", "seq"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_issued_documents_code", table_name="issued_documents")
    op.drop_index("ix_issued_documents_case_kind", table_name="issued_documents")
    op.drop_table("issued_documents")
