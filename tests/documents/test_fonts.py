"""Real Chinese fonts are embedded (subsets); a character no font has is reported, never a silent blank."""

from __future__ import annotations

from io import BytesIO
from typing import Any

from pypdf import PdfReader

from govdesk.documents.build import build_document
from govdesk.documents.fonts import CID_WARNING, load_fonts
from tests.documents.samples import FONT_DIR, PERSON, case_file, failed_case, fonts, issue, pdf_pages


def page_fonts(pdf: bytes) -> list[dict[str, Any]]:
    found = []
    for page in PdfReader(BytesIO(pdf)).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            found.append(font.get_object())
    return found


def test_the_shipped_song_and_hei_faces_are_found_first() -> None:
    fs = load_fonts([FONT_DIR], use_system=False)
    assert fs.body.family == "AR PL UMing CN" and fs.body.embedded
    assert fs.heading.family == "WenQuanYi Micro Hei" and fs.heading.embedded
    assert fs.warnings == ()
    assert load_fonts([FONT_DIR], use_system=False) is fs  # registered once per process
    for licence in ("ARPHICPL.TXT", "wqy-microhei-LICENSE.txt"):
        assert (FONT_DIR / licence).is_file()


def test_every_font_in_a_document_is_embedded_as_a_truetype_subset() -> None:
    case = case_file()
    built = build_document("agreement", case, issue("agreement", case), fonts())
    faces = page_fonts(built.pdf)
    assert faces
    names = set()
    for font in faces:
        descriptor = font["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor, font["/BaseFont"]
        names.add(str(font["/BaseFont"]).split("+", 1)[1])
    assert any(n.startswith("UMingCN") for n in names) and any(n.startswith("WenQuanYiMicroHei") for n in names)
    assert b"/Helvetica" not in built.pdf


def test_a_rare_character_the_fonts_lack_is_reported_and_marked() -> None:
    case = case_file()  # the applicant is 王𠮷 (U+20BB7, CJK Extension B); 李䶮 (U+4DAE) is in UMing
    built = build_document("rights-notice", case, issue("rights-notice", case), fonts())
    assert any("𠮷（U+20BB7）" in w and "〓" in w for w in built.warnings)
    assert not any("䶮" in w for w in built.warnings)
    text = "".join(pdf_pages(built.pdf))
    assert "王〓" in text and "李䶮" in text


def test_a_fallback_face_fills_what_the_body_face_lacks() -> None:
    fs = fonts()
    heading_only = "䴀"  # U+4D00: in WenQuanYi Micro Hei, not in UMing
    assert fs.has_glyph(fs.heading, heading_only) and not fs.has_glyph(fs.body, heading_only)
    assert fs.face_for(heading_only, fs.body) == fs.heading
    case = case_file(parties=(PERSON.__class__(0, "applicant", f"张{heading_only}"), *case_file().parties[1:]))
    built = build_document("acceptance", case, issue("acceptance", case), fs)
    assert not any(heading_only in w for w in built.warnings)
    assert f"张{heading_only}" in "".join(pdf_pages(built.pdf))


def test_without_any_embeddable_font_the_caller_is_warned() -> None:
    bare = load_fonts([], use_system=False)
    assert bare.body.name == "STSong-Light" and not bare.body.embedded and CID_WARNING in bare.warnings
    case = failed_case()
    built = build_document("termination-notice", case, issue("termination-notice", case), bare)
    assert CID_WARNING in built.warnings
    assert "终止调解告知书" in "".join(pdf_pages(built.pdf))
