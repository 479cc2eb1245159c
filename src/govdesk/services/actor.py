"""Who performs an action: the signed-in staff member (see services.accounts.login)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Actor:
    name: str  # display name, as recorded on the timeline and documents
    role: str  # a govdesk.security.policy.Role value
    username: str = ""

    @property
    def audit_name(self) -> str:
        return self.username or self.name



def os_user() -> Actor:
    """TEMPORARY: only for stores made before accounts existed; to be removed with the first release."""
    import getpass

    return Actor(getpass.getuser(), "director", getpass.getuser())
