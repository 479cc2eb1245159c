"""Where a data directory's backups go and how many automatic ones it keeps: ``backup-policy.json`` beside the store.

It lives in the data directory, not in a user's settings, because it belongs to the store: the CLI, every
staff account of the PC and the start-up check of a store too damaged to open all read the same file (the
file is plain JSON for that last reason; it names a folder and holds no personal data).

A chosen folder is used only while it exists (a USB stick may be unplugged, a network share offline); until
then backups go to ``<data dir>/backups`` and the backups dialog says which folder is in use. Backups already in
the other folder stay listed and can still be restored.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

FILE_NAME = "backup-policy.json"
DEFAULT_FOLDER = "backups"
MAX_KEEP_DAILY = 60


@dataclass(frozen=True)
class BackupPolicy:
    folder: str = ""  # empty: <data dir>/backups
    daily: bool = True  # one automatic backup on the first start of each day
    keep_daily: int = 7  # automatic backups of the last N days (plus 4 weekly and 12 monthly ones)


def default_folder(data_dir: Path) -> Path:
    return data_dir / DEFAULT_FOLDER


def load_policy(data_dir: Path) -> BackupPolicy:
    try:
        raw = json.loads((data_dir / FILE_NAME).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return BackupPolicy()
    if not isinstance(raw, dict):
        return BackupPolicy()
    default = BackupPolicy()
    folder, daily, keep = raw.get("folder"), raw.get("daily"), raw.get("keep_daily")
    return BackupPolicy(
        folder=folder if isinstance(folder, str) else default.folder,
        daily=daily if isinstance(daily, bool) else default.daily,
        keep_daily=keep if isinstance(keep, int) and not isinstance(keep, bool) and 1 <= keep <= MAX_KEEP_DAILY
        else default.keep_daily,
    )  # fmt: skip


def save_policy(data_dir: Path, policy: BackupPolicy) -> None:
    path = data_dir / FILE_NAME
    tmp = path.with_name(path.name + ".part")
    tmp.write_text(json.dumps(asdict(policy), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    tmp.replace(path)


def backups_folder(data_dir: Path) -> Path:
    """The folder new backups go to now: the chosen one while it exists, else the default one."""
    chosen = load_policy(data_dir).folder
    if chosen and Path(chosen).is_dir():
        return Path(chosen)
    return default_folder(data_dir)


def backup_folders(data_dir: Path) -> list[Path]:
    """Every folder that may hold this store's backups: the one in use first, then the other one."""
    folders = [backups_folder(data_dir)]
    chosen = load_policy(data_dir).folder
    for other in (default_folder(data_dir), Path(chosen) if chosen else None):
        if other is not None and other not in folders:
            folders.append(other)
    return folders
