"""Sync fixtures: a county server (the real FastAPI app on a throwaway database) and township stores enrolled
with it, talking through the real HTTP client over an in-process transport."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text

from govdesk.server.app import create_app
from govdesk.server.db import Sequence, make_engine, migrate, write
from govdesk.server.devices import add_device
from govdesk.services.actor import Actor
from govdesk.services.registration import parse_registration, register_case
from govdesk.services.setup import init_center
from govdesk.store.store import Store
from govdesk.sync import engine as sync_engine
from govdesk.sync.client import SyncClient
from govdesk.sync.protocol import EnrollRequest
from govdesk.sync.runner import SyncReport, run_sync
from tests.conftest import dispute
from tests.sync.pgcluster import PgCluster, PgUnavailable

ADMIN = Actor("setup", "admin", "setup")
CLERK = Actor("登记员", "clerk", "dengji")
CODES = ("330483101", "330483102", "330483103", "330483104")


def make_templates(factory: pytest.TempPathFactory, codes: tuple[str, ...], name: str) -> dict[str, Path]:
    """One empty, set-up township store per center code (copied by the tests); ``name`` has a {} for 1, 2, …"""
    out = {}
    for i, code in enumerate(codes):
        data_dir = factory.mktemp(f"town{code}")
        store = Store.open(data_dir, writer=True, create=True)
        init_center(store, ADMIN, name.format(i + 1), code)
        store.close()
        out[code] = data_dir
    return out


@pytest.fixture(scope="session")
def _township_templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return make_templates(tmp_path_factory, CODES, "测试{}镇综治中心")


def server_engine(url: str) -> Engine:
    engine = make_engine(url)
    migrate(engine)
    return engine


def _migrated(url: str) -> None:
    server_engine(url).dispose()


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    """A throwaway PostgreSQL cluster for the whole session (tests/sync/pgcluster.py); skipped only when the
    server binaries are not installed — if they are, a cluster that fails to start is an error."""
    try:
        cluster = PgCluster()
    except PgUnavailable as err:
        pytest.skip(str(err))
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def pg_url(pg_cluster: PgCluster) -> Iterator[str]:
    """A fresh, migrated PostgreSQL database of its own (copied from a migrated template), dropped afterwards."""
    name = pg_cluster.fresh_database(_migrated)
    yield pg_cluster.url(name)
    pg_cluster.drop_database(name)


@pytest.fixture(params=["sqlite", "postgresql"])
def county(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """The county server's database: every test using it runs on SQLite and on a real PostgreSQL."""
    if request.param == "postgresql":
        url = request.getfixturevalue("pg_url")
    else:
        url = f"sqlite:///{tmp_path / 'county.db'}"
    engine = server_engine(url)
    yield engine
    engine.dispose()


class Township:
    """One device: its store, its HTTP client to the county and its device id."""

    def __init__(self, store: Store, client: SyncClient, device_id: str, center_code: str) -> None:
        self.store = store
        self.client = client
        self.device_id = device_id
        self.center_code = center_code

    def sync(self, **kwargs: object) -> SyncReport:
        return run_sync(self.store.db, self.client, self.device_id, **kwargs)  # type: ignore[arg-type]

    def register(self, title: str = "宅基地边界纠纷") -> str:
        return register_case(self.store, CLERK, parse_registration(dispute(title=title))).number

    def rows(self, sql: str, **params: object) -> list[tuple[object, ...]]:
        with self.store.db.read() as session:
            return [tuple(r) for r in session.execute(text(sql), params)]

    def execute(self, sql: str, **params: object) -> None:
        with self.store.db.write() as session:
            session.execute(text(sql), params)


@pytest.fixture
def make_township(tmp_path: Path, _township_templates: dict[str, Path], county: Engine
                  ) -> Iterator[Callable[..., Township]]:  # fmt: skip
    opened: list[Township] = []
    app = create_app(county)

    def make(code: str = CODES[0], name: str = "", http: object | None = None) -> Township:
        target = tmp_path / f"dev{len(opened)}-{code}"
        shutil.copytree(_township_templates[code], target, ignore=shutil.ignore_patterns("*.lock", "*-wal", "*-shm"))
        store = Store.open(target, writer=True)
        with write(county) as conn:
            _, enrol_code = add_device(conn, code, name or target.name)
        client = SyncClient(http or TestClient(app))  # type: ignore[arg-type]
        answer = client.enroll(EnrollRequest(code=enrol_code, center_code=code, device_name=name or target.name))
        client.token = answer.token
        with store.db.write() as session:  # as sync_service.enroll does: station numbers unique per center
            session.execute(text("UPDATE centers SET station_no = :s WHERE is_local"), {"s": answer.station_no})
            sync_engine.rekey_pending(session)
        sync_engine.queue_unsynced_rows(store.db)
        town = Township(store, client, answer.device_id, code)
        opened.append(town)
        return town

    yield make
    for town in opened:
        town.store.close()


def county_edit(engine: Engine, table: str, row_id: str, fields: dict[str, object]) -> None:
    from govdesk.server.apply import county_write

    with write(engine) as conn:
        seq = Sequence(conn)
        county_write(conn, seq, table, row_id, fields)
        seq.save()
