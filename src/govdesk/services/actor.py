"""Who performs an action. The security issue replaces this with authenticated accounts and roles."""

from __future__ import annotations

import getpass
from dataclasses import dataclass


@dataclass(frozen=True)
class Actor:
    name: str
    role: str = "director"


def os_user() -> Actor:
    try:
        return Actor(getpass.getuser())
    except (KeyError, OSError):
        return Actor("unknown")
