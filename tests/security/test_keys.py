"""Encryption at rest: key slots per user, a county recovery slot, lockout while the store is locked."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import select

from govdesk.domain.errors import StoreError
from govdesk.security.keys import KeySlots, new_data_key, unwrap_recovery, wrap_for_recovery
from govdesk.services.accounts import LoginFailed, create_account, create_first_admin
from govdesk.services.session import create_encrypted_store, sign_in
from govdesk.store.models import AuditEntry
from govdesk.store.store import Store

T0 = dt.datetime(2026, 11, 22, 1)


@pytest.fixture
def encrypted(tmp_path: Path) -> Path:
    data_dir = tmp_path / "enc"
    store = create_encrypted_store(data_dir)
    admin = create_first_admin(store, "admin", "管理员", "Secure#2026")
    create_account(store, admin, "zhang", "张调解", "mediator", "Start#2026")
    store.close()
    return data_dir


def test_each_user_unlocks_the_same_store_with_their_own_password(encrypted: Path) -> None:
    for user, pw in (("admin", "Secure#2026"), ("zhang", "Start#2026")):
        store, actor = sign_in(encrypted, user, pw)
        assert actor.username == user
        store.close()
    with pytest.raises(StoreError, match="已加密"):
        Store.open(encrypted, writer=False)  # no key, no store


def test_wrong_passwords_lock_the_account_and_are_audited_after_unlock(encrypted: Path) -> None:
    for _ in range(4):
        with pytest.raises(LoginFailed, match="再错"):
            sign_in(encrypted, "zhang", "wrong", now=T0)
    with pytest.raises(LoginFailed, match="锁定15分钟"):
        sign_in(encrypted, "zhang", "wrong", now=T0)
    with pytest.raises(LoginFailed, match="已锁定"):
        sign_in(encrypted, "zhang", "Start#2026", now=T0 + dt.timedelta(minutes=5))
    store, _ = sign_in(encrypted, "admin", "Secure#2026", now=T0 + dt.timedelta(minutes=6))
    with store.db.read() as session:
        failed = session.scalars(select(AuditEntry).where(AuditEntry.outcome == "failed")).all()
    store.close()
    assert len(failed) == 5  # the attempts made while the store was locked reached the audit log


def test_recovery_slot_opens_with_the_county_private_key() -> None:
    county = X25519PrivateKey.generate()
    key = new_data_key()
    slot = wrap_for_recovery(key, county.public_key().public_bytes_raw())
    assert unwrap_recovery(slot, county.private_bytes_raw()) == key


def test_slots_file_holds_no_plain_key(encrypted: Path) -> None:
    slots = KeySlots.load(encrypted)
    assert slots is not None
    key = slots.unlock("admin", "Secure#2026")
    assert key is not None and key.hex() not in (encrypted / "keyslots.json").read_text()
    assert slots.unlock("admin", "nope") is None
