"""The device credential, kept outside the database file: in the OS keyring when one works, else in a file only
the user can read (``sync-credential.json``, mode 0600) in the data directory."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

FILE_NAME = "sync-credential.json"
SERVICE = "govdesk-sync"


@dataclass(frozen=True)
class Credential:
    server: str
    device_id: str
    center_code: str
    token: str


def _keyring_set(account: str, token: str) -> bool:
    try:
        import keyring  # optional: Windows Credential Manager, macOS Keychain, Secret Service
    except ImportError:
        return False
    try:
        keyring.set_password(SERVICE, account, token)
        return bool(keyring.get_password(SERVICE, account) == token)
    except Exception:  # noqa: BLE001 - no usable backend (headless Linux): fall back to the file
        return False


def _keyring_get(account: str) -> str | None:
    try:
        import keyring

        value: str | None = keyring.get_password(SERVICE, account)
        return value
    except Exception:  # noqa: BLE001
        return None


def save(data_dir: Path, credential: Credential) -> None:
    in_keyring = _keyring_set(credential.device_id, credential.token)
    body = {"server": credential.server, "device_id": credential.device_id, "center_code": credential.center_code,
            "token": None if in_keyring else credential.token, "token_in": "keyring" if in_keyring else "file"}  # fmt: skip
    path = Path(data_dir) / FILE_NAME
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump(body, out, ensure_ascii=False)
        out.flush()
        os.fsync(out.fileno())
    os.replace(tmp, path)


def load(data_dir: Path) -> Credential | None:
    path = Path(data_dir) / FILE_NAME
    try:
        body = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    token = body.get("token") or (_keyring_get(body.get("device_id", "")) if body.get("token_in") == "keyring" else None)
    if not token:
        return None
    return Credential(str(body["server"]), str(body["device_id"]), str(body.get("center_code", "")), str(token))


def with_server(data_dir: Path, server: str) -> None:
    current = load(data_dir)
    if current is not None:
        save(data_dir, Credential(server, current.device_id, current.center_code, current.token))
