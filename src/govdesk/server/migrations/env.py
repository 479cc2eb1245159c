"""Alembic environment of the county server: migrations run on the connection handed over in attributes."""

from __future__ import annotations

from alembic import context

from govdesk.server.models import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, version_table="server_alembic_version")
with context.begin_transaction():
    context.run_migrations()
