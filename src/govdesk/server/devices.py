"""Devices: one-time enrolment codes, per-device tokens (only their hashes are stored), revocation, station
numbers unique per center (they are part of case and document numbers)."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import uuid
from dataclasses import dataclass

from sqlalchemy import Connection, insert, select, update

from govdesk.server.apply import Device, utcnow
from govdesk.server.models import devices
from govdesk.sync.protocol import AuditHead, EnrollRequest, EnrollResponse, token_hash

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud over the phone
ENROL_VALID = dt.timedelta(days=7)


class DeviceError(Exception):
    """A refusal with a status code and a message for the user."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


@dataclass(frozen=True)
class DeviceInfo:
    id: str
    center_code: str
    name: str
    station_no: int | None
    state: str
    last_sync: dt.datetime | None
    created_at: dt.datetime


def _hash(code: str) -> str:
    """An enrolment code's hash, however it was typed: "ke9u ge89 7ram", "KE9UGE897RAM", "KE9U-GE89-7RAM"."""
    return hashlib.sha256("".join(ch for ch in code.upper() if ch.isalnum()).encode()).hexdigest()


def new_enrolment_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    return "-".join(raw[i : i + 4] for i in range(0, 12, 4))


def add_device(conn: Connection, center_code: str, name: str) -> tuple[str, str]:
    """A new device slot; returns (device id, one-time enrolment code)."""
    code = new_enrolment_code()
    device_id = str(uuid.uuid4())
    now = utcnow()
    conn.execute(insert(devices).values(id=device_id, center_code=center_code, name=name, enrol_code_hash=_hash(code),
                                        enrol_expires=now + ENROL_VALID, created_at=now))  # fmt: skip
    return device_id, code


def enrol(conn: Connection, request: EnrollRequest) -> EnrollResponse:
    row = conn.execute(select(devices).where(devices.c.enrol_code_hash == _hash(request.code))).first()
    if row is None or row.revoked_at is not None:
        raise DeviceError(403, "bad_code", "注册码不对或已经用过。请向县综治中心索取新的注册码。")
    if row.enrol_expires is not None and row.enrol_expires < utcnow():
        raise DeviceError(403, "code_expired", "注册码已过期（有效期7天）。请向县综治中心索取新的注册码。")
    if row.center_code != request.center_code:
        raise DeviceError(403, "wrong_center", f"这个注册码是给中心 {row.center_code} 的，本机是 {request.center_code}。"
                                               "请核对后使用本中心的注册码。")  # fmt: skip
    taken = {s for (s,) in conn.execute(select(devices.c.station_no).where(
        devices.c.center_code == row.center_code, devices.c.revoked_at.is_(None), devices.c.station_no.is_not(None),
        devices.c.id != row.id))}  # fmt: skip
    station = request.station_no
    if station in taken:
        if request.has_numbers:
            free = min(set(range(1, 100)) - taken)
            raise DeviceError(409, "station_taken",
                              f"本机的工作站编号 {station} 已被本中心另一台电脑使用，而本机已经用它编过号。"
                              f"请联系县综治中心处理（可用的编号如 {free}）。")  # fmt: skip
        station = min(set(range(1, 100)) - taken)
    token = secrets.token_urlsafe(32)
    conn.execute(update(devices).where(devices.c.id == row.id).values(
        token_hash=token_hash(token), enrol_code_hash=None, enrolled_at=utcnow(), station_no=station,
        name=row.name or request.device_name))  # fmt: skip  the county's name for it stays
    return EnrollResponse(device_id=row.id, token=token, center_code=row.center_code, station_no=station)


def authenticate(conn: Connection, token: str) -> Device:
    row = conn.execute(select(devices).where(devices.c.token_hash == token_hash(token))).first()
    if row is None:
        raise DeviceError(401, "unknown_device", "服务器不认识这台电脑。请在设置中重新注册（向县综治中心索取注册码）。")
    if row.revoked_at is not None:
        raise DeviceError(403, "device_revoked", "本机已被县级服务器停用，不能再同步。本机未同步的数据都还保存在本地，"
                                                 "请联系县综治中心。")  # fmt: skip
    return Device(id=row.id, center_code=row.center_code, name=row.name)


def note_sync(conn: Connection, device: Device, client_time: str, audit_head: AuditHead | None) -> None:
    values: dict[str, object] = {"last_sync": utcnow(), "last_client_time": client_time[:40]}
    if audit_head is not None:
        values.update(audit_seq=audit_head.seq, audit_hash=audit_head.hash)
    conn.execute(update(devices).where(devices.c.id == device.id).values(**values))


def revoke(conn: Connection, device_id: str) -> bool:
    result = conn.execute(update(devices).where(devices.c.id == device_id, devices.c.revoked_at.is_(None))
                          .values(revoked_at=utcnow(), enrol_code_hash=None))  # fmt: skip
    return bool(result.rowcount)


def list_devices(conn: Connection) -> list[DeviceInfo]:
    out = []
    for r in conn.execute(select(devices).order_by(devices.c.center_code, devices.c.created_at)):
        state = "revoked" if r.revoked_at else ("enrolled" if r.enrolled_at else "waiting")
        out.append(DeviceInfo(r.id, r.center_code, r.name, r.station_no, state, r.last_sync, r.created_at))
    return out
