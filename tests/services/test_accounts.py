"""Signing in: Argon2id hashes, lockout after five failures, every attempt audited."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from govdesk.domain.errors import PermissionDenied, ValidationError
from govdesk.services.accounts import LoginFailed, create_account, create_first_admin, login, must_change_password
from govdesk.store.models import Account, AuditEntry
from govdesk.store.store import Store

T0 = dt.datetime(2026, 11, 22, 1, 0)


def _audit_outcomes(store: Store) -> list[tuple[str, str]]:
    with store.db.read() as session:
        return [(e.event, e.outcome) for e in session.scalars(select(AuditEntry).order_by(AuditEntry.seq))]


def test_first_admin_then_staff_who_must_change_their_password(store: Store) -> None:
    admin = create_first_admin(store, "admin", "管理员", "Secure#2026")
    with pytest.raises(PermissionDenied):
        create_first_admin(store, "admin2", "管理员二", "Secure#2026")
    create_account(store, admin, "zhang", "张调解", "mediator", "Start#2026")
    actor = login(store, "zhang", "Start#2026")
    assert actor.role == "mediator" and must_change_password(store, actor)
    with store.db.read() as session:
        stored = session.scalar(select(Account.password_hash).where(Account.username == "zhang"))
    assert stored is not None and stored.startswith("$argon2id$") and "Start#2026" not in stored


def test_weak_passwords_are_refused(store: Store) -> None:
    for weak in ("short1", "abcdefgh", "12345678"):
        with pytest.raises(ValidationError):
            create_first_admin(store, "admin", "管理员", weak)


def test_five_failures_lock_the_account_for_fifteen_minutes(store: Store) -> None:
    create_first_admin(store, "admin", "管理员", "Secure#2026")
    for i in range(4):
        with pytest.raises(LoginFailed, match=f"再错{4 - i}次"):
            login(store, "admin", "wrong", now=T0)
    with pytest.raises(LoginFailed, match="锁定15分钟"):
        login(store, "admin", "wrong", now=T0)
    with pytest.raises(LoginFailed, match="已锁定"):
        login(store, "admin", "Secure#2026", now=T0 + dt.timedelta(minutes=14))  # right password, still locked
    assert login(store, "admin", "Secure#2026", now=T0 + dt.timedelta(minutes=16)).role == "admin"
    logins = [o for e, o in _audit_outcomes(store) if e == "login"]
    assert logins == ["failed"] * 6 + ["ok"]


def test_unknown_user_gets_the_same_message_and_is_audited(store: Store) -> None:
    with pytest.raises(LoginFailed, match="用户名或密码不对"):
        login(store, "nobody", "x")
    assert _audit_outcomes(store)[-1] == ("login", "failed")
