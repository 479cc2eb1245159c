"""Sync use cases: enrol this device with the county server, run a sync, carry a USB bundle, settle review items,
acknowledge county instructions. Permission-checked and audited like every other use case."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx
from sqlalchemy import func, select, text

from govdesk.domain.clock import utcnow
from govdesk.domain.errors import NotFound, ValidationError
from govdesk.security.policy import Perm, Role, require
from govdesk.services.actor import Actor
from govdesk.services.attachments import keep_fetched_blob, stored_blob
from govdesk.store import reference_repo
from govdesk.store.audit_repo import append_audit
from govdesk.store.models import Center, CountyInstruction, NumberCounter, SyncConflict
from govdesk.store.store import Store
from govdesk.sync import credentials, engine, rows
from govdesk.sync.client import SyncClient, check_url, make_http
from govdesk.sync.errors import SyncError
from govdesk.sync.protocol import (
    PROTOCOL_VERSION,
    EnrollRequest,
    SyncRequest,
    SyncResponse,
    bundle_device,
    dumps,
    iso_now,
    open_bundle,
    seal_bundle,
    token_hash,
)
from govdesk.sync.runner import Progress, SyncReport, download_blob, run_sync

CA_FILE = "county-ca.pem"
HttpFactory = Callable[[str], httpx.Client]


def _http(store: Store, server: str, factory: HttpFactory | None) -> httpx.Client:
    return factory(server) if factory else make_http(server, store.data_dir / CA_FILE)


@dataclass(frozen=True)
class SyncStatus:
    enrolled: bool
    server: str
    pending: int
    refused: int
    conflicts: int
    instructions: int
    last_sync: dt.datetime | None
    clock_skew_seconds: float
    state: str  # never / ok / offline / revoked / error


def enroll(store: Store, actor: Actor, server: str, code: str, *, http: HttpFactory | None = None) -> str:
    """Exchange a one-time enrolment code for this device's credential. Returns a sentence for the user."""
    require(Role(actor.role), Perm.SETTINGS, what="注册同步")
    server = check_url(server)
    code = code.strip().upper()
    if len(code.replace("-", "")) < 8:
        raise ValidationError("注册码不完整，应像 ABCD-EFGH-JKLM 这样（向县综治中心索取）。", "code")
    with store.db.read() as session:
        center = reference_repo.local_center(session)
        has_numbers = bool(session.scalar(select(func.max(NumberCounter.last_seq)).where(NumberCounter.center_id == center.id)))
        name = f"{center.name}-{center.station_no}号工作站"
        request = EnrollRequest(code=code, center_code=center.code, device_name=name, station_no=center.station_no,
                                has_numbers=has_numbers)  # fmt: skip
    client = SyncClient(_http(store, server, http))
    try:
        answer = client.enroll(request)
    except SyncError as err:
        if err.code == "offline":  # not enrolled yet: nothing will sync by itself when the network returns
            raise SyncError(f"连不上县级服务器 {server}（网络不通、地址填错，或服务器没有开）。本机没有注册，数据都保存在"
                            "本地；请检查地址和网络后再点“注册”，注册码在有效期内可以再用。", "offline") from err  # fmt: skip
        raise
    finally:
        client.close()
    credentials.save(store.data_dir, credentials.Credential(server, answer.device_id, answer.center_code, answer.token))
    with store.db.write() as session:
        center_row = session.scalar(select(Center).where(Center.is_local.is_(True)))
        assert center_row is not None
        station_changed = center_row.station_no != answer.station_no
        center_row.station_no = answer.station_no
        for key, value in (("server", server), ("device_id", answer.device_id), ("state", "never")):
            engine.set_state(session, key, value)
        engine.rekey_pending(session)
        append_audit(session, actor.audit_name, "sync.enroll", "device", answer.device_id,
                     {"server": server, "station_no": answer.station_no})  # fmt: skip
    engine.queue_unsynced_rows(store.db)
    with store.db.read() as session:
        waiting = engine.pending_count(session)  # rows queued now and changes the outbox already held
    note = f"本机工作站编号改为 {answer.station_no}（与本中心其他电脑区分）。" if station_changed else ""
    return f"已注册到县级服务器 {server}。{note}共有 {waiting} 条本地记录等待首次同步。"


def _client(store: Store, server: str | None, http: HttpFactory | None) -> tuple[SyncClient, credentials.Credential]:
    cred = credentials.load(store.data_dir)
    if cred is None:
        raise SyncError("本机还没有注册到县级服务器。请在“文件 → 设置 → 同步”中填写服务器地址和注册码"
                        "（或运行 govdesk sync enroll --server 地址 --code 注册码）。", "not_enrolled")  # fmt: skip
    if server and check_url(server) != cred.server:
        credentials.with_server(store.data_dir, check_url(server))
        cred = credentials.Credential(check_url(server), cred.device_id, cred.center_code, cred.token)
    return SyncClient(_http(store, cred.server, http), cred.token), cred


def sync_now(store: Store, actor: Actor, *, server: str | None = None, http: HttpFactory | None = None,
             progress: Progress | None = None, cancelled: Callable[[], bool] = lambda: False) -> SyncReport:  # fmt: skip
    """One full sync. On failure raises SyncError; the store stays consistent and the next run continues."""
    require(Role(actor.role), Perm.SYNC, what="同步")
    client, cred = _client(store, server, http)
    try:
        report = run_sync(store.db, client, cred.device_id, blob_reader=lambda sha: stored_blob(store, sha),
                          progress=progress, cancelled=cancelled)  # fmt: skip
    except SyncError as err:
        _note_state(store, "revoked" if err.code == "device_revoked" else ("offline" if err.offline else "error"),
                    str(err))  # fmt: skip
        raise
    finally:
        client.close()
    _note_state(store, "ok", report.summary())
    if report.pushed or report.pulled or report.refused:
        with store.db.write() as session:
            append_audit(session, actor.audit_name, "sync", "device", cred.device_id,
                         {"pushed": report.pushed, "pulled": report.pulled, "refused": report.refused,
                          "blobs": report.blobs_uploaded})  # fmt: skip
    return report


def _note_state(store: Store, state: str, message: str) -> None:
    with store.db.write() as session:
        engine.set_state(session, "state", state)
        engine.set_state(session, "message", message[:500])


def status(store: Store) -> SyncStatus:
    values = engine.state(store.db)
    cred = credentials.load(store.data_dir)
    with store.db.read() as session:
        instructions = int(session.scalar(select(func.count()).select_from(CountyInstruction).where(
            CountyInstruction.acknowledged_at.is_(None), CountyInstruction.deleted_at.is_(None))) or 0)  # fmt: skip
    last = values.get("last_sync")
    return SyncStatus(
        enrolled=cred is not None, server=cred.server if cred else "", pending=int(values["pending"]),
        refused=int(values["refused"]), conflicts=int(values["conflicts"]), instructions=instructions,
        last_sync=dt.datetime.fromisoformat(last.removesuffix("Z")) if last else None,
        clock_skew_seconds=float(values.get("clock_skew") or 0), state=str(values.get("state") or "never"),
    )  # fmt: skip


# ---- USB bundles -------------------------------------------------------------------------------------------------


def export_bundle(store: Store, actor: Actor, path: Path) -> int:
    """Write what a round would send to a file for a USB stick. Returns the number of operations in it."""
    require(Role(actor.role), Perm.SYNC, what="导出同步包")
    cred = credentials.load(store.data_dir)
    if cred is None:
        raise SyncError("本机还没有注册到县级服务器，不能导出同步包。请先注册。", "not_enrolled")
    ops = engine.freeze_ops(store.db, limit=100_000)
    with store.db.read() as session:
        cursor = int(engine.get_state(session, "cursor", "0"))
    request = SyncRequest.model_construct(protocol=PROTOCOL_VERSION, device_id=cred.device_id,
                                          client_time=utcnow().isoformat() + "Z", cursor=cursor, ops=ops,
                                          pull_limit=1000, verify=None, audit_head=None)  # fmt: skip
    body = {"kind": "govdesk-sync-request", "request": request.model_dump(mode="json")}
    tmp = Path(path).with_suffix(".part")
    try:  # sealed: it carries residents' names and ID numbers on a stick that can be lost
        tmp.write_bytes(seal_bundle(cred.device_id, token_hash(cred.token), dumps(body)))
        tmp.replace(path)
    except OSError as err:
        raise SyncError(f"无法写入同步包 {path}：{err.strerror}。请检查U盘是否插好、是否有空间。", "io") from None
    with store.db.write() as session:
        append_audit(session, actor.audit_name, "sync.export_bundle", "device", cred.device_id, {"ops": len(ops)})
    return len(ops)


def import_bundle(store: Store, actor: Actor, path: Path) -> str:
    """Apply the county's reply bundle (acknowledgements and rows) exactly like a network answer."""
    require(Role(actor.role), Perm.SYNC, what="导入同步包")
    cred = credentials.load(store.data_dir)
    if cred is None:
        raise SyncError("本机还没有注册到县级服务器，不能导入回执包。请先注册。", "not_enrolled")
    try:
        raw = Path(path).read_bytes()
        device_id = bundle_device(raw)
    except (OSError, ValueError) as err:
        raise SyncError(f"无法读取回执包 {path}：文件损坏或不是回执包。", "io") from err
    if device_id != cred.device_id:
        raise SyncError("这个回执包不是给本机的。", "io")
    try:
        body = json.loads(open_bundle(raw, token_hash(cred.token)))
    except ValueError as err:
        raise SyncError(f"无法读取回执包 {path}：文件损坏，或是本机重新注册之前的回执包。", "io") from err
    if not isinstance(body, dict) or body.get("kind") != "govdesk-sync-reply" or body.get("device_id") != device_id:
        raise SyncError(f"{path} 不是县里生成的回执包。", "io")
    from govdesk.sync.protocol import Op

    ops = [Op.model_validate(o) for o in body.get("ops", [])]
    response = SyncResponse.model_validate(body["response"])
    applied = engine.apply_response(store.db, ops, response)
    with store.db.write() as session:
        engine.set_state(session, "last_sync", iso_now())  # a USB round is a sync: the status bar says when
        engine.set_state(session, "state", "ok")
        append_audit(session, actor.audit_name, "sync.import_bundle", "device", cred.device_id,
                     {"acked": applied.acked, "pulled": applied.pulled})  # fmt: skip
    more = "（县里还有更多数据，请再导出一次同步包带去）" if response.more else ""
    return f"已导入回执：确认 {applied.acked} 条，收到 {applied.pulled} 条，拒收 {applied.refused} 条{more}。"


# ---- review items and instructions -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ReviewItem:
    id: str
    table_name: str
    row_id: str
    field: str
    server_value: object
    client_value: object
    device: str
    detected_at: dt.datetime
    case_number: str


def open_conflicts(store: Store, actor: Actor) -> list[ReviewItem]:
    require(Role(actor.role), Perm.CASE_RECORDS, what="查看同步冲突")
    with store.db.read() as session:
        items = session.scalars(select(SyncConflict).where(SyncConflict.resolved_at.is_(None),
                                                           SyncConflict.deleted_at.is_(None))
                                .order_by(SyncConflict.detected_at)).all()  # fmt: skip
        out = []
        for c in items:
            number = ""
            if c.table_name == "cases":
                number = session.scalar(text("SELECT number FROM cases WHERE id = :i"), {"i": c.row_id}) or ""
            out.append(ReviewItem(c.id, c.table_name, c.row_id, c.field, c.server_value, c.client_value, c.device,
                                  c.detected_at, number))  # fmt: skip
        return out


def resolve_conflict(store: Store, actor: Actor, conflict_id: str, keep: str) -> None:
    """``keep`` = "server" (the value every device shows now) or "client" (write the other value back)."""
    require(Role(actor.role), Perm.CASE_REGISTER, what="处理同步冲突")
    if keep not in ("server", "client"):
        raise ValidationError("请选择保留哪一个值。", "keep")
    with store.db.write() as session:
        item = session.get(SyncConflict, conflict_id)
        if item is None or item.resolved_at is not None:
            raise NotFound("这个冲突已经处理过了。")
        if keep == "client":
            current = rows.read_row(session, item.table_name, item.row_id)
            if current is None:
                raise NotFound("冲突涉及的记录已不存在。")
            rows.write_row(session, item.table_name, item.row_id,
                           {item.field: item.client_value, "updated_at": utcnow().isoformat()}, exists=True)  # fmt: skip
        item.resolved_at = utcnow()
        item.resolved_by = actor.name
        item.resolution = keep
        append_audit(session, actor.audit_name, "sync.resolve_conflict", item.table_name, item.row_id,
                     {"field": item.field, "keep": keep})  # fmt: skip


@dataclass(frozen=True)
class Instruction:
    id: str
    title: str
    body: str
    issued_at: dt.datetime
    issued_by: str
    due_on: dt.date | None
    acknowledged_at: dt.datetime | None
    acknowledged_by: str


def instructions(store: Store, actor: Actor) -> list[Instruction]:
    require(Role(actor.role), Perm.CASE_LIST, what="查看县级指令")
    with store.db.read() as session:
        rows_ = session.scalars(select(CountyInstruction).where(CountyInstruction.deleted_at.is_(None))
                               .order_by(CountyInstruction.issued_at.desc())).all()  # fmt: skip
        return [Instruction(i.id, i.title, i.body, i.issued_at, i.issued_by, i.due_on, i.acknowledged_at,
                            i.acknowledged_by) for i in rows_]  # fmt: skip


def acknowledge_instruction(store: Store, actor: Actor, instruction_id: str) -> None:
    require(Role(actor.role), Perm.CASE_LIST, what="签收县级指令")
    with store.db.write() as session:
        item = session.get(CountyInstruction, instruction_id)
        if item is None:
            raise NotFound("没有这条指令。")
        if item.acknowledged_at is None:
            item.acknowledged_at = utcnow()
            item.acknowledged_by = actor.name
            append_audit(session, actor.audit_name, "instruction.acknowledge", "instruction", instruction_id)


def fetch_attachment(store: Store, actor: Actor, sha256: str, *, http: HttpFactory | None = None) -> bytes:
    """An attachment another device uploaded: fetched from the county when opened, kept here afterwards."""
    require(Role(actor.role), Perm.CASE_RECORDS, what="查看附件")
    local = stored_blob(store, sha256)
    if local is not None:
        return local
    client, _ = _client(store, None, http)
    try:
        data = download_blob(client, sha256)
    finally:
        client.close()
    keep_fetched_blob(store, sha256, data)
    return data
