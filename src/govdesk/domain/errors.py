"""The exception tree. Every error carries a message fit for a user (in Chinese)."""

from __future__ import annotations


class GovdeskError(Exception):
    """Base of every error govdesk raises on purpose. ``str(err)`` is shown to the user."""


class ValidationError(GovdeskError):
    """Input was refused. ``field`` names the offending field when there is one."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotFound(GovdeskError):
    """The thing asked for does not exist."""


class IllegalTransition(GovdeskError):
    """A lifecycle action is not allowed in the case's current state."""


class PermissionDenied(GovdeskError):
    """The current user may not do this."""


class StoreError(GovdeskError):
    """The local store cannot be used (locked, corrupt, wrong settings)."""


class StoreLocked(StoreError):
    """Another govdesk process is writing this data directory."""
