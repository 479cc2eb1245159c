"""Migration 0007 (statistics indexes) on a store made at 0006: it only adds the two indexes. The sync capture
triggers of 0006 stay exactly as they were and keep filling the outbox, the data is untouched, and the chain of
revisions still has a single head."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import text

from govdesk.services.actor import Actor
from govdesk.services.registration import parse_registration, register_case
from govdesk.services.setup import init_center
from govdesk.store import migrate
from govdesk.store.engine import Database
from govdesk.store.store import DB_NAME, Store
from tests.conftest import CENTER_CODE, STAFF, dispute

NEW_INDEXES = {
    "ix_cases_period": ["created_at", "kind", "channel", "risk", "category", "status", "village_id", "occurred_at",
                        "accepted_at", "resolved_at", "confirmed_at", "fed_back_at", "closed_at", "due_date",
                        "satisfaction", "people_involved", "local_no", "id", "deleted_at"],
    "ix_case_events_case_action": ["case_id", "action"],
}  # fmt: skip


def _upgrade(db: Database, revision: str) -> None:
    cfg = migrate._config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


def _store_at_0006(data_dir: Path) -> None:
    """A store created by the migrations up to 0006, with a center and one case registered on that schema."""
    data_dir.mkdir()
    db = Database(data_dir / DB_NAME)
    _upgrade(db, "0006")
    store = Store(data_dir, db, None)  # as it is: opening normally would migrate it
    init_center(store, Actor("setup", "admin", "setup"), "测试镇综治中心", CENTER_CODE)
    register_case(store, STAFF, parse_registration(dispute()))
    store.close()


def _schema(store: Store, kind: str) -> dict[str, str]:
    with store.db.read() as session:
        rows = session.execute(text("SELECT name, sql FROM sqlite_master WHERE type = :t"), {"t": kind})
        return {str(name): str(sql) for name, sql in rows}


def _outbox(store: Store) -> int:
    with store.db.read() as session:
        return int(session.execute(text("SELECT count(*) FROM sync_outbox")).scalar_one())


def _columns(store: Store, index: str) -> list[str]:
    with store.db.read() as session:
        return [str(r[2]) for r in session.execute(text(f"PRAGMA index_info({index})"))]


def test_0007_adds_the_indexes_and_leaves_the_sync_triggers_alone(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    _store_at_0006(data_dir)
    before = Store(data_dir, Database(data_dir / DB_NAME), None)
    assert before.schema_version() == "0006"
    triggers, tables = _schema(before, "trigger"), _schema(before, "table")
    assert sum(name.startswith("sync_capture_") for name in triggers) > 0
    assert not set(NEW_INDEXES) & set(_schema(before, "index"))
    outbox = _outbox(before)
    assert outbox > 0  # the registration on 0006 was captured
    _upgrade(before.db, "0007")
    try:
        assert before.schema_version() == "0007"
        assert _schema(before, "trigger") == triggers  # same triggers, same SQL
        assert _schema(before, "table") == tables  # no table rebuilt or altered
        for name, columns in NEW_INDEXES.items():
            assert _columns(before, name) == columns
        assert "WHERE deleted_at IS NULL" in _schema(before, "index")["ix_cases_period"]
        assert _outbox(before) == outbox  # nothing captured by the migration itself
        with before.db.read() as session:
            assert session.execute(text("SELECT count(*) FROM cases")).scalar_one() == 1
    finally:
        before.close()

    store = Store.open(data_dir, writer=True)  # the rest of the way to the head, as the app opens it
    try:
        assert store.schema_version() == migrate.head_revision()
        register_case(store, STAFF, parse_registration(dispute(title="迁移之后登记")))
        assert _outbox(store) > outbox  # the capture triggers still fire
        assert store.integrity_problems() == []
    finally:
        store.close()


def test_the_revisions_have_one_head() -> None:
    heads = ScriptDirectory.from_config(migrate._config()).get_heads()
    assert heads == [migrate.head_revision()]
