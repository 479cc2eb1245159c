"""Attachment contents in chunks: each chunk checked against its own hash, the whole file against its name."""

from __future__ import annotations

import hashlib

from sqlalchemy import Connection, insert, select, update

from govdesk.server.apply import utcnow
from govdesk.server.devices import DeviceError
from govdesk.server.models import blob_chunks, blob_owners, blobs
from govdesk.sync.protocol import CHUNK_SIZE, BlobStatus

MAX_BLOB = 64 * 1024 * 1024


def _check_sha(sha256: str) -> str:
    sha = sha256.lower()
    if len(sha) != 64 or any(c not in "0123456789abcdef" for c in sha):
        raise DeviceError(400, "bad_hash", "附件标识不是有效的 SHA-256 值。")
    return sha


def status(conn: Connection, sha256: str) -> BlobStatus:
    sha = _check_sha(sha256)
    row = conn.execute(select(blobs).where(blobs.c.sha256 == sha)).first()
    if row is None:
        return BlobStatus()
    have = sorted(i for (i,) in conn.execute(select(blob_chunks.c.idx).where(blob_chunks.c.sha256 == sha)))
    return BlobStatus(size=row.size, have=have, complete=row.complete)


def _chunks(size: int) -> int:
    return max(1, -(-size // CHUNK_SIZE))


def put_chunk(conn: Connection, center_code: str, sha256: str, index: int, size: int, chunk_sha: str,
              data: bytes) -> BlobStatus:  # fmt: skip
    sha = _check_sha(sha256)
    if not 0 < size <= MAX_BLOB:
        raise DeviceError(413, "too_big", "附件太大（超过64MB），服务器不接收。")
    if not 0 <= index < _chunks(size):
        raise DeviceError(400, "bad_chunk", "附件分块编号超出范围。")
    expected = min(CHUNK_SIZE, size - index * CHUNK_SIZE)
    if len(data) != expected or hashlib.sha256(data).hexdigest() != chunk_sha.lower():
        raise DeviceError(400, "chunk_damaged", "附件分块在传输中损坏，请重试（只会重传这一块）。")
    row = conn.execute(select(blobs).where(blobs.c.sha256 == sha)).first()
    if row is None:
        conn.execute(insert(blobs).values(sha256=sha, size=size, complete=False, created_at=utcnow()))
    elif row.size != size:
        raise DeviceError(400, "size_mismatch", "附件大小与服务器记录不一致。")
    if conn.execute(select(blob_owners).where(blob_owners.c.sha256 == sha,
                                              blob_owners.c.center_code == center_code)).first() is None:  # fmt: skip
        conn.execute(insert(blob_owners).values(sha256=sha, center_code=center_code))
    if row is None or not row.complete:
        exists = conn.execute(select(blob_chunks.c.idx).where(blob_chunks.c.sha256 == sha, blob_chunks.c.idx == index))
        if exists.first() is None:
            conn.execute(insert(blob_chunks).values(sha256=sha, idx=index, data=data))
    result = status(conn, sha)
    if not result.complete and len(result.have) == _chunks(size):
        whole = hashlib.sha256()
        for (part,) in conn.execute(select(blob_chunks.c.data).where(blob_chunks.c.sha256 == sha)
                                    .order_by(blob_chunks.c.idx)):  # fmt: skip
            whole.update(part)
        if whole.hexdigest() != sha:
            conn.execute(blob_chunks.delete().where(blob_chunks.c.sha256 == sha))
            raise DeviceError(400, "blob_damaged", "附件拼合后校验不一致，已丢弃，请重新上传。")
        conn.execute(update(blobs).where(blobs.c.sha256 == sha).values(complete=True))
        result = status(conn, sha)
    return result


def get_chunk(conn: Connection, center_code: str, sha256: str, index: int) -> bytes:
    sha = _check_sha(sha256)
    owned = conn.execute(select(blob_owners).where(blob_owners.c.sha256 == sha, blob_owners.c.center_code == center_code))
    if owned.first() is None:
        raise DeviceError(404, "no_blob", "服务器上没有本中心的这个附件。")
    data = conn.scalar(select(blob_chunks.c.data).where(blob_chunks.c.sha256 == sha, blob_chunks.c.idx == index))
    if data is None:
        raise DeviceError(404, "no_chunk", "服务器上还没有这个附件的这一部分，请稍后再试。")
    return bytes(data)
