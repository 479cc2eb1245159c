"""Attachments of a case: scans and photos of signed paper, captured signature images.

The bytes are kept content-addressed in ``<data_dir>/attachments/<sha256>`` (the SHA-256 of the plain
content): written once, never altered, shared by every row with the same content. When the store is
encrypted the blob is AES-256-GCM under the store's data key (12-byte nonce prepended, the digest as
associated data, so a blob swapped for another is refused too). Only PNG, JPEG and PDF are accepted, told
apart by their first bytes, never by the name; the original name is kept as sanitised metadata only.
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy.orm import Session

from govdesk.domain.clock import utcnow
from govdesk.domain.errors import NotFound, StoreError, ValidationError
from govdesk.domain.lifecycle import Action
from govdesk.domain.translatable import QT_TRANSLATE_NOOP
from govdesk.security.policy import Perm, Role, require
from govdesk.services.actor import Actor
from govdesk.services.lifecycle import ActionDone, perform_in_session
from govdesk.store import attachments_repo, cases_repo
from govdesk.store.attachments_repo import AttachmentRow
from govdesk.store.audit_repo import append_audit
from govdesk.store.models import Attachment, Case
from govdesk.store.store import Store

MAX_BYTES = 30 * 1024 * 1024
BLOB_DIR = "attachments"
NONCE_BYTES = 12
PURPOSES = {
    "signed_agreement": QT_TRANSLATE_NOOP("Attachment", "签字协议扫描件"),
    "signature": QT_TRANSLATE_NOOP("Attachment", "签名图像"),
    "scan": QT_TRANSLATE_NOOP("Attachment", "扫描件"),
    "photo": QT_TRANSLATE_NOOP("Attachment", "照片"),
}
MIME_NAMES = {
    "application/pdf": "PDF",
    "image/png": QT_TRANSLATE_NOOP("Attachment", "PNG 图片"),
    "image/jpeg": QT_TRANSLATE_NOOP("Attachment", "JPEG 图片"),
}
_MAGIC = ((b"%PDF-", "application/pdf"), (b"\x89PNG\r\n\x1a\n", "image/png"), (b"\xff\xd8\xff", "image/jpeg"))
_BIDI = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C])
_RESERVED = re.compile(r"(CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³]|CONIN\$|CONOUT\$)", re.IGNORECASE)
_SHA = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class AttachmentAdded:
    attachment: AttachmentRow
    new_blob: bool  # False: the same content was stored before (one blob)
    already_attached: bool  # True: this case had this content already; nothing was added


def detect_mime(data: bytes) -> str:
    """PNG, JPEG or PDF by their magic numbers; anything else is refused."""
    for magic, mime in _MAGIC:
        if data.startswith(magic):
            return mime
    raise ValidationError("只能添加 PDF、PNG 或 JPEG 文件（按文件内容判断，不看扩展名）。这个文件不是这几种格式。")


def sanitize_name(name: str) -> str:
    """A display name from whatever the user's file was called: no path, no control or direction-override
    characters, no reserved Windows device names. Never used to build a path."""
    text = "".join(ch for ch in name.translate(_BIDI) if unicodedata.category(ch) not in ("Cc", "Cf", "Cs"))
    text = re.split(r"[\\/]", text)[-1]
    text = text.strip().strip(". ").strip()
    if ":" in text:  # drive letters and NTFS alternate streams
        text = text.rsplit(":", 1)[-1].strip()
    stem = text.split(".", 1)[0].strip()
    if _RESERVED.fullmatch(stem):
        text = "_" + text
    if len(text) > 200:
        head, dot, ext = text.rpartition(".")
        text = (head[: 200 - len(ext) - 1] + dot + ext) if dot and len(ext) <= 10 else text[:200]
    return text or "未命名"


def blob_path(store: Store, sha256: str) -> Path:
    if not _SHA.fullmatch(sha256):
        raise ValidationError(f"附件标识“{sha256[:80]}”格式不对。")
    return store.data_dir / BLOB_DIR / sha256


def _aad(sha256: str) -> bytes:
    return b"govdesk attachment " + sha256.encode("ascii")


def _seal(key: bytes | None, sha256: str, data: bytes) -> bytes:
    if key is None:
        return data
    nonce = secrets.token_bytes(NONCE_BYTES)
    return nonce + AESGCM(key).encrypt(nonce, data, _aad(sha256))


def _write_once(path: Path, body: bytes) -> bool:
    """Write the blob if it is not there yet (a temporary file, fsync, rename). Returns True when written."""
    if path.exists():
        return False
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{secrets.token_hex(4)}.part")
        try:
            with tmp.open("xb") as fh:
                fh.write(body)
                fh.flush()
                os.fsync(fh.fileno())
            if path.exists():  # someone stored the same content meanwhile: keep theirs untouched
                return False
            os.replace(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)
        os.chmod(path, 0o444)
    except OSError as err:
        raise StoreError(f"无法保存附件文件 {path}：{err.strerror}。请检查磁盘空间和数据目录的写权限。") from None
    return True


def _read_input(path_or_bytes: Path | str | bytes) -> bytes:
    if isinstance(path_or_bytes, bytes):
        data = path_or_bytes
    else:
        path = Path(path_or_bytes)
        try:
            if path.stat().st_size > MAX_BYTES:
                raise ValidationError(_too_big(path.stat().st_size))
            data = path.read_bytes()
        except OSError as err:
            raise ValidationError(f"无法读取文件 {path.name}：{err.strerror}。") from None
    if len(data) > MAX_BYTES:
        raise ValidationError(_too_big(len(data)))
    if not data:
        raise ValidationError("这个文件是空的。")
    return data


def _too_big(size: int) -> str:
    return (f"文件太大（{size / 1024 / 1024:.1f} MB）：附件最大 {MAX_BYTES // 1024 // 1024} MB。"
            "扫描件请用 200–300 dpi 黑白或灰度扫描，或分成几个文件添加。")  # fmt: skip


def attach_file(
    store: Store, actor: Actor, case_number: str, path_or_bytes: Path | str | bytes, purpose: str,
    original_name: str = "",
) -> AttachmentAdded:
    """Keep a file with a case (one transaction with its audit entry). The same content attached to the same
    case again adds nothing; the same content on another case shares the stored blob."""
    require(Role(actor.role), Perm.DOC_PRINT, what="添加附件")
    prepared = _prepare(path_or_bytes, purpose, original_name)
    with store.db.write() as session:
        case = _case(session, case_number)
        return _attach_in_session(session, store, actor, case, prepared)


def sign_with_image(
    store: Store, actor: Actor, case_number: str, png: bytes, data: dict[str, object]
) -> tuple[AttachmentAdded, ActionDone]:
    """A signature captured on the pad: the image kept as an attachment (purpose ``signature``) and the ``sign``
    action recorded with method ``image`` and its SHA-256, in one transaction. ``data`` is the sign action's
    input without method/image (``{"party": 1}`` or ``{"signer": "mediator", "name": "张调解员"}``)."""
    require(Role(actor.role), Perm.DOC_PRINT, what="添加附件")
    prepared = _prepare(png, "signature", f"签名-{data.get('name') or data.get('party') or ''}.png")
    if prepared.mime != "image/png":
        raise ValidationError("签名图像应为 PNG 格式。")
    with store.db.write() as session:
        case = _case(session, case_number)
        added = _attach_in_session(session, store, actor, case, prepared, write_blob=False)
        done = perform_in_session(session, actor, case, Action.SIGN,
                                  {**data, "method": "image", "image_sha256": prepared.sha256}, now=utcnow())  # fmt: skip
        _write_once(blob_path(store, prepared.sha256), _seal(store.key, prepared.sha256, prepared.data))
        return added, done


@dataclass(frozen=True)
class _Prepared:
    data: bytes
    mime: str
    sha256: str
    name: str
    purpose: str


def _prepare(path_or_bytes: Path | str | bytes, purpose: str, original_name: str) -> _Prepared:
    if purpose not in PURPOSES:
        raise ValidationError(f"附件用途“{purpose}”不认识。可用的用途：{' '.join(PURPOSES)}。", "purpose")
    if not original_name and not isinstance(path_or_bytes, bytes):
        original_name = Path(path_or_bytes).name
    data = _read_input(path_or_bytes)
    mime = detect_mime(data)
    return _Prepared(data, mime, hashlib.sha256(data).hexdigest(), sanitize_name(original_name), purpose)


def _case(session: Session, case_number: str) -> Case:
    case = cases_repo.find_case(session, case_number.strip())
    if case is None:
        raise NotFound(f"没有编号为“{case_number}”的事项，请核对编号。")
    return case


def _attach_in_session(
    session: Session, store: Store, actor: Actor, case: Case, p: _Prepared, *, write_blob: bool = True
) -> AttachmentAdded:
    existing = attachments_repo.case_attachment_with(session, case.id, p.sha256)
    if existing is not None:
        return AttachmentAdded(attachments_repo.to_row(existing, case.number), False, True)
    now = utcnow()
    row = Attachment(center_id=case.center_id, case_id=case.id, sha256=p.sha256, size=len(p.data), mime=p.mime,
                     original_name=p.name, purpose=p.purpose, created_at=now, updated_at=now)  # fmt: skip
    attachments_repo.add_attachment(session, row)
    append_audit(session, actor.audit_name, "attachment.add", "attachment", row.id,
                 {"case": case.number, "sha256": p.sha256, "size": len(p.data), "mime": p.mime, "purpose": p.purpose,
                  "name": p.name})  # fmt: skip
    # Last in the transaction: if the file cannot be written the row is rolled back with it. A blob left by a
    # transaction that failed later is harmless (content-addressed, reused by the next attempt).
    new_blob = not blob_path(store, p.sha256).exists()
    if write_blob:
        new_blob = _write_once(blob_path(store, p.sha256), _seal(store.key, p.sha256, p.data))
    return AttachmentAdded(attachments_repo.to_row(row, case.number), new_blob, False)


def read_attachment(store: Store, actor: Actor, sha256: str) -> bytes:
    """The exact bytes that were attached; refused when the stored file was changed or damaged."""
    require(Role(actor.role), Perm.CASE_RECORDS, what="查看附件")
    path = blob_path(store, sha256)
    with store.db.read() as session:
        if attachments_repo.attachment_by_sha256(session, sha256) is None:
            raise NotFound("没有这个附件（可能已被删除）。")
    try:
        body = path.read_bytes()
    except FileNotFoundError:
        raise StoreError(f"附件文件 {path} 不见了。请从备份恢复数据目录中的 attachments 文件夹。") from None
    except OSError as err:
        raise StoreError(f"无法读取附件文件 {path}：{err.strerror}。") from None
    data = body
    if store.key is not None:
        try:
            data = AESGCM(store.key).decrypt(body[:NONCE_BYTES], body[NONCE_BYTES:], _aad(sha256))
        except (InvalidTag, ValueError):
            data = b""
    if not data or hashlib.sha256(data).hexdigest() != sha256:
        raise StoreError(f"附件文件 {path.name[:12]}… 已损坏或被改动过，与登记时的内容不一致。请从备份恢复。")
    return data


def stored_blob(store: Store, sha256: str) -> bytes | None:
    """The blob's plaintext when it is here and intact (for the sync upload), else None. No permission check:
    the sync engine sends what this device holds, and callers that show it to a person use read_attachment."""
    try:
        body = blob_path(store, sha256).read_bytes()
    except OSError:
        return None
    data = body
    if store.key is not None:
        try:
            data = AESGCM(store.key).decrypt(body[:NONCE_BYTES], body[NONCE_BYTES:], _aad(sha256))
        except (InvalidTag, ValueError):
            return None
    return data if hashlib.sha256(data).hexdigest() == sha256 else None


def keep_fetched_blob(store: Store, sha256: str, data: bytes) -> None:
    """Store bytes fetched from the county server (checked against their name first)."""
    if hashlib.sha256(data).hexdigest() != sha256:
        raise StoreError("从服务器取回的附件与登记的不一致，已丢弃。请重试。")
    _write_once(blob_path(store, sha256), _seal(store.key, sha256, data))


def case_attachments(store: Store, actor: Actor, case_number: str) -> list[AttachmentRow]:
    from govdesk.services.lifecycle import is_own_case

    with store.db.read() as session:
        case = _case(session, case_number)
        # A grid officer sees the attachments of the cases that are theirs, like the rest of their records.
        require(Role(actor.role), Perm.CASE_RECORDS, own_case=is_own_case(actor, case), what="查看附件")
        return attachments_repo.case_attachments(session, case.id)
