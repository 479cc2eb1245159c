"""The store keeps its promises: settings, migrations with backup, single writer, search that works for Chinese."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlite_driver
from sqlalchemy import text

from govdesk.domain.errors import StoreError, StoreLocked
from govdesk.services.registration import parse_registration, register_case
from govdesk.store.cases_repo import CaseFilter, case_local_nos
from govdesk.store.store import Store
from tests.conftest import STAFF, dispute


def test_every_connection_has_the_durability_settings(store: Store) -> None:
    with store.db.read() as session:
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert session.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert session.execute(text("PRAGMA secure_delete")).scalar() == 1
        version = session.execute(text("select sqlite_version()")).scalar()
    assert tuple(int(x) for x in version.split(".")) >= (3, 51, 3)


def test_a_second_writer_is_refused_while_the_first_holds_the_store(store: Store) -> None:
    with pytest.raises(StoreLocked, match="正被另一个"):
        Store.open(store.data_dir, writer=True)
    reader = Store.open(store.data_dir, writer=False)  # reading alongside is fine
    reader.close()


def test_opening_a_missing_store_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="govdesk init"):
        Store.open(tmp_path / "nothing", writer=False)


def test_migration_of_an_old_store_takes_a_backup_first(store: Store) -> None:
    data_dir = store.data_dir
    register_case(store, STAFF, parse_registration(dispute()))
    store.close()
    # Pretend the store was made by an older schema: the next open must back it up before migrating.
    conn = sqlite_driver.connect(str(data_dir / "govdesk.db"))
    conn.execute("UPDATE alembic_version SET version_num = '0000'")
    conn.commit()
    conn.close()
    with pytest.raises(Exception, match="0000"):
        # No migration script knows '0000': opening must fail loudly, not silently re-create tables...
        Store.open(data_dir, writer=True)
    backups = list((data_dir / "backups").glob("*before-migration-0000*.db"))
    assert len(backups) == 1  # ...and the backup was taken before anything was attempted.
    check = sqlite_driver.connect(str(backups[0]))
    assert check.execute("select count(*) from cases").fetchone()[0] == 1
    check.close()


def _register(store: Store, **overrides: object) -> str:
    return register_case(store, STAFF, parse_registration(dispute(**overrides))).number


def _found(store: Store, query: str) -> int:
    with store.db.read() as session:
        return len(case_local_nos(session, CaseFilter(search=query)))


def test_search_finds_one_and_two_character_chinese_queries(store: Store) -> None:
    _register(store)
    _register(store, title="噪音扰民", category="邻里", facts="楼上装修。",
              parties=[{"role": "applicant", "name": "赵大勇"}])  # fmt: skip
    assert _found(store, "王") == 1  # a surname
    assert _found(store, "纠纷") == 1
    assert _found(store, "宅基地") == 1  # trigram path
    assert _found(store, "赵大勇") == 1
    assert _found(store, "装修") == 1
    assert _found(store, "扰民 赵") == 1  # terms are AND-ed
    assert _found(store, "张") == 0


def test_search_text_is_taken_literally(store: Store) -> None:
    _register(store, title='100%赔偿"协议"_A')
    for query in ("%", "_", '"', "OR", "NEAR", "*", "100%", '"协议"', "' OR 1=1 --"):
        _found(store, query)  # never an error
    assert _found(store, "%") == 1
    assert _found(store, "100%赔偿") == 1
    assert _found(store, "纠纷 OR") == 0


def test_search_by_full_id_number(store: Store) -> None:
    _register(store)
    assert _found(store, "330483199003150013") == 1


def test_search_follows_a_corrected_party_name(store: Store) -> None:
    _register(store)
    with store.db.write() as session:
        session.execute(text("UPDATE persons SET name='王小明' WHERE name='王某'"))
    assert _found(store, "王小明") == 1
    assert _found(store, "小明") == 1


def test_integrity_check_passes_on_a_good_store(store: Store) -> None:
    _register(store)
    assert store.integrity_problems() == []


def test_audit_log_refuses_update_and_delete(store: Store) -> None:
    _register(store)
    with pytest.raises(Exception, match="append-only"), store.db.write() as session:
        session.execute(text("UPDATE audit_log SET actor='x'"))
    with pytest.raises(Exception, match="append-only"), store.db.write() as session:
        session.execute(text("DELETE FROM audit_log"))


def test_pages_and_counts_agree_with_the_full_list_with_and_without_tombstones(store: Store) -> None:
    from govdesk.store.cases_repo import case_page, count_cases

    for i in range(7):
        _register(store, title=f"邻里纠纷{i}")
    _register(store, title="噪音", category="邻里", facts="楼上。", parties=[{"role": "applicant", "name": "赵某"}])
    for flt in (CaseFilter(), CaseFilter(search="纠纷"), CaseFilter(search="纠纷", kinds=("dispute",)), CaseFilter(search="赵")):
        with store.db.read() as session:
            full = case_local_nos(session, flt)
            assert count_cases(session, flt) == len(full)
            assert case_page(session, flt, "created_at", True, 0, 3) + case_page(session, flt, "created_at", True, 3, 100) == full
    with store.db.write() as session:
        session.execute(text("UPDATE cases SET deleted_at = '2026-01-01' WHERE title = '邻里纠纷3'"))
    with store.db.read() as session:
        assert count_cases(session, CaseFilter(search="纠纷")) == 6
        assert len(case_page(session, CaseFilter(search="纠纷"), "created_at", True, 0, 100)) == 6
