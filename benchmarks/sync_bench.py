"""Sync figures over a shaped loopback link (issue 7/9): ``python -m benchmarks.sync_bench [--size tiny|full]``
(or ``python -m benchmarks.run --sync``).

Every measurement gets a fresh county database on a throwaway PostgreSQL cluster with PostgreSQL's default
(durable) settings (tests/sync/pgcluster.py; SQLite when the binaries are missing, said in each figure), the real
``govdesk-county serve`` process (tests/sync/county_process.py) and, between it and the township, the loopback
proxy of the network tests (tests/sync/netproxy.py) shaping the link to 256 kbit/s each way with 150 ms each way
(300 ms round trip). The township is a real store filled by the demo generator (realistic Chinese cases, ~1.4 KB
each as wire JSON, the "records"), synced by the production runner (``run_sync``: rounds of ≤ 500 operations,
verify, attachment chunks) with the production HTTP client.

Wire bytes are what the proxy delivered (HTTP headers and bodies; TCP/IP overhead not counted). Each figure's
``extra`` splits the time into wire time (bytes ÷ rate), round trips (× 300 ms) and CPU (this process, the server
process, PostgreSQL), so it is clear what dominates.

Results are merged into benchmarks/results.json (figures of group ``sync`` replaced) and docs/benchmarks.md is
regenerated with them."""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import multiprocessing
import multiprocessing.queues
import os
import random
import shutil
import statistics
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import zstandard
from sqlalchemy import Engine, text
from tests.sync.county_process import CountyServer
from tests.sync.netproxy import NetProxy
from tests.sync.pgcluster import PgCluster, PgUnavailable

from benchmarks.harness import RESULTS, ROOT, TABLE, Figure, merge_results, percentile
from govdesk.server.apply import county_write
from govdesk.server.db import Sequence, make_engine, write
from govdesk.server.devices import add_device
from govdesk.services.actor import Actor
from govdesk.services.attachments import attach_file, stored_blob
from govdesk.services.demo_loader import load_demo
from govdesk.store.store import Store
from govdesk.sync import engine as sync_engine
from govdesk.sync import rows as sync_rows
from govdesk.sync.client import SyncClient, make_http
from govdesk.sync.errors import SyncError
from govdesk.sync.protocol import EnrollRequest
from govdesk.sync.runner import SyncReport, run_sync

BENCH = Actor("benchmark", "director", "benchmark")
CLK = os.sysconf("SC_CLK_TCK")
EDIT_SENTENCES = [
    "调解员已电话联系双方当事人，约定下周三上午到村委会调解室面谈。",
    "经现场查看，双方争议的围墙位置已拍照留存，并请村干部在场见证。",
    "申请人补充提交了医疗费票据复印件，被申请人表示需要与家人商量。",
    "网格员回访时了解到双方情绪已基本平稳，愿意在村里调解。",
    "已通知派出所社区民警参与下一次调解，防止矛盾激化。",
    "双方就赔偿数额仍有分歧，调解员建议先行支付部分医疗费用。",
]
RISK_REASONS = [
    "双方多次发生口角，存在激化可能",
    "涉及金额较大，当事人情绪激动",
    "已初步达成意向，风险下降",
    "当事人年迈体弱，需重点关注",
]


@dataclass(frozen=True)
class Size:
    push_small: int
    push_large: int
    edits: int
    repeat: int
    blob_count: int
    blob_size: int
    drop_every: int
    towns: int
    town_cases: int
    town_edits: int
    rate: float | None  # bytes per second each way
    delay: float  # one way, seconds


SIZES = {
    "full": Size(1_000, 10_000, 100, 3, 5, 2 * 1024 * 1024, 1_000_000, 30, 20, 5, 32_000, 0.150),
    # every code path on small data and a fast link, so the benchmark does not rot (no figure is meaningful)
    "tiny": Size(40, 120, 10, 1, 2, 600_000, 400_000, 3, 4, 2, 2_000_000, 0.002),
}


# ---- CPU accounting ---------------------------------------------------------------------------------------------


def _proc_cpu(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / CLK


def _children_cpu(parent: int) -> float:
    total = _proc_cpu(parent)
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == parent:
            total += (int(fields[11]) + int(fields[12])) / CLK
    return total


# ---- the county side --------------------------------------------------------------------------------------------


class Backend:
    """Where county databases come from: one PostgreSQL cluster, a fresh database for each server."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.pg: PgCluster | None = None
        try:
            self.pg = PgCluster(durable=True).start()
            self.label = f"PostgreSQL {self.pg.bindir.parent.name}"
        except PgUnavailable as err:
            print(f"  ({err}; using SQLite)")
            self.label = "SQLite"
        self._n = 0

    def new_url(self) -> str:
        self._n += 1
        if self.pg is not None:
            return self.pg.url(self.pg.create_database(f"bench_{self._n}"))
        return f"sqlite:///{self.workdir / f'county-{self._n}.db'}"

    def cpu(self) -> float:
        if self.pg is None:
            return 0.0
        try:
            postmaster = int((self.pg.datadir / "postmaster.pid").read_text().split()[0])
        except (OSError, ValueError, IndexError):
            return 0.0
        return _children_cpu(postmaster)

    def close(self) -> None:
        if self.pg is not None:
            self.pg.stop()


@contextmanager
def county_server(backend: Backend, workdir: Path) -> Iterator[CountyServer]:
    with CountyServer(workdir, database_url=backend.new_url()) as server:
        yield server


# ---- townships --------------------------------------------------------------------------------------------------


def demo_store(cache: Path, n_cases: int, seed: int = 11, n_residents: int | None = None) -> Path:
    """A store with ``n_cases`` generated cases, cached in benchmarks/data (not committed)."""
    marker = cache / ".complete"
    if marker.exists():
        return cache
    shutil.rmtree(cache, ignore_errors=True)
    cache.parent.mkdir(parents=True, exist_ok=True)
    store = Store.open(cache, writer=True, create=True)
    try:
        load_demo(store, BENCH, seed=seed, n_cases=n_cases, n_residents=n_residents or max(30, n_cases),
                  today=dt.date(2026, 11, 1), replay_recent=False)  # fmt: skip
    finally:
        store.close()
    marker.touch()
    return cache


class TimedClient(SyncClient):
    """The production client, timing every HTTP request (from sending to the whole answer read)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.timings: list[tuple[str, float]] = []

    def _send(self, method: str, path: str, body: bytes | None = None, headers: dict[str, str] | None = None) -> bytes:
        start = time.perf_counter()
        try:
            return super()._send(method, path, body, headers)
        finally:
            self.timings.append((path, time.perf_counter() - start))


@dataclass
class Town:
    store: Store
    device_id: str
    token: str
    code: str
    case_ids: list[str] = field(default_factory=list)

    def client(self, url: str) -> TimedClient:
        return TimedClient(make_http(url), self.token)

    def sync(self, client: SyncClient, **kwargs: Any) -> SyncReport:
        return run_sync(self.store.db, client, self.device_id, **kwargs)


def open_town(source: Path, target: Path, server: CountyServer | tuple[str, Engine], code: str, name: str) -> Town:
    """A copy of a generated store, enrolled with the server (directly, not through the proxy), with only its cases
    waiting in the outbox (the records of the benchmark). ``server``: the server, or its (URL, database engine)."""
    url, engine = (server.url, server.engine) if isinstance(server, CountyServer) else server
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("*.lock", "*-wal", "*-shm"))
    store = Store.open(target, writer=True)
    with write(engine) as conn:
        _, enrol_code = add_device(conn, code, name)
    client = SyncClient(make_http(url))
    try:
        answer = client.enroll(EnrollRequest(code=enrol_code, center_code=code, device_name=name))
    finally:
        client.close()
    sync_engine.queue_unsynced_rows(store.db)
    with store.db.write() as session:
        session.execute(text("DELETE FROM sync_outbox WHERE table_name <> 'cases'"))
        session.execute(text("DELETE FROM sync_blobs"))
        ids = [str(i) for (i,) in session.execute(text("SELECT id FROM cases ORDER BY local_no"))]
    return Town(store, answer.device_id, answer.token, code, ids)


def edit_cases(town: Town, ids: list[str], round_no: int) -> None:
    """What a mediator's day of follow-up looks like: risk and its reason changed on each case, a sentence of
    progress added to the facts of every other one (each SQL UPDATE is captured by the outbox triggers)."""
    rng = random.Random(round_no)
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    with town.store.db.write() as session:
        for i, case_id in enumerate(ids):
            params = {"id": case_id, "risk": rng.choice(["green", "yellow", "red"]), "u": now,
                      "reason": f"{rng.choice(RISK_REASONS)}（第{round_no}次研判）"}  # fmt: skip
            session.execute(text("UPDATE cases SET risk = :risk, risk_reason = :reason, updated_at = :u WHERE id = :id"),
                            params)  # fmt: skip
            if i % 2 == 0:
                session.execute(text("UPDATE cases SET facts = facts || :s WHERE id = :id"),
                                {"s": rng.choice(EDIT_SENTENCES), "id": case_id})  # fmt: skip


def records_floor(town: Town, ids: list[str], rate: float | None, delay: float) -> tuple[float, int, int]:
    """The bare minimum for these rows: their JSON as one zstd stream (same level as the protocol) sent once,
    plus one round trip. Returns (seconds, compressed bytes, raw bytes)."""
    with town.store.db.read() as session:
        data = sync_rows.read_rows(session, "cases", ids)
    raw = b"\n".join(sync_rows.dumps_data(d).encode() for d in data.values())
    packed = len(zstandard.ZstdCompressor(level=6).compress(raw))
    return (packed / rate if rate else 0.0) + 2 * delay, packed, len(raw)


# ---- one measurement ----------------------------------------------------------------------------------------------


@dataclass
class Measured:
    seconds: float
    up: int
    down: int
    requests: int
    round_trips: int
    http: float  # seconds spent waiting for HTTP answers (sending, the server's work, receiving)
    cpu_client: float
    cpu_server: float
    cpu_db: float
    attempts: int = 1

    @property
    def wire(self) -> int:
        return self.up + self.down

    def split(self, rate: float | None, delay: float) -> dict[str, Any]:
        """Where the wall time went: bytes through the link, round trips, the server (the rest of the HTTP time:
        its work and PostgreSQL's, and waiting for them), the township's own store work (outside HTTP)."""
        wire_s = self.wire / rate if rate else 0.0
        rtt_s = self.round_trips * 2 * delay
        server_s = max(0.0, self.http - wire_s - rtt_s)
        local_s = max(0.0, self.seconds - self.http)
        parts = {"wire bytes": wire_s, "round trips": rtt_s, "server work": server_s, "township store work": local_s}
        return {
            "seconds": round(self.seconds, 2), "bytes_up": self.up, "bytes_down": self.down, "requests": self.requests,
            "round_trips": self.round_trips, "attempts": self.attempts, "http_s": round(self.http, 2),
            "wire_s": round(wire_s, 2), "round_trip_s": round(rtt_s, 2), "server_s": round(server_s, 2),
            "local_s": round(local_s, 2), "cpu_client_s": round(self.cpu_client, 2),
            "cpu_server_s": round(self.cpu_server, 2), "cpu_db_s": round(self.cpu_db, 2),
            "dominated_by": max(parts, key=lambda k: parts[k]),
        }  # fmt: skip


def measure(fn: Callable[[], Any], proxy: NetProxy, client: TimedClient, server: CountyServer, backend: Backend,
            ) -> Measured:  # fmt: skip
    assert server.process is not None
    proxy.reset_counters()
    requests, timed = client.requests, len(client.timings)
    cpu = (time.thread_time(), _proc_cpu(server.process.pid), backend.cpu())
    start = time.perf_counter()
    attempts = fn()
    seconds = time.perf_counter() - start
    http = sum(d for _, d in client.timings[timed:])
    return Measured(seconds, proxy.bytes_up, proxy.bytes_down, client.requests - requests, len(proxy.segments) // 2,
                    http, time.thread_time() - cpu[0], _proc_cpu(server.process.pid) - cpu[1], backend.cpu() - cpu[2],
                    attempts if isinstance(attempts, int) else 1)  # fmt: skip


def _median_run(runs: list[Measured]) -> Measured:
    return sorted(runs, key=lambda m: m.seconds)[len(runs) // 2]


def _describe(m: Measured, size: Size) -> str:
    s = m.split(size.rate, size.delay)
    return (f"{m.requests} requests, {m.wire / 1000:.0f} KB on the wire ({m.up / 1000:.0f} up / {m.down / 1000:.0f} "
            f"down); time: wire {s['wire_s']} s + round trips {s['round_trip_s']} s + server {s['server_s']} s + "
            f"township store {s['local_s']} s; CPU {s['cpu_client_s']} s township, {s['cpu_server_s']} s server, "
            f"{s['cpu_db_s']} s PostgreSQL; dominated by {s['dominated_by']}")  # fmt: skip


# ---- the cases ------------------------------------------------------------------------------------------------------


class Bench:
    def __init__(self, size: Size, data: Path, workdir: Path) -> None:
        self.size = size
        self.data = data
        self.workdir = workdir
        self.backend = Backend(workdir)
        self.figures: list[Figure] = []
        self._n = 0

    def _dir(self, name: str) -> Path:
        self._n += 1
        return self.workdir / f"{self._n:02d}-{name}"

    def _proxy(self, server: CountyServer) -> NetProxy:
        return NetProxy(server.port, rate=self.size.rate, delay=self.size.delay).start()

    @property
    def link(self) -> str:
        if self.size.rate is None:
            return "no shaping"
        return f"{self.size.rate * 8 / 1000:g} kbit/s, {2 * self.size.delay * 1000:g} ms RTT, {self.backend.label}"

    def push(self, n: int, target_s: float, target_mb: float | None, repeat: int) -> None:
        size = self.size
        source = demo_store(self.data / f"sync-demo-{n}", n)
        runs: list[Measured] = []
        floor = (0.0, 0, 0)
        for rep in range(repeat):
            with county_server(self.backend, self._dir(f"push{n}")) as server:
                town = open_town(source, self._dir(f"town{n}"), server, "330499101", f"推送{n}-{rep}")
                try:
                    floor = records_floor(town, town.case_ids, size.rate, size.delay)
                    proxy = self._proxy(server)
                    client = town.client(proxy.url)
                    try:
                        m = measure(partial(town.sync, client), proxy, client, server, self.backend)
                    finally:
                        client.close()
                        proxy.stop()
                    assert len(server.center_rows("330499101")) == n, "not every record reached the server"
                    runs.append(m)
                    print(f"  push {n}: {m.seconds:.1f} s — {_describe(m, size)}")
                    if n == size.push_small and rep == repeat - 1:
                        self.edits_and_noop(server, town)
                finally:
                    town.store.close()
        label = f"{n:,} demo cases (mean {floor[2] / n / 1000:.2f} KB as JSON), {self.link}"
        details = [m.split(size.rate, size.delay) for m in runs]
        self.figures.append(Figure(
            "sync", f"push {n:,} records (one run_sync: rounds of ≤ 500 ops, then verify)", "s",
            [m.seconds for m in runs], label, target=target_s, limit=floor[0],
            limit_what=f"their JSON as one zstd stream ({floor[1] / 1000:.0f} KB) at link rate + 1 RTT",
            note=_describe(_median_run(runs), size), extra={"runs": details},
        ))  # fmt: skip
        self.figures.append(Figure(
            "sync", f"push {n:,} records: bytes on the wire (both ways)", "KB", [m.wire / 1000 for m in runs], label,
            target=target_mb and target_mb * 1000, limit=floor[1] / 1000, limit_what="their JSON as one zstd stream",
            note=f"{runs[0].wire / floor[2]:.2f} wire bytes per raw JSON byte; up {runs[0].up / 1e6:.2f} MB, "
                 f"down {runs[0].down / 1e6:.2f} MB",
            extra={"raw_json_bytes": floor[2]},
        ))  # fmt: skip

    def edits_and_noop(self, server: CountyServer, town: Town) -> None:
        size = self.size
        edits: list[Measured] = []
        noops: list[Measured] = []
        floors = []
        proxy = self._proxy(server)
        client = town.client(proxy.url)
        try:
            for rep in range(size.repeat):
                ids = town.case_ids[rep * size.edits : (rep + 1) * size.edits]
                with town.store.db.read() as session:
                    before = sync_rows.read_rows(session, "cases", ids)
                edit_cases(town, ids, rep + 1)
                with town.store.db.read() as session:
                    after = sync_rows.read_rows(session, "cases", ids)
                changed = b"\n".join(sync_rows.dumps_data({k: v for k, v in after[i].items() if before[i].get(k) != v})
                                     .encode() for i in ids)  # fmt: skip
                packed = len(zstandard.ZstdCompressor(level=6).compress(changed))
                floors.append(((packed / size.rate if size.rate else 0.0) + 2 * size.delay, packed, len(changed)))
                m = measure(lambda: town.sync(client), proxy, client, server, self.backend)
                edits.append(m)
                print(f"  {size.edits} edits: {m.seconds:.2f} s — {_describe(m, size)}")
                m = measure(lambda: town.sync(client), proxy, client, server, self.backend)
                noops.append(m)
                print(f"  no-op: {m.seconds:.2f} s — {_describe(m, size)}")
            self.attachments(server, town, proxy, client)
        finally:
            client.close()
            proxy.stop()
        label = f"{size.edits} of the {size.push_small:,} synced cases, {self.link}"
        what = "risk + risk_reason + updated_at on each, a sentence added to facts on every other one"
        floor = floors[len(floors) // 2]
        self.figures.append(Figure(
            "sync", f"push {size.edits} edited records ({what})", "s", [m.seconds for m in edits], label, target=5,
            limit=floor[0], limit_what=f"the changed fields' JSON as one zstd stream ({floor[1] / 1000:.1f} KB) + 1 RTT",
            note=_describe(_median_run(edits), size), extra={"runs": [m.split(size.rate, size.delay) for m in edits]},
        ))  # fmt: skip
        self.figures.append(Figure(
            "sync", f"push {size.edits} edited records: bytes on the wire", "KB", [m.wire / 1000 for m in edits], label,
            target=40, limit=floor[1] / 1000, limit_what="the changed fields' JSON as one zstd stream",
            note=f"raw changed fields {floor[2] / 1000:.1f} KB",
        ))  # fmt: skip
        label = f"a township with {size.push_small:,} synced cases and nothing new, {self.link}"
        self.figures.append(Figure(
            "sync", "no-op sync: requests", "requests", [float(m.requests) for m in noops], label, target=1, limit=1,
            limit_what="one request", note=f"{noops[0].seconds:.2f} s each",
            extra={"runs": [m.split(size.rate, size.delay) for m in noops]},
        ))  # fmt: skip
        self.figures.append(Figure(
            "sync", "no-op sync: bytes on the wire (HTTP headers included)", "B", [float(m.wire) for m in noops], label,
            target=2048, note=f"up {noops[0].up} B, down {noops[0].down} B",
        ))  # fmt: skip

    def attachments(self, server: CountyServer, town: Town, proxy: NetProxy, client: TimedClient) -> None:
        size = self.size
        rng = random.Random(5)
        shas = []
        for i in range(size.blob_count):  # photographs and scans are already compressed: random bytes
            data = b"\xff\xd8\xff\xe0" + rng.randbytes(size.blob_size - 4)
            with town.store.db.read() as session:
                number = str(session.scalar(text("SELECT number FROM cases WHERE id = :id"), {"id": town.case_ids[i]}))
            attach_file(town.store, BENCH, number, data, "scan", f"协议扫描件{i + 1}.jpg")
            shas.append(hashlib.sha256(data).hexdigest())
        payload = size.blob_count * size.blob_size

        def until_done() -> int:
            attempts = 0
            while True:
                attempts += 1
                try:
                    town.sync(client, blob_reader=lambda sha: stored_blob(town.store, sha))
                    return attempts
                except SyncError as err:
                    if err.code != "offline" or attempts > 200:
                        raise

        proxy.cut_after(size.drop_every, "both", every=True)
        try:
            m = measure(until_done, proxy, client, server, self.backend)
        finally:
            proxy.heal()
        for sha in shas:
            complete, body = server.blob(sha)
            assert complete and hashlib.sha256(body).hexdigest() == sha, "an attachment did not arrive whole"
        print(
            f"  attachments: {m.seconds:.0f} s, {m.attempts} attempts, {m.wire / payload:.3f}× — {_describe(m, size)}"
        )
        label = (f"{size.blob_count} × {size.blob_size / 1024 / 1024:g} MiB (incompressible, like JPEG scans), "
                 f"the link dropped every {size.drop_every / 1e6:g} MB, {self.link}")  # fmt: skip
        self.figures.append(Figure(
            "sync", "attachments through a link that drops: bytes on the wire, % of the payload", "%",
            [100 * m.wire / payload], label, target=125, limit=100, limit_what="the payload once",
            note=f"{proxy.cuts} drops, {m.attempts} attempts (retried at once; the app backs off), "
                 f"{m.requests} requests", extra={"run": m.split(size.rate, size.delay), "payload_bytes": payload},
        ))  # fmt: skip
        floor = payload / size.rate if size.rate else 0.0
        self.figures.append(Figure(
            "sync", "attachments through a link that drops: time to complete", "s", [m.seconds], label,
            limit=floor, limit_what="the payload once at link rate", note=_describe(m, size),
        ))  # fmt: skip

    def many_towns(self, shaped: bool) -> None:
        """Every township on its own link and its own computer: the townships run in worker processes (a few
        each, so this process's GIL is not what is measured), all released at once by one barrier per session."""
        size = self.size
        n = size.towns
        sources = [demo_store(self.data / f"sync-town-{size.town_cases}-{i:02d}", size.town_cases, seed=100 + i,
                              n_residents=30) for i in range(n)]  # fmt: skip
        workers = min(WORKERS, n)
        ctx = multiprocessing.get_context("spawn")
        barrier = ctx.Barrier(n + 1)
        answers: multiprocessing.queues.Queue[dict[str, Any]] = ctx.Queue()
        with county_server(self.backend, self._dir("towns")) as server:
            assert server.process is not None
            pid = server.process.pid
            jobs = [TownJob(i, str(sources[i]), str(self._dir(f"town-{i:02d}")), f"330483{101 + i:03d}")
                    for i in range(n)]  # fmt: skip
            link = (size.rate, size.delay) if shaped else (None, 0.0)
            procs = [ctx.Process(target=_town_worker, args=(jobs[w::workers], server.url, server.database_url,
                                                             server.port, link, size.town_edits, barrier, answers))
                     for w in range(workers)]  # fmt: skip
            for proc in procs:
                proc.start()
            cpu: list[tuple[float, float, float]] = []

            def mark() -> None:  # CPU seconds so far: the server process, PostgreSQL, the township processes
                towns_cpu = sum(_proc_cpu(p.pid) for p in procs if p.pid is not None)
                cpu.append((_proc_cpu(pid), self.backend.cpu(), towns_cpu))
                marks.append(time.perf_counter())

            marks: list[float] = []
            try:
                barrier.wait(300)  # B0: everyone enrolled and ready; session 1 starts
                mark()
                barrier.wait(600)  # B1: session 1 done (and the day's edits made)
                mark()
                self._publish(server, 5)
                barrier.wait(60)  # B2: session 2 starts
                mark()
                barrier.wait(600)  # B3: session 2 done; session 3 starts
                mark()
                results = [answers.get(timeout=600) for _ in range(n)]
                mark()
            finally:
                for proc in procs:
                    proc.join(60)
                    if proc.is_alive():
                        proc.kill()
        errors = [e for r in results for e in r["errors"]]
        latencies = [d for r in results for _, d in r["timings"]]
        spans = {"push": (0, 1), "edits + pull": (2, 3), "no-op": (3, 4)}
        sessions = []
        for name, (a, b) in spans.items():
            ms = [d for r in results for s, d in r["timings"] if s == name]
            sessions.append(f"{name}: {percentile(ms, 95):.0f} ms p95 over {len(ms)} requests in {marks[b] - marks[a]:.1f} s, "
                            f"CPU: server {cpu[b][0] - cpu[a][0]:.1f} s + PostgreSQL {max(0.0, cpu[b][1] - cpu[a][1]):.1f} s "
                            f"+ the {n} townships {cpu[b][2] - cpu[a][2]:.1f} s")  # fmt: skip
        p95 = percentile(latencies, 95)
        label = (f"{n} townships at once, each on its own link ({self.link}), {size.town_cases} new cases each, then "
                 f"{size.town_edits} edits + 5 county rows to pull, then a no-op"
                 if shaped else f"{n} townships at once, loopback without shaping, {self.backend.label}")  # fmt: skip
        note = (f"{len(latencies)} requests, p50 {statistics.median(latencies):.0f} ms, max {max(latencies):.0f} ms, "
                f"errors {len(errors)}; {'; '.join(sessions)}")  # fmt: skip
        print(f"  {n} townships ({'shaped' if shaped else 'unshaped'}): p95 {p95:.0f} ms — {note}")
        for e in errors[:5]:
            print(f"    error: {e}")
        self.figures.append(Figure(
            "sync", f"{n} townships syncing at once: p95 request latency" + ("" if shaped else " (no shaping)"), "ms",
            [p95], label, target=1000 if shaped else None, limit=2 * size.delay * 1000 if shaped else None,
            limit_what="one round trip on the link" if shaped else "", note=note,
            extra={"latencies_ms": sorted(round(x, 1) for x in latencies), "errors": errors, "sessions": sessions,
                   "wire_bytes_per_town": [r["wire"] for r in results], "worker_processes": workers},
        ))  # fmt: skip
        if shaped:
            self.figures.append(Figure(
                "sync", f"{n} townships syncing at once: errors", "errors", [float(len(errors))], label, target=0,
                note="; ".join(errors[:3]),
            ))  # fmt: skip

    def gui_stall(self) -> None:
        """The window while it syncs: a 5 ms timer on the GUI thread notes every gap while the main window (director,
        status bar, case list) sends a 1,000-case township's whole store in its first sync through the sync thread,
        straight over loopback (no shaping: more work per second for the sync thread, the harder case for the GUI)."""
        from PySide6.QtCore import QElapsedTimer, QSettings, QTimer
        from PySide6.QtWidgets import QApplication

        from govdesk.gui.main_window import MainWindow
        from govdesk.gui.tasks import TaskManager
        from govdesk.services import sync_service

        source = demo_store(self.data / f"sync-demo-{self.size.push_small}", self.size.push_small)
        app = QApplication.instance() or QApplication(["sync-bench", "-platform", "offscreen"])
        director = Actor("张主任", "director", "zhuren")
        with county_server(self.backend, self._dir("gui")) as server:
            target = self._dir("gui-town")
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("*.lock", "*-wal", "*-shm"))
            store = Store.open(target, writer=True)
            tasks = TaskManager()
            window: MainWindow | None = None
            try:
                with write(server.engine) as conn:
                    _, code = add_device(conn, "330499101", "窗口")
                sync_service.enroll(store, director, server.url, code)
                with store.db.read() as session:
                    queued = sync_engine.pending_count(session)
                window = MainWindow(store, tasks, director, QSettings(str(self._dir("gui-ini") / "w.ini"),
                                                                      QSettings.Format.IniFormat))  # fmt: skip
                window.show()
                controller = window.sync_controller
                assert controller is not None
                gaps: list[float] = []
                clock = QElapsedTimer()
                ticker = QTimer()
                ticker.setInterval(5)

                def tick() -> None:
                    gaps.append(clock.nsecsElapsed() / 1e6)
                    clock.restart()

                ticker.timeout.connect(tick)

                def watch(seconds: float | None) -> list[float]:
                    gaps.clear()
                    clock.start()
                    ticker.start()
                    start = time.perf_counter()
                    while (time.perf_counter() - start < seconds) if seconds else (controller.running or not gaps):
                        app.processEvents()
                        time.sleep(0.001)
                    ticker.stop()
                    return list(gaps)

                idle = watch(3.0)
                window.action_sync.trigger()
                start = time.perf_counter()
                busy = watch(None)
                took = time.perf_counter() - start
                with store.db.read() as session:
                    left = sync_engine.pending_count(session)
            finally:
                if window is not None:
                    window.close()
                    if window.sync_controller is not None:
                        window.sync_controller.shutdown()
                tasks.shutdown(15_000)
                store.close()
        stall = max(busy) - 5
        note = (f"{queued:,} operations sent in {took:.1f} s ({left} left); gaps of the 5 ms timer while syncing: p99 "
                f"{percentile(busy, 99):.0f} ms, longest {max(busy):.0f} ms over {len(busy)} ticks; idle for 3 s "
                f"before: longest {max(idle):.0f} ms")  # fmt: skip
        print(f"  GUI while syncing: longest stall {stall:.0f} ms — {note}")
        self.figures.append(Figure(
            "sync", "GUI event loop: longest stall while the window syncs", "ms", [stall],
            f"main window, first sync of a {self.size.push_small:,}-case township (whole store), loopback, "
            f"{self.backend.label}", target=100, note=note,
        ))  # fmt: skip

    def _publish(self, server: CountyServer, count: int) -> None:
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None).isoformat(timespec="microseconds")
        with write(server.engine) as conn:
            seq = Sequence(conn)
            for i in range(count):
                county_write(conn, seq, "reference_data", f"bench-ref-{i}", {
                    "created_at": now, "updated_at": now, "deleted_at": None, "key": f"矛盾纠纷类别-{i}",
                    "value": {"items": [{"code": f"{i:02d}{j:02d}", "name": s} for j, s in enumerate(EDIT_SENTENCES)]},
                }, audience="*")  # fmt: skip
            seq.save()

    def close(self) -> None:
        self.backend.close()


WORKERS = 5  # processes the townships of the many-townships case are spread over


@dataclass(frozen=True)
class TownJob:
    index: int
    source: str
    target: str
    code: str


def _town_worker(jobs: list[TownJob], url: str, database_url: str, port: int, link: tuple[float | None, float],
                 edits: int, barrier: Any, answers: Any) -> None:  # fmt: skip
    """One worker process: its townships, each in a thread with its own proxy (link) and client, through the three
    sessions the parent releases with ``barrier``; every HTTP request timed; the answers put on ``answers``."""
    if os.environ.get("SYNC_BENCH_NICE"):
        os.nice(int(os.environ["SYNC_BENCH_NICE"]))
    engine = make_engine(database_url)
    towns = [open_town(Path(j.source), Path(j.target), (url, engine), j.code, f"乡镇{j.index + 1}") for j in jobs]
    engine.dispose()
    proxies = [NetProxy(port, rate=link[0], delay=link[1]).start() for _ in towns]
    clients = [t.client(p.url) for t, p in zip(towns, proxies, strict=True)]

    def run(job: TownJob, town: Town, client: TimedClient, proxy: NetProxy) -> None:
        errors: list[str] = []
        timings: list[tuple[str, float]] = []

        def session(name: str) -> None:
            mark = len(client.timings)
            try:
                town.sync(client)
            except Exception as err:  # noqa: BLE001 - every failure is counted as an error of the figure
                errors.append(f"{job.code} {name}: {err!r}")
            timings.extend((name, d * 1000) for _, d in client.timings[mark:])

        barrier.wait(300)  # B0
        session("push")
        edit_cases(town, town.case_ids[:edits], 10 + job.index)
        barrier.wait(600)  # B1: the county publishes
        barrier.wait(60)  # B2
        session("edits + pull")
        barrier.wait(600)  # B3
        session("no-op")
        answers.put({"index": job.index, "errors": errors, "timings": timings, "wire": proxy.total})

    threads = [threading.Thread(target=run, args=args) for args in zip(jobs, towns, clients, proxies, strict=True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for client in clients:
        client.close()
    for proxy in proxies:
        proxy.stop()
    for town in towns:
        town.store.close()


def sync_figures(size_name: str, data: Path) -> list[Figure]:
    size = SIZES[size_name]
    with tempfile.TemporaryDirectory(prefix="govdesk-syncbench-") as tmp:
        bench = Bench(size, data, Path(tmp))
        try:
            print(f"sync: push {size.push_small} records, edits, no-op, attachments …")
            bench.push(size.push_small, 12, None, size.repeat)
            print("sync: the window while it syncs …")
            bench.gui_stall()
            print(f"sync: {size.towns} townships at once …")
            bench.many_towns(shaped=True)
            bench.many_towns(shaped=False)
            print(f"sync: push {size.push_large} records …")
            bench.push(size.push_large, 120, 3.2, 1)
        finally:
            bench.close()
    return sorted(bench.figures, key=_rank)


ORDER = ("push 1,000 records (", "push 1,000 records:", "push 100 edited records (", "push 100 edited records:",
         "no-op sync: requests", "no-op sync: bytes", "push 10,000 records (", "push 10,000 records:",
         "attachments through a link that drops: bytes", "attachments through a link that drops: time",
         "30 townships syncing at once: p95 request latency", "30 townships syncing at once: errors",
         "GUI event loop")  # fmt: skip


def _rank(figure: Figure) -> int:
    """The order of the issue's list (figures of other sizes keep their place after those)."""
    return next((i for i, prefix in enumerate(ORDER) if figure.name.startswith(prefix)), len(ORDER))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="benchmarks.sync_bench")
    parser.add_argument("--size", choices=sorted(SIZES), default="full")
    parser.add_argument("--results", type=Path, default=RESULTS)
    parser.add_argument("--table", type=Path, default=TABLE)
    parser.add_argument("--data", type=Path, default=ROOT / "data", help="where generated stores are cached")
    args = parser.parse_args(argv)
    figures = sync_figures(args.size, args.data)
    merge_results(figures, {"sync"}, args.size, args.results, args.table)
    for f in figures:
        print(f"  {f.group:6} {f.name:80} {f.median:10.2f} {f.unit}  target {f.target}  meets {f.meets_target}")
    print(f"wrote {args.results} and {args.table}")
    print(json.dumps({f.name: f.median for f in figures}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
