"""Opening the SQLite store: the sqlcipher3 driver, the connection settings we rely on, and checks that they hold.

Settings and why:
- WAL with ``synchronous=FULL``: in WAL mode NORMAL can lose commits the user already saw as saved on a power cut.
- ``foreign_keys=ON`` on every connection (SQLite's default is off).
- ``secure_delete=ON``: deleted personal data is overwritten, not left in free pages.
- SQLite ≥ 3.51.3 (the WAL-reset corruption fix); sqlcipher3's wheel bundles 3.53.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlite_driver
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from govdesk.domain.errors import StoreError

MIN_SQLITE = (3, 51, 3)
BUSY_TIMEOUT_MS = 5000
CACHE_KIB = 64 * 1024

_CJK_OR_WORD = re.compile(r"[0-9A-Za-z]+|[^\s0-9A-Za-z\W]|[\u3400-\u9fff\U00020000-\U0003ffff]")


def spaced_characters(text: str | None) -> str:
    """'王某 宅基地ABC' → '王 某 宅 基 地 abc': one token per Chinese character, for 1–2 character search."""
    if not text:
        return ""
    return " ".join(m.group(0).lower() for m in _CJK_OR_WORD.finditer(text))


def apply_key(dbapi_conn: Any, key: bytes | None) -> None:
    """SQLCipher: the raw 256-bit key must be the first statement on a connection (no per-open KDF)."""
    if key is not None:
        dbapi_conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")


def _on_connect(dbapi_conn: Any, _record: Any, key: bytes | None = None) -> None:
    # Let SQLAlchemy's "begin" event issue BEGIN itself (pysqlite's implicit BEGIN breaks savepoints).
    dbapi_conn.isolation_level = None
    apply_key(dbapi_conn, key)
    cur = dbapi_conn.cursor()
    try:
        cur.execute("SELECT count(*) FROM sqlite_master")
    except sqlite_driver.DatabaseError:
        raise StoreError(
            "无法打开本地数据库：文件已加密而密钥不对，或文件已损坏。请用正确的账号登录；如仍不行，请从备份恢复。"
        ) from None
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA secure_delete=ON")
    cur.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
    cur.execute("PRAGMA temp_store=MEMORY")
    cur.close()
    dbapi_conn.create_function("gd_spaced", 1, spaced_characters, deterministic=True)
    verify_connection_settings(dbapi_conn)


def verify_connection_settings(dbapi_conn: Any) -> None:
    """Refuse to run on a connection whose durability settings are not what we rely on."""
    cur = dbapi_conn.cursor()
    problems = []
    version = tuple(int(p) for p in cur.execute("select sqlite_version()").fetchone()[0].split("."))
    if version < MIN_SQLITE:
        problems.append(f"SQLite 版本 {'.'.join(map(str, version))} 过旧")
    if cur.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
        problems.append("未能启用 WAL 日志模式（数据目录可能在网络盘或只读介质上）")
    if cur.execute("PRAGMA synchronous").fetchone()[0] != 2:
        problems.append("synchronous 不是 FULL")
    if cur.execute("PRAGMA foreign_keys").fetchone()[0] != 1:
        problems.append("外键检查未开启")
    if cur.execute("PRAGMA secure_delete").fetchone()[0] != 1:
        problems.append("secure_delete 未开启")
    cur.close()
    if problems:
        raise StoreError("本地数据库设置不安全，为防止数据丢失已停止：" + "；".join(problems) + "。请联系技术支持。")


def _on_begin(conn: Any) -> None:
    mode = "BEGIN IMMEDIATE" if conn.get_execution_options().get("write") else "BEGIN"
    conn.exec_driver_sql(mode)


def make_engine(db_path: Path, key: bytes | None = None) -> Engine:
    engine = create_engine(
        f"sqlite+pysqlite:///{db_path}",
        module=sqlite_driver,
        pool_pre_ping=False,
    )
    event.listen(engine, "connect", lambda conn, record: _on_connect(conn, record, key))
    event.listen(engine, "begin", _on_begin)
    return engine


def describe_database_error(err: DBAPIError, path: Path) -> str:
    """A plain-language message for an SQLite error that reached the user."""
    detail = str(err.orig) if err.orig is not None else str(err)
    lowered = detail.lower()
    if "malformed" in lowered or "not a database" in lowered or "corrupt" in lowered:
        return (f"数据库文件 {path} 已损坏（{detail}）。请不要继续录入，"
                "可以从 backups 目录中最近的备份恢复，或联系技术支持。")
    if "disk" in lowered and "full" in lowered:
        return "磁盘空间已满，刚才的操作没有保存。请清理磁盘后重试，已录入的内容不会丢失。"
    if "readonly" in lowered or "read-only" in lowered:
        return f"数据目录是只读的，无法保存（{path}）。请检查目录权限或换一个目录。"
    if "locked" in lowered or "busy" in lowered:
        return "数据库正被其他程序占用，操作没有完成。请稍后重试。"
    return f"数据库出错，操作没有完成（{detail}）。请重试；如果反复出现，请联系技术支持。"


class Database:
    """A store file and its sessions: ``read()`` for queries, ``write()`` for one use case's transaction."""

    def __init__(self, db_path: Path, key: bytes | None = None) -> None:
        self.path = db_path
        self.key = key
        self.engine = make_engine(db_path, key)
        self._reader = sessionmaker(self.engine, expire_on_commit=False)
        self._writer = sessionmaker(self.engine.execution_options(write=True), expire_on_commit=False)

    @contextmanager
    def read(self) -> Iterator[Session]:
        try:
            with self._reader() as session, session.begin():
                yield session
        except DBAPIError as err:
            raise StoreError(describe_database_error(err, self.path)) from err

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction, taken with BEGIN IMMEDIATE; committed on success, rolled back on any error.
        A disk-full or I/O error becomes a StoreError saying plainly that nothing was saved."""
        try:
            with self._writer() as session, session.begin():
                yield session
        except DBAPIError as err:
            raise StoreError(describe_database_error(err, self.path)) from err

    @contextmanager
    def write_unordered(self) -> Iterator[Session]:
        """A write transaction with foreign-key checks off, for rows that arrive from the sync server in version
        order rather than dependency order (a case edited after its events arrives after them). The rows were
        valid on the replica that made them; the connection gets its checks back before it returns to the pool."""
        try:
            with self.engine.connect() as conn:
                raw = conn.connection.driver_connection  # outside any transaction: SQLite ignores it inside one
                assert raw is not None
                raw.execute("PRAGMA foreign_keys=OFF")
                try:
                    with Session(bind=conn.execution_options(write=True)) as session, session.begin():
                        yield session
                finally:
                    raw.execute("PRAGMA foreign_keys=ON")
        except DBAPIError as err:
            raise StoreError(describe_database_error(err, self.path)) from err

    def dispose(self) -> None:
        self.engine.dispose()
