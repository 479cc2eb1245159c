"""The Chinese fonts documents are set in: found once per process, registered with reportlab, embedded as subsets.

Order of search: the fonts shipped in ``resources/fonts`` (listed in its ``fonts.json``), then the system's
(Windows: SimSun/SimHei/FangSong; elsewhere ``fc-list :lang=zh``), then reportlab's built-in CID font
``STSong-Light``, which is *not* embedded: the PDF then depends on the reader's or printer's fonts, and the
caller gets a warning saying so. reportlab can only embed TrueType outlines (``.ttf``/``.ttc``); CFF-flavoured
fonts (Noto CJK ``.otf`` and its ``.ttc``) are skipped.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFError, TTFont

CID_FALLBACK = "STSong-Light"
CID_WARNING = (
    "没有找到可以嵌入的中文字体，本文书使用阅读器或打印机自带的宋体（STSong-Light），"
    "在没有中文字体的电脑或打印机上可能显示为乱码或方框。请安装宋体（如 Windows 的 simsun.ttc），"
    "或把字体放入程序的 resources/fonts 目录。"
)
MISSING_MARK = "〓"  # the typesetter's traditional mark for a character the font lacks

# Preference among system faces (lower is better). Body: Song/Ming first; headings: Hei first.
_BODY_RANK = (("simsun", 0), ("nsimsun", 0), ("宋", 0), ("song", 1), ("uming", 1), ("ming", 2), ("明", 2),
              ("serif", 3), ("fangsong", 4), ("仿宋", 4), ("kai", 6), ("楷", 6))  # fmt: skip
_HEADING_RANK = (("simhei", 0), ("黑", 1), ("hei", 1), ("yahei", 2), ("sans", 3), ("gothic", 4))
_WINDOWS_FONTS = (("simsun.ttc", 0), ("simhei.ttf", 0), ("simfang.ttf", 0), ("simkai.ttf", 0), ("msyh.ttc", 0),
                  ("simsunb.ttf", 0), ("mingliub.ttc", 0))  # fmt: skip


@dataclass(frozen=True)
class FontFace:
    """One registered face. ``path`` is None for the built-in (not embedded) CID font."""

    name: str
    family: str
    path: str | None
    index: int = 0

    @property
    def embedded(self) -> bool:
        return self.path is not None


@dataclass(frozen=True)
class _Candidate:
    path: str
    index: int
    family: str
    role: str = ""  # "body"/"heading" when a manifest says so


@dataclass
class FontSet:
    """The faces a document uses: body text, headings, and faces that fill characters the body face lacks."""

    body: FontFace
    heading: FontFace
    warnings: tuple[str, ...] = ()
    use_system: bool = True
    _candidates: tuple[_Candidate, ...] = ()
    _fallbacks: list[FontFace] = field(default_factory=list)
    _face_of: dict[str, FontFace | None] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def has_glyph(self, face: FontFace, ch: str) -> bool:
        if face.path is None:
            # The CID font covers GB 18030's BMP ideographs and punctuation; beyond the BMP it has nothing.
            return ord(ch) < 0x10000
        return ord(ch) in _char_map(face.name)

    def face_for(self, ch: str, preferred: FontFace) -> FontFace | None:
        """The face to draw ``ch`` with: ``preferred`` when it has the glyph, else a fallback, else None."""
        if ch.isspace() or self.has_glyph(preferred, ch):
            return preferred
        if preferred is not self.body and self.has_glyph(self.body, ch):
            return self.body
        with self._lock:
            if ch in self._face_of:
                return self._face_of[ch]
            found = next((f for f in (self.heading, *self._fallbacks) if self.has_glyph(f, ch)), None)
            if found is None:
                found = self._load_fallback_for(ch)
            self._face_of[ch] = found
            return found

    def _load_fallback_for(self, ch: str) -> FontFace | None:
        tried = {(f.path, f.index) for f in (self.body, self.heading, *self._fallbacks)}
        for cand in (*self._candidates, *(_fc_fonts_with(ch) if self.use_system else ())):
            if (cand.path, cand.index) in tried:
                continue
            tried.add((cand.path, cand.index))
            face = _register(cand)
            if face is None:
                continue
            self._fallbacks.append(face)
            if self.has_glyph(face, ch):
                return face
        return None


def _char_map(name: str) -> dict[int, int]:
    font: Any = pdfmetrics.getFont(name)
    return font.face.charToGlyph  # type: ignore[no-any-return]


class _GlyphTable:
    """The 'glyf' table as reportlab's subsetter uses it (slices of single glyphs), without copying the whole
    table (17 MB for UMing) for every 256-glyph subset of every document."""

    def __init__(self, data: bytes, start: int, length: int) -> None:
        self._view = memoryview(data)[start : start + length]

    def __getitem__(self, index: slice) -> bytes:
        return bytes(self._view[index])

    def __len__(self) -> int:
        return len(self._view)


def _share_glyph_table(font: Any) -> None:
    face = font.face
    plain = face.get_table

    def get_table(tag: str) -> Any:
        if tag == "glyf" and isinstance(getattr(face, "_ttf_data", None), bytes):
            pos, length = face.get_table_pos(tag)
            return _GlyphTable(face._ttf_data, pos, length)
        return plain(tag)

    face.get_table = get_table


_registered: dict[tuple[str, int], FontFace | None] = {}
_register_lock = threading.Lock()


def _register(cand: _Candidate) -> FontFace | None:
    """Register a TrueType face with reportlab (once); None when reportlab cannot embed it."""
    key = (cand.path, cand.index)
    with _register_lock:
        if key in _registered:
            return _registered[key]
        name = "GD-" + re.sub(r"[^A-Za-z0-9]+", "", Path(cand.path).stem) + f"-{cand.index}"
        face: FontFace | None
        try:
            font = TTFont(name, cand.path, subfontIndex=cand.index)
            _share_glyph_table(font)
            pdfmetrics.registerFont(font)
            face = FontFace(name=name, family=cand.family or Path(cand.path).stem, path=cand.path, index=cand.index)
        except (TTFError, OSError, ValueError, KeyError, IndexError, AssertionError):
            face = None  # CFF outlines, a damaged file, a missing face in the collection
        _registered[key] = face
        return face


def _cid_face() -> FontFace:
    with _register_lock:
        if CID_FALLBACK not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(UnicodeCIDFont(CID_FALLBACK))
    return FontFace(name=CID_FALLBACK, family=CID_FALLBACK, path=None)


def _manifest_candidates(font_dir: Path) -> list[_Candidate]:
    manifest = font_dir / "fonts.json"
    if not manifest.is_file():
        return [_Candidate(str(p), 0, p.stem) for p in sorted(font_dir.glob("*.tt[fc]"))]
    try:
        entries = json.loads(manifest.read_text(encoding="utf-8")).get("fonts", [])
    except (OSError, ValueError):
        return []
    out = []
    for e in entries:
        path = font_dir / str(e.get("file", ""))
        if path.is_file() and path.suffix.lower() in (".ttf", ".ttc"):
            out.append(_Candidate(str(path), int(e.get("index", 0)), str(e.get("family", "")), str(e.get("role", ""))))
    return out


def _windows_candidates() -> list[_Candidate]:
    windir = os.environ.get("WINDIR") or os.environ.get("SystemRoot")
    if not windir:
        return []
    fonts = Path(windir) / "Fonts"
    return [_Candidate(str(fonts / f), i, Path(f).stem) for f, i in _WINDOWS_FONTS if (fonts / f).is_file()]


def _fc_list(*pattern: str) -> list[_Candidate]:
    exe = shutil.which("fc-list")
    if exe is None:
        return []
    try:
        out = subprocess.run(
            [exe, *pattern, "--format", "%{file}\t%{index}\t%{family[0]}\n"],
            capture_output=True, text=True, timeout=15, check=False,
        ).stdout  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return []
    found = []
    for line in sorted(set(out.splitlines())):
        parts = line.split("\t")
        if len(parts) == 3 and parts[0].lower().endswith((".ttf", ".ttc")) and parts[1].isdigit():
            found.append(_Candidate(parts[0], int(parts[1]), parts[2]))
    return found


def _fc_fonts_with(ch: str) -> list[_Candidate]:
    return _fc_list(f":charset={ord(ch):x}")


def _rank(cand: _Candidate, table: Sequence[tuple[str, int]]) -> int:
    text = f"{cand.family} {Path(cand.path).name}".lower()
    return min((r for hint, r in table if hint in text), default=9)


def _pick(cands: Iterable[_Candidate], role: str, table: Sequence[tuple[str, int]]) -> FontFace | None:
    ordered = sorted(cands, key=lambda c: (c.role != role, _rank(c, table)))
    for cand in ordered:
        # Any CJK face beats the unembedded CID font for body text; a heading face must look like one.
        if cand.role not in ("", role) or (role == "heading" and not cand.role and _rank(cand, table) >= 9):
            continue
        face = _register(cand)
        if face is not None:
            return face
    return None


_cache: dict[tuple[str, ...], FontSet] = {}
_cache_lock = threading.Lock()


def load_fonts(shipped_dirs: Sequence[Path] = (), *, use_system: bool = True) -> FontSet:
    """The document fonts, found and registered once per process for the same arguments."""
    key = (*(str(d) for d in shipped_dirs), f"system={use_system}")
    with _cache_lock:
        if key not in _cache:
            _cache[key] = _discover(shipped_dirs, use_system)
        return _cache[key]


def _discover(shipped_dirs: Sequence[Path], use_system: bool) -> FontSet:
    sources: list[list[_Candidate]] = [_manifest_candidates(Path(d)) for d in shipped_dirs if Path(d).is_dir()]
    if use_system:
        sources.append(_windows_candidates())
        sources.append(_fc_list(":lang=zh"))
    body = heading = None
    for group in sources:  # an earlier source wins, so a shipped font beats a system one
        body = body or _pick(group, "body", _BODY_RANK)
        heading = heading or _pick(group, "heading", _HEADING_RANK)
    every = tuple(c for group in sources for c in group)
    if body is None:
        cid = _cid_face()
        return FontSet(cid, heading or cid, (CID_WARNING,), use_system, every)
    return FontSet(body, heading or body, (), use_system, every)
