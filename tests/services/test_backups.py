"""Backups are verified, a corrupted one is detected and never restored, a restore brings the data back."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from govdesk.domain.errors import PermissionDenied, ValidationError
from govdesk.services import case_queries
from govdesk.services.actor import Actor
from govdesk.services.backups import (
    create_backup,
    ensure_daily_backup,
    list_backups,
    restore_backup,
    set_backup_policy,
)
from govdesk.services.registration import parse_registration, register_case
from govdesk.store.backup import BackupInfo, rotation_keep
from govdesk.store.backup_policy import BackupPolicy, load_policy
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


def test_backup_policy_moves_new_backups_and_keeps_old_ones_listed(store: Store, tmp_path: Path) -> None:
    old = create_backup(store, ADMIN)
    elsewhere = tmp_path / "usb" / "govdesk备份"
    chosen = set_backup_policy(store, ADMIN, BackupPolicy(folder=str(elsewhere), daily=False, keep_daily=3))
    assert chosen.folder == str(elsewhere) and elsewhere.is_dir()
    assert load_policy(store.data_dir) == chosen
    new = create_backup(store, ADMIN)
    assert new.path.parent == elsewhere
    assert {b.path for b in list_backups(store)} == {old.path, new.path}  # the old folder is still read
    restore_backup(store, ADMIN, old.path.name)  # and its backups can be restored


def test_an_unplugged_backup_folder_falls_back_to_the_data_directory(store: Store, tmp_path: Path) -> None:
    stick = tmp_path / "stick"
    set_backup_policy(store, ADMIN, BackupPolicy(folder=str(stick)))
    shutil.rmtree(stick)  # the USB stick is pulled out
    assert create_backup(store, ADMIN).path.parent == store.data_dir / "backups"


def test_backup_policy_is_checked_and_permitted(store: Store, tmp_path: Path) -> None:
    with pytest.raises(PermissionDenied):
        set_backup_policy(store, STAFF, BackupPolicy())
    with pytest.raises(ValidationError, match="完整的文件夹路径"):
        set_backup_policy(store, ADMIN, BackupPolicy(folder="relative/folder"))
    with pytest.raises(ValidationError, match="份数"):
        set_backup_policy(store, ADMIN, BackupPolicy(keep_daily=0))
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(ValidationError, match="不能在"):
        set_backup_policy(store, ADMIN, BackupPolicy(folder=str(blocker / "sub")))
    same = set_backup_policy(store, ADMIN, BackupPolicy(folder=str(store.data_dir / "backups")))
    assert same.folder == ""  # the default folder is stored as "default"


def test_daily_rotation_keeps_as_many_days_as_the_policy_says(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    set_backup_policy(store, ADMIN, BackupPolicy(keep_daily=2))
    asked: list[int] = []

    def keep(backups: list[BackupInfo], *, daily: int = 7) -> set[Path]:
        asked.append(daily)
        return rotation_keep(backups, daily=daily)

    monkeypatch.setattr("govdesk.store.backup.rotation_keep", keep)
    assert ensure_daily_backup(store, ADMIN) is not None
    assert asked == [2]
