"""Backups are verified, a corrupted one is detected and never restored, a restore brings the data back."""

from __future__ import annotations

import datetime as dt

import pytest

from govdesk.domain.errors import PermissionDenied, ValidationError
from govdesk.services import case_queries
from govdesk.services.actor import Actor
from govdesk.services.backups import create_backup, ensure_daily_backup, list_backups, restore_backup
from govdesk.services.registration import parse_registration, register_case
from govdesk.store.backup import BackupInfo, rotation_keep
from govdesk.store.cases_repo import CaseFilter
from govdesk.store.store import Store
from tests.conftest import STAFF, dispute

ADMIN = Actor("管理员", "admin", "admin")


def test_backup_then_restore_brings_back_what_was_there(store: Store) -> None:
    first = register_case(store, STAFF, parse_registration(dispute())).number
    info = create_backup(store, ADMIN)
    assert info.ok and info.counts["cases"] == 1
    register_case(store, STAFF, parse_registration(dispute(title="备份之后登记的")))
    restore_backup(store, ADMIN, info.path.name)
    assert [r.number for r in case_queries.list_cases(store, CaseFilter())] == [first]
    assert store.integrity_problems() == []
    assert any(b.reason == "before-restore" for b in list_backups(store))  # the state before restoring is kept


def test_a_corrupted_backup_is_detected_and_refused(store: Store) -> None:
    register_case(store, STAFF, parse_registration(dispute()))
    info = create_backup(store, ADMIN)
    data = bytearray(info.path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    info.path.write_bytes(bytes(data))
    listed = {b.path.name: b for b in list_backups(store)}
    assert not listed[info.path.name].ok and "校验值不一致" in listed[info.path.name].problem
    with pytest.raises(ValidationError, match="不能用于恢复"):
        restore_backup(store, ADMIN, info.path.name)


def test_only_permitted_roles_back_up_and_restore(store: Store) -> None:
    with pytest.raises(PermissionDenied):
        create_backup(store, Actor("审计", "auditor", "shenji"))
    info = create_backup(store, Actor("主任", "director", "zhuren"))
    with pytest.raises(PermissionDenied):
        restore_backup(store, Actor("主任", "director", "zhuren"), info.path.name)


def test_daily_backup_once_a_day(store: Store) -> None:
    assert ensure_daily_backup(store, ADMIN) is not None
    assert ensure_daily_backup(store, ADMIN) is None


def test_rotation_keeps_seven_daily_four_weekly_twelve_monthly() -> None:
    start = dt.datetime(2025, 1, 1, 9)
    backups = [BackupInfo(__import__("pathlib").Path(f"b{i}"), start + dt.timedelta(days=i), "daily", 1, "", {}, None, True)
               for i in range(400)]  # fmt: skip
    keep = rotation_keep(backups)
    assert len(keep) <= 7 + 4 + 12
    newest = [b.path for b in backups[-7:]]
    assert set(newest) <= keep
