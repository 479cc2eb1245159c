"""The client side of sync over the local store: freezing outbox entries into operations, applying the server's
answer (acknowledgements, pulled rows, cursor) in one transaction, and the verify checksums.

See docs/sync-protocol.md. No HTTP here: ``client.py`` carries requests, ``round.py`` runs rounds."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, func, select, text, update
from sqlalchemy.orm import Session

from govdesk.store.engine import Database
from govdesk.store.models import SyncBlob, SyncOutbox, SyncShadow, SyncState
from govdesk.sync import rows
from govdesk.sync.protocol import (
    MAX_OPS_PER_REQUEST,
    SYNCED_TABLES,
    Ack,
    Change,
    Json,
    Op,
    SyncResponse,
    bucket_of,
    digest,
    iso_now,
    same,
)


@dataclass
class Applied:
    """What one answer changed locally."""

    acked: int = 0
    refused: int = 0
    pulled: int = 0
    kept_local: int = 0  # pulled rows where fields still being edited here were kept
    errors: list[str] = field(default_factory=list)


# ---- state ----------------------------------------------------------------------------------------------------


def get_state(session: Session, key: str, default: str = "") -> str:
    value = session.scalar(select(SyncState.value).where(SyncState.key == key))
    return default if value is None else value


def set_state(session: Session, key: str, value: str) -> None:
    row = session.get(SyncState, key)
    if row is None:
        session.add(SyncState(key=key, value=value))
    else:
        row.value = value


def _set_applying(session: Session, on: bool) -> None:
    session.execute(text("UPDATE sync_apply SET applying = :v WHERE id = 1"), {"v": 1 if on else 0})


# ---- outbox -> operations ---------------------------------------------------------------------------------------


def queue_unsynced_rows(db: Database) -> int:
    """Put every row the server has never acknowledged and that has no outbox entry into the outbox (first
    enrolment of a store with data made before sync existed, or rows a verify found missing on the server)."""
    added = 0
    with db.write() as session:
        for name in SYNCED_TABLES:
            result = session.execute(text(f"""
                INSERT OR IGNORE INTO sync_outbox (op_id, table_name, row_id, base_version, made_at, state, error)
                SELECT lower(hex(randomblob(16))), :t, r.id, 0, :now, 'pending', '' FROM {name} r
                WHERE NOT EXISTS (SELECT 1 FROM sync_shadow s WHERE s.table_name = :t AND s.row_id = r.id)
                  AND NOT EXISTS (SELECT 1 FROM sync_outbox o WHERE o.table_name = :t AND o.row_id = r.id)
            """), {"t": name, "now": iso_now()})  # fmt: skip
            added += result.rowcount or 0  # type: ignore[attr-defined]
        session.execute(text("""
            INSERT OR IGNORE INTO sync_blobs (sha256, state) SELECT DISTINCT sha256, 'pending' FROM attachments
        """))
    return added


def rekey_pending(session: Session) -> None:
    """New op_ids for entries never sent: a data directory copied from another PC must not reuse its ids."""
    session.execute(text("UPDATE sync_outbox SET op_id = lower(hex(randomblob(16))) WHERE state = 'pending'"))


def pending_count(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(SyncOutbox).where(SyncOutbox.state != "refused")) or 0)


def refused_count(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(SyncOutbox).where(SyncOutbox.state == "refused")) or 0)


@dataclass(frozen=True)
class _Shadow:
    version: int
    data: dict[str, Json]


def _shadow(session: Session, name: str, row_id: str) -> _Shadow | None:
    row = session.execute(select(SyncShadow.version, SyncShadow.data)
                          .where(SyncShadow.table_name == name, SyncShadow.row_id == row_id)).first()  # fmt: skip
    return _Shadow(int(row[0]), json.loads(row[1])) if row else None


def _shadows(session: Session, keys: list[tuple[str, str]]) -> dict[tuple[str, str], _Shadow]:
    """Shadows of many rows in one query per table (a batch of 500 rows, not 500 queries)."""
    out: dict[tuple[str, str], _Shadow] = {}
    by_table: dict[str, list[str]] = {}
    for name, row_id in keys:
        by_table.setdefault(name, []).append(row_id)
    for name, ids in by_table.items():
        for start in range(0, len(ids), 500):
            stmt = select(SyncShadow.row_id, SyncShadow.version, SyncShadow.data).where(
                SyncShadow.table_name == name, SyncShadow.row_id.in_(ids[start : start + 500]))  # fmt: skip
            for row_id, version, data in session.execute(stmt):
                out[(name, row_id)] = _Shadow(int(version), json.loads(data))
    return out


def _locals(session: Session, keys: list[tuple[str, str]]) -> dict[tuple[str, str], dict[str, Json]]:
    out: dict[tuple[str, str], dict[str, Json]] = {}
    by_table: dict[str, list[str]] = {}
    for name, row_id in keys:
        by_table.setdefault(name, []).append(row_id)
    for name, ids in by_table.items():
        for row_id, data in rows.read_rows(session, name, ids).items():
            out[(name, row_id)] = data
    return out


def freeze_ops(db: Database, limit: int = MAX_OPS_PER_REQUEST) -> list[Op]:
    """The next batch to send: operations already frozen (re-sent byte for byte until acknowledged), then
    pending entries frozen now, each carrying only the fields that differ from the server's last state."""
    with db.write() as session:
        sent = list(session.scalars(select(SyncOutbox).where(SyncOutbox.state == "sent").order_by(SyncOutbox.seq)))
        ops = [_as_op(e) for e in sent[:limit]]
        if len(ops) >= limit:
            return ops
        in_flight = {(e.table_name, e.row_id) for e in sent}
        pending = session.scalars(
            select(SyncOutbox).where(SyncOutbox.state == "pending").order_by(SyncOutbox.seq).limit(limit * 2)
        ).all()
        now = iso_now()
        keys = [(e.table_name, e.row_id) for e in pending]
        shadows = _shadows(session, keys)
        currents = _locals(session, keys)
        for entry in pending:
            if len(ops) >= limit:
                break
            if (entry.table_name, entry.row_id) in in_flight:
                continue  # waits for the operation in flight on the same row
            current = currents.get((entry.table_name, entry.row_id))
            shadow = shadows.get((entry.table_name, entry.row_id))
            base = shadow.data if shadow else {}
            if current is None:
                fields: dict[str, Json] = {} if shadow is None or base.get("deleted_at") else {"deleted_at": now}
            else:
                fields = {k: v for k, v in current.items() if k not in base or not same(base[k], v)}
            if not fields:
                session.delete(entry)
                continue
            entry.payload = rows.dumps_data(fields)
            entry.sent_at = now
            entry.state = "sent"
            in_flight.add((entry.table_name, entry.row_id))
            ops.append(_as_op(entry))
        return ops


def _as_op(entry: SyncOutbox) -> Op:
    return Op(op_id=entry.op_id, table=entry.table_name, row_id=entry.row_id, base_version=entry.base_version,
              fields=json.loads(entry.payload or "{}"), made_at=entry.made_at)  # fmt: skip


# ---- applying the answer ----------------------------------------------------------------------------------------


def apply_response(db: Database, sent: list[Op], response: SyncResponse) -> Applied:
    """Acknowledgements, pulled rows and the new cursor, in one local transaction: the cursor can never run
    ahead of the data it covers, and a crash leaves either all of it or none."""
    result = Applied()
    by_id = {op.op_id: op for op in sent}
    with db.write_unordered() as session, session.no_autoflush:
        _set_applying(session, True)
        acked = [(by_id[a.op_id], a) for a in response.acks if a.op_id in by_id]
        keys = [(op.table, op.row_id) for op, _ in acked]
        batch = _AckBatch(
            entries=_outbox_entries(session, [op.op_id for op, _ in acked]),
            shadows=_shadows(session, keys), locals=_locals(session, keys),
        )  # fmt: skip
        for op, ack in acked:
            _apply_ack(session, op, ack, result, batch)
        _finish_acks(session, batch)
        for change in response.changes:
            _apply_change(session, change, result)
        if response.cursor >= int(get_state(session, "cursor", "0")):
            set_state(session, "cursor", str(response.cursor))
        set_state(session, "server_time", response.server_time)
        _set_applying(session, False)
    return result


@dataclass
class _AckBatch:
    """What the acknowledgements of one answer need, fetched in a few queries, and what they change."""

    entries: set[str]  # op_ids still in the outbox
    shadows: dict[tuple[str, str], _Shadow]
    locals: dict[tuple[str, str], dict[str, Json]]
    done: list[str] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)
    new_shadows: list[dict[str, Any]] = field(default_factory=list)


def _outbox_entries(session: Session, op_ids: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(op_ids), 500):
        found.update(session.scalars(select(SyncOutbox.op_id).where(SyncOutbox.op_id.in_(op_ids[start : start + 500]))))
    return found


def _finish_acks(session: Session, batch: _AckBatch) -> None:
    for start in range(0, len(batch.done), 500):
        session.execute(delete(SyncOutbox).where(SyncOutbox.op_id.in_(batch.done[start : start + 500])))
    for op_id, error in batch.refused:
        session.execute(update(SyncOutbox).where(SyncOutbox.op_id == op_id).values(state="refused", error=error))
    if batch.new_shadows:
        session.execute(text(UPSERT_SHADOW), batch.new_shadows)


UPSERT_SHADOW = """
    INSERT INTO sync_shadow (table_name, row_id, version, bucket, data) VALUES (:t, :r, :v, :b, :d)
    ON CONFLICT (table_name, row_id) DO UPDATE SET version = excluded.version, bucket = excluded.bucket,
                                                   data = excluded.data
"""


def _apply_ack(session: Session, op: Op, ack: Ack, result: Applied, batch: _AckBatch) -> None:
    if op.op_id not in batch.entries:  # already applied (a duplicate answer)
        return
    if ack.status == "refused":
        batch.refused.append((op.op_id, ack.error))
        result.refused += 1
        result.errors.append(ack.error)
        return
    shadow = batch.shadows.get((op.table, op.row_id))
    old: dict[str, Json] = shadow.data if shadow else {}
    server = {**old, **op.fields, **ack.fields}
    local = batch.locals.get((op.table, op.row_id))
    if local is not None:
        merged = dict(local)
        for key, value in server.items():
            if key in op.fields:
                if same(local.get(key), op.fields[key]):
                    merged[key] = value  # not edited again since it was sent: take the server's outcome
            elif same(local.get(key), old.get(key)):
                merged[key] = value
        changed = {k: v for k, v in merged.items() if not same(local.get(k), v)}
        if changed:
            rows.write_row(session, op.table, op.row_id, changed, exists=True)
    batch.new_shadows.append({"t": op.table, "r": op.row_id, "v": ack.version, "b": bucket_of(op.table, server),
                              "d": rows.dumps_data(server)})  # fmt: skip
    batch.done.append(op.op_id)
    result.acked += 1


def _apply_change(session: Session, change: Change, result: Applied, force: bool = False) -> None:
    shadow = _shadow(session, change.table, change.row_id)
    if shadow is not None and shadow.version >= change.version and not force:
        return  # we already have this state (or a newer one)
    if change.table not in SYNCED_TABLES:
        return
    old: dict[str, Json] = shadow.data if shadow else {}
    server = change.data
    local = rows.read_row(session, change.table, change.row_id)
    editing = session.scalar(
        select(func.count()).select_from(SyncOutbox)
        .where(SyncOutbox.table_name == change.table, SyncOutbox.row_id == change.row_id)
    )  # fmt: skip
    if local is None:
        rows.write_row(session, change.table, change.row_id, server, exists=False)
        if change.table == "attachments" and server.get("sha256"):
            session.merge(SyncBlob(sha256=str(server["sha256"]), state="remote"))
    else:
        if editing:
            merged = {k: v for k, v in server.items() if same(local.get(k), old.get(k))}
            if len(merged) < len(server):
                result.kept_local += 1
        else:
            merged = dict(server)
        changed = {k: v for k, v in merged.items() if not same(local.get(k), v)}
        if changed:
            rows.write_row(session, change.table, change.row_id, changed, exists=True)
    _save_shadow(session, change.table, change.row_id, change.version, server)
    result.pulled += 1


def _save_shadow(session: Session, name: str, row_id: str, version: int, data: dict[str, Json]) -> None:
    session.execute(text(UPSERT_SHADOW), {"t": name, "r": row_id, "v": version, "b": bucket_of(name, data),
                                          "d": rows.dumps_data(data)})  # fmt: skip


# ---- verify -----------------------------------------------------------------------------------------------------


def bucket_checksums(session: Session) -> dict[str, tuple[int, int]]:
    stmt = select(SyncShadow.bucket, func.count(), func.sum(SyncShadow.version)).group_by(SyncShadow.bucket)
    return {bucket: (int(count), int(total or 0)) for bucket, count, total in session.execute(stmt)}


def verify_digest(db: Database) -> str:
    with db.read() as session:
        return digest(bucket_checksums(session))


def bucket_rows(db: Database, bucket: str) -> dict[str, tuple[str, int]]:
    """row_id -> (table, version) of the rows this store holds in a bucket."""
    with db.read() as session:
        stmt = select(SyncShadow.row_id, SyncShadow.table_name, SyncShadow.version).where(SyncShadow.bucket == bucket)
        return {row_id: (name, version) for row_id, name, version in session.execute(stmt)}


def requeue_rows(db: Database, name: str, row_ids: list[str]) -> None:
    """Rows the server lacks: forget their shadow so the next round sends them whole."""
    with db.write() as session:
        for start in range(0, len(row_ids), 500):
            part = row_ids[start : start + 500]
            session.execute(delete(SyncShadow).where(SyncShadow.table_name == name, SyncShadow.row_id.in_(part)))
    queue_unsynced_rows(db)


def apply_changes(db: Database, changes: list[Change], *, force: bool = False) -> Applied:
    """Rows fetched outside a round (verify repair): ``force`` takes the server's version even when ours claims
    to be as new, because the checksums said ours is wrong."""
    result = Applied()
    with db.write_unordered() as session:
        _set_applying(session, True)
        for change in changes:
            _apply_change(session, change, result, force)
        _set_applying(session, False)
    return result


def state(db: Database) -> dict[str, Any]:
    with db.read() as session:
        values: dict[str, Any] = dict(session.execute(select(SyncState.key, SyncState.value)).all())
        values["pending"] = pending_count(session)
        values["refused"] = refused_count(session)
        values["conflicts"] = int(session.scalar(text(
            "SELECT count(*) FROM sync_conflicts WHERE resolved_at IS NULL AND deleted_at IS NULL")) or 0)  # fmt: skip
    return values
