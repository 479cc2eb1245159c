"""The check the desktop runs when it opens a store: is it whole, and if not, which backup can replace it.

The check itself needs no permission (it is the program looking after its own data, and it reports no personal
data); restoring does (``backups.restore_backup``, the administrator).
"""

from __future__ import annotations

from dataclasses import dataclass

from govdesk.services import backups
from govdesk.services.backups import RestorePreview
from govdesk.store import health
from govdesk.store.store import Store


@dataclass(frozen=True)
class StartupCheck:
    problems: tuple[str, ...]
    offer: RestorePreview | None  # the newest good backup and what restoring it would lose; None: there is none

    @property
    def ok(self) -> bool:
        return not self.problems


def check_at_start(store: Store) -> StartupCheck:
    """Quick structure check, page checksums and the audit chain; on a problem, find the latest good backup
    (verified: it opens and passes its integrity check) and count what restoring it would lose."""
    problems = health.startup_problems(store.db)
    if not problems:
        return StartupCheck((), None)
    good = backups.latest_good_backup(store)
    return StartupCheck(tuple(problems), backups.restore_preview(store, good) if good is not None else None)
