"""Eight townships syncing at the same moment against a real PostgreSQL, through real HTTP servers.

Each township is a thread with its own store and its own ``httpx`` client (the production client, keep-alive,
timeouts). They talk to two uvicorn servers in this process that share one PostgreSQL database — like two
workers of one county deployment — so sync transactions really overlap, while a county thread keeps publishing
reference data (visible to everyone) and instructions (one center each) in transactions of its own.

The client's verify step is switched off, so a gap in the change log could not be repaired behind our back:
afterwards every township's pulled state must equal, row for row and version for version, what the server shows
it. Also checked: no errors or refusals, the outboxes are empty, every case a township registered or edited is on
the server with its last value, every pull answer was in version order above the cursor it was asked from, and
no two server rows share a version number."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from sqlalchemy import Engine, select, text

from govdesk.server.app import create_app
from govdesk.server.apply import county_write
from govdesk.server.db import Sequence, read, write
from govdesk.server.devices import add_device
from govdesk.server.models import counters, rows
from govdesk.services.registration import parse_registration, register_case
from govdesk.store.store import Store
from govdesk.sync import engine as sync_engine
from govdesk.sync.client import SyncClient, make_http
from govdesk.sync.protocol import EnrollRequest, SyncRequest, SyncResponse, canonical
from govdesk.sync.rows import read_row
from govdesk.sync.runner import run_sync
from tests.conftest import dispute
from tests.sync.conftest import CLERK, make_templates, server_engine

TOWNSHIPS = 8
ROUNDS = 6
SERVERS = 2
CENTER_CODES = tuple(f"3304831{i:02d}" for i in range(1, TOWNSHIPS + 1))


class ServerThread:
    """A real uvicorn server on a loopback port, run in a thread of this process."""

    def __init__(self, engine: Engine) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        config = uvicorn.Config(create_app(engine), log_level="warning", lifespan="off", timeout_keep_alive=30)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)

    def start(self) -> ServerThread:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(15)
        self.sock.close()


@pytest.fixture(scope="module")
def _eight_templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return make_templates(tmp_path_factory, CENTER_CODES, "并发{}镇综治中心")


class RecordingClient(SyncClient):
    """The production client, remembering every sync request's cursor and the answer to it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.exchanges: list[tuple[int, SyncResponse]] = []

    def sync(self, request: SyncRequest) -> SyncResponse:
        answer = super().sync(request)
        self.exchanges.append((request.cursor, answer))
        return answer


class Town:
    def __init__(self, code: str, store: Store, client: RecordingClient, device_id: str) -> None:
        self.code = code
        self.store = store
        self.client = client
        self.device_id = device_id
        self.titles: dict[str, str] = {}  # case id -> the last title this township gave it
        self.error: BaseException | None = None

    def sync(self) -> None:
        report = run_sync(self.store.db, self.client, self.device_id, verify=False)
        assert report.refused == 0 and not report.errors, report.errors

    def work(self, start: threading.Barrier) -> None:
        try:
            start.wait(30)
            for i in range(ROUNDS):
                number = register_case(
                    self.store, CLERK, parse_registration(dispute(title=f"{self.code}第{i}件"))
                ).number
                with self.store.db.write() as session:
                    case_id = str(session.scalar(text("SELECT id FROM cases WHERE number = :n"), {"n": number}))
                    self.titles[case_id] = f"{self.code}第{i}件"
                    if i:  # edit an earlier case too, so updates travel as well as inserts
                        earlier = next(iter(self.titles))
                        title = f"{self.code}改{i}"
                        session.execute(text("UPDATE cases SET title = :t WHERE id = :id"), {"t": title, "id": earlier})
                        self.titles[earlier] = title
                self.sync()
        except BaseException as err:  # noqa: BLE001 - reported by the test in the main thread
            self.error = err


def _county_publisher(engine: Engine, stop: threading.Event, published: list[str]) -> None:
    i = 0
    while not stop.is_set():
        now = "2026-11-23T08:00:00"
        with write(engine) as conn:
            seq = Sequence(conn)
            row_id = f"ref-{i:05d}"
            county_write(conn, seq, "reference_data", row_id, {
                "created_at": now, "updated_at": now, "deleted_at": None, "key": f"code-table-{i}", "value": {"n": i},
            }, audience="*")  # fmt: skip
            code = CENTER_CODES[i % len(CENTER_CODES)]
            county_write(conn, seq, "county_instructions", f"ins-{i:05d}", {
                "created_at": now, "updated_at": now, "deleted_at": None, "center_code": code, "title": f"指令{i}",
                "body": "请核实辖区矛盾纠纷排查情况。", "issued_at": now, "issued_by": "县综治中心", "due_on": None,
                "acknowledged_at": None, "acknowledged_by": "",
            }, audience=code)  # fmt: skip
            seq.save()
        published.append(row_id)
        i += 1
        time.sleep(0.01)


def _server_view(engine: Engine, code: str) -> dict[tuple[str, str], tuple[int, dict[str, Any]]]:
    with read(engine) as conn:
        stmt = select(rows.c.table_name, rows.c.row_id, rows.c.version, rows.c.data).where(
            (rows.c.owner == code) | ((rows.c.owner == "county") & rows.c.audience.in_(("*", code)))
        )
        return {(t, r): (int(v), json.loads(d)) for t, r, v, d in conn.execute(stmt)}


@pytest.fixture
def servers(pg_url: str) -> Iterator[tuple[Engine, list[ServerThread]]]:
    engine = server_engine(pg_url)
    started = [ServerThread(engine).start() for _ in range(SERVERS)]
    yield engine, started
    for server in started:
        server.stop()
    engine.dispose()


@pytest.mark.slow
def test_eight_townships_sync_at_once_without_gaps(
    servers: tuple[Engine, list[ServerThread]], _eight_templates: dict[str, Path], tmp_path: Path,
) -> None:  # fmt: skip
    import shutil

    engine, http_servers = servers
    towns: list[Town] = []
    for i, code in enumerate(CENTER_CODES):
        target = tmp_path / f"town-{code}"
        shutil.copytree(_eight_templates[code], target, ignore=shutil.ignore_patterns("*.lock", "*-wal", "*-shm"))
        store = Store.open(target, writer=True)
        with write(engine) as conn:
            _, enrol_code = add_device(conn, code, f"并发{i + 1}镇")
        client = RecordingClient(make_http(http_servers[i % SERVERS].url))
        answer = client.enroll(EnrollRequest(code=enrol_code, center_code=code, device_name=f"并发{i + 1}镇"))
        client.token = answer.token
        sync_engine.queue_unsynced_rows(store.db)
        towns.append(Town(code, store, client, answer.device_id))
    try:
        start = threading.Barrier(TOWNSHIPS + 1)
        stop = threading.Event()
        published: list[str] = []
        county = threading.Thread(target=_county_publisher, args=(engine, stop, published))
        threads = [threading.Thread(target=t.work, args=(start,)) for t in towns]
        for thread in threads:
            thread.start()
        county.start()
        start.wait(30)
        for thread in threads:
            thread.join(300)
        stop.set()
        county.join(30)
        errors = {t.code: repr(t.error) for t in towns if t.error is not None}
        assert not errors, errors
        assert len(published) >= 3  # the county really wrote while the townships synced

        for town in towns:  # heal: a last sync each, after everyone has finished
            town.sync()
        all_versions: list[int] = []
        with read(engine) as conn:
            all_versions = [int(v) for (v,) in conn.execute(select(rows.c.version))]
            seq = int(conn.scalar(select(counters.c.value).where(counters.c.name == "seq")) or 0)
        assert len(all_versions) == len(set(all_versions)), "two server rows share a version number"
        assert max(all_versions) <= seq

        for town in towns:
            view = _server_view(engine, town.code)
            with town.store.db.read() as session:
                shadow = {(t, r): int(v) for t, r, v in session.execute(
                    text("SELECT table_name, row_id, version FROM sync_shadow"))}  # fmt: skip
                outbox = session.scalar(text("SELECT count(*) FROM sync_outbox"))
                local_cases = {cid: read_row(session, "cases", cid) for cid in town.titles}
            assert outbox == 0, f"{town.code}: outbox not empty"
            missing = sorted(k for k in view if k not in shadow)
            assert not missing, f"{town.code} never received {len(missing)} visible rows, e.g. {missing[:3]}"
            stale = sorted(k for k in view if shadow[k] != view[k][0])
            assert not stale, f"{town.code} holds old versions of {stale[:3]}"
            assert set(shadow) == set(view), f"{town.code} holds rows the server does not show it"
            for case_id, title in town.titles.items():
                assert view[("cases", case_id)][1]["title"] == title
                local = local_cases[case_id]
                assert local is not None
                for key, value in view[("cases", case_id)][1].items():
                    assert canonical(local.get(key)) == canonical(value), (town.code, case_id, key)
            instructions = {r for (t, r) in view if t == "county_instructions"}
            assert instructions == {f"ins-{i:05d}" for i in range(len(published))
                                    if CENTER_CODES[i % len(CENTER_CODES)] == town.code}  # fmt: skip
            assert {r for (t, r) in view if t == "reference_data"} == set(published)
            for cursor, exchange in town.client.exchanges:
                versions = [c.version for c in exchange.changes]
                assert versions == sorted(versions) and all(v > cursor for v in versions), town.code
                assert exchange.cursor >= cursor and all(v <= exchange.cursor for v in versions), town.code
    finally:
        for town in towns:
            town.client.close()
            town.store.close()
