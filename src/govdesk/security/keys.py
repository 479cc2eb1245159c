"""Encryption keys at rest: one random 256-bit data key per installation, kept only wrapped in key slots.

- one slot per staff account: the data key under AES-256-GCM with a key derived from that user's password
  by Argon2id (so only someone who knows a password can open the store, and a copied data directory or
  backup reveals nothing);
- optionally a recovery slot sealed to the county server's X25519 public key, so a forgotten password does
  not lose the data (the county can unwrap it with its private key).

The slots live in ``keyslots.json`` beside the store (they must be readable before the store can be opened).
The derivation costs ~100 ms, once per sign-in; connections then use the raw key (no per-open KDF).
"""

from __future__ import annotations

import base64
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.hashes import SHA256
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

SLOTS_FILE = "keyslots.json"
KDF = {"time_cost": 3, "memory_cost": 64 * 1024, "parallelism": 2}


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"))


def new_data_key() -> bytes:
    return secrets.token_bytes(32)


def _kek(password: str, salt: bytes, params: dict[str, int]) -> bytes:
    return hash_secret_raw(password.encode("utf-8"), salt, hash_len=32, type=Type.ID, **params)


def wrap_for_password(data_key: bytes, username: str, password: str) -> dict[str, object]:
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    sealed = AESGCM(_kek(password, salt, KDF)).encrypt(nonce, data_key, username.encode("utf-8"))
    return {"kdf": "argon2id", "params": KDF, "salt": _b64(salt), "nonce": _b64(nonce), "key": _b64(sealed)}


def unwrap_with_password(slot: dict[str, object], username: str, password: str) -> bytes | None:
    params = slot["params"]
    assert isinstance(params, dict)
    kek = _kek(password, _unb64(str(slot["salt"])), params)
    try:
        return AESGCM(kek).decrypt(_unb64(str(slot["nonce"])), _unb64(str(slot["key"])), username.encode("utf-8"))
    except InvalidTag:
        return None


def _recovery_kek(shared: bytes, ephemeral_pub: bytes) -> bytes:
    return HKDF(SHA256(), 32, salt=ephemeral_pub, info=b"govdesk recovery slot").derive(shared)


def wrap_for_recovery(data_key: bytes, county_public: bytes) -> dict[str, object]:
    """Seal the data key to the county's X25519 public key (ephemeral-static ECDH + HKDF + AES-GCM)."""
    ephemeral = X25519PrivateKey.generate()
    pub = ephemeral.public_key().public_bytes_raw()
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(county_public))
    nonce = secrets.token_bytes(12)
    sealed = AESGCM(_recovery_kek(shared, pub)).encrypt(nonce, data_key, b"recovery")
    return {"scheme": "x25519-hkdf-aesgcm", "ephemeral": _b64(pub), "nonce": _b64(nonce), "key": _b64(sealed)}


def unwrap_recovery(slot: dict[str, object], county_private: bytes) -> bytes:
    pub = _unb64(str(slot["ephemeral"]))
    shared = X25519PrivateKey.from_private_bytes(county_private).exchange(X25519PublicKey.from_public_bytes(pub))
    return AESGCM(_recovery_kek(shared, pub)).decrypt(_unb64(str(slot["nonce"])), _unb64(str(slot["key"])), b"recovery")


@dataclass
class KeySlots:
    path: Path
    users: dict[str, dict[str, object]]
    recovery: dict[str, object] | None
    failures: dict[str, dict[str, object]]

    @classmethod
    def load(cls, data_dir: Path) -> KeySlots | None:
        path = data_dir / SLOTS_FILE
        if not path.is_file():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(path, data.get("users", {}), data.get("recovery"), data.get("failures", {}))

    @classmethod
    def create(cls, data_dir: Path) -> KeySlots:
        return cls(data_dir / SLOTS_FILE, {}, None, {})

    def save(self) -> None:
        """Atomically: write a temporary file, fsync it, rename it over the old one."""
        tmp = self.path.with_suffix(".tmp")
        body = json.dumps({"version": 1, "users": self.users, "recovery": self.recovery, "failures": self.failures},
                          ensure_ascii=False, indent=1)  # fmt: skip
        with tmp.open("w", encoding="utf-8") as fh:
            fh.write(body)
            fh.flush()
            os.fsync(fh.fileno())
        tmp.replace(self.path)

    def add_user(self, data_key: bytes, username: str, password: str) -> None:
        self.users[username] = wrap_for_password(data_key, username, password)

    def unlock(self, username: str, password: str) -> bytes | None:
        slot = self.users.get(username)
        return unwrap_with_password(slot, username, password) if slot else None
