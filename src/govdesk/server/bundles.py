"""USB bundles for townships with no network: a file holding one sync request, answered by a reply file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, select

from govdesk.server import apply, devices
from govdesk.server.db import Sequence, read, write
from govdesk.server.devices import DeviceError
from govdesk.server.models import devices as devices_table
from govdesk.sync.protocol import (
    PROTOCOL_VERSION,
    Op,
    SyncRequest,
    SyncResponse,
    bundle_device,
    dumps,
    open_bundle,
    seal_bundle,
)

KIND_REQUEST = "govdesk-sync-request"
KIND_REPLY = "govdesk-sync-reply"
BUNDLE_PULL = 100_000  # a USB stick carries much more than one network round


def _device_row(conn: Connection, device_id: str) -> Any:
    row = conn.execute(select(devices_table).where(devices_table.c.id == device_id)).first()
    if row is None or row.enrolled_at is None or row.token_hash is None:
        raise DeviceError(403, "unknown_device", "同步包来自一台未注册的电脑，已拒收。")
    if row.revoked_at is not None:
        raise DeviceError(403, "device_revoked", "同步包来自已停用的电脑，已拒收。")
    return row


def read_bundle(path: Path, kind: str, hashed_token: str) -> dict[str, object]:
    try:
        data = json.loads(open_bundle(Path(path).read_bytes(), hashed_token))
    except (OSError, ValueError) as err:
        raise DeviceError(400, "bad_bundle", f"无法读取同步包 {path}：文件损坏，或不是这台电脑的同步包。") from err
    if not isinstance(data, dict) or data.get("kind") != kind:
        raise DeviceError(400, "bad_bundle", f"{path} 不是{'本机导出的同步包' if kind == KIND_REQUEST else '县里的回执包'}。")
    return data


def import_request(engine: Engine, path: Path, reply: Path) -> SyncResponse:
    try:
        device_id = bundle_device(Path(path).read_bytes())
    except (OSError, ValueError) as err:
        raise DeviceError(400, "bad_bundle", f"无法读取同步包 {path}：文件损坏或不是同步包。") from err
    with read(engine) as conn:
        hashed_token = str(_device_row(conn, device_id).token_hash)
    data = read_bundle(path, KIND_REQUEST, hashed_token)
    raw = dict(data["request"])  # type: ignore[call-overload]
    ops = [Op.model_validate(o) for o in raw.pop("ops", [])]  # a bundle may carry more than one request's worth
    request = SyncRequest.model_validate({**raw, "ops": []})
    if request.device_id != device_id:
        raise DeviceError(400, "bad_bundle", "同步包内容与它的设备不符，已拒收。")
    with write(engine) as conn:
        row = _device_row(conn, device_id)
        device = apply.Device(id=row.id, center_code=row.center_code, name=row.name)
        seq = Sequence(conn)
        acks = apply.apply_ops(conn, seq, device, ops)
        seq.save()
        skip = {(op.table, op.row_id): ack.version for op, ack in zip(ops, acks, strict=True) if ack.version}
        changes, cursor, more = apply.pull(conn, device.center_code, request.cursor, BUNDLE_PULL, skip)
        answer = SyncResponse(protocol=PROTOCOL_VERSION, server_time=apply.utcnow().isoformat() + "Z", acks=acks,
                              changes=changes, cursor=cursor, more=more)  # fmt: skip
        devices.note_sync(conn, device, request.client_time, request.audit_head)
    body = dumps({"kind": KIND_REPLY, "device_id": device_id, "ops": [o.model_dump(mode="json") for o in ops],
                  "response": answer.model_dump(mode="json")})  # fmt: skip
    tmp = Path(reply).with_suffix(".part")
    tmp.write_bytes(seal_bundle(device_id, hashed_token, body))
    tmp.replace(reply)
    return answer
