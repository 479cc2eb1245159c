"""Backups through SQLite's online backup API (never a file copy, which can catch a half-written WAL),
each verified right after writing (integrity check + SHA-256 manifest beside it)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3.dbapi2 as sqlite_driver

from govdesk.store.engine import apply_key

MANIFEST_SUFFIX = ".manifest.json"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: dt.datetime
    reason: str
    size: int
    sha256: str
    counts: dict[str, int]
    schema: str | None
    ok: bool
    problem: str = ""


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _describe(conn: sqlite_driver.Connection) -> tuple[dict[str, int], str | None]:
    counts = {}
    for table in ("cases", "persons", "case_events", "audit_log"):
        try:
            counts[table] = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        except sqlite_driver.DatabaseError:
            counts[table] = -1
    try:
        schema = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    except sqlite_driver.DatabaseError:
        schema = None
    return counts, schema


def _connect(path: Path | str, key: bytes | None, *, uri: bool = False) -> sqlite_driver.Connection:
    conn = sqlite_driver.connect(str(path), uri=uri)
    apply_key(conn, key)
    return conn


def backup_to(db_path: Path, target: Path, reason: str = "manual", key: bytes | None = None) -> BackupInfo:
    """Write a consistent copy of the store at ``db_path`` to ``target`` (encrypted with the same key as the
    store), check it and write its manifest."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    source = _connect(db_path, key)
    dest = _connect(partial, key)
    try:
        source.backup(dest)
        dest.execute("PRAGMA journal_mode=DELETE")  # a backup is one self-contained file
        result = dest.execute("PRAGMA integrity_check").fetchone()[0]
        if result != "ok":
            raise OSError(f"备份文件 {target.name} 校验失败：{result}")
        counts, schema = _describe(dest)
    finally:
        dest.close()
        source.close()
    partial.replace(target)
    info = BackupInfo(target, dt.datetime.now(), reason, target.stat().st_size, _sha256(target), counts, schema, True)
    manifest = {"created": info.created.isoformat(timespec="seconds"), "reason": reason, "size": info.size,
                "sha256": info.sha256, "counts": counts, "schema": schema}  # fmt: skip
    Path(str(target) + MANIFEST_SUFFIX).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return info


def verify_backup(path: Path, key: bytes | None = None) -> BackupInfo:
    """Check a backup against its manifest and SQLite's integrity check. A bad backup is never offered."""
    manifest_path = Path(str(path) + MANIFEST_SUFFIX)
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return BackupInfo(path, dt.datetime.fromtimestamp(path.stat().st_mtime), "?", path.stat().st_size, "", {}, None,
                          False, "缺少校验清单（manifest），无法确认备份完好")  # fmt: skip
    created = dt.datetime.fromisoformat(manifest["created"])
    base = BackupInfo(path, created, manifest.get("reason", ""), path.stat().st_size, manifest.get("sha256", ""),
                      manifest.get("counts", {}), manifest.get("schema"), False)  # fmt: skip
    if _sha256(path) != manifest.get("sha256"):
        return BackupInfo(**{**base.__dict__, "problem": "文件内容与备份时记录的校验值不一致（已损坏或被改动）"})
    try:
        conn = _connect(f"file:{path}?mode=ro", key, uri=True)
        try:
            result = conn.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            conn.close()
    except sqlite_driver.DatabaseError as err:
        return BackupInfo(**{**base.__dict__, "problem": f"无法打开：{err}"})
    if result != "ok":
        return BackupInfo(**{**base.__dict__, "problem": f"结构检查未通过：{result}"})
    return BackupInfo(**{**base.__dict__, "ok": True})


def restore_from(backup: Path, db_path: Path, key: bytes | None = None) -> None:
    """Copy a verified backup into the live store through the backup API (the store stays in WAL mode)."""
    source = _connect(f"file:{backup}?mode=ro", key, uri=True)
    dest = _connect(db_path, key)
    try:
        source.backup(dest)
        dest.execute("PRAGMA journal_mode=WAL")
    finally:
        dest.close()
        source.close()


def backup_name(reason: str, when: dt.datetime | None = None) -> str:
    stamp = (when or dt.datetime.now()).strftime("%Y%m%d-%H%M%S-%f")
    return f"govdesk-{stamp}-{reason}.db"


def rotation_keep(backups: list[BackupInfo], *, daily: int = 7, weekly: int = 4, monthly: int = 12) -> set[Path]:
    """Which automatic backups to keep: the newest of each of the last 7 days, 4 weeks and 12 months."""
    keep: set[Path] = set()
    newest = sorted(backups, key=lambda b: b.created, reverse=True)
    for key, count in ((lambda d: d.date(), daily), (lambda d: d.isocalendar()[:2], weekly), (lambda d: (d.year, d.month), monthly)):
        seen: list[object] = []
        for b in newest:
            k = key(b.created)
            if k not in seen:
                seen.append(k)
                if len(seen) <= count:
                    keep.add(b.path)
    return keep


# What backup_to raises on a store it cannot copy (a damaged file fails the integrity check or cannot be read).
BACKUP_FAILURES: tuple[type[BaseException], ...] = (OSError, sqlite_driver.DatabaseError)


def keep_aside(db_path: Path, aside_dir: Path, when: dt.datetime | None = None) -> Path:
    """A byte-for-byte copy of the store file and its WAL into ``aside_dir``: for a store too damaged to back up
    through SQLite, so that restoring never destroys the only copy of what it held. Call with no connection
    open. Never deleted by govdesk."""
    stamp = (when or dt.datetime.now()).strftime("%Y%m%d-%H%M%S-%f")
    aside_dir.mkdir(parents=True, exist_ok=True)
    target = aside_dir / f"govdesk-{stamp}-replaced.db"
    for suffix in ("", "-wal"):
        source = Path(str(db_path) + suffix)
        if source.is_file():
            shutil.copy2(source, Path(str(target) + suffix))
    return target
