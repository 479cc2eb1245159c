"""Document numbers, content hashes and the verification block (QR code + short code) printed on documents.

A document's *content hash* is the SHA-256 of a canonical JSON of exactly the data it prints (not of the PDF
bytes, which differ between an original and a reprint). The *short code* ``2026-01-012-7K3M-Q9XD`` carries the
number's year, station and sequence and the first 40 bits of that hash in Crockford base32 (no I, L, O, U), so
it can be typed from paper. The QR code carries the centre code, the number and the whole hash.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import hashlib
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reportlab.graphics.barcode import qrencoder

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
PAYLOAD_PREFIX = "GD1"
PAYLOAD_RE = re.compile(rb"GD1:(\d{6,12}):(\d{4})-(\d{2})-(\d{3,7}):([0-9A-Z]{52})")
CODE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{3,7})-([0-9A-Z]{4})-([0-9A-Z]{4})$")
_STRIP_SUFFIXES = ("人民调解委员会", "调解委员会", "综合治理中心", "综治中心", "社会治理中心", "街道办事处", "街道", "镇", "乡", "社区", "村")


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    return value


def content_digest(kind: str, content: object) -> str:
    """SHA-256 (hex) of the canonical JSON of what a document of ``kind`` prints."""
    text = json.dumps({"kind": kind, "content": _plain(content)}, ensure_ascii=False, sort_keys=True,
                      separators=(",", ":"))  # fmt: skip
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def base32(data: bytes) -> str:
    bits = int.from_bytes(data, "big")
    n = (len(data) * 8 + 4) // 5
    bits <<= n * 5 - len(data) * 8
    return "".join(CROCKFORD[(bits >> (5 * (n - 1 - i))) & 31] for i in range(n))


def committee_short_name(committee_name: str, center_name: str = "") -> str:
    """荷塘镇人民调解委员会 → 荷塘 (the ×× of ``(2026)××人调字第N号``)."""
    for raw in (committee_name, center_name):
        name = re.sub(r"[（(].*?[)）]", "", raw).strip()
        changed = True
        while changed and name:
            changed = False
            for suffix in _STRIP_SUFFIXES:
                if name.endswith(suffix) and len(name) > len(suffix):
                    name = name[: -len(suffix)]
                    changed = True
        if name:
            return name
    return ""


@dataclass(frozen=True)
class DocNumber:
    """``(2026)荷塘人调字第01-012号``: year, committee, station (so numbers never collide after sync), sequence."""

    year: int
    short_name: str
    station: int
    seq: int

    @property
    def text(self) -> str:
        return f"({self.year}){self.short_name}人调字第{self.station:02d}-{self.seq:03d}号"

    @property
    def key(self) -> str:
        """The number's digits as in the short code: ``2026-01-012``."""
        return f"{self.year}-{self.station:02d}-{self.seq:03d}"


_NUMBER_RE = re.compile(r"^[(（](\d{4})[)）](.*?)人调字第(\d{1,2})-(\d{1,7})号$")


def parse_doc_number(text: str) -> DocNumber | None:
    m = _NUMBER_RE.match(text.strip().replace(" ", ""))
    if m is None:
        return None
    return DocNumber(int(m.group(1)), m.group(2), int(m.group(3)), int(m.group(4)))


def short_code(number: DocNumber, digest: str) -> str:
    h = base32(bytes.fromhex(digest)[:5])
    return f"{number.key}-{h[:4]}-{h[4:]}"


@dataclass(frozen=True)
class CodeParts:
    year: int
    station: int
    seq: int
    hash_prefix: str  # 8 Crockford base32 characters: the first 40 bits of the content hash
    center_code: str = ""
    digest: str = ""  # the whole hash when it came from a QR payload or a PDF


def normalise_code(text: str) -> str:
    t = re.sub(r"[\s_—–－-]+", "-", text.strip().upper()).strip("-")
    return t.translate(str.maketrans("OIL", "011"))


def parse_code(text: str) -> CodeParts | None:
    """The parts of a typed short code (lenient about case, spaces and the letters O/I/L), or None."""
    m = CODE_RE.match(normalise_code(text))
    if m is None:
        return None
    return CodeParts(int(m.group(1)), int(m.group(2)), int(m.group(3)), m.group(4) + m.group(5))


def payload(center_code: str, number: DocNumber, digest: str) -> str:
    """What the QR code (and the PDF's keywords) carry: QR alphanumeric characters only."""
    return f"{PAYLOAD_PREFIX}:{center_code}:{number.key}:{base32(bytes.fromhex(digest))}"


def parse_payload(data: bytes | str) -> CodeParts | None:
    raw = data.encode("ascii", "ignore") if isinstance(data, str) else data
    m = PAYLOAD_RE.search(raw)
    if m is None:
        return None
    b32 = m.group(5).decode()
    try:
        digest = _unbase32(b32)
    except ValueError:
        return None
    return CodeParts(int(m.group(2)), int(m.group(3)), int(m.group(4)), b32[:8], m.group(1).decode(), digest)


def _unbase32(text: str) -> str:
    bits = 0
    for ch in text:
        idx = CROCKFORD.find(ch)
        if idx < 0:
            raise ValueError(ch)
        bits = (bits << 5) | idx
    bits >>= len(text) * 5 - 256
    return f"{bits:064x}"


@lru_cache(maxsize=256)
def qr_matrix(text: str) -> tuple[tuple[bool, ...], ...]:
    """The QR modules for ``text`` (level M, fixed mask: one encoding instead of eight trial ones)."""
    q = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    q.addData(text)
    q.version = q.calculate_version()
    q.makeImpl(False, 0)
    n = q.getModuleCount()
    return tuple(tuple(bool(q.isDark(r, c)) for c in range(n)) for r in range(n))


@lru_cache(maxsize=256)
def _qr_operators(text: str) -> tuple[int, str]:
    """PDF path operators drawing the dark modules in module units (one rectangle per horizontal run)."""
    matrix = qr_matrix(text)
    n = len(matrix)
    ops = []
    for r, row in enumerate(matrix):
        c = 0
        while c < n:
            if row[c]:
                start = c
                while c < n and row[c]:
                    c += 1
                ops.append(f"{start} {n - r - 1} {c - start} 1 re")
            else:
                c += 1
    return n, "\n".join(ops) + "\nf"


def draw_qr(canv: Any, text: str, x: float, y: float, size: float) -> None:
    """Draw the QR code in the square (x, y)–(x + size, y + size). The operators are built once per text."""
    n, ops = _qr_operators(text)
    canv.saveState()
    canv.setFillColorRGB(0, 0, 0)
    canv.transform(size / n, 0, 0, size / n, x, y)
    canv.addLiteral(ops)
    canv.restoreState()


@dataclass(frozen=True)
class Verification:
    """What a document prints to be checked later."""

    number: DocNumber
    center_code: str
    digest: str

    @property
    def code(self) -> str:
        return short_code(self.number, self.digest)

    @property
    def payload(self) -> str:
        return payload(self.center_code, self.number, self.digest)

    @property
    def footer(self) -> str:
        return f"{self.number.text}　核验码 {self.code}"
