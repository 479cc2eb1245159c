"""Why a sync did not finish, in words for the user; the local store is always left consistent."""

from __future__ import annotations

from govdesk.domain.errors import GovdeskError


class SyncError(GovdeskError):
    """``code`` tells the app what state to show: offline, device_revoked, client_too_old, refused, ..."""

    def __init__(self, message: str, code: str = "error") -> None:
        super().__init__(message)
        self.code = code

    @property
    def offline(self) -> bool:
        return self.code == "offline"
