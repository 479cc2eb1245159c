"""The start-up check finds a damaged store or a broken audit chain and offers the newest backup that passes its
own check; the restore preview says what would be lost; restoring keeps the replaced store, even a damaged one."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from sqlalchemy import select, text

from govdesk.services import backups, case_queries
from govdesk.services.actor import Actor
from govdesk.services.registration import parse_registration, register_case
from govdesk.services.startup_check import check_at_start
from govdesk.store.cases_repo import CaseFilter
from govdesk.store.models import AuditEntry
from govdesk.store.store import DB_NAME, Store
from tests.conftest import STAFF, dispute

ADMIN = Actor("管理员", "admin", "admin")


def _register(store: Store, title: str) -> str:
    return register_case(store, STAFF, parse_registration(dispute(title=title))).number


def _break_audit_chain(store: Store) -> None:
    with store.db.write() as session:
        session.execute(text("DROP TRIGGER audit_log_no_update"))
        session.execute(text("UPDATE audit_log SET actor = '别人' WHERE seq = 2"))


def _damage_pages(data_dir: Path) -> Store:
    """Overwrite the root pages of the cases table and its indexes (the schema stays readable, so it opens)."""
    import sqlcipher3.dbapi2 as sqlite_driver

    path = data_dir / DB_NAME
    conn = sqlite_driver.connect(str(path))
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    roots = [r for (r,) in conn.execute("SELECT rootpage FROM sqlite_master WHERE tbl_name = 'cases' AND rootpage > 1")]
    conn.close()
    data = bytearray(path.read_bytes())
    for root in roots:
        data[(root - 1) * page : root * page] = b"\xa5" * page
    path.write_bytes(bytes(data))
    return Store.open(data_dir, writer=True)


def test_a_whole_store_passes(store: Store) -> None:
    _register(store, "纠纷")
    assert check_at_start(store).ok


def test_a_broken_audit_chain_is_reported_and_the_latest_good_backup_offered(store: Store) -> None:
    _register(store, "备份之前")
    older = backups.create_backup(store, ADMIN)
    time.sleep(0.01)
    newest = backups.create_backup(store, ADMIN)
    _register(store, "备份之后一")
    _register(store, "备份之后二")
    _break_audit_chain(store)
    result = check_at_start(store)
    assert not result.ok and any("审计记录" in p and "第2条" in p for p in result.problems)
    assert result.offer is not None and result.offer.backup.path == newest.path
    changes = result.offer.changes
    assert changes is not None and changes["cases_added"] == 2 and changes["audit"] >= 2
    assert not result.offer.loses_nothing
    # A corrupted newer backup is never offered: the next good one is.
    data = bytearray(newest.path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    newest.path.write_bytes(bytes(data))
    offer = check_at_start(store).offer
    assert offer is not None and offer.backup.path == older.path


def test_no_backup_means_no_offer(store: Store) -> None:
    _register(store, "纠纷")
    _break_audit_chain(store)
    result = check_at_start(store)
    assert not result.ok and result.offer is None


def test_preview_of_a_backup_taken_just_now_loses_nothing(store: Store) -> None:
    _register(store, "纠纷")
    info = backups.create_backup(store, ADMIN)
    with store.db.read() as session:  # the backup's own audit entry was written after it was taken
        last = session.scalar(select(AuditEntry.event).order_by(AuditEntry.seq.desc()).limit(1))
    assert last == "backup.create"
    preview = backups.restore_preview(store, info)
    assert preview.changes is not None and preview.changes["cases_added"] == 0


def test_restoring_over_a_damaged_store_keeps_its_bytes_aside(data_dir: Path) -> None:
    store = Store.open(data_dir, writer=True)
    kept_number = _register(store, "备份之前登记")
    info = backups.create_backup(store, ADMIN)
    for i in range(40):
        _register(store, f"备份之后登记{i}" * 5)
    store.close()
    store = _damage_pages(data_dir)
    try:
        result = check_at_start(store)
        assert not result.ok and any("损坏" in p for p in result.problems), result.problems
        assert result.offer is not None and result.offer.backup.path == info.path
        damaged_bytes = (data_dir / DB_NAME).read_bytes()
        backups.restore_backup(store, ADMIN, info.path.name)
        kept = list((data_dir / backups.DAMAGED_DIR).glob("govdesk-*-replaced.db"))
        assert len(kept) == 1 and kept[0].read_bytes()[:4096] == damaged_bytes[:4096]
        assert check_at_start(store).ok
        assert [r.number for r in case_queries.list_cases(store, CaseFilter())] == [kept_number]
        with store.db.read() as session:
            entry = session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).one()
        assert entry.event == "backup.restore" and entry.details is not None
        assert entry.details["kept_aside"].startswith("damaged")
    finally:
        store.close()


def test_restoring_a_whole_store_keeps_a_verified_safety_backup(store: Store) -> None:
    info = backups.create_backup(store, ADMIN)
    _register(store, "备份之后登记")
    backups.restore_backup(store, ADMIN, info.path.name)
    safety = [b for b in backups.list_backups(store) if b.reason == "before-restore"]
    assert len(safety) == 1 and safety[0].ok and safety[0].counts["cases"] == 1
    assert not (store.data_dir / backups.DAMAGED_DIR).exists()


@pytest.mark.parametrize("reason", ["daily", "manual"])
def test_latest_good_backup_verifies_before_offering(store: Store, reason: str) -> None:
    assert backups.latest_good_backup(store) is None
    info = backups.create_backup(store, ADMIN, reason)
    found = backups.latest_good_backup(store)
    assert found is not None and found.ok and found.path == info.path
