"""Signing in, and managing staff accounts. Every login, good or failed, writes one audit entry."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from govdesk.domain.clock import utcnow
from govdesk.domain.errors import GovdeskError, PermissionDenied, ValidationError
from govdesk.security.keys import KeySlots
from govdesk.security.passwords import check_new_password, hash_password, needs_rehash, verify_password
from govdesk.security.policy import Perm, Role, require
from govdesk.services.actor import Actor
from govdesk.store import accounts_repo
from govdesk.store.audit_repo import append_audit
from govdesk.store.models import Account
from govdesk.store.store import Store

MAX_FAILURES = 5
LOCKOUT = dt.timedelta(minutes=15)
_USERNAME = re.compile(r"[A-Za-z0-9_.-]{2,40}", re.ASCII)


class LoginFailed(GovdeskError):
    """Wrong user name or password, or a locked account."""


@dataclass(frozen=True)
class AccountInfo:
    username: str
    display_name: str
    role: Role
    active: bool
    locked: bool
    must_change_password: bool
    last_login_at: dt.datetime | None


def _actor(account: Account) -> Actor:
    return Actor(account.display_name, account.role, account.username)


def has_accounts(store: Store) -> bool:
    with store.db.read() as session:
        return accounts_repo.account_count(session) > 0


def login(store: Store, username: str, password: str, *, now: dt.datetime | None = None) -> Actor:
    """Check the password; lock the account for 15 minutes after 5 failures in a row."""
    now = now or utcnow()
    failed: LoginFailed | None = None
    with store.db.write() as session:
        account = accounts_repo.account_by_username(session, username.strip())
        if account is None or not account.active:
            append_audit(session, username or "?", "login", "account", username, {"reason": "unknown or inactive"},
                         outcome="failed")  # fmt: skip
            failed = LoginFailed("用户名或密码不对，请重新输入。")
        elif account.locked_until is not None and account.locked_until > now:
            minutes = max(1, int((account.locked_until - now).total_seconds() // 60) + 1)
            append_audit(session, username, "login", "account", account.id, {"reason": "locked"}, outcome="failed")
            failed = LoginFailed(f"密码连续输错{MAX_FAILURES}次，账号已锁定，请约{minutes}分钟后再试，或请系统管理员解锁。")
        elif not verify_password(account.password_hash, password):
            account.failed_logins += 1
            details: dict[str, object] = {"failures": account.failed_logins}
            if account.failed_logins >= MAX_FAILURES:
                account.locked_until = now + LOCKOUT
                account.failed_logins = 0
                details["locked_until"] = account.locked_until.isoformat()
                failed = LoginFailed(f"密码连续输错{MAX_FAILURES}次，账号已锁定15分钟。")
            else:
                left = MAX_FAILURES - account.failed_logins
                failed = LoginFailed(f"用户名或密码不对，请重新输入（再错{left}次账号将锁定15分钟）。")
            append_audit(session, username, "login", "account", account.id, details, outcome="failed")
        else:
            account.failed_logins = 0
            account.locked_until = None
            account.last_login_at = now
            if needs_rehash(account.password_hash):
                account.password_hash = hash_password(password)
            append_audit(session, username, "login", "account", account.id, {"role": account.role})
            return _actor(account)
    # Raised after the commit, so that the failure count and its audit entry are kept.
    assert failed is not None
    raise failed


def check_new_account(username: str, display_name: str, password: str | None) -> None:
    """The checks an account's fields pass before it is created (forms call it to answer at once).
    ``password=None`` leaves the password out (an account made without the strength check)."""
    if not _USERNAME.fullmatch(username):
        raise ValidationError("用户名用2–40个英文字母、数字、下划线或点，例如 zhangsan。", "username")
    if not display_name.strip():
        raise ValidationError("请填写姓名。", "display_name")
    if password is not None:
        check_new_password(password, username)


def _new_account(username: str, display_name: str, role: str, password: str, *, must_change: bool,
                 check_strength: bool = True) -> Account:  # fmt: skip
    check_new_account(username, display_name, None)
    try:
        Role(role)
    except ValueError:
        raise ValidationError(f"角色“{role}”不认识，可选：{'、'.join(f'{r.value}（{r.label}）' for r in Role)}。", "role") from None
    if check_strength:
        check_new_password(password, username)
    return Account(username=username, display_name=display_name.strip(), role=role,
                   password_hash=hash_password(password), must_change_password=must_change)  # fmt: skip


def _add_key_slot(store: Store, username: str, password: str) -> None:
    """On an encrypted store, give the account its own wrapped copy of the data key."""
    if store.key is None:
        return
    slots = KeySlots.load(store.data_dir) or KeySlots.create(store.data_dir)
    slots.add_user(store.key, username, password)
    slots.save()


def create_first_admin(store: Store, username: str, display_name: str, password: str) -> Actor:
    """The first run creates the administrator; refused once any account exists."""
    account = _new_account(username, display_name, Role.ADMIN.value, password, must_change=False)
    with store.db.write() as session:
        if accounts_repo.account_count(session) > 0:
            raise PermissionDenied("已经有系统管理员账号了，请用它登录后再添加账号。")
        _add_key_slot(store, username, password)
        session.add(account)
        session.flush()
        append_audit(session, username, "account.create", "account", account.id, {"role": "admin", "first": True})
        return _actor(account)


def create_account(store: Store, actor: Actor, username: str, display_name: str, role: str, password: str) -> None:
    """A new staff account; the user must choose their own password at first login."""
    require(Role(actor.role), Perm.ACCOUNTS, what="管理账号")
    account = _new_account(username, display_name, role, password, must_change=True)
    with store.db.write() as session:
        if accounts_repo.account_by_username(session, username) is not None:
            raise ValidationError(f"用户名“{username}”已被使用。", "username")
        _add_key_slot(store, username, password)
        session.add(account)
        session.flush()
        append_audit(session, actor.username or actor.name, "account.create", "account", account.id,
                     {"username": username, "role": role})  # fmt: skip


def change_password(store: Store, actor: Actor, old: str, new: str) -> None:
    check_new_password(new, actor.username)
    with store.db.write() as session:
        account = accounts_repo.account_by_username(session, actor.username)
        if account is None or not verify_password(account.password_hash, old):
            raise ValidationError("原密码不对。", "old_password")
        if old == new:
            raise ValidationError("新密码不能与原密码相同。", "password")
        account.password_hash = hash_password(new)
        account.must_change_password = False
        _add_key_slot(store, actor.username, new)
        append_audit(session, actor.username, "account.password", "account", account.id)


def unlock_account(store: Store, actor: Actor, username: str) -> None:
    require(Role(actor.role), Perm.ACCOUNTS, what="管理账号")
    with store.db.write() as session:
        account = accounts_repo.account_by_username(session, username)
        if account is None:
            raise ValidationError(f"没有用户名为“{username}”的账号。", "username")
        account.locked_until, account.failed_logins = None, 0
        append_audit(session, actor.username, "account.unlock", "account", account.id)


def must_change_password(store: Store, actor: Actor) -> bool:
    with store.db.read() as session:
        account = accounts_repo.account_by_username(session, actor.username)
        return bool(account and account.must_change_password)


def list_accounts(store: Store, actor: Actor, *, now: dt.datetime | None = None) -> list[AccountInfo]:
    require(Role(actor.role), Perm.ACCOUNTS, what="管理账号")
    now = now or utcnow()
    with store.db.read() as session:
        return [
            AccountInfo(a.username, a.display_name, Role(a.role), a.active,
                        a.locked_until is not None and a.locked_until > now, a.must_change_password, a.last_login_at)
            for a in accounts_repo.all_accounts(session)
        ]  # fmt: skip


DEMO_PASSWORD = "demo"
DEMO_ACCOUNTS = (
    ("admin", Role.ADMIN), ("zhuren", Role.DIRECTOR), ("tiaojie", Role.MEDIATOR), ("dengji", Role.CLERK),
    ("wangge", Role.GRID_OFFICER), ("shenji", Role.AUDITOR),
)  # fmt: skip


def add_demo_accounts(store: Store, session: object, names: dict[Role, str]) -> None:
    """Demo accounts for every role, all with the password ``demo`` (listed in the README). Demo stores only."""
    for username, role in DEMO_ACCOUNTS:
        _add_key_slot(store, username, DEMO_PASSWORD)
        account = _new_account(username, names.get(role, role.label), role.value, DEMO_PASSWORD, must_change=False,
                               check_strength=False)  # fmt: skip
        session.add(account)  # type: ignore[attr-defined]
