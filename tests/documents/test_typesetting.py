"""Chinese line breaking, hostile text, and long text flowing over pages."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govdesk.documents.build import build_document
from govdesk.documents.typesetting import NO_LINE_END, NO_LINE_START, TEXT_WIDTH, Typesetter, markup
from tests.documents.samples import agreement, case_file, flat, fonts, issue, pdf_pages

PUNCTUATED = ("双方因宅基地东侧围墙边界发生争执（围墙越界约0.5米），经多次协商未果。申请人称：“被申请人于2026年3月"
              "砌墙时越界。”被申请人认为，围墙系按原址重建；“原址”二字双方理解不同！是否越界？《土地管理法》规定、"
              "村规民约「另有约定」『从其约定』……——身份证号330483199003150013，电话13800138000。") * 12  # fmt: skip


@pytest.fixture(scope="module")
def ts() -> Typesetter:
    return Typesetter(fonts())


@pytest.mark.parametrize("width", [TEXT_WIDTH, TEXT_WIDTH - 7, TEXT_WIDTH - 15, 300, 211.5, 150])
@pytest.mark.parametrize("style", ["body", "cell_text"])
def test_no_line_starts_with_closing_or_ends_with_opening_punctuation(ts: Typesetter, width: float, style: str) -> None:
    lines = ts.text(PUNCTUATED, style).line_texts(width)
    assert len(lines) > 10
    for line in lines:
        assert line[0] not in NO_LINE_START, line
        assert line[-1] not in NO_LINE_END, line
    assert "".join(lines) == PUNCTUATED.replace(" ", "")  # nothing lost or added


def test_reportlab_cjk_wrapping_alone_would_break_the_rules(ts: Typesetter) -> None:
    """Why TextBlock exists: reportlab's CJK wrap lets ，；：！？”》 start a line."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    style = ParagraphStyle("p", fontName=ts.fonts.body.name, fontSize=15, leading=27, wordWrap="CJK")
    bad = 0
    for width in (TEXT_WIDTH, TEXT_WIDTH - 7, TEXT_WIDTH - 15, 300, 211.5, 150):
        para = Paragraph(markup(PUNCTUATED), style)
        para.wrap(width, 10_000)
        # One run of text gives (extra space, [text]) tuples; several runs give FragLines with .words.
        texts = ["".join(line[1]) if isinstance(line, tuple) else "".join(w.text for w in line.words)
                 for line in para.blPara.lines]  # fmt: skip
        starts = [t[:1] for t in texts]
        bad += sum(1 for s in starts if s and s in NO_LINE_START)
    assert bad > 0


def test_numbers_are_not_split_across_lines(ts: Typesetter) -> None:
    for width in range(150, 450, 7):
        lines = ts.text(PUNCTUATED, "body").line_texts(width)
        joined = "\n".join(lines)
        assert "330483199003150013" in joined.replace("\n", "") and not re.search(r"\d\n\d", joined)


@settings(max_examples=80, deadline=None)
@given(st.text(alphabet=st.sampled_from([*"调解协议围墙纠纷，。；：！？、）》」』”’（《「『“‘ abc123……——𠮷", "\n"]), max_size=400),
       st.integers(min_value=100, max_value=450))  # fmt: skip
def test_breaking_any_text_keeps_every_character_and_the_rules(text: str, width: int) -> None:
    """Whatever the marks, at any width of five characters or more (narrower cells are not used)."""
    ts = Typesetter(fonts())
    block = ts.text(text, "body")
    lines = block.lines(width)
    texts = [block.chars[ln.start : ln.end] for ln in lines]
    assert re.sub(r"[ \n]", "", "".join(texts)) == re.sub(r"[ \n]", "", block.chars)
    for prev, text_prev, text_next in zip(lines, texts, texts[1:], strict=False):
        if prev.last or not text_next or not text_prev:
            continue  # after a line break the user typed, the next line starts with whatever they typed
        assert text_next[0] not in NO_LINE_START, (text_prev, text_next)
        assert text_prev[-1] not in NO_LINE_END, (text_prev, text_next)


HOSTILE = ('<b>粗体</b> & &amp; <a href="javascript:alert(1)">点我</a> <img src="/etc/passwd"/> '
           '<font name="Courier" size="80">大字</font> <para>x</para> ]]> %PDF-1.4 /Launch /URI ')  # fmt: skip


def test_hostile_text_prints_literally_and_adds_no_actions() -> None:
    case = case_file(facts=HOSTILE * 3, title="<i>标题</i>&",
                     agreement=agreement(facts=HOSTILE, matters="A" * 3000, responsibilities=HOSTILE))  # fmt: skip
    for kind in ("agreement", "application", "acceptance"):
        built = build_document(kind, case, issue(kind, case), fonts())
        text = flat("".join(pdf_pages(built.pdf)))
        assert '<a href="javascript:alert(1)">点我</a>' in text
        assert '<img src="/etc/passwd"/>' in text and "<b>粗体</b> & &amp;" in text
        # Nothing in the user text became a link, an action, an image or a change of font.
        for marker in (b"/URI", b"/Launch", b"/JavaScript", b"/JS", b"/Subtype /Image", b"/Courier", b"/Annots"):
            assert marker not in built.pdf.replace(b"/Launch /URI", b""), marker


def test_very_long_text_flows_over_pages_with_page_numbers() -> None:
    facts = ("双方因宅基地东侧围墙边界发生争执，经多次协商未果；" * 800)[:20_000]
    case = case_file(facts=facts, agreement=agreement(facts=facts, copies=3))
    built = build_document("application", case, issue("application", case), fonts())
    pages = pdf_pages(built.pdf)
    assert len(pages) >= 8
    for n, text in enumerate(pages, 1):
        assert f"第 {n} 页 共 {len(pages)} 页" in text
    assert "纠纷简要情况" in pages[2] and "（续）" in pages[2]  # the form row continues, labelled
    agreement_pdf = build_document("agreement", case, issue("agreement", case), fonts())
    copy_pages = [p for p in pdf_pages(agreement_pdf.pdf) if "第2份 共3份" in p]
    assert len(copy_pages) >= 8 and f"第 {len(copy_pages)} 页 共 {len(copy_pages)} 页" in copy_pages[-1]


def test_a_word_longer_than_a_line_is_cut_not_lost(ts: Typesetter) -> None:
    word = "X" * 500
    lines = ts.text(word, "body").line_texts(300)
    assert "".join(lines) == word and len(lines) > 5
