"""Alembic environment: migrations run on the connection the store hands over (config.attributes)."""

from __future__ import annotations

from alembic import context

from govdesk.store.models import Base

connection = context.config.attributes["connection"]


def include_object(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    """Autogenerate must not touch the FTS5 tables (made by raw SQL in 0001) or their shadow tables."""
    return not (type_ == "table" and name is not None and name.startswith("case_fts"))


context.configure(
    connection=connection,
    include_object=include_object,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things: batch mode copies the table.
)
with context.begin_transaction():
    context.run_migrations()
