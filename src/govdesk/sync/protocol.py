"""The sync wire format (see docs/sync-protocol.md): strict pydantic schemas, the protocol version, which tables
sync and who owns them, and the zstd JSON codec. The only module of ``govdesk.sync`` the county server imports."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import threading
from typing import Any, Literal

import zstandard
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from pydantic import BaseModel, ConfigDict, Field

PROTOCOL_VERSION = 1
OLDEST_SUPPORTED = max(1, PROTOCOL_VERSION - 2)  # clients up to two versions old keep working
PROTOCOL_HEADER = "X-Govdesk-Protocol"
CHUNK_SIZE = 128 * 1024  # a link dropping every 1 MB wastes < 13 % (256 KiB measured 126.5 %, 128 KiB 108.7 %)
MAX_OPS_PER_REQUEST = 500
MAX_PULL = 1000

# Every table that syncs, in an order where referenced rows come before the rows that reference them.
SYNCED_TABLES: tuple[str, ...] = (
    "centers", "villages", "grids", "staff", "persons", "organisations", "cases", "case_parties", "case_events",
    "agreements", "obligations", "signatures", "referrals", "issued_documents", "attachments",
    "sync_conflicts", "county_instructions", "reference_data",
)  # fmt: skip
# Inserted once; afterwards only these fields may change.
APPEND_ONLY: dict[str, frozenset[str]] = {
    "case_events": frozenset({"deleted_at", "updated_at"}),
    "signatures": frozenset({"deleted_at", "updated_at"}),
    "issued_documents": frozenset({"deleted_at", "updated_at", "reprints"}),
    "attachments": frozenset({"deleted_at", "updated_at"}),
}
# A signed agreement (locked_hash set) may change only in these fields.
LOCKED_AGREEMENT_FIELDS = frozenset({
    "deleted_at", "updated_at", "confirmation_applied_on", "confirmation_court", "confirmation_result",
    "confirmation_result_on", "confirmation_case_no",
})  # fmt: skip
# Written by the county; a device may only change the fields listed.
COUNTY_TABLES: dict[str, frozenset[str]] = {
    "county_instructions": frozenset({"acknowledged_at", "acknowledged_by", "updated_at"}),
    "reference_data": frozenset(),
    "sync_conflicts": frozenset({"resolved_at", "resolved_by", "resolution", "updated_at"}),
}
# Township rows whose fields only the server writes.
SERVER_FIELDS: dict[str, frozenset[str]] = {"referrals": frozenset({"server_received_at"})}

Json = Any


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Op(Strict):
    op_id: str = Field(min_length=8, max_length=64)
    table: str = Field(max_length=40)
    row_id: str = Field(min_length=1, max_length=64)
    base_version: int = Field(ge=0)
    fields: dict[str, Json]
    made_at: str = ""


class AuditHead(Strict):
    seq: int = Field(ge=0)
    hash: str = Field(max_length=64)


class SyncRequest(Strict):
    protocol: int
    device_id: str
    client_time: str
    cursor: int = Field(ge=0)
    ops: list[Op] = Field(default_factory=list, max_length=MAX_OPS_PER_REQUEST)
    pull_limit: int = Field(default=MAX_PULL, ge=0, le=MAX_PULL)
    verify: str | None = None
    audit_head: AuditHead | None = None


class Ack(Strict):
    op_id: str
    status: Literal["applied", "duplicate", "refused"]
    version: int = 0
    fields: dict[str, Json] = Field(default_factory=dict)  # server values that differ from what was sent
    error: str = ""


class Change(Strict):
    table: str
    row_id: str
    version: int
    deleted: bool = False
    data: dict[str, Json]


class VerifyResult(Strict):
    buckets: dict[str, tuple[int, int]]


class SyncResponse(Strict):
    protocol: int
    server_time: str
    acks: list[Ack] = Field(default_factory=list)
    changes: list[Change] = Field(default_factory=list)
    cursor: int
    more: bool = False
    verify: VerifyResult | None = None


class BucketRequest(Strict):
    bucket: str


class BucketResponse(Strict):
    rows: dict[str, int]  # row_id -> version


class RowsRequest(Strict):
    table: str
    row_ids: list[str] = Field(max_length=MAX_PULL)


class RowsResponse(Strict):
    changes: list[Change]


class EnrollRequest(Strict):
    code: str = Field(min_length=4, max_length=40)
    center_code: str = Field(max_length=12)
    device_name: str = Field(default="", max_length=100)
    station_no: int = Field(default=1, ge=1, le=99)
    has_numbers: bool = False


class EnrollResponse(Strict):
    device_id: str
    token: str
    center_code: str
    station_no: int


class BlobStatus(Strict):
    size: int | None = None
    chunk_size: int = CHUNK_SIZE
    have: list[int] = Field(default_factory=list)
    complete: bool = False


class ErrorBody(Strict):
    error: str
    message: str


# ---- codec --------------------------------------------------------------------------------------------------

_local = threading.local()  # a ZstdCompressor must not be shared between threads (it crashes the process)


def dumps(obj: BaseModel | dict[str, Any]) -> bytes:
    """Compact JSON (UTF-8, no ASCII escapes: Chinese text costs its bytes once)."""
    data = obj.model_dump(mode="json") if isinstance(obj, BaseModel) else obj
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


def compress(body: bytes) -> bytes:
    compressor = getattr(_local, "compressor", None)
    if compressor is None:
        compressor = _local.compressor = zstandard.ZstdCompressor(level=6)
    return bytes(compressor.compress(body))


def decompress(body: bytes, max_size: int = 256 * 1024 * 1024) -> bytes:
    return zstandard.ZstdDecompressor().decompress(body, max_output_size=max_size)


def canonical(value: Json) -> str:
    """A value's canonical JSON, to compare a field on both sides."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def same(a: Json, b: Json) -> bool:
    """Whether two field values are the same JSON value (``canonical(a) == canonical(b)``), without serializing
    the common case — two strings, two integers, two booleans, two nulls — which is most of a row's fields."""
    kind = type(a)
    if kind is type(b) and (kind is str or kind is int or kind is bool or a is None):
        return bool(a == b)
    return canonical(a) == canonical(b)


def bucket_of(table: str, data: dict[str, Json]) -> str:
    created = data.get("created_at") or ""
    return f"{table}/{str(created)[:7] or 'none'}"


def digest(buckets: dict[str, tuple[int, int]]) -> str:
    lines = "\n".join(f"{k}={c},{s}" for k, (c, s) in sorted(buckets.items()) if c)
    return hashlib.sha256(lines.encode()).hexdigest()


def iso_now() -> str:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None).isoformat(timespec="seconds") + "Z"


# ---- USB bundles ------------------------------------------------------------------------------------------------
# A bundle carries residents' names and ID numbers on a USB stick, so it is sealed (AES-256-GCM) with a key both
# ends can derive and a finder cannot: from the device's credential on the township side, from the hash of it the
# county keeps. The device id stays readable in the header (the county needs it to find the key) and is
# authenticated with the contents.

BUNDLE_MAGIC = b"GDSYNC1\n"


def token_hash(token: str) -> str:
    """What the county keeps of a device's credential (never the credential itself)."""
    return hashlib.sha256(token.encode()).hexdigest()


def _bundle_key(hashed_token: str) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=b"govdesk usb bundle v1").derive(
        bytes.fromhex(hashed_token))


def seal_bundle(device_id: str, hashed_token: str, body: bytes) -> bytes:
    header = BUNDLE_MAGIC + device_id.encode() + b"\n"
    nonce = os.urandom(12)
    return header + nonce + AESGCM(_bundle_key(hashed_token)).encrypt(nonce, compress(body), header)


def bundle_device(data: bytes) -> str:
    """The device a bundle belongs to; ValueError when the file is not a bundle."""
    if not data.startswith(BUNDLE_MAGIC):
        raise ValueError("not a govdesk bundle")
    end = data.index(b"\n", len(BUNDLE_MAGIC))
    return data[len(BUNDLE_MAGIC) : end].decode("ascii")


def open_bundle(data: bytes, hashed_token: str) -> bytes:
    """The bundle's contents; ValueError when it is damaged or sealed for another device (or credential)."""
    end = data.index(b"\n", len(BUNDLE_MAGIC)) + 1
    header, nonce, sealed = data[:end], data[end : end + 12], data[end + 12 :]
    try:
        return decompress(AESGCM(_bundle_key(hashed_token)).decrypt(nonce, sealed, header))
    except InvalidTag as err:
        raise ValueError("damaged, or sealed for another credential") from err
