"""The county server as a real process: ``govdesk-county serve`` on a free loopback port, waited for through
``/v1/health`` and stopped at teardown, plus the ``govdesk-county`` commands a test (or a benchmark) needs and a
direct read of the server's database to compare both sides.

    with CountyServer(tmp_path) as county:            # SQLite in tmp_path, or CountyServer(dir, database_url=...)
        code = county.add_device("330483101", "笔记本")  # govdesk-county device add; the last line is the code
        county.url                                      # http://127.0.0.1:<port>
        county.stats()                                  # govdesk-county stats --json
        county.center_rows("330483101")                 # {(table, row_id): (version, data)} the center sees
        saved = county.snapshot(); ...; county.restore(saved)   # the same county again, without a restart
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import TracebackType
from typing import Any

import httpx
from sqlalchemy import Engine, and_, or_, select

from govdesk.server.db import make_engine
from govdesk.server.models import blob_chunks, blobs, metadata, rows
from tests.sync.netproxy import free_port

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def command(name: str, module: str) -> list[str]:
    """The installed console script next to this interpreter, else ``python -m module``."""
    script = BIN / name
    return [str(script)] if script.is_file() else [sys.executable, "-m", module]


def subprocess_env(**extra: str) -> dict[str, str]:
    """This checkout's code first on the path (also for a copy of the tree), no stray county database URL."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)]), "PYTHONUNBUFFERED": "1"}
    env.pop("GOVDESK_COUNTY_DATABASE_URL", None)
    env.update(extra)
    return env


class CountyServer:
    def __init__(self, workdir: Path, database_url: str | None = None, startup_timeout: float = 90.0) -> None:
        self.workdir = Path(workdir)
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.database_url = database_url or f"sqlite:///{self.workdir / 'county.db'}"
        self.startup_timeout = startup_timeout
        self.log_path = self.workdir / "county-server.log"
        self.port = 0
        self.process: subprocess.Popen[bytes] | None = None
        self._engine: Engine | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    # ---- process ----------------------------------------------------------------------------------------------

    def start(self) -> CountyServer:
        last = ""
        for _ in range(3):  # a free port can be taken by someone else before the server binds it
            self.port = free_port()
            log = self.log_path.open("ab")
            self.process = subprocess.Popen(
                [*command("govdesk-county", "govdesk.server.cli"), "serve", "--database-url", self.database_url,
                 "--host", "127.0.0.1", "--port", str(self.port)],
                stdout=log, stderr=subprocess.STDOUT, env=subprocess_env(), cwd=self.workdir,
            )  # fmt: skip
            log.close()
            if self._wait_healthy():
                return self
            last = self.log_tail()
            self.stop()
        raise RuntimeError(f"govdesk-county serve did not come up:\n{last}")

    def _wait_healthy(self) -> bool:
        assert self.process is not None
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                return False
            try:
                if httpx.get(f"{self.url}/v1/health", timeout=2).json().get("ok"):
                    return True
            except (httpx.HTTPError, ValueError):
                pass
            time.sleep(0.1)
        return False

    def stop(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
        proc, self.process = self.process, None
        if proc is None or proc.poll() is not None:
            return
        proc.send_signal(signal.SIGTERM)  # uvicorn shuts down gracefully
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)

    def __enter__(self) -> CountyServer:
        return self.start()

    def __exit__(self, kind: type[BaseException] | None, err: BaseException | None, tb: TracebackType | None) -> None:
        self.stop()

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    # ---- govdesk-county commands ------------------------------------------------------------------------------

    def cli(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        result = subprocess.run([*command("govdesk-county", "govdesk.server.cli"), *args, "--database-url",
                                 self.database_url], capture_output=True, text=True, env=subprocess_env(),
                                timeout=120)  # fmt: skip
        if check and result.returncode != 0:
            raise AssertionError(f"govdesk-county {' '.join(args)} failed ({result.returncode}):\n{result.stderr}")
        return result

    def add_device(self, center_code: str, name: str) -> str:
        """``govdesk-county device add``: the one-time enrolment code (the last line it prints)."""
        return self.cli("device", "add", "--center-code", center_code, "--name", name).stdout.strip().splitlines()[-1]

    def stats(self) -> list[dict[str, Any]]:
        result: list[dict[str, Any]] = json.loads(self.cli("stats", "--json").stdout)
        return result

    # ---- the server's database, read directly -----------------------------------------------------------------

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            self._engine = make_engine(self.database_url)
        return self._engine

    def center_rows(self, center_code: str) -> dict[tuple[str, str], tuple[int, dict[str, Any]]]:
        """Every row a device of the center sees (its own, and the county's addressed to it or to everyone):
        (table, row_id) -> (version, data)."""
        visible = or_(
            rows.c.owner == center_code, and_(rows.c.owner == "county", rows.c.audience.in_(("*", center_code)))
        )
        with self.engine.connect() as conn:
            found = conn.execute(select(rows.c.table_name, rows.c.row_id, rows.c.version, rows.c.data).where(visible))
            return {(t, r): (int(v), json.loads(d)) for t, r, v, d in found}

    def blob(self, sha256: str) -> tuple[bool, bytes]:
        """(complete, the chunks joined in order) of an attachment on the server."""
        with self.engine.connect() as conn:
            complete = conn.scalar(select(blobs.c.complete).where(blobs.c.sha256 == sha256))
            parts = conn.scalars(select(blob_chunks.c.data).where(blob_chunks.c.sha256 == sha256)
                                 .order_by(blob_chunks.c.idx))  # fmt: skip
            return bool(complete), b"".join(bytes(p) for p in parts)

    def snapshot(self) -> dict[str, list[dict[str, Any]]]:
        """Every row of the server's database (devices, rows, applied operations, blobs, the sequence)."""
        with self.engine.connect() as conn:
            return {t.name: [dict(r._mapping) for r in conn.execute(select(t))] for t in metadata.sorted_tables}

    def restore(self, snapshot: dict[str, list[dict[str, Any]]]) -> None:
        """Put the database back as it was at ``snapshot()``, in one transaction, while the process keeps running:
        the server holds no state of its own between requests, so the next request sees exactly that county.
        For sweeps that need the same starting point per attempt without paying a process start each time."""
        with self.engine.begin() as conn:
            for table in reversed(metadata.sorted_tables):
                conn.execute(table.delete())
            for table in metadata.sorted_tables:
                if snapshot[table.name]:
                    conn.execute(table.insert(), snapshot[table.name])
