"""kill -9 of a township's sync at random instants, against a real ``govdesk-county serve`` process: a store with
300 cases waiting (about 1,200 rows, several rounds) and a 600 KB scan is synced by a forked child
(tests/sync/sync_child.py) that is SIGKILLed at a random moment of its run, again and again. After every kill the
store opens and passes SQLite's integrity check (and the FTS and audit-chain checks), every row is either still
in the outbox or on the server exactly as it is here, and the cursor never ran ahead of what was applied; a
final sync converges: the server holds exactly the township's rows, no case twice, the scan whole, the outbox
empty."""

from __future__ import annotations

import hashlib
import os
import random
import select
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

from govdesk.services import sync_service
from govdesk.services.actor import Actor
from govdesk.services.attachments import attach_file
from govdesk.services.registration import parse_registration, register_case
from govdesk.services.setup import init_center
from govdesk.store.store import Store
from tests.conftest import dispute
from tests.sync.county_process import ROOT, CountyServer, subprocess_env
from tests.sync.replicas import (
    differences,
    duplicate_case_numbers,
    local_counts,
    local_rows,
    outbox,
    same_value,
    server_data,
)

CODE = "330483141"
ADMIN = Actor("setup", "admin", "setup")
CLERK = Actor("登记员", "clerk", "dengji")
DIRECTOR = Actor("李主任", "director", "lizhuren")
CASES = 300
KILLS = int(os.environ.get("SYNC_KILL9_RUNS", "8"))
SEED = int(os.environ.get("SYNC_KILL9_SEED", "2026"))
PULL_STAMPS = frozenset({"updated_at"})  # see test_replica_fidelity.py


class Zygote:
    """The pre-loaded sync process of tests/sync/sync_child.py."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen([sys.executable, "-m", "tests.sync.sync_child"], cwd=ROOT,
                                     env=subprocess_env(), stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0)  # fmt: skip
        self._buffer = b""
        assert self.line(120) == "ready"

    def line(self, timeout: float) -> str | None:
        """The next line, or None when none came within ``timeout`` seconds."""
        assert self.proc.stdout is not None
        deadline = time.monotonic() + timeout
        while b"\n" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self.proc.stdout], [], [], left)[0]:
                return None
            chunk = os.read(self.proc.stdout.fileno(), 65536)
            if not chunk:
                raise AssertionError("the sync process went away")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\n", 1)
        return raw.decode()

    def expect(self, prefix: str, timeout: float = 300) -> str:
        got = self.line(timeout)
        assert got is not None and got.startswith(prefix), f"expected {prefix!r}, got {got!r}"
        return got

    def sync(self, data_dir: Path, kill_after: float | None) -> tuple[str, float]:
        """One sync in a fresh child, SIGKILLed ``kill_after`` seconds after it started if still running.
        Returns ("killed" or the child's last line, seconds until it ended or was killed)."""
        assert self.proc.stdin is not None
        self.proc.stdin.write(f"go {data_dir}\n".encode())
        self.expect("child ")
        self.expect("syncing")
        started = time.monotonic()
        outcome = self.line(kill_after if kill_after is not None else 300)
        ran = time.monotonic() - started
        self.proc.stdin.write(b"wait\n" if outcome is not None else b"kill\n")
        if outcome is None:
            outcome = self.expect("")  # the exit, or the child's last words if it finished meanwhile
            if outcome == f"exit {-signal.SIGKILL}":
                return "killed", ran
        assert outcome.startswith(("done", "failed")), outcome
        self.expect("exit")
        return outcome, ran

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"quit\n")
        self.proc.stdin.close()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(5)


def _build(data_dir: Path, county: CountyServer) -> str:
    store = Store.open(data_dir, writer=True, create=True)
    try:
        init_center(store, ADMIN, "测试断电镇综治中心", CODE)
        numbers = [register_case(store, CLERK, parse_registration(dispute(title=f"第{i}号纠纷", address=f"某村{i % 9}组"))).number
                   for i in range(CASES)]  # fmt: skip
        scan = b"%PDF-1.4\n" + random.Random(5).randbytes(600 * 1024)
        attach_file(store, DIRECTOR, numbers[0], scan, "scan", "扫描件.pdf")
        sync_service.enroll(store, ADMIN, county.url, county.add_device(CODE, "笔记本"))
    finally:
        store.close()
    return hashlib.sha256(scan).hexdigest()


def _after_kill(data_dir: Path, county: CountyServer) -> tuple[list[str], int]:
    """Problems of the store after a kill, and how many outbox entries are left."""
    store = Store.open(data_dir, writer=False)
    try:
        problems = store.integrity_problems()
        with store.db.read() as session:
            cursor = int(session.scalar(text("SELECT value FROM sync_state WHERE key = 'cursor'")) or 0)
            queued = {(str(t), str(r)) for t, r in session.execute(text("SELECT table_name, row_id FROM sync_outbox"))}
            shadow = {(str(t), str(r)): int(v) for t, r, v in session.execute(text(
                "SELECT table_name, row_id, version FROM sync_shadow"))}  # fmt: skip
        mine = local_rows(store.db)
        left = sum(outbox(store.db).values())
    finally:
        store.close()
    server = county.center_rows(CODE)
    for key, data in sorted(mine.items()):
        if key in queued:
            continue  # not acknowledged yet: still in the outbox
        if key not in server:
            problems.append(f"{key} is neither in the outbox nor on the server")
        elif [f for f in data.keys() - PULL_STAMPS if not same_value(data[f], server[key][1].get(f))]:
            problems.append(f"{key} left the outbox but the server holds other values")
    for key, (version, _) in sorted(server.items()):
        if version <= cursor and shadow.get(key, -1) < version:
            problems.append(f"cursor {cursor} ran ahead of {key} (version {version}, here {shadow.get(key)})")
    problems += [f"case {n} twice here" for n in duplicate_case_numbers(mine)]
    return problems[:20], left


@pytest.fixture
def county(tmp_path: Path) -> Iterator[CountyServer]:
    with CountyServer(tmp_path / "county") as server:
        yield server


@pytest.mark.slow
def test_kill_minus_nine_during_sync_loses_and_duplicates_nothing(tmp_path: Path, county: CountyServer) -> None:
    started = time.monotonic()
    town, probe = tmp_path / "town", tmp_path / "probe"
    scan_sha = _build(town, county)
    shutil.copytree(town, probe, ignore=shutil.ignore_patterns("*.lock"))
    enrolled = county.snapshot()
    rng = random.Random(SEED)
    zygote = Zygote()
    kills: list[tuple[float, int]] = []  # (seconds into the run, outbox entries and blobs left after the kill)
    try:
        # How long an uninterrupted sync takes on this machine (on a copy; then the county is put back).
        outcome, full = zygote.sync(probe, None)
        assert outcome.startswith("done"), outcome
        county.restore(enrolled)
        initial = _after_kill(town, county)[1]
        left = initial
        for _ in range(KILLS * 3):
            if len(kills) == KILLS:
                break
            if left == 0:  # everything got through before the planned kills: the township keeps working
                _more_cases(town, 40)
                left = _after_kill(town, county)[1]
            delay = rng.uniform(0.0, max(0.3, full * left / initial))
            outcome, ran = zygote.sync(town, delay)
            problems, left = _after_kill(town, county)
            assert problems == [], f"after {outcome} at {ran:.2f} s: " + "\n".join(problems)
            if outcome == "killed":
                kills.append((round(ran, 2), left))
            else:  # a sync that got to the end leaves nothing behind
                assert outcome.startswith("done") and left == 0, f"{outcome}, yet {left} entries or blobs left"
        assert len(kills) == KILLS, f"only {len(kills)} kills landed during a sync"
        outcome, _ = zygote.sync(town, None)
        assert outcome.startswith("done"), outcome
    finally:
        zygote.close()

    store = Store.open(town, writer=False)
    try:
        assert store.integrity_problems() == []
        assert {k: v for k, v in outbox(store.db).items() if v} == {}
        mine = local_rows(store.db)
        counts = local_counts(store.db)
    finally:
        store.close()
    server = server_data(county.center_rows(CODE))
    assert differences(mine, server, ignore=PULL_STAMPS) == []
    assert dict(counts) == {t: sum(1 for (name, _) in server if name == t) for t in counts}
    assert duplicate_case_numbers(server) == []
    assert counts["cases"] >= CASES and counts["sync_conflicts"] == 0
    complete, content = county.blob(scan_sha)
    assert complete and hashlib.sha256(content).hexdigest() == scan_sha
    print(
        f"\nkill -9: a full sync takes {full:.1f} s; killed at (s, outbox left) {kills}; "
        f"{time.monotonic() - started:.1f} s in all"
    )


def _more_cases(data_dir: Path, n: int) -> None:
    store = Store.open(data_dir, writer=True)
    try:
        for i in range(n):
            register_case(store, CLERK, parse_registration(dispute(title=f"补登第{i}号纠纷")))
    finally:
        store.close()
