"""Backups through SQLite's online backup API (never a file copy, which can catch a half-written WAL)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import sqlcipher3.dbapi2 as sqlite_driver


def backup_to(db_path: Path, target: Path) -> Path:
    """Write a consistent copy of the store at ``db_path`` to ``target`` and check it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    source = sqlite_driver.connect(str(db_path))
    dest = sqlite_driver.connect(str(target))
    try:
        source.backup(dest)
        result = dest.execute("PRAGMA quick_check").fetchone()[0]
        if result != "ok":
            raise OSError(f"backup at {target} failed its check: {result}")
    finally:
        dest.close()
        source.close()
    return target


def backup_name(reason: str, when: dt.datetime | None = None) -> str:
    stamp = (when or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    return f"govdesk-{stamp}-{reason}.db"
