"""A fault-injecting SQLite VFS (apsw) that models a power cut: what reached the disk is what was written
before the file's last xSync, plus an arbitrary subset of later writes, some of them torn."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import apsw


@dataclass
class FileModel:
    durable: bytearray
    pending: list[tuple[str, int, bytes]] = field(default_factory=list)  # ("w", offset, data) | ("t", size, b"")

    def apply(self, image: bytearray, op: tuple[str, int, bytes]) -> bytearray:
        kind, offset, data = op
        if kind == "t":
            return image[:offset]
        if len(image) < offset:
            image.extend(b"\0" * (offset - len(image)))
        image[offset : offset + len(data)] = data
        return image

    def sync(self) -> None:
        for op in self.pending:
            self.durable = self.apply(self.durable, op)
        self.pending.clear()

    def crash_image(self, rng: random.Random) -> bytearray:
        image = bytearray(self.durable)
        for op in self.pending:
            roll = rng.random()
            if roll < 0.4:
                continue  # this write never reached the platter
            if roll < 0.55 and op[0] == "w" and len(op[2]) > 512:
                cut = rng.randrange(1, len(op[2]) // 512) * 512
                op = ("w", op[1], op[2][:cut])  # torn: only the first sectors landed
            image = self.apply(image, op)
        return image


class CrashVFS(apsw.VFS):
    def __init__(self, name: str = "crashvfs") -> None:
        self.files: dict[str, FileModel] = {}
        self.name = name
        super().__init__(name, "")

    def xOpen(self, name: Any, flags: list[int]) -> apsw.VFSFile:
        path = name.filename() if isinstance(name, apsw.URIFilename) else name
        if path is not None and path not in self.files:
            existing = Path(path).read_bytes() if Path(path).exists() else b""
            self.files[path] = FileModel(bytearray(existing))
        return CrashFile(self, name, flags, path)

    def xDelete(self, name: str, syncdir: bool) -> None:
        # SQLite deletes the rollback journal when switching to WAL; an unlink is a metadata operation that
        # the journaling file system makes durable, so the file is gone after a cut too.
        self.files.pop(name, None)
        super().xDelete(name, syncdir)

    def crash(self, target_dir: Path, rng: random.Random) -> None:
        """Write what a power cut at this instant would leave on disk into ``target_dir``."""
        target_dir.mkdir(parents=True, exist_ok=True)
        for path, model in self.files.items():
            if path.endswith("-shm"):
                continue  # shared memory is rebuilt from the WAL on recovery
            (target_dir / Path(path).name).write_bytes(bytes(model.crash_image(rng)))


class CrashFile(apsw.VFSFile):
    def __init__(self, vfs: CrashVFS, name: Any, flags: list[int], path: str | None) -> None:
        self.model = vfs.files.get(path) if path else None
        super().__init__("", name, flags)

    def xWrite(self, data: bytes, offset: int) -> None:
        if self.model is not None:
            self.model.pending.append(("w", offset, bytes(data)))
        super().xWrite(data, offset)

    def xTruncate(self, size: int) -> None:
        if self.model is not None:
            self.model.pending.append(("t", size, b""))
        super().xTruncate(size)

    def xSync(self, flags: int) -> None:
        if self.model is not None:
            self.model.sync()
        super().xSync(flags)
