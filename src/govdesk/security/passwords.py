"""Password hashing with Argon2id (argon2-cffi's defaults: RFC 9106 low-memory profile)."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from govdesk.domain.errors import ValidationError

_HASHER = PasswordHasher()
MIN_LENGTH = 8


def hash_password(password: str) -> str:
    return _HASHER.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    try:
        return _HASHER.verify(stored_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    return _HASHER.check_needs_rehash(stored_hash)


def check_new_password(password: str, username: str) -> None:
    """Refuse passwords too weak for an office PC shared by several staff."""
    if len(password) < MIN_LENGTH:
        raise ValidationError(f"密码至少{MIN_LENGTH}位。", "password")
    if password.lower() in (username.lower(), "password", "12345678", "123456789", "11111111", "88888888"):
        raise ValidationError("这个密码太容易被猜到，请换一个。", "password")
    kinds = sum(
        any(test(c) for c in password)
        for test in (str.isdigit, str.islower, str.isupper, lambda c: not c.isalnum())
    )
    if kinds < 2:
        raise ValidationError("密码应至少包含数字、字母、符号中的两类。", "password")
