"""The county server's tables (SQLAlchemy Core; the same schema on PostgreSQL and SQLite).

Rows of every synced table are kept as JSON documents with the version and origin of each field, so the server
can merge field by field and answer "what changed since N" without knowing each desktop table's columns."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData(naming_convention={
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "pk": "pk_%(table_name)s",
})  # fmt: skip

rows = Table(
    "rows", metadata,
    Column("table_name", String(40), primary_key=True),
    Column("row_id", String(64), primary_key=True),
    Column("owner", String(12), nullable=False),  # center code, or "county"
    Column("audience", String(12), nullable=False, default=""),  # county rows: a center code or "*"
    Column("version", BigInteger, nullable=False),
    Column("bucket", String(60), nullable=False),
    Column("data", Text, nullable=False),
    Column("field_versions", Text, nullable=False),  # {field: [version, origin]}
    Column("origin", String(64), nullable=False),
    Column("deleted", Boolean, nullable=False, default=False),
    Index("ix_rows_owner_version", "owner", "version"),
    Index("ix_rows_audience_version", "audience", "version"),
    Index("ix_rows_owner_bucket", "owner", "bucket"),
)  # fmt: skip

applied_ops = Table(
    "applied_ops", metadata,
    Column("device_id", String(64), primary_key=True),  # op_ids are unique per device (a copied data directory
    Column("op_id", String(64), primary_key=True),      # carries the original's unsent ones)
    Column("ack", Text, nullable=False),
    Column("applied_at", DateTime, nullable=False),
)  # fmt: skip

devices = Table(
    "devices", metadata,
    Column("id", String(64), primary_key=True),
    Column("center_code", String(12), nullable=False, index=True),
    Column("name", String(100), nullable=False),
    Column("enrol_code_hash", String(64), unique=True),
    Column("enrol_expires", DateTime),
    Column("token_hash", String(64), unique=True),
    Column("station_no", Integer),
    Column("created_at", DateTime, nullable=False),
    Column("enrolled_at", DateTime),
    Column("revoked_at", DateTime),
    Column("last_sync", DateTime),
    Column("last_client_time", String(40)),
    Column("audit_seq", BigInteger),
    Column("audit_hash", String(64)),
)  # fmt: skip

counters = Table(
    "counters", metadata,
    Column("name", String(40), primary_key=True),
    Column("value", BigInteger, nullable=False),
)  # fmt: skip

blobs = Table(
    "blobs", metadata,
    Column("sha256", String(64), primary_key=True),
    Column("size", BigInteger, nullable=False),
    Column("complete", Boolean, nullable=False, default=False),
    Column("created_at", DateTime, nullable=False),
)  # fmt: skip

blob_owners = Table(
    "blob_owners", metadata,
    Column("sha256", String(64), primary_key=True),
    Column("center_code", String(12), primary_key=True),
)  # fmt: skip

blob_chunks = Table(
    "blob_chunks", metadata,
    Column("sha256", String(64), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("data", LargeBinary, nullable=False),
)  # fmt: skip
