"""Applying Alembic migrations at start-up, with a backup taken first when an existing store changes."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from govdesk.store.backup import backup_name, backup_to

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, db_path: Path, backup_dir: Path, key: bytes | None = None) -> Path | None:
    """Bring the store to the newest schema. Returns the backup made before migrating, if any."""
    current = current_revision(engine)
    if current == head_revision():
        return None
    backup: Path | None = None
    if current is not None:
        backup = backup_to(db_path, backup_dir / backup_name(f"before-migration-{current}"), "before-migration", key).path
    cfg = _config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return backup
