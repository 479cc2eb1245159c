"""One full sync: rounds of push+pull until nothing is left, verify, then attachment uploads. A plain function
with a progress callback and a cancel flag; the GUI runs it on a worker, the CLI directly.

Stopping anywhere (network drop, kill, cancel) leaves the store consistent: each answer is applied in one local
transaction, frozen operations are re-sent under the same op_id, and the next run continues from the cursor."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import select, text, update

from govdesk.store.engine import Database
from govdesk.store.models import AuditEntry, SyncBlob
from govdesk.sync import engine
from govdesk.sync.client import SyncClient
from govdesk.sync.errors import SyncError
from govdesk.sync.protocol import CHUNK_SIZE, PROTOCOL_VERSION, AuditHead, SyncRequest, iso_now

Progress = Callable[[int, int, str], None]
BlobReader = Callable[[str], bytes | None]
CLOCK_TOLERANCE = dt.timedelta(minutes=5)
MAX_ROUNDS = 10_000


@dataclass
class SyncReport:
    pushed: int = 0
    pulled: int = 0
    refused: int = 0
    kept_local: int = 0
    blobs_uploaded: int = 0
    requests: int = 0
    verify_repaired: int = 0
    clock_skew_seconds: float = 0.0
    errors: list[str] = field(default_factory=list)

    def summary(self) -> str:
        parts = [f"上传 {self.pushed} 条", f"下载 {self.pulled} 条"]
        if self.blobs_uploaded:
            parts.append(f"附件 {self.blobs_uploaded} 个")
        if self.refused:
            parts.append(f"服务器拒收 {self.refused} 条（保留在本机，见同步状态）")
        if self.verify_repaired:
            parts.append(f"校验后补齐 {self.verify_repaired} 条")
        return "，".join(parts)


def _audit_head(db: Database) -> AuditHead | None:
    with db.read() as session:
        row = session.execute(select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)).first()
    return AuditHead(seq=row[0], hash=row[1]) if row else None


def _clock_skew(server_time: str) -> float:
    try:
        server = dt.datetime.fromisoformat(server_time.removesuffix("Z"))
    except ValueError:
        return 0.0
    return (dt.datetime.now(dt.UTC).replace(tzinfo=None) - server).total_seconds()


def run_sync(
    db: Database, client: SyncClient, device_id: str, *, blob_reader: BlobReader | None = None,
    progress: Progress | None = None, cancelled: Callable[[], bool] = lambda: False, verify: bool = True,
) -> SyncReport:  # fmt: skip
    report = SyncReport()
    with db.read() as session:
        total = engine.pending_count(session)
    verified = False
    try:
        for _ in range(MAX_ROUNDS):
            if cancelled():
                break
            ops = engine.freeze_ops(db)
            with db.read() as session:
                cursor = int(engine.get_state(session, "cursor", "0"))
            send_verify = verify and not ops and not verified
            request = SyncRequest(protocol=PROTOCOL_VERSION, device_id=device_id, client_time=iso_now(), cursor=cursor,
                                  ops=ops, verify=engine.verify_digest(db) if send_verify else None,
                                  audit_head=_audit_head(db))  # fmt: skip
            response = client.sync(request)
            applied = engine.apply_response(db, ops, response)
            report.pushed += applied.acked
            report.refused += applied.refused
            report.pulled += applied.pulled
            report.kept_local += applied.kept_local
            report.errors.extend(applied.errors)
            report.clock_skew_seconds = _clock_skew(response.server_time)
            if progress:
                progress(report.pushed, max(total, report.pushed), f"正在同步：已上传 {report.pushed} 条，已下载 {report.pulled} 条")
            if send_verify:
                verified = True
                if response.verify is not None:
                    report.verify_repaired += _repair(db, client, response.verify.buckets)
                    continue
            if not ops and not response.more:
                break
        _upload_blobs(db, client, blob_reader, report, cancelled)
    finally:
        report.requests = client.requests
        with db.write() as session:
            engine.set_state(session, "last_attempt", iso_now())
            engine.set_state(session, "clock_skew", f"{report.clock_skew_seconds:.0f}")
    with db.write() as session:
        engine.set_state(session, "last_sync", iso_now())
    return report


def _repair(db: Database, client: SyncClient, server_buckets: dict[str, tuple[int, int]]) -> int:
    """Compare bucket by bucket; for each that differs fetch the server's (row, version) list, pull the rows
    whose version differs and re-queue ours that the server lacks."""
    with db.read() as session:
        mine = engine.bucket_checksums(session)
    repaired = 0
    for bucket in sorted(set(mine) | set(server_buckets)):
        if tuple(mine.get(bucket, (0, 0))) == tuple(server_buckets.get(bucket, (0, 0))):
            continue
        table = bucket.split("/", 1)[0]
        theirs = client.bucket(bucket).rows
        ours = engine.bucket_rows(db, bucket)
        stale = [r for r, v in theirs.items() if ours.get(r, ("", -1))[1] != v]
        for start in range(0, len(stale), 500):
            fetched = client.rows(table, stale[start : start + 500]).changes
            engine.apply_changes(db, fetched, force=True)
            repaired += len(fetched)
        missing = [r for r in ours if r not in theirs]
        if missing:
            engine.requeue_rows(db, table, missing)
            repaired += len(missing)
    return repaired


def _upload_blobs(db: Database, client: SyncClient, reader: BlobReader | None, report: SyncReport,
                  cancelled: Callable[[], bool]) -> None:  # fmt: skip
    if reader is None:
        return
    with db.read() as session:
        pending = list(session.scalars(select(SyncBlob.sha256).where(SyncBlob.state == "pending")))
    for sha in pending:
        if cancelled():
            return
        data = reader(sha)
        if data is None:
            continue
        status = client.blob_status(sha)
        if not status.complete:
            have = set(status.have)
            for index in range(max(1, -(-len(data) // CHUNK_SIZE))):
                if index in have:
                    continue
                status = client.put_chunk(sha, index, len(data), data[index * CHUNK_SIZE : (index + 1) * CHUNK_SIZE])
            if not status.complete:
                raise SyncError("附件上传没有完成，下次同步会从断点继续。", "offline")
        with db.write() as session:
            session.execute(update(SyncBlob).where(SyncBlob.sha256 == sha).values(state="uploaded"))
        report.blobs_uploaded += 1


def download_blob(client: SyncClient, sha256: str) -> bytes:
    """An attachment's bytes from the server, chunk by chunk, each checked; the whole checked against its name."""
    import hashlib

    status = client.blob_status(sha256)
    if not status.complete or status.size is None:
        raise SyncError("县级服务器上还没有这个附件的完整内容（上传它的电脑还没同步完）。请稍后再试。", "no_blob")
    parts = [client.get_chunk(sha256, i) for i in range(max(1, -(-status.size // status.chunk_size)))]
    data = b"".join(parts)
    if hashlib.sha256(data).hexdigest() != sha256:
        raise SyncError("下载的附件校验不一致，已丢弃。请重试。", "offline")
    return data


def unsent_summary(db: Database) -> str:
    with db.read() as session:
        pending = engine.pending_count(session)
        refused = engine.refused_count(session)
        blobs = session.scalar(text("SELECT count(*) FROM sync_blobs WHERE state = 'pending'")) or 0
    return f"待上传 {pending} 条，附件 {blobs} 个，被拒收 {refused} 条"
