"""The single-writer lock of a data directory: office PCs are shared, only one govdesk writes a store."""

from __future__ import annotations

from pathlib import Path

from filelock import FileLock, Timeout

from govdesk.domain.errors import StoreLocked


class WriterLock:
    def __init__(self, data_dir: Path) -> None:
        self._lock = FileLock(str(data_dir / "govdesk.lock"), thread_local=False)

    def acquire(self) -> None:
        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            raise StoreLocked(
                "这个数据目录正被另一个 govdesk 窗口或命令使用。请先关闭它（或等它执行完）再试。"
            ) from None

    def release(self) -> None:
        self._lock.release()

    @property
    def held(self) -> bool:
        return self._lock.is_locked
