"""The user's settings while the program runs: one object, saved on change, announcing the change.

Widgets read ``preferences().value`` and connect to ``changed`` when a setting acts on them while they are
open (the idle lock, the sync interval). ``app.py`` installs the instance that reads and writes the user's
settings file; until then (tests, scripts) ``preferences()`` holds the defaults and saves nothing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from govdesk import settings
from govdesk.settings import Settings


class Preferences(QObject):
    changed = Signal(object)  # the new Settings

    def __init__(self, value: Settings | None = None, path: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.value = value if value is not None else Settings()
        self.path = path  # None: kept in memory only

    def update(self, value: Settings) -> None:
        """Take new settings (out-of-range values defaulted), save them, tell whoever listens."""
        value = settings.check(value)
        if value == self.value:
            return
        if self.path is not None:
            settings.save(value, self.path)
        self.value = value
        self.changed.emit(value)


_current: Preferences | None = None


def preferences() -> Preferences:
    global _current
    if _current is None:
        _current = Preferences()
    return _current


def install_preferences(path: Path | None = None) -> Preferences:
    """Read the user's settings file (``settings.settings_path()`` unless given) and make it the current one."""
    global _current
    path = path or settings.settings_path()
    _current = Preferences(settings.load(path), path)
    return _current
