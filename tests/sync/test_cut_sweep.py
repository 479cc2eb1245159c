"""The cut sweep: a township's sync runs through a loopback proxy in front of a real ``govdesk-county serve``
process and the connection is cut after k bytes, for k across the whole exchange (requests and answers, records
both ways, the attachment's chunks); then the network heals and the sync completes. Every time: 0 duplicates,
0 lost, the attachment whole on the server, exactly one review item for the one real collision, a second device
of the center converging, both outboxes empty.

The exchange is a realistic day: the township (30 cases, some mediated, one agreement signed and sealed) synced
yesterday; since then its laptop registered 6 cases, accepted, mediated and edited others, retracted one,
attached a 600 KB scan, and retitled a case the county retitled too; the county sent an instruction and raised
a case's risk. Every cut starts from that same state: the server's database is put back from a snapshot (the
process keeps running) and the township stores are fresh copies."""

from __future__ import annotations

import hashlib
import json
import random
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from govdesk.domain.lifecycle import Action
from govdesk.server.apply import county_write
from govdesk.server.db import Sequence, write
from govdesk.services import sync_service
from govdesk.services.actor import Actor
from govdesk.services.attachments import attach_file
from govdesk.services.lifecycle import perform
from govdesk.services.registration import parse_registration, register_case
from govdesk.services.setup import init_center
from govdesk.store.store import Store
from govdesk.sync.errors import SyncError
from tests.conftest import dispute
from tests.sync.county_process import CountyServer
from tests.sync.netproxy import Direction, NetProxy
from tests.sync.replicas import differences, duplicate_case_numbers, local_counts, local_rows, outbox, server_data

CODE = "330483121"
ADMIN = Actor("setup", "admin", "setup")
CLERK = Actor("登记员", "clerk", "dengji")
DIRECTOR = Actor("李主任", "director", "lizhuren")
AGREEMENT = {
    "matters": "东侧围墙是否越界",
    "responsibilities": "被申请人砌墙越界约0.5米，应负主要责任",
    "obligations": [{"obligor": "李某", "obligee": "王某", "content": "拆除越界部分围墙", "due_on": "2026-12-31",
                     "method": "自行拆除"}],
}  # fmt: skip
SCAN_SIZE = 600 * 1024  # five 128 KiB chunks, the last one partial
CONFLICT_CASE = 5  # retitled by the county and by the laptop: the one real collision
# Fields left out of the replica comparisons: none (a pulled row once got a local updated_at; fixed).
PULL_STAMPS: frozenset[str] = frozenset()


@dataclass
class Setting:
    county: CountyServer
    proxy: NetProxy
    laptop: Path  # template: the township's laptop with a day of unsynced work
    office: Path  # template: a second device of the center, synced yesterday
    scan_sha: str
    snapshot: dict[str, list[dict[str, Any]]]  # the county before the laptop's sync
    workdir: Path


def _numbers(store: Store) -> list[str]:
    with store.db.read() as session:
        return [str(n) for (n,) in session.execute(text("SELECT number FROM cases ORDER BY number"))]


def _yesterday(store: Store) -> None:
    for i in range(24):
        register_case(store, CLERK, parse_registration(dispute(title=f"第{i}号纠纷", address=f"某村{i}组")))
    numbers = _numbers(store)
    for n in numbers[:6]:
        perform(store, DIRECTOR, n, Action.ACCEPT, {"mediators": ["张调解员"]})
    for n in numbers[:2]:
        perform(
            store, DIRECTOR, n, Action.MEDIATE, {"content": "双方陈述，调解员释法。", "attendees": ["王某", "李某"]}
        )
        perform(store, DIRECTOR, n, Action.AGREE, AGREEMENT)
    for signer in ({"party": 1}, {"party": 2}, {"signer": "mediator", "name": "张调解员"}):
        perform(store, DIRECTOR, numbers[0], Action.SIGN, signer)
    perform(store, DIRECTOR, numbers[0], Action.SEAL, {})


def _today(store: Store) -> str:
    """The laptop's unsynced day. Returns the scan's SHA-256."""
    for i in range(24, 30):
        register_case(store, CLERK, parse_registration(dispute(title=f"第{i}号纠纷", address=f"某村{i}组")))
    numbers = _numbers(store)
    for n in numbers[6:11]:
        perform(store, DIRECTOR, n, Action.ACCEPT, {"mediators": ["王调解员"]})
    for n in numbers[6:8]:
        perform(store, DIRECTOR, n, Action.MEDIATE, {"content": "第二次调解。", "attendees": ["王某", "李某"]})
        perform(store, DIRECTOR, n, Action.AGREE, AGREEMENT)
    with store.db.write() as session:
        for n in numbers[20:23]:
            session.execute(
                text("UPDATE cases SET facts = facts || '（补充：双方同意现场勘查）' WHERE number = :n"), {"n": n}
            )
        session.execute(
            text("UPDATE cases SET title = '笔记本改的标题' WHERE number = :n"), {"n": numbers[CONFLICT_CASE]}
        )
        session.execute(text("UPDATE cases SET deleted_at = updated_at WHERE number = :n"), {"n": numbers[23]})
    scan = b"%PDF-1.4\n" + random.Random(7).randbytes(SCAN_SIZE - 9)
    attach_file(store, DIRECTOR, numbers[6], scan, "signed_agreement", "协议书扫描件.pdf")
    return hashlib.sha256(scan).hexdigest()


def _county_today(county: CountyServer, case_id: str) -> None:
    """What the county did meanwhile (the server's own functions, as ``govdesk-county instruct`` does)."""
    now = "2026-11-23T08:00:00.000000"
    with write(county.engine) as conn:
        seq = Sequence(conn)
        county_write(conn, seq, "county_instructions", "6f0c3c1e-0000-4000-8000-000000000001", {
            "created_at": now, "updated_at": now, "deleted_at": None, "center_code": CODE, "title": "排查辖区矛盾纠纷",
            "body": "请于月底前报送排查情况。", "issued_at": now, "issued_by": "县综治中心", "due_on": "2026-12-31",
            "acknowledged_at": None, "acknowledged_by": "",
        }, audience=CODE)  # fmt: skip
        county_write(conn, seq, "cases", case_id, {"title": "县里改的标题", "risk": "yellow"})
        seq.save()


@pytest.fixture(scope="module")
def setting(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Setting]:
    work = tmp_path_factory.mktemp("cutsweep")
    laptop_dir, office_dir = work / "laptop", work / "office"
    store = Store.open(laptop_dir, writer=True, create=True)
    init_center(store, ADMIN, "测试断线镇综治中心", CODE)
    store.close()
    shutil.copytree(laptop_dir, office_dir)
    # A copied directory shares its unsent op_ids with the original (the reported bug of
    # test_replica_fidelity.py); a second PC set up on its own has its own, as here.
    office = Store.open(office_dir, writer=True)
    try:
        with office.db.write() as session:
            session.execute(text("UPDATE sync_outbox SET op_id = lower(hex(randomblob(16)))"))
    finally:
        office.close()
    with CountyServer(work / "county") as county, NetProxy(county.port) as proxy:
        laptop = Store.open(laptop_dir, writer=True)
        office = Store.open(office_dir, writer=True)
        try:
            sync_service.enroll(laptop, ADMIN, proxy.url, county.add_device(CODE, "笔记本"))
            sync_service.enroll(office, ADMIN, proxy.url, county.add_device(CODE, "办公室"))
            _yesterday(laptop)
            for device in (laptop, office, laptop):
                sync_service.sync_now(device, ADMIN)
            _county_today(county, _case_id(laptop, CONFLICT_CASE))
            sha = _today(laptop)
        finally:
            laptop.close()
            office.close()
        yield Setting(county, proxy, laptop_dir, office_dir, sha, county.snapshot(), work)


def _fresh(setting: Setting, template: Path, name: str) -> Store:
    target = setting.workdir / name
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(template, target, ignore=shutil.ignore_patterns("*.lock", "*-wal", "*-shm"))
    return Store.open(target, writer=True)


def _leftovers(store: Store) -> dict[str, int]:
    return {state: n for state, n in outbox(store.db).items() if n}


def _problems(setting: Setting, laptop: Store) -> list[str]:
    """Everything that would be a lost or duplicated record, an incomplete attachment, a missing or doubled review
    item or a diverging replica."""
    county = setting.county
    problems = [f"outbox not empty: {_leftovers(laptop)}"] if _leftovers(laptop) else []
    server = server_data(county.center_rows(CODE))
    mine = local_rows(laptop.db)
    problems += differences(mine, server, ignore=PULL_STAMPS)
    counts = local_counts(laptop.db)
    server_counts = {t: sum(1 for (name, _) in server if name == t) for t in counts}
    if dict(counts) != server_counts:
        problems.append(f"row counts differ: local {dict(counts)} server {server_counts}")
    problems += [f"duplicate case number {n} on the server" for n in duplicate_case_numbers(server)]
    items = [(d["table_name"], d["field"], d["server_value"], d["client_value"])
             for (t, _), d in server.items() if t == "sync_conflicts"]  # fmt: skip
    if items != [("cases", "title", "县里改的标题", "笔记本改的标题")]:
        problems.append(f"review items on the server: {json.dumps(items, ensure_ascii=False)} (one title expected)")
    if counts["county_instructions"] != 1 or mine[("cases", _case_id(laptop, CONFLICT_CASE))]["risk"] != "yellow":
        problems.append("the county's instruction or its risk change did not reach the laptop")
    complete, content = county.blob(setting.scan_sha)
    if not complete or hashlib.sha256(content).hexdigest() != setting.scan_sha:
        problems.append(f"attachment on the server: complete={complete}, {len(content)} of {SCAN_SIZE} bytes")
    office = _fresh(setting, setting.office, "office-run")
    try:
        report = sync_service.sync_now(office, ADMIN)
        if report.pushed:
            problems.append(f"the second device pushed {report.pushed} rows it only pulled")
        problems += differences(mine, local_rows(office.db), there="second device", ignore=PULL_STAMPS)
        if _leftovers(office):
            problems.append(f"second device's outbox not empty: {_leftovers(office)}")
    finally:
        office.close()
    return problems


def _case_id(store: Store, offset: int) -> str:
    with store.db.read() as session:
        return str(session.scalar(text("SELECT id FROM cases ORDER BY number LIMIT 1 OFFSET :o"), {"o": offset}))


def _clean_exchange(setting: Setting) -> list[tuple[Direction, int]]:
    setting.county.restore(setting.snapshot)
    setting.proxy.heal()
    setting.proxy.reset_counters()
    laptop = _fresh(setting, setting.laptop, "laptop-run")
    try:
        report = sync_service.sync_now(laptop, ADMIN)
        assert report.blobs_uploaded == 1 and report.refused == 0
        segments = setting.proxy.segments
        assert _problems(setting, laptop) == []
    finally:
        laptop.close()
    return segments


def _cut_points(segments: list[tuple[Direction, int]]) -> list[tuple[int, Direction]]:
    """Counted over both directions: just after the first byte and at the last byte of every request and answer
    (so "request complete, answer lost" is there), and the middle of the records round and of the first chunk;
    a few counted in one direction only."""
    points: set[tuple[int, Direction]] = set()
    start = up = down = 0
    for i, (direction, size) in enumerate(segments):
        points |= {(start + 1, "both"), (start + size, "both")}
        if i in (0, 1, 6) and size > 64:  # the records round's request and answer; the first chunk's upload
            points.add((start + size // 2, "both"))
        start += size
        up, down = (up + size, down) if direction == "up" else (up, down + size)
    points.discard((start, "both"))  # the last byte of the whole exchange: nothing left to cut
    rng = random.Random(2026)
    points |= {(rng.randrange(1, up), "up") for _ in range(2)} | {(rng.randrange(1, down), "down") for _ in range(2)}
    return sorted(points, key=lambda p: (p[1], p[0]))


@pytest.mark.slow
def test_cut_after_k_bytes_anywhere_loses_and_duplicates_nothing(setting: Setting) -> None:
    started = time.monotonic()
    segments = _clean_exchange(setting)
    total = sum(n for _, n in segments)
    points = _cut_points(segments)
    failures: list[str] = []
    for k, direction in points:
        setting.county.restore(setting.snapshot)
        setting.proxy.heal()
        laptop = _fresh(setting, setting.laptop, "laptop-run")
        try:
            setting.proxy.cut_after(k, direction)
            try:
                sync_service.sync_now(laptop, ADMIN)
            except SyncError as err:
                if not err.offline:
                    failures.append(f"cut at {k} ({direction}): {err.code} instead of offline: {err}")
            else:
                failures.append(f"cut at {k} ({direction}) of {total}: the sync did not notice the cut")
            # Work goes on offline: a synced case retitled, a case whose edit may be in flight edited again, a
            # case accepted.
            numbers = _numbers(laptop)
            with laptop.db.write() as session:
                session.execute(
                    text("UPDATE cases SET title = title || '（断网时修改）' WHERE number = :n"), {"n": numbers[0]}
                )
                session.execute(
                    text("UPDATE cases SET facts = facts || '再补充。' WHERE number = :n"), {"n": numbers[20]}
                )
            perform(laptop, DIRECTOR, numbers[16], Action.ACCEPT, {"mediators": ["王调解员"]})
            setting.proxy.heal()
            sync_service.sync_now(laptop, ADMIN)
            failures += [f"cut at {k} ({direction}): {p}" for p in _problems(setting, laptop)]
        finally:
            laptop.close()
    elapsed = time.monotonic() - started
    print(f"\ncut sweep: {len(points)} cuts over an exchange of {total} bytes ({len(segments)} runs), {elapsed:.1f} s")
    assert not failures, "\n".join(failures)
