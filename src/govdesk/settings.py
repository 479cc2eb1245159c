"""Typed, versioned user settings: one JSON file per operating-system user (platformdirs' config folder).

What belongs here is how *this person* likes the program: language, idle lock, printer defaults, how often to
sync. What belongs to the data directory (where its backups go, how many to keep) lives beside the store
(``store.backup_policy``), so that the CLI, every user of the PC and a damaged store all find it.

The file carries ``"version"``. A file from an older version is migrated step by step (``_MIGRATIONS``);
a value that is missing, of the wrong type or out of range falls back to its default on its own, so one bad
value never costs the user their other settings. A file that is not JSON at all is kept aside as
``settings.json.broken`` and the defaults are used.
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from govdesk.paths import APP_NAME

VERSION = 1
FILE_NAME = "settings.json"

LANGUAGES = ("zh_CN", "en_US")  # Simplified Chinese is the default and the source language
PAPER_SIZES = ("document", "A4", "B5", "16K", "Letter")  # "document": the page size the PDF itself has
MAX_IDLE_MINUTES = 10.0  # unattended office PCs with personal data lock after at most 10 minutes
MAX_COPIES = 20
MAX_SYNC_MINUTES = 24 * 60


@dataclass(frozen=True)
class PrintSettings:
    printer: str = ""  # empty: the system's default printer
    paper: str = "document"
    copies: int = 1


@dataclass(frozen=True)
class SyncSettings:
    server: str = ""  # the county server address last entered (the enrolled one lives with the credential)
    auto_minutes: int = 30  # 0: only when the user asks (F5)


@dataclass(frozen=True)
class Settings:
    language: str = "zh_CN"
    idle_minutes: float = MAX_IDLE_MINUTES
    printing: PrintSettings = field(default_factory=PrintSettings)
    sync: SyncSettings = field(default_factory=SyncSettings)


def settings_path() -> Path:
    """``GOVDESK_SETTINGS`` (a file), else ``settings.json`` in the user's config folder
    (``~/.config/govdesk`` on Linux, ``%LOCALAPPDATA%\\govdesk`` on Windows)."""
    env = os.environ.get("GOVDESK_SETTINGS")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / FILE_NAME


# --- checking values ------------------------------------------------------------------------------------------
def _choice(options: tuple[str, ...]) -> Callable[[object], bool]:
    return lambda v: v in options


def _number(low: float, high: float, *, integer: bool = False) -> Callable[[object], bool]:
    def ok(v: object) -> bool:
        if isinstance(v, bool) or not isinstance(v, int | float) or (integer and not isinstance(v, int)):
            return False
        return low <= v <= high

    return ok


def _text(v: object) -> bool:
    return isinstance(v, str) and len(v) <= 500


_RULES: dict[type, dict[str, Callable[[object], bool]]] = {
    Settings: {"language": _choice(LANGUAGES), "idle_minutes": _number(0.01, MAX_IDLE_MINUTES)},
    PrintSettings: {"printer": _text, "paper": _choice(PAPER_SIZES), "copies": _number(1, MAX_COPIES, integer=True)},
    SyncSettings: {"server": _text, "auto_minutes": _number(0, MAX_SYNC_MINUTES, integer=True)},
}
_NESTED: dict[str, type] = {"printing": PrintSettings, "sync": SyncSettings}


def _build(cls: type[Any], raw: object) -> Any:
    """An instance of the dataclass ``cls`` from a JSON object: each good value kept, each bad one defaulted."""
    if not isinstance(raw, dict):
        return cls()
    values: dict[str, object] = {}
    for f in dataclasses.fields(cls):
        if f.name not in raw:
            continue
        value = raw[f.name]
        if f.name in _NESTED:
            values[f.name] = _build(_NESTED[f.name], value)
        elif _RULES[cls][f.name](value):
            values[f.name] = float(value) if f.name == "idle_minutes" else value
    return cls(**values)


def check(settings: Settings) -> Settings:
    """The same settings with every out-of-range value replaced by its default (what ``load`` would give)."""
    result: Settings = _build(Settings, to_json(settings))
    return result


# --- versions -------------------------------------------------------------------------------------------------
# version N → N+1: a function from the old JSON object to the new one. Add one with every change of shape
# (a renamed or moved key, a changed meaning); new keys with defaults need none.
_MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


def from_json(raw: object) -> Settings:
    if not isinstance(raw, dict):
        return Settings()
    version = raw.get("version", 1)
    if not isinstance(version, int) or version < 1 or version > VERSION:
        # Written by a newer govdesk: read what we understand, leave the rest to defaults.
        version = VERSION
    data = dict(raw)
    while version < VERSION:
        step = _MIGRATIONS.get(version)
        if step is not None:
            data = step(data)
        version += 1
    result: Settings = _build(Settings, data)
    return result


def to_json(settings: Settings) -> dict[str, Any]:
    return {"version": VERSION, **dataclasses.asdict(settings)}


# --- the file -------------------------------------------------------------------------------------------------
def load(path: Path | None = None) -> Settings:
    path = path or settings_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings()
    except (OSError, UnicodeDecodeError):
        return Settings()
    try:
        raw = json.loads(text)
    except json.JSONDecodeError:
        try:
            path.replace(path.with_name(path.name + ".broken"))
        except OSError:
            pass
        return Settings()
    return from_json(raw)


def save(settings: Settings, path: Path | None = None) -> Path:
    """Write atomically (a temporary file, then a rename): a power cut leaves the old file or the new one."""
    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    tmp.write_text(json.dumps(to_json(settings), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    tmp.replace(path)
    return path
