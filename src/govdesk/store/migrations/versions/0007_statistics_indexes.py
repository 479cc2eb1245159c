"""Statistics indexes: a covering index for the dashboard's scan of a period, and case events by action

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23

Index-only: no table is altered or copied, so the sync capture triggers of 0006 stay as they are (a batch
operation would rebuild ``cases`` and drop them).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The live cases of a period with every column the statistics read (store/statistics_repo.py: the dashboard,
    # the report by category, the cases behind a figure), so a year of 72,000 cases is counted from the index
    # alone instead of 72,000 reads of a wide row. deleted_at is kept as a column too: without it SQLite does not
    # treat the partial index as covering for "deleted_at IS NULL".
    op.create_index(
        "ix_cases_period",
        "cases",
        ["created_at", "kind", "channel", "risk", "category", "status", "village_id", "occurred_at", "accepted_at",
         "resolved_at", "confirmed_at", "fed_back_at", "closed_at", "due_date", "satisfaction", "people_involved",
         "local_no", "id", "deleted_at"],
        sqlite_where=sa.text("deleted_at IS NULL"),
    )  # fmt: skip
    # "Was this grid event resolved on the spot?" answered from the index, without reading the event row.
    op.create_index("ix_case_events_case_action", "case_events", ["case_id", "action"])


def downgrade() -> None:
    raise NotImplementedError("downgrade is not supported: restore the backup taken before the migration")
