"""The county server's HTTP API (FastAPI): enrolment, one-request sync rounds, verify, attachment chunks, and a
read-only overview page. Bodies are JSON, zstd-compressed both ways; every payload is validated strictly and a
malformed one is refused whole with a 4xx and logged."""

from __future__ import annotations

import logging
from typing import Any

import anyio
import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, ValidationError
from sqlalchemy import Engine
from starlette.requests import ClientDisconnect

from govdesk.server import apply, blobs, devices, overview
from govdesk.server.db import bookkeeping, read, snapshot, write
from govdesk.server.devices import DeviceError
from govdesk.sync.protocol import (
    OLDEST_SUPPORTED,
    PROTOCOL_HEADER,
    PROTOCOL_VERSION,
    BucketRequest,
    BucketResponse,
    EnrollRequest,
    EnrollResponse,
    RowsRequest,
    RowsResponse,
    SyncRequest,
    compress,
    decompress,
    dumps,
)

log = logging.getLogger("govdesk.server")
SYNC_WORKERS = 4  # sync rounds worked on at once (the others wait their turn in arrival order)


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": code, "message": message}, status_code=status)


async def _body(request: Request) -> bytes:
    try:
        raw = await request.body()
    except ClientDisconnect:  # the link dropped mid-upload: nothing to answer, nothing applied
        raise DeviceError(400, "disconnected", "连接在上传中断开，本次请求未被处理。") from None
    if request.headers.get("content-encoding", "").lower() == "zstd":
        try:
            return decompress(raw)
        except Exception as err:
            raise DeviceError(400, "bad_body", "请求内容无法解压，已拒收。") from err
    return raw


def _reply(request: Request, model: BaseModel | dict[str, Any], status: int = 200) -> Response:
    body = dumps(model)
    headers = {PROTOCOL_HEADER: str(PROTOCOL_VERSION)}
    if "zstd" in request.headers.get("accept-encoding", "").lower():
        body = compress(body)
        headers["Content-Encoding"] = "zstd"
    return Response(body, status_code=status, media_type="application/json", headers=headers)


def _check_protocol(request: Request) -> None:
    raw = request.headers.get(PROTOCOL_HEADER)
    try:
        version = int(raw or "")
    except ValueError:
        raise DeviceError(400, "no_protocol", f"请求缺少协议版本（{PROTOCOL_HEADER}）。") from None
    if version < OLDEST_SUPPORTED:
        raise DeviceError(426, "client_too_old", "本机软件版本太旧，县级服务器已不再支持。请更新软件后再同步；"
                                                 "本机数据都保留着，更新后会继续同步。")  # fmt: skip
    if version > PROTOCOL_VERSION:
        raise DeviceError(400, "server_too_old", "县级服务器的版本比本机软件旧，请联系县里升级服务器。")


def _token(request: Request) -> str:
    auth = request.headers.get("authorization", "")
    if not auth.lower().startswith("bearer "):
        raise DeviceError(401, "no_token", "请求没有设备凭据。请先在设置中注册本机。")
    return auth[7:].strip()


def create_app(engine: Engine) -> FastAPI:
    app = FastAPI(title="govdesk 县级服务器", docs_url=None, redoc_url=None, openapi_url=None)
    # A few syncs at a time: thirty threads sharing one interpreter lock would make the one holding the database
    # write lock run at a thirtieth of the speed while the others wait for it anyway.
    sync_limiter = anyio.CapacityLimiter(SYNC_WORKERS)

    @app.exception_handler(DeviceError)
    async def _device_error(_request: Request, err: DeviceError) -> JSONResponse:
        log.warning("refused %s: %s", err.code, err.message)
        return _error(err.status, err.code, err.message)

    @app.exception_handler(ValidationError)
    async def _invalid(request: Request, err: ValidationError) -> JSONResponse:
        log.warning("malformed payload on %s: %s", request.url.path, err.errors()[:3])
        return _error(422, "malformed", "请求内容格式不对，已整体拒收，没有应用任何部分。")

    def _authenticate(token: str) -> apply.Device:
        with read(engine) as conn:
            return devices.authenticate(conn, token)

    async def _device(request: Request) -> apply.Device:
        """Database work runs in the thread pool: a sync waiting for the write lock must not stop the event loop
        (and with it every other request, /v1/health included)."""
        _check_protocol(request)
        return await run_in_threadpool(_authenticate, _token(request))

    @app.get("/v1/health")
    def health() -> dict[str, Any]:
        return {"ok": True, "protocol": PROTOCOL_VERSION}

    @app.post("/v1/enroll")
    async def enroll(request: Request) -> Response:
        _check_protocol(request)
        body = EnrollRequest.model_validate_json(await _body(request))

        def work() -> EnrollResponse:
            with write(engine) as conn:
                return devices.enrol(conn, body)

        answer = await run_in_threadpool(work)
        log.info("device %s enrolled for %s", answer.device_id, answer.center_code)
        return _reply(request, answer)

    @app.post("/v1/sync")
    async def sync(request: Request) -> Response:
        device = await _device(request)
        body = SyncRequest.model_validate_json(await _body(request))
        if body.device_id != device.id:
            raise DeviceError(403, "wrong_device", "请求中的设备与凭据不符，已拒收。")

        def work() -> Response:
            if body.ops:
                with write(engine) as conn:
                    answer = apply.sync_round(conn, device, body)
                    devices.note_sync(conn, device, body.client_time, body.audit_head)
            else:  # a pull (or a no-op): it writes no change, so it reads a snapshot instead of queueing for the lock
                with snapshot(engine) as conn:
                    answer = apply.sync_round(conn, device, body)
                with bookkeeping(engine) as conn:
                    devices.note_sync(conn, device, body.client_time, body.audit_head)
            return _reply(request, answer)  # compressing a big answer is CPU work too

        return await anyio.to_thread.run_sync(work, limiter=sync_limiter)

    @app.post("/v1/bucket")
    async def bucket(request: Request) -> Response:
        device = await _device(request)
        body = BucketRequest.model_validate_json(await _body(request))

        def work() -> Response:
            with read(engine) as conn:
                return _reply(request, BucketResponse(rows=apply.bucket_rows(conn, device.center_code, body.bucket)))

        return await run_in_threadpool(work)

    @app.post("/v1/rows")
    async def rows(request: Request) -> Response:
        device = await _device(request)
        body = RowsRequest.model_validate_json(await _body(request))

        def work() -> Response:
            with read(engine) as conn:
                return _reply(request, RowsResponse(changes=apply.rows_by_id(conn, device.center_code, body.table,
                                                                             body.row_ids)))  # fmt: skip

        return await run_in_threadpool(work)

    @app.get("/v1/blobs/{sha256}")
    async def blob_status(sha256: str, request: Request) -> Response:
        await _device(request)

        def work() -> Response:
            with read(engine) as conn:
                return _reply(request, blobs.status(conn, sha256))

        return await run_in_threadpool(work)

    @app.put("/v1/blobs/{sha256}/{index}")
    async def blob_put(sha256: str, index: int, request: Request) -> Response:
        device = await _device(request)
        try:
            size = int(request.headers.get("x-blob-size", ""))
        except ValueError:
            raise DeviceError(400, "no_size", "缺少附件大小（X-Blob-Size）。") from None
        data = await _body(request)

        def work() -> Response:
            with write(engine) as conn:
                answer = blobs.put_chunk(conn, device.center_code, sha256, index, size,
                                         request.headers.get("x-chunk-sha256", ""), data)  # fmt: skip
            return _reply(request, answer)

        return await run_in_threadpool(work)

    @app.get("/v1/blobs/{sha256}/{index}")
    async def blob_get(sha256: str, index: int, request: Request) -> Response:
        device = await _device(request)

        def work() -> bytes:
            with read(engine) as conn:
                return blobs.get_chunk(conn, device.center_code, sha256, index)

        return Response(await run_in_threadpool(work), media_type="application/octet-stream")

    @app.get("/", response_class=HTMLResponse)
    def page() -> str:
        with read(engine) as conn:
            return overview.html(overview.stats(conn))

    return app
