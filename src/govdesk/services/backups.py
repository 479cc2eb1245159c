"""Backups: create, list, verify, restore, and the daily automatic one with rotation (7 daily, 4 weekly,
12 monthly). Every backup is verified right after writing; a corrupted backup is never offered for restore."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from govdesk.domain.errors import GovdeskError, NotFound, ValidationError
from govdesk.security.policy import Perm, Role, require
from govdesk.services.actor import Actor
from govdesk.store import backup as backup_files
from govdesk.store import health
from govdesk.store.audit_repo import append_audit
from govdesk.store.backup import BackupInfo
from govdesk.store.store import Store

AUTOMATIC = "daily"
DAMAGED_DIR = "damaged"  # byte copies of stores too damaged to back up, kept when a backup replaces them
_CANNOT_BACK_UP: tuple[type[BaseException], ...] = (*backup_files.BACKUP_FAILURES, GovdeskError)


def _audit(store: Store, actor: Actor, event: str, details: dict[str, object], outcome: str = "ok") -> None:
    with store.db.write() as session:
        append_audit(session, actor.audit_name, event, "backup", str(details.get("file", "")), details, outcome)


def create_backup(store: Store, actor: Actor, reason: str = "manual") -> BackupInfo:
    require(Role(actor.role), Perm.BACKUP, what="备份")
    target = store.backups_dir / backup_files.backup_name(reason)
    info = backup_files.backup_to(store.path, target, reason, store.key)
    _audit(store, actor, "backup.create", {"file": target.name, "reason": reason, "sha256": info.sha256})
    return info


def list_backups(store: Store) -> list[BackupInfo]:
    """Every backup with its verification result, newest first."""
    if not store.backups_dir.is_dir():
        return []
    found = [backup_files.verify_backup(p, store.key) for p in store.backups_dir.glob("govdesk-*.db")]
    return sorted(found, key=lambda b: b.created, reverse=True)


def find_backup(store: Store, name: str) -> Path:
    path = store.backups_dir / Path(name).name
    if not path.is_file():
        raise NotFound(f"没有名为“{name}”的备份。可用 govdesk backup list 查看。")
    return path


def restore_backup(store: Store, actor: Actor, name: str) -> BackupInfo:
    """Replace the store with a verified backup, after backing up the current state. Audited in the result."""
    require(Role(actor.role), Perm.RESTORE, what="从备份恢复")
    path = find_backup(store, name)
    info = backup_files.verify_backup(path, store.key)
    if not info.ok:
        raise ValidationError(f"备份“{path.name}”不能用于恢复：{info.problem}。请选择其他备份。")
    # The current store is kept first, never deleted: as a verified backup when it is whole, byte for byte
    # (``damaged/``) when it is too damaged for SQLite to copy.
    kept: dict[str, object] = {}
    try:
        kept["safety_backup"] = create_backup(store, actor, "before-restore").path.name
    except _CANNOT_BACK_UP:
        store.db.dispose()
        kept["kept_aside"] = str(
            backup_files.keep_aside(store.path, store.data_dir / DAMAGED_DIR).relative_to(store.data_dir)
        )
    store.db.dispose()
    backup_files.restore_from(path, store.path, store.key)
    from govdesk.store import migrate

    migrate.upgrade(store.db.engine, store.path, store.backups_dir, store.key)
    _audit(store, actor, "backup.restore", {"file": path.name, **kept})
    return info


@dataclass(frozen=True)
class RestorePreview:
    """What restoring ``backup`` would lose: everything entered or changed after it was taken."""

    backup: BackupInfo
    since_utc: dt.datetime
    changes: dict[str, int] | None  # None: the current store is too damaged to count

    @property
    def loses_nothing(self) -> bool:
        return self.changes is not None and not any(self.changes.values())


def taken_at(info: BackupInfo) -> dt.datetime:
    """When the backup was taken, in local time: from its name (to the microsecond, just before the copy
    started), else from its manifest (to the second)."""
    parts = info.path.name.split("-")
    try:
        return dt.datetime.strptime("-".join(parts[1:4]), "%Y%m%d-%H%M%S-%f")
    except ValueError:
        return info.created


def restore_preview(store: Store, info: BackupInfo) -> RestorePreview:
    since = taken_at(info).astimezone(dt.UTC).replace(tzinfo=None)  # local time → naive UTC, as stored
    try:
        with store.db.read() as session:
            changes: dict[str, int] | None = health.changes_since(session, since)
    except GovdeskError:
        changes = None
    return RestorePreview(info, since, changes)


def latest_good_backup(store: Store) -> BackupInfo | None:
    """The newest backup that opens and passes its checks (verified one by one, newest first, until one does)."""
    if not store.backups_dir.is_dir():
        return None
    for path in sorted(store.backups_dir.glob("govdesk-*.db"), reverse=True):  # names start with the time
        info = backup_files.verify_backup(path, store.key)
        if info.ok:
            return info
    return None


def ensure_daily_backup(store: Store, actor: Actor, *, today: dt.date | None = None) -> BackupInfo | None:
    """Make today's automatic backup if there is none, then rotate the automatic ones."""
    today = today or dt.date.today()
    existing = [b for b in list_backups(store) if b.reason == AUTOMATIC]
    if any(b.created.date() == today for b in existing):
        return None
    target = store.backups_dir / backup_files.backup_name(AUTOMATIC)
    info = backup_files.backup_to(store.path, target, AUTOMATIC, store.key)
    _audit(store, actor, "backup.create", {"file": target.name, "reason": AUTOMATIC, "sha256": info.sha256})
    keep = backup_files.rotation_keep([*existing, info])
    for old in existing:
        if old.path not in keep:
            old.path.unlink(missing_ok=True)
            Path(str(old.path) + backup_files.MANIFEST_SUFFIX).unlink(missing_ok=True)
    return info
