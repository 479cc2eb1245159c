"""Signing in to a data directory: unlock the store's data key with the user's password (when the store is
encrypted), open the store, then check the account (lockout, audit). The GUI and the CLI both use this."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from govdesk.domain.clock import utcnow
from govdesk.security.keys import KeySlots, new_data_key
from govdesk.services import accounts
from govdesk.services.accounts import MAX_FAILURES, LoginFailed
from govdesk.services.actor import Actor
from govdesk.store.audit_repo import append_audit
from govdesk.store.store import Store

LOCKOUT = accounts.LOCKOUT


def is_encrypted(data_dir: Path) -> bool:
    return KeySlots.load(data_dir) is not None


def create_encrypted_store(data_dir: Path) -> Store:
    """A new store encrypted with a fresh data key; its first account's slot is added by create_first_admin."""
    store = Store.open(data_dir, writer=True, create=True, key=new_data_key())
    return store


def _record_failure(slots: KeySlots, username: str, now: dt.datetime) -> LoginFailed:
    entry = slots.failures.setdefault(username, {"count": 0, "locked_until": None, "pending": []})
    entry["count"] = int(entry["count"]) + 1  # type: ignore[call-overload]
    pending = entry.setdefault("pending", [])
    assert isinstance(pending, list)
    pending.append(now.isoformat())
    if int(entry["count"]) >= MAX_FAILURES:  # type: ignore[call-overload]
        entry["count"] = 0
        entry["locked_until"] = (now + LOCKOUT).isoformat()
        slots.save()
        return LoginFailed(f"密码连续输错{MAX_FAILURES}次，账号已锁定15分钟。")
    slots.save()
    left = MAX_FAILURES - int(entry["count"])  # type: ignore[call-overload]
    return LoginFailed(f"用户名或密码不对，请重新输入（再错{left}次账号将锁定15分钟）。")


def sign_in(data_dir: Path, username: str, password: str, *, writer: bool = True,
            now: dt.datetime | None = None) -> tuple[Store, Actor]:  # fmt: skip
    """Open the store as ``username``. Failed attempts on an encrypted store are counted in the key-slot file
    (the store cannot be opened without the key) and written to the audit log at the next sign-in."""
    now = now or utcnow()
    slots = KeySlots.load(data_dir)
    if slots is None:
        store = Store.open(data_dir, writer=writer)
        try:
            return store, accounts.login(store, username, password, now=now)
        except BaseException:
            store.close()
            raise
    entry = slots.failures.get(username, {})
    locked = entry.get("locked_until")
    if locked and dt.datetime.fromisoformat(str(locked)) > now:
        raise LoginFailed(f"密码连续输错{MAX_FAILURES}次，账号已锁定，请稍后再试，或请系统管理员解锁。")
    key = slots.unlock(username, password)
    if key is None:
        raise _record_failure(slots, username, now)
    store = Store.open(data_dir, writer=writer, key=key)
    try:
        _flush_failures(store, slots)
        return store, accounts.login(store, username, password, now=now)
    except BaseException:
        store.close()
        raise


def _flush_failures(store: Store, slots: KeySlots) -> None:
    """Failed attempts recorded while the store was locked go into the audit log now."""
    pending: list[tuple[str, str]] = []
    for user, entry in slots.failures.items():
        times = entry.get("pending", [])
        if isinstance(times, list):
            pending.extend((user, str(at)) for at in times)
    if not pending:
        return
    with store.db.write() as session:
        for user, at in sorted(pending, key=lambda p: p[1]):
            append_audit(session, user, "login", "account", user, {"reason": "wrong password (store locked)", "at": at},
                         outcome="failed")  # fmt: skip
    for e in slots.failures.values():
        e["pending"] = []
    slots.save()
