"""A data directory: the SQLite store file, its writer lock, migrations and backups folder."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from govdesk.domain.errors import StoreError
from govdesk.store import backup_policy, migrate
from govdesk.store.engine import Database, describe_database_error
from govdesk.store.lock import WriterLock

DB_NAME = "govdesk.db"


class Store:
    """An open store. ``writer=True`` takes the single-writer lock (GUI and writing CLI commands)."""

    def __init__(self, data_dir: Path, db: Database, lock: WriterLock | None) -> None:
        self.data_dir = data_dir
        self.db = db
        self.lock = lock
        self.migration_backup: Path | None = None

    @property
    def path(self) -> Path:
        return self.db.path

    @property
    def key(self) -> bytes | None:
        return self.db.key

    @property
    def backups_dir(self) -> Path:
        """Where new backups go (``backup-policy.json`` may name another folder than ``<data dir>/backups``)."""
        return backup_policy.backups_folder(self.data_dir)

    @staticmethod
    def exists(data_dir: Path) -> bool:
        return (data_dir / DB_NAME).is_file()

    @classmethod
    def open(cls, data_dir: Path, *, writer: bool = True, create: bool = False, key: bytes | None = None) -> Store:
        """Open (or with ``create`` make) the store. An encrypted store needs its data key (see security.keys)."""
        data_dir = Path(data_dir)
        if not cls.exists(data_dir) and not create:
            raise StoreError(
                f"在 {data_dir} 没有找到 govdesk 数据。请先运行 govdesk init（或 govdesk demo 载入演示数据）。"
            )
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise StoreError(f"无法创建数据目录 {data_dir}：{err.strerror}。请换一个有写权限的目录。") from None
        lock = None
        if writer:
            lock = WriterLock(data_dir)
            lock.acquire()
        if key is None and (data_dir / "keyslots.json").is_file():
            if lock is not None:
                lock.release()
            raise StoreError("这个数据目录已加密，请先登录（用户名和密码）再打开。")
        db = Database(data_dir / DB_NAME, key)
        store = cls(data_dir, db, lock)
        try:
            if migrate.current_revision(db.engine) != migrate.head_revision():
                if not writer:
                    raise StoreError("数据库需要升级，请先关闭其他 govdesk 窗口后再运行。")
                store.migration_backup = migrate.upgrade(db.engine, db.path, store.backups_dir, key)
        except DBAPIError as err:
            store.close()
            raise StoreError(describe_database_error(err, data_dir / DB_NAME)) from None
        except BaseException:
            store.close()
            raise
        return store

    def schema_version(self) -> str | None:
        return migrate.current_revision(self.db.engine)

    def integrity_problems(self) -> list[str]:
        """Problems found by SQLite's integrity and foreign-key checks and the FTS index check."""
        problems: list[str] = []
        try:
            self._run_checks(problems)
        except DBAPIError as err:
            problems.append(describe_database_error(err, self.path))
        return problems

    def _run_checks(self, problems: list[str]) -> None:
        with self.db.engine.connect() as conn:
            for (line,) in conn.execute(text("PRAGMA integrity_check")):
                if line != "ok":
                    problems.append(f"数据库结构损坏：{line}")
            for row in conn.execute(text("PRAGMA foreign_key_check")):
                problems.append(f"表 {row[0]} 第 {row[1]} 行引用了不存在的 {row[2]} 记录")
            from sqlalchemy.orm import Session

            from govdesk.store.audit_repo import audit_chain_problems

            with Session(bind=conn) as session:
                problems.extend(f"审计记录：{p}" for p in audit_chain_problems(session))
            for table in ("case_fts", "case_fts_short"):
                try:
                    conn.execute(text(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 0)"))
                except Exception as err:  # noqa: BLE001 - SQLite reports FTS corruption as a generic error
                    problems.append(f"全文检索索引 {table} 损坏：{err}")
            conn.rollback()

    def close(self) -> None:
        self.db.dispose()
        if self.lock is not None and self.lock.held:
            self.lock.release()
