"""The county server's database: PostgreSQL in production, SQLite as the embedded default; migrations at start.

Every writing transaction first takes one lock (a transaction-level advisory lock on PostgreSQL, BEGIN IMMEDIATE
on SQLite), so change numbers are allocated and committed in the same order and a reader's "since N" cursor can
never skip a row that commits late."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event, select, text, update
from sqlalchemy.engine import make_url

from govdesk.server.models import counters

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
ENV_VAR = "GOVDESK_COUNTY_DATABASE_URL"
WRITE_LOCK_KEY = 7_265_433  # any constant: the advisory lock every writer takes


def default_url() -> str:
    from platformdirs import user_data_dir

    path = Path(user_data_dir("govdesk-county", appauthor=False)) / "county.db"
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


def resolve_url(url: str | None) -> str:
    return url or os.environ.get(ENV_VAR) or default_url()


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "postgresql":
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        return create_engine(parsed, pool_size=10, max_overflow=20, pool_pre_ping=True)
    engine = create_engine(parsed, connect_args={"check_same_thread": False, "timeout": 30})

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("write") else "BEGIN")

    return engine


def is_postgres(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"


def migrate(engine: Engine) -> None:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


@contextmanager
def write(engine: Engine) -> Iterator[Connection]:
    """One serialized writing transaction."""
    with engine.connect() as conn:
        conn = conn.execution_options(write=True)
        with conn.begin():
            if is_postgres(engine):
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": WRITE_LOCK_KEY})
            yield conn


@contextmanager
def read(engine: Engine) -> Iterator[Connection]:
    with engine.connect() as conn, conn.begin():
        yield conn


@contextmanager
def snapshot(engine: Engine) -> Iterator[Connection]:
    """A reading transaction that sees one moment throughout (REPEATABLE READ on PostgreSQL; an SQLite read
    transaction in WAL mode does so by nature). A pull and its bucket checksums taken in one snapshot agree with
    each other without waiting for the write lock: the change counter and the rows it numbers commit together."""
    with engine.connect() as conn:
        if is_postgres(engine):
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            yield conn


@contextmanager
def bookkeeping(engine: Engine) -> Iterator[Connection]:
    """A small writing transaction that allocates no change number (a device's last-sync time), so it does not
    queue behind the write lock."""
    with engine.connect() as conn:
        conn = conn.execution_options(write=True)
        with conn.begin():
            yield conn


class Sequence:
    """Change numbers inside one writing transaction (the lock is held, so reading once and writing back at the
    end is safe and saves a round trip per change)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.value = int(conn.scalar(select(counters.c.value).where(counters.c.name == "seq")) or 0)
        self.start = self.value

    def next(self) -> int:
        self.value += 1
        return self.value

    def save(self) -> None:
        if self.value != self.start:
            self.conn.execute(update(counters).where(counters.c.name == "seq").values(value=self.value))


def current_seq(conn: Connection) -> int:
    return int(conn.scalar(select(counters.c.value).where(counters.c.name == "seq")) or 0)
