"""Applying a device's operations and answering its pull, on one connection inside one serialized transaction.

Rules (docs/sync-protocol.md): every op_id is applied once (a repeat gets the stored answer); a township writes
only its own rows; fields merge one by one; a field changed since the operation's base version by someone else
to a different value keeps the server value and yields exactly one review item (``sync_conflicts``)."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, and_, bindparam, func, insert, or_, select, update

from govdesk.server.db import Sequence, current_seq
from govdesk.server.models import applied_ops, rows
from govdesk.sync.protocol import (
    APPEND_ONLY,
    COUNTY_TABLES,
    LOCKED_AGREEMENT_FIELDS,
    PROTOCOL_VERSION,
    SERVER_FIELDS,
    SYNCED_TABLES,
    Ack,
    Change,
    Json,
    Op,
    SyncRequest,
    SyncResponse,
    VerifyResult,
    bucket_of,
    digest,
    same,
)

COUNTY = "county"
NO_CONFLICT_FIELDS = frozenset({"updated_at"})
CONFLICT_NS = uuid.UUID("0f6a3c2e-5b7d-5e21-8c4f-3a9d6e1b2c70")


@dataclass(frozen=True)
class Device:
    id: str
    center_code: str
    name: str


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _iso(value: dt.datetime) -> str:
    return value.isoformat(timespec="microseconds")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


# ---- pushing ----------------------------------------------------------------------------------------------------


class _Batch:
    """A batch's rows as the batch leaves them, written in a few statements at the end instead of one per
    operation (a statement is a round trip to PostgreSQL, inside the write lock every township waits for).
    ``rows`` maps (table, row_id) to the row's current values, for rows that exist or the batch made."""

    def __init__(self, conn: Connection, seq: Sequence, device: Device) -> None:
        self.conn, self.seq, self.device = conn, seq, device
        self.rows: dict[tuple[str, str], dict[str, Any]] = {}
        self.inserts: dict[tuple[str, str], dict[str, Any]] = {}
        self.updates: dict[tuple[str, str], dict[str, Any]] = {}
        self.answers: list[dict[str, Any]] = []

    def prefetch(self, ops: list[Op]) -> dict[str, str]:
        """The batch's earlier answers and its rows, in a few IN queries."""
        ids = [op.op_id for op in ops]
        stored: dict[str, str] = {}
        for start in range(0, len(ids), 500):
            stored.update(self.conn.execute(select(applied_ops.c.op_id, applied_ops.c.ack).where(
                applied_ops.c.device_id == self.device.id, applied_ops.c.op_id.in_(ids[start : start + 500]))).all())
        by_table: dict[str, list[str]] = {}
        for op in ops:
            by_table.setdefault(op.table, []).append(op.row_id)
        for name, row_ids in by_table.items():
            self.rows.update(((name, r), {}) for r in row_ids)  # looked up: absent unless found below
            for start in range(0, len(row_ids), 500):
                for row in self.conn.execute(select(rows).where(rows.c.table_name == name,
                                                                rows.c.row_id.in_(row_ids[start : start + 500]))):
                    self.rows[(name, row.row_id)] = dict(row._mapping)
        return stored

    def row(self, table: str, row_id: str) -> dict[str, Any] | None:
        key = (table, row_id)
        if key not in self.rows:  # not prefetched (county_write-style callers): read it once
            found = self.conn.execute(select(rows).where(rows.c.table_name == table, rows.c.row_id == row_id)).first()
            self.rows[key] = dict(found._mapping) if found is not None else {}
        return self.rows[key] or None

    def insert(self, values: dict[str, Any]) -> None:
        key = (values["table_name"], values["row_id"])
        self.rows[key] = values
        self.inserts[key] = values

    def update(self, key: tuple[str, str], values: dict[str, Any]) -> None:
        self.rows[key].update(values)
        if key in self.inserts:
            return  # made by this batch: the insert carries the latest values
        self.updates.setdefault(key, {}).update(values)

    def flush(self) -> None:
        if self.inserts:
            self.conn.execute(insert(rows), list(self.inserts.values()))
        if self.updates:
            stmt = (update(rows)
                    .where(rows.c.table_name == bindparam("k_table"), rows.c.row_id == bindparam("k_row"))
                    .values({c: bindparam(f"v_{c}") for c in UPDATED_COLUMNS}))  # fmt: skip
            self.conn.execute(stmt, [{"k_table": t, "k_row": r, **{f"v_{c}": v[c] for c in UPDATED_COLUMNS}}
                                     for (t, r), v in self.updates.items()])  # fmt: skip
        if self.answers:
            self.conn.execute(insert(applied_ops), self.answers)
        self.inserts, self.updates, self.answers = {}, {}, []


UPDATED_COLUMNS = ("version", "data", "field_versions", "origin", "deleted", "bucket")


def apply_ops(conn: Connection, seq: Sequence, device: Device, ops: list[Op]) -> list[Ack]:
    acks: list[Ack] = []
    batch = _Batch(conn, seq, device)
    stored_acks = batch.prefetch(ops)
    now = utcnow()
    for op in ops:
        stored = stored_acks.get(op.op_id)
        if stored is not None:
            ack = Ack.model_validate_json(stored)
            acks.append(ack.model_copy(update={"status": "duplicate"}) if ack.status == "applied" else ack)
            continue
        ack = _apply_one(batch, op)
        stored_acks[op.op_id] = ack.model_dump_json()  # the same op twice in one batch is a duplicate too
        batch.answers.append({"op_id": op.op_id, "device_id": device.id, "ack": stored_acks[op.op_id],
                              "applied_at": now})  # fmt: skip
        acks.append(ack)
    batch.flush()
    return acks


def _refuse(op: Op, why: str) -> Ack:
    return Ack(op_id=op.op_id, status="refused", error=why)


def _apply_one(batch: _Batch, op: Op) -> Ack:
    if op.table not in SYNCED_TABLES:
        return _refuse(op, f"服务器不认识数据表“{op.table}”，这条修改没有同步。请更新软件后重试。")
    device = batch.device
    row = batch.row(op.table, op.row_id)
    if row is None:
        if op.table in COUNTY_TABLES:
            return _refuse(op, "这类数据只能由县级服务器创建，本机的这条记录没有同步。")
        return _insert(batch, op)
    if row["owner"] not in (device.center_code, COUNTY):
        return _refuse(op, "这条记录属于另一个中心，本机不能修改它；本机的修改仍保留在本地。")
    if row["owner"] == COUNTY and row["audience"] not in ("*", device.center_code):
        return _refuse(op, "这条县级数据不是发给本中心的。")
    return _update(batch, op, row)


def _insert(batch: _Batch, op: Op) -> Ack:
    device = batch.device
    data = dict(op.fields)
    data["id"] = op.row_id
    server_only = SERVER_FIELDS.get(op.table, frozenset())
    for name in server_only:
        data[name] = None
    now = utcnow()
    if op.table == "referrals":
        data["server_received_at"] = _iso(now)  # the department's clock starts when the county has it
    version = batch.seq.next()
    versions = {k: [version, device.id] for k in data}
    for name in server_only:
        versions[name] = [version, COUNTY]
    batch.insert({
        "table_name": op.table, "row_id": op.row_id, "owner": device.center_code, "audience": "", "version": version,
        "bucket": bucket_of(op.table, data), "data": _dumps(data), "field_versions": _dumps(versions),
        "origin": device.id, "deleted": bool(data.get("deleted_at")),
    })  # fmt: skip
    touched = server_only | ({"server_received_at"} if op.table == "referrals" else set())  # the rest are op's own
    differing = {k: data[k] for k in data
                 if k not in op.fields or (k in touched and not same(op.fields[k], data[k]))}  # fmt: skip
    differing.pop("id", None)
    return Ack(op_id=op.op_id, status="applied", version=version, fields=differing)


def changed_by_someone_else(field_version: int, origin: str | None, base_version: int, device_id: str) -> bool:
    """The field changed after the version the device's edit was made on, by another device or the county."""
    return field_version > base_version and origin != device_id


def _update(batch: _Batch, op: Op, row: dict[str, Any]) -> Ack:
    device = batch.device
    data: dict[str, Json] = json.loads(row["data"])
    versions: dict[str, list[Any]] = json.loads(row["field_versions"])
    server_only = SERVER_FIELDS.get(op.table, frozenset())
    append_only = APPEND_ONLY.get(op.table)
    county_allowed = COUNTY_TABLES.get(op.table) if row["owner"] == COUNTY or op.table in COUNTY_TABLES else None
    locked = op.table == "agreements" and bool(data.get("locked_hash"))
    changed_by_others = any(v > op.base_version and o != device.id for v, o in versions.values())
    applied: dict[str, Json] = {}
    conflicts: list[tuple[str, Json, Json]] = []
    for name, value in op.fields.items():
        if name == "id" or same(data.get(name), value):
            continue
        if name == "created_at" and op.base_version == 0:
            continue  # the same reference row set up on two PCs: the first creation time stays (and its bucket)
        if name in server_only or (county_allowed is not None and name not in county_allowed):
            continue  # the server's field: the ack tells the device the value it keeps
        if name in NO_CONFLICT_FIELDS:
            if str(value) > str(data.get(name) or ""):
                applied[name] = value
            continue
        frozen = (append_only is not None and name not in append_only) or (locked and name not in LOCKED_AGREEMENT_FIELDS)
        field_version, origin = versions.get(name, [0, None])
        if frozen or changed_by_someone_else(field_version, origin, op.base_version, device.id):
            conflicts.append((name, data.get(name), value))
            continue
        applied[name] = value
    version = row["version"]
    if applied:
        version = batch.seq.next()
        data.update(applied)
        for name in applied:
            versions[name] = [version, device.id]
        batch.update((op.table, op.row_id), {
            "version": version, "data": _dumps(data), "field_versions": _dumps(versions), "origin": device.id,
            "deleted": bool(data.get("deleted_at")), "bucket": bucket_of(op.table, data),
        })  # fmt: skip
    for name, server_value, client_value in conflicts:
        _record_conflict(batch, op, data, name, server_value, client_value)
    if changed_by_others or conflicts:
        fields = {k: v for k, v in data.items() if k != "id"}  # the whole row: the device's copy is behind
    else:
        fields = {k: data.get(k) for k, v in op.fields.items() if k != "id" and not same(data.get(k), v)}
    return Ack(op_id=op.op_id, status="applied", version=version, fields=fields)


def _record_conflict(batch: _Batch, op: Op, data: dict[str, Json], name: str, server_value: Json,
                     client_value: Json) -> None:  # fmt: skip
    device = batch.device
    now = _iso(utcnow())
    row_id = str(uuid.uuid5(CONFLICT_NS, f"{device.id}/{op.op_id}/{name}"))
    item = {
        "id": row_id, "created_at": now, "updated_at": now, "deleted_at": None, "center_id": data.get("center_id"),
        "table_name": op.table, "row_id": op.row_id, "field": name, "server_value": server_value,
        "client_value": client_value, "device": device.name or device.id, "op_id": op.op_id, "detected_at": now,
        "resolved_at": None, "resolved_by": "", "resolution": "",
    }  # fmt: skip
    version = batch.seq.next()
    batch.insert({
        "table_name": "sync_conflicts", "row_id": row_id, "owner": device.center_code, "audience": "",
        "version": version, "bucket": bucket_of("sync_conflicts", item), "data": _dumps(item),
        "field_versions": _dumps({k: [version, COUNTY] for k in item}), "origin": COUNTY, "deleted": False,
    })  # fmt: skip


def county_write(conn: Connection, seq: Sequence, table: str, row_id: str, fields: dict[str, Json], *,
                 owner: str = COUNTY, audience: str = "") -> int:  # fmt: skip
    """A change made at the county (an instruction, reference data, or an edit of a township's row). Its fields
    get the county as origin, so a township edit made on an older version collides with it like any other."""
    row = conn.execute(select(rows).where(rows.c.table_name == table, rows.c.row_id == row_id)).first()
    version = seq.next()
    if row is None:
        data = {"id": row_id, **fields}
        conn.execute(insert(rows).values(
            table_name=table, row_id=row_id, owner=owner, audience=audience, version=version,
            bucket=bucket_of(table, data), data=_dumps(data), field_versions=_dumps({k: [version, COUNTY] for k in data}),
            origin=COUNTY, deleted=bool(data.get("deleted_at")),
        ))  # fmt: skip
        return version
    data = json.loads(row.data)
    versions = json.loads(row.field_versions)
    for name, value in fields.items():
        if not same(data.get(name), value):
            data[name] = value
            versions[name] = [version, COUNTY]
    conn.execute(update(rows).where(rows.c.table_name == table, rows.c.row_id == row_id).values(
        version=version, data=_dumps(data), field_versions=_dumps(versions), origin=COUNTY,
        deleted=bool(data.get("deleted_at")), bucket=bucket_of(table, data),
    ))  # fmt: skip
    return version


# ---- pulling ----------------------------------------------------------------------------------------------------


def _visible(center_code: str) -> Any:
    return or_(rows.c.owner == center_code, and_(rows.c.owner == COUNTY, rows.c.audience.in_(("*", center_code))))


def pull(conn: Connection, center_code: str, cursor: int, limit: int,
         skip: dict[tuple[str, str], int]) -> tuple[list[Change], int, bool]:  # fmt: skip
    """Rows visible to the center changed after ``cursor``, in version order. The end of the range is read
    first: every change numbered up to it has committed (writers are serialized), so nothing can slip behind."""
    end = current_seq(conn)
    if cursor >= end or limit == 0:
        return [], max(cursor, end) if limit else cursor, limit == 0 and cursor < end
    stmt = (select(rows.c.table_name, rows.c.row_id, rows.c.version, rows.c.deleted, rows.c.data)
            .where(_visible(center_code), rows.c.version > cursor, rows.c.version <= end)
            .order_by(rows.c.version).limit(limit + 1))  # fmt: skip
    found = conn.execute(stmt).all()
    more = len(found) > limit
    found = found[:limit]
    changes = [
        Change(table=r.table_name, row_id=r.row_id, version=r.version, deleted=r.deleted, data=json.loads(r.data))
        for r in found if skip.get((r.table_name, r.row_id)) != r.version
    ]  # fmt: skip
    new_cursor = found[-1].version if more else end
    return changes, new_cursor, more


def buckets(conn: Connection, center_code: str) -> dict[str, tuple[int, int]]:
    stmt = (select(rows.c.bucket, func.count(), func.sum(rows.c.version))
            .where(_visible(center_code)).group_by(rows.c.bucket))  # fmt: skip
    return {b: (int(c), int(s or 0)) for b, c, s in conn.execute(stmt)}


def bucket_rows(conn: Connection, center_code: str, bucket: str) -> dict[str, int]:
    stmt = select(rows.c.row_id, rows.c.version).where(_visible(center_code), rows.c.bucket == bucket)
    return {r: int(v) for r, v in conn.execute(stmt)}


def rows_by_id(conn: Connection, center_code: str, table: str, row_ids: list[str]) -> list[Change]:
    stmt = (select(rows.c.table_name, rows.c.row_id, rows.c.version, rows.c.deleted, rows.c.data)
            .where(_visible(center_code), rows.c.table_name == table, rows.c.row_id.in_(row_ids)))  # fmt: skip
    return [Change(table=r.table_name, row_id=r.row_id, version=r.version, deleted=r.deleted, data=json.loads(r.data))
            for r in conn.execute(stmt)]  # fmt: skip


# ---- one round --------------------------------------------------------------------------------------------------


def sync_round(conn: Connection, device: Device, request: SyncRequest) -> SyncResponse:
    """Apply the batch and answer the pull, inside the caller's (serialized) transaction."""
    seq = Sequence(conn)
    acks = apply_ops(conn, seq, device, request.ops)
    seq.save()
    skip = {(op.table, op.row_id): ack.version for op, ack in zip(request.ops, acks, strict=True) if ack.version}
    changes, cursor, more = pull(conn, device.center_code, request.cursor, request.pull_limit, skip)
    verify = None
    if request.verify and not request.ops and not changes and not more:
        mine = buckets(conn, device.center_code)
        if digest(mine) != request.verify:
            verify = VerifyResult(buckets=mine)
    return SyncResponse(protocol=PROTOCOL_VERSION, server_time=_iso(utcnow()) + "Z", acks=acks, changes=changes,
                        cursor=cursor, more=more, verify=verify)  # fmt: skip
