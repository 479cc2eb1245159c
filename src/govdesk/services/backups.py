"""Backups: create, list, verify, restore, and the daily automatic one with rotation (the last N days as the
backup policy says, default 7; 4 weekly, 12 monthly). Every backup is verified right after writing; a corrupted
backup is never offered for restore. Where they go: store.backup_policy."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from pathlib import Path

from govdesk.domain.errors import GovdeskError, NotFound, ValidationError
from govdesk.security.policy import Perm, Role, require
from govdesk.services.actor import Actor
from govdesk.store import backup as backup_files
from govdesk.store import backup_policy, health
from govdesk.store.audit_repo import append_audit
from govdesk.store.backup import BackupInfo
from govdesk.store.backup_policy import BackupPolicy
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


def _backup_files(store: Store) -> list[Path]:
    """The backup files in every folder this store's backups may be in (see store.backup_policy)."""
    return [p for folder in backup_policy.backup_folders(store.data_dir) if folder.is_dir()
            for p in folder.glob("govdesk-*.db")]  # fmt: skip


def list_backups(store: Store) -> list[BackupInfo]:
    """Every backup with its verification result, newest first."""
    found = [backup_files.verify_backup(p, store.key) for p in _backup_files(store)]
    return sorted(found, key=lambda b: b.created, reverse=True)


def find_backup(store: Store, name: str) -> Path:
    for folder in backup_policy.backup_folders(store.data_dir):
        path = folder / Path(name).name
        if path.is_file():
            return path
    raise NotFound(f"没有名为“{name}”的备份。可用 govdesk backup list 查看。")


def set_backup_policy(store: Store, actor: Actor, policy: BackupPolicy) -> BackupPolicy:
    """Choose where backups go, whether one is made automatically each day and how many daily ones to keep."""
    require(Role(actor.role), Perm.BACKUP, what="更改备份设置")
    folder = policy.folder.strip()
    if folder:
        path = Path(folder).expanduser()
        if not path.is_absolute():
            raise ValidationError("请选择一个完整的文件夹路径，例如 D:\\govdesk备份。", "folder")
        if path.resolve() == backup_policy.default_folder(store.data_dir).resolve():
            folder = ""
        else:
            try:
                path.mkdir(parents=True, exist_ok=True)
                probe = path / ".govdesk-write-test"
                probe.write_bytes(b"")
                probe.unlink()
            except OSError as err:
                raise ValidationError(
                    f"不能在“{path}”保存备份：{err.strerror or err}。请换一个有写权限、空间足够的文件夹。", "folder"
                ) from None
            folder = str(path)
    if not 1 <= policy.keep_daily <= backup_policy.MAX_KEEP_DAILY:
        raise ValidationError(f"保留的每日备份份数应为1到{backup_policy.MAX_KEEP_DAILY}。", "keep_daily")
    checked = BackupPolicy(folder=folder, daily=policy.daily, keep_daily=policy.keep_daily)
    old = backup_policy.load_policy(store.data_dir)
    backup_policy.save_policy(store.data_dir, checked)
    with store.db.write() as session:
        append_audit(session, actor.audit_name, "backup.settings", "backup", "policy",
                     {"old": asdict(old), "new": asdict(checked)})  # fmt: skip
    return checked


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
    for path in sorted(_backup_files(store), key=lambda p: p.name, reverse=True):  # names start with the time
        info = backup_files.verify_backup(path, store.key)
        if info.ok:
            return info
    return None


def ensure_daily_backup(store: Store, actor: Actor, *, today: dt.date | None = None) -> BackupInfo | None:
    """Make today's automatic backup if there is none, then rotate the automatic ones (keeping the last
    ``keep_daily`` days of the backup policy, 4 weekly and 12 monthly)."""
    today = today or dt.date.today()
    existing = [b for b in list_backups(store) if b.reason == AUTOMATIC]
    if any(b.created.date() == today for b in existing):
        return None
    target = store.backups_dir / backup_files.backup_name(AUTOMATIC)
    info = backup_files.backup_to(store.path, target, AUTOMATIC, store.key)
    _audit(store, actor, "backup.create", {"file": target.name, "reason": AUTOMATIC, "sha256": info.sha256})
    keep = backup_files.rotation_keep([*existing, info], daily=backup_policy.load_policy(store.data_dir).keep_daily)
    for old in existing:
        if old.path not in keep:
            old.path.unlink(missing_ok=True)
            Path(str(old.path) + backup_files.MANIFEST_SUFFIX).unlink(missing_ok=True)
    return info
