"""A throwaway PostgreSQL cluster for the county server's tests and benchmarks.

``find_bindir()`` looks for the server binaries (``GOVDESK_PG_BINDIR``, then ``pg_config --bindir`` / ``initdb`` on
PATH, then the newest ``/usr/lib/postgresql/*/bin``). ``PgCluster`` runs ``initdb`` into a fresh directory under
the system temp dir and ``pg_ctl start`` on a free loopback port (its unix socket in the same directory); for tests
with durability switched off (it is thrown away), for benchmarks (``durable=True``) with PostgreSQL's defaults.
``initdb`` refuses to run as root, so as root every server command runs as the ``postgres`` user (``runuser``,
else ``su``) and the directory is handed to that user.

Databases: ``fresh_database(prepare)`` copies a template set up once by ``prepare(url)`` (e.g. migrated) with
``CREATE DATABASE … TEMPLATE``, which takes milliseconds, so each test gets a database of its own;
``drop_database()`` drops one with ``(FORCE)``."""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shlex
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import psycopg
from psycopg import sql

SUPERUSER = "postgres"
SETTINGS = {
    "max_connections": "300",
    "shared_buffers": "64MB",
    "listen_addresses": "127.0.0.1",
    "log_min_messages": "warning",
}
FAST = {
    # for tests: a throwaway cluster needs no durability and no background noise
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "autovacuum": "off",
}


class PgUnavailable(RuntimeError):
    """The PostgreSQL server binaries are not installed here (the tests skip; CI installs them)."""


def find_bindir() -> Path | None:
    env = os.environ.get("GOVDESK_PG_BINDIR")
    if env:
        return Path(env) if (Path(env) / "initdb").is_file() else None
    pg_config = shutil.which("pg_config")
    if pg_config:
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True, timeout=10, check=True)
            bindir = Path(out.stdout.strip())
            if (bindir / "initdb").is_file() and (bindir / "pg_ctl").is_file():
                return bindir
    initdb = shutil.which("initdb")
    if initdb and Path(initdb).with_name("pg_ctl").is_file():
        return Path(initdb).parent

    def version(path: str) -> tuple[int, ...]:
        name = Path(path).parent.name
        return tuple(int(p) for p in name.split(".") if p.isdigit())

    found = sorted((d for d in glob.glob("/usr/lib/postgresql/*/bin") if Path(d, "initdb").is_file()), key=version)
    return Path(found[-1]) if found else None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PgCluster:
    def __init__(self, bindir: Path | None = None, *, durable: bool = False) -> None:
        """``durable``: PostgreSQL's own defaults (fsync, synchronous commit, autovacuum), as in production, for
        benchmarks; else the fast throwaway settings."""
        self.settings = SETTINGS if durable else {**SETTINGS, **FAST}
        found = bindir or find_bindir()
        if found is None:
            raise PgUnavailable(
                "PostgreSQL server binaries not found (initdb/pg_ctl; install the Debian package `postgresql`, "
                "which scripts/test does when run as root, or set GOVDESK_PG_BINDIR)"
            )
        self.bindir = found
        self.root = Path(tempfile.mkdtemp(prefix="govdesk-pg-"))
        self.datadir = self.root / "data"
        self.port = 0
        self.user: str | None = None  # the OS user the server runs as (None: ourselves)
        self._template: str | None = None
        if os.geteuid() == 0:
            for candidate in ("postgres", "nobody"):
                try:
                    entry = pwd.getpwnam(candidate)
                except KeyError:
                    continue
                self.user = candidate
                os.chown(self.root, entry.pw_uid, entry.pw_gid)
                break
            else:
                shutil.rmtree(self.root, ignore_errors=True)
                raise RuntimeError("running as root and there is no `postgres` (or `nobody`) user to run initdb as")

    # -- running the server's commands ------------------------------------------------------------------------

    def _command(self, args: list[str]) -> list[str]:
        if self.user is None:
            return args
        if shutil.which("runuser"):
            return ["runuser", "-u", self.user, "--", *args]
        return ["su", "-s", "/bin/sh", self.user, "-c", shlex.join(args)]

    def _run(self, args: list[str], timeout: float = 120) -> None:
        done = subprocess.run(self._command(args), capture_output=True, text=True, timeout=timeout, cwd=self.root)
        if done.returncode != 0:
            log = self.root / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.is_file() else ""
            raise RuntimeError(f"{' '.join(args[:2])} failed ({done.returncode}):\n{done.stdout}{done.stderr}{tail}")

    def start(self) -> PgCluster:
        self._run([str(self.bindir / "initdb"), "-D", str(self.datadir), "-U", SUPERUSER, "--auth=trust",
                   "-E", "UTF8", "--no-locale", "--no-sync"])  # fmt: skip
        options = " ".join(f"-c {k}={v}" for k, v in self.settings.items())
        for attempt in range(5):
            self.port = _free_port()
            try:
                self._run([str(self.bindir / "pg_ctl"), "start", "-w", "-t", "60", "-D", str(self.datadir),
                           "-l", str(self.root / "server.log"),
                           "-o", f"-p {self.port} -k {self.root} {options}"])  # fmt: skip
                return self
            except RuntimeError:
                if attempt == 4:
                    raise
                time.sleep(0.2)  # the port was taken in between: try another
        return self

    def stop(self) -> None:
        with contextlib.suppress(Exception):
            if (self.datadir / "postmaster.pid").is_file():
                self._run([str(self.bindir / "pg_ctl"), "stop", "-w", "-m", "immediate", "-D", str(self.datadir)], 60)
        shutil.rmtree(self.root, ignore_errors=True)

    # -- databases ------------------------------------------------------------------------------------------

    def url(self, database: str = "postgres", driver: str = "postgresql+psycopg") -> str:
        return f"{driver}://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def _admin(self) -> psycopg.Connection:
        return psycopg.connect(host="127.0.0.1", port=self.port, user=SUPERUSER, dbname="postgres", autocommit=True)

    def create_database(self, name: str | None = None, template: str | None = None) -> str:
        name = name or f"t_{uuid.uuid4().hex[:12]}"
        query = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
        if template:
            query = sql.SQL("{} TEMPLATE {} STRATEGY FILE_COPY").format(query, sql.Identifier(template))
        with self._admin() as conn:
            conn.execute(query)
        return name

    def drop_database(self, name: str) -> None:
        with self._admin() as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))

    def template(self, prepare: Callable[[str], None], name: str = "govdesk_template") -> str:
        """A database set up once by ``prepare(url)`` (e.g. migrated), copied by ``fresh_database``."""
        if self._template is None:
            self.create_database(name)
            prepare(self.url(name))
            self._template = name
        return self._template

    def fresh_database(self, prepare: Callable[[str], None]) -> str:
        """A new database copied from the prepared template; returns its name (``url(name)`` to connect)."""
        return self.create_database(template=self.template(prepare))

    def __enter__(self) -> PgCluster:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
