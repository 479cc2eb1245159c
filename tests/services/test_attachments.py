"""Attachments: content-addressed blobs, type detection, name sanitising, encryption at rest, tamper detection."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from sqlalchemy import func, select

from govdesk.domain.errors import PermissionDenied, StoreError, ValidationError
from govdesk.services import attachments
from govdesk.services.actor import Actor
from govdesk.services.attachments import (
    MAX_BYTES,
    attach_file,
    blob_path,
    case_attachments,
    read_attachment,
    sanitize_name,
)
from govdesk.services.registration import parse_registration, register_case
from govdesk.services.setup import init_center
from govdesk.store.models import Attachment, AuditEntry
from govdesk.store.store import Store
from tests.conftest import STAFF, dispute

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"signature-pixels" * 64
JPEG = b"\xff\xd8\xff\xe0" + b"photo-of-the-wall" * 64
PDF = b"%PDF-1.7\n" + "王某 李某 签字协议 SECRET-TEXT ".encode() * 64 + b"\n%%EOF\n"


def new_case(store: Store, **overrides: object) -> str:
    return register_case(store, STAFF, parse_registration(dispute(**overrides))).number


def count(store: Store, model: type, *where: object) -> int:
    with store.db.read() as session:
        return int(session.scalar(select(func.count()).select_from(model).where(*where)) or 0)  # type: ignore[arg-type]


def test_files_are_content_addressed_and_the_same_file_is_one_blob(store: Store, tmp_path: Path) -> None:
    n1, n2 = new_case(store), new_case(store, title="另一起纠纷")
    scan = tmp_path / "协议扫描.pdf"
    scan.write_bytes(PDF)
    digest = hashlib.sha256(PDF).hexdigest()
    first = attach_file(store, STAFF, n1, scan, "signed_agreement")
    assert first.attachment.sha256 == digest and first.new_blob and not first.already_attached
    assert first.attachment.mime == "application/pdf" and first.attachment.original_name == "协议扫描.pdf"
    assert blob_path(store, digest) == store.data_dir / "attachments" / digest and blob_path(store, digest).is_file()
    again = attach_file(store, STAFF, n1, PDF, "signed_agreement", "again.pdf")
    assert again.already_attached and not again.new_blob
    other = attach_file(store, STAFF, n2, PDF, "scan", "copy.pdf")
    assert not other.new_blob and not other.already_attached
    assert sorted(p.name for p in (store.data_dir / "attachments").iterdir()) == [digest]
    assert count(store, Attachment) == 2
    assert count(store, AuditEntry, AuditEntry.event == "attachment.add") == 2
    assert read_attachment(store, STAFF, digest) == PDF
    assert [a.purpose for a in case_attachments(store, STAFF, n1)] == ["signed_agreement"]
    assert attach_file(store, STAFF, n1, JPEG, "photo", "wall.jpg").attachment.mime == "image/jpeg"
    assert attach_file(store, STAFF, n1, PNG, "signature", "sig.png").attachment.mime == "image/png"


def test_only_pdf_png_and_jpeg_are_accepted_whatever_the_name(store: Store) -> None:
    n = new_case(store)
    for body in (b"MZ\x90\x00 a windows program", b"<html><script>", b"PK\x03\x04 a zip", b"GIF89a"):
        with pytest.raises(ValidationError, match="PDF、PNG 或 JPEG"):
            attach_file(store, STAFF, n, body, "scan", "scan.pdf")
    with pytest.raises(ValidationError, match="空的"):
        attach_file(store, STAFF, n, b"", "scan", "empty.pdf")
    with pytest.raises(ValidationError, match="用途"):
        attach_file(store, STAFF, n, PDF, "evidence", "x.pdf")
    assert count(store, Attachment) == 0 and not (store.data_dir / "attachments").exists()


def test_size_limit_has_a_clear_message(store: Store, tmp_path: Path) -> None:
    big = tmp_path / "big.pdf"
    with big.open("wb") as fh:
        fh.write(b"%PDF-1.4\n")
        fh.truncate(MAX_BYTES + 1)
    with pytest.raises(ValidationError, match=r"文件太大.*最大 30 MB"):
        attach_file(store, STAFF, new_case(store), big, "scan")


@pytest.mark.parametrize(
    ("hostile", "expected"),
    [
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("C:\\Windows\\System32\\evil.pdf", "evil.pdf"),
        ("scan\x00.exe.pdf", "scan.exe.pdf"),
        ("invoice\u202efdp.exe", "invoicefdp.exe"),
        ("\u2066a\u2067b\u2068c\u2069.png", "abc.png"),
        ("CON", "_CON"),
        ("nul.pdf", "_nul.pdf"),
        ("com1.scan.pdf", "_com1.scan.pdf"),
        ("LPT9.jpg", "_LPT9.jpg"),
        ("console.pdf", "console.pdf"),
        ("...", "未命名"),
        ("", "未命名"),
        ("a:stream.pdf", "stream.pdf"),
        ("签字协议 第1份.pdf", "签字协议 第1份.pdf"),
    ],
)
def test_hostile_names_are_sanitised(hostile: str, expected: str) -> None:
    assert sanitize_name(hostile) == expected


def test_a_hostile_name_is_kept_only_as_metadata(store: Store) -> None:
    added = attach_file(store, STAFF, new_case(store), PNG, "photo", "../../x\u202egnp.exe")
    assert added.attachment.original_name == "xgnp.exe"
    assert [p.name for p in (store.data_dir / "attachments").iterdir()] == [added.attachment.sha256]


def test_encrypted_at_rest_and_read_back_exactly(tmp_path: Path) -> None:
    data_dir = tmp_path / "enc"
    store = Store.open(data_dir, writer=True, create=True, key=os.urandom(32))
    try:
        init_center(store, Actor("setup", "admin", "setup"), "测试镇综治中心", "330483101")
        n = new_case(store)
        added = attach_file(store, STAFF, n, PDF, "signed_agreement", "协议.pdf")
        blob = blob_path(store, added.attachment.sha256).read_bytes()
        assert b"SECRET-TEXT" not in blob and b"%PDF" not in blob
        assert len(blob) == len(PDF) + 12 + 16  # nonce + GCM tag
        assert read_attachment(store, STAFF, added.attachment.sha256) == PDF
    finally:
        store.close()


@pytest.mark.parametrize("encrypted", [False, True])
def test_a_tampered_blob_is_detected(tmp_path: Path, store: Store, encrypted: bool) -> None:
    if encrypted:
        data_dir = tmp_path / "enc"
        store = Store.open(data_dir, writer=True, create=True, key=os.urandom(32))
        init_center(store, Actor("setup", "admin", "setup"), "测试镇综治中心", "330483101")
    try:
        added = attach_file(store, STAFF, new_case(store), PDF, "scan", "a.pdf")
        path = blob_path(store, added.attachment.sha256)
        body = bytearray(path.read_bytes())
        body[40] ^= 0x01
        os.chmod(path, 0o644)
        path.write_bytes(bytes(body))
        with pytest.raises(StoreError, match="损坏或被改动"):
            read_attachment(store, STAFF, added.attachment.sha256)
        path.unlink()
        with pytest.raises(StoreError, match="不见了"):
            read_attachment(store, STAFF, added.attachment.sha256)
    finally:
        if encrypted:
            store.close()


def test_permissions_and_bad_identifiers(store: Store) -> None:
    n = new_case(store)
    with pytest.raises(PermissionDenied):
        attach_file(store, Actor("审计员", "auditor"), n, PDF, "scan", "a.pdf")
    digest = attach_file(store, STAFF, n, PDF, "scan", "a.pdf").attachment.sha256
    with pytest.raises(PermissionDenied):
        read_attachment(store, Actor("管理员", "admin"), digest)
    assert read_attachment(store, Actor("审计员", "auditor"), digest) == PDF
    with pytest.raises(ValidationError):
        read_attachment(store, STAFF, "../../govdesk.db")
    assert attachments.PURPOSES.keys() == {"signed_agreement", "signature", "scan", "photo"}
