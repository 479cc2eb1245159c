"""The HTTP side of sync over an injected ``httpx.Client`` (keep-alive, zstd bodies, a stall timeout).
Transport failures become ``SyncError("offline")``; the server's refusals keep their code and message."""

from __future__ import annotations

import hashlib
import ipaddress
import ssl
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlsplit

import httpx
from pydantic import BaseModel, ValidationError

from govdesk.sync.errors import SyncError
from govdesk.sync.protocol import (
    PROTOCOL_HEADER,
    PROTOCOL_VERSION,
    BlobStatus,
    BucketRequest,
    BucketResponse,
    EnrollRequest,
    EnrollResponse,
    RowsRequest,
    RowsResponse,
    SyncRequest,
    SyncResponse,
    compress,
    decompress,
    dumps,
)

M = TypeVar("M", bound=BaseModel)
STALL_SECONDS = 30.0
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
OFFLINE = "连不上县级服务器（网络不通或服务器没有开）。本机照常工作，数据都保存在本地，网络恢复后会自动同步。"


def check_url(url: str) -> str:
    """HTTPS anywhere; plain HTTP only to this computer (tests, a local proxy)."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SyncError(f"服务器地址“{url}”不对，应像 https://county.example.gov.cn:8765 这样。", "bad_url")
    if parts.scheme == "http":
        host = parts.hostname
        try:
            loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
        except ValueError:
            loopback = False
        if not loopback:
            raise SyncError("为保护数据，只能用 https:// 地址连接县级服务器（明文 http 只允许连本机测试）。", "bad_url")
    return url.strip().rstrip("/")


def make_http(url: str, ca_file: Path | None = None) -> httpx.Client:
    verify: ssl.SSLContext | bool = True
    if ca_file is not None and ca_file.is_file():
        verify = ssl.create_default_context(cafile=str(ca_file))  # trust only the county's CA
    timeout = httpx.Timeout(connect=15.0, read=STALL_SECONDS, write=STALL_SECONDS, pool=15.0)
    return httpx.Client(base_url=check_url(url), timeout=timeout, verify=verify,
                        headers={PROTOCOL_HEADER: str(PROTOCOL_VERSION), "Accept-Encoding": "zstd"})  # fmt: skip


class SyncClient:
    def __init__(self, http: httpx.Client, token: str | None = None) -> None:
        self.http = http
        self.token = token
        self.requests = 0
        self.bytes_sent = 0
        self.bytes_received = 0

    def close(self) -> None:
        self.http.close()

    def _headers(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        headers = {PROTOCOL_HEADER: str(PROTOCOL_VERSION), "Accept-Encoding": "zstd"}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        headers.update(extra or {})
        return headers

    def _send(self, method: str, path: str, body: bytes | None = None, headers: dict[str, str] | None = None) -> bytes:
        self.requests += 1
        try:
            response = self.http.request(method, path, content=body, headers=self._headers(headers))
            raw = response.content
        except httpx.TimeoutException as err:
            raise SyncError("县级服务器长时间没有回应（网络太慢或中断）。本机数据都在，稍后会自动重试。", "offline") from err
        except httpx.TransportError as err:
            raise SyncError(OFFLINE, "offline") from err
        self.bytes_sent += len(body or b"")
        self.bytes_received += response.num_bytes_downloaded
        if raw[:4] == ZSTD_MAGIC:  # httpx decodes zstd itself when it can; otherwise we do
            try:
                raw = decompress(raw)
            except Exception as err:
                raise SyncError("服务器的回应在传输中损坏，稍后会自动重试。", "offline") from err
        if response.status_code >= 400:
            raise _refusal(response.status_code, raw)
        return raw

    def _call(self, path: str, request: BaseModel, answer: type[M]) -> M:
        raw = self._send("POST", path, compress(dumps(request)),
                         {"Content-Type": "application/json", "Content-Encoding": "zstd"})  # fmt: skip
        try:
            return answer.model_validate_json(raw)
        except ValidationError as err:
            raise SyncError("服务器的回应格式不对，已忽略，稍后重试。如反复出现，请联系县综治中心。", "bad_answer") from err

    def enroll(self, request: EnrollRequest) -> EnrollResponse:
        return self._call("/v1/enroll", request, EnrollResponse)

    def sync(self, request: SyncRequest) -> SyncResponse:
        return self._call("/v1/sync", request, SyncResponse)

    def bucket(self, bucket: str) -> BucketResponse:
        return self._call("/v1/bucket", BucketRequest(bucket=bucket), BucketResponse)

    def rows(self, table: str, row_ids: list[str]) -> RowsResponse:
        return self._call("/v1/rows", RowsRequest(table=table, row_ids=row_ids), RowsResponse)

    def blob_status(self, sha256: str) -> BlobStatus:
        return BlobStatus.model_validate_json(self._send("GET", f"/v1/blobs/{sha256}"))

    def put_chunk(self, sha256: str, index: int, size: int, data: bytes) -> BlobStatus:
        headers = {"X-Chunk-Sha256": hashlib.sha256(data).hexdigest(), "X-Blob-Size": str(size),
                   "Content-Type": "application/octet-stream"}  # fmt: skip
        return BlobStatus.model_validate_json(self._send("PUT", f"/v1/blobs/{sha256}/{index}", data, headers))

    def get_chunk(self, sha256: str, index: int) -> bytes:
        return self._send("GET", f"/v1/blobs/{sha256}/{index}")


def _refusal(status: int, raw: bytes) -> SyncError:
    try:
        import json

        body = json.loads(raw)
        code, message = str(body["error"]), str(body["message"])
    except (ValueError, KeyError, TypeError):
        code, message = "http_error", f"县级服务器返回错误（{status}）。稍后会自动重试；如反复出现，请联系县综治中心。"
    if status >= 500:
        code = "server_error"
    return SyncError(message, code)
