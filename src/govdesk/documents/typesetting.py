"""Setting Chinese text on A4 the way official documents look.

User text never goes through reportlab's ``Paragraph`` markup parser: ``TextBlock`` is our own flowable that
draws plain text, so ``<b>``, ``&``, ``<a href=…>`` or ``<img src=…>`` in a party's statement print as the
characters they are. (``markup()`` escapes text for the few places where a ``Paragraph`` might be wanted.)

Line breaking follows the Chinese rules reportlab's ``wordWrap='CJK'`` misses for full-width marks: no closing
punctuation (，。；：！？、）》」』”’ …) at the start of a line and no opening bracket (（《「『“‘ …) at its end
(the character before is pushed down instead); ASCII runs such as ID numbers, phone numbers and dates are not
split unless longer than a line; justified lines are spread with character spacing, not word spacing.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from io import BytesIO
from typing import Any
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    PageBreak,
    PageTemplate,
    Table,
    TableStyle,
)

from govdesk.documents.fonts import MISSING_MARK, FontFace, FontSet

PAGE_WIDTH, PAGE_HEIGHT = A4
# GB/T 9704-2012: top 37 mm, bottom 35 mm, left (binding side) 28 mm, right 26 mm.
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = 37 * mm, 35 * mm, 28 * mm, 26 * mm
TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
QR_SIZE = 17 * mm  # in the bottom margin, right, beside the centred footer lines

NO_LINE_START = frozenset("，。；：！？、）》」』”’〕】〗〙〛］｝〉,.;:!?)]}%‰℃·")
NO_LINE_END = frozenset("（《「『“‘〔【〖〘〚［｛〈([{·□■")  # a check box stays with its label
_KEEP_PAIRS = frozenset("…—")  # ellipsis and dash marks are never split in two
_FUZZ = 1e-6
_BASELINE = 0.88  # ideographic em box: 0.88 em above the baseline, 0.12 em below


def markup(text: str) -> str:
    """User text made safe for a reportlab Paragraph (which parses an XML-like markup)."""
    return escape(text, {'"': "&quot;"})


def clean_text(text: str) -> str:
    """Line ends normalised; control and invisible format characters dropped; lone surrogates marked."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    out = []
    for ch in text:
        cat = unicodedata.category(ch)
        if ch == "\n" or cat[0] != "C":
            out.append(ch)
        elif cat == "Cs":
            out.append("\ufffd")
    return "".join(out)


@dataclass(frozen=True)
class TextStyle:
    size: float = 15
    leading: float = 27
    heading: bool = False
    align: str = "justify"  # left, center, right, justify
    first_indent: float = 0  # in em (Chinese paragraphs indent two characters)
    left_indent: float = 0  # pt
    space_before: float = 0
    space_after: float = 0
    tracking: float = 0  # extra space after every character (spaced-out titles), pt


STYLES: dict[str, TextStyle] = {
    "title": TextStyle(size=22, leading=36, heading=True, align="center", tracking=2, space_after=6),
    "doc_no": TextStyle(size=14, leading=24, align="center", space_after=10),
    "body": TextStyle(size=15, leading=27, first_indent=2),
    "plain": TextStyle(size=15, leading=27),
    "heading": TextStyle(size=15, leading=27, heading=True, space_before=4),
    "cell": TextStyle(size=12, leading=19, align="left"),
    "cell_text": TextStyle(size=12, leading=19),  # longer text in a form: justified
    "cell_label": TextStyle(size=12, leading=19, align="center"),
    "cell_center": TextStyle(size=12, leading=19, align="center"),
    "small": TextStyle(size=9, leading=12.5, align="left"),
    "right": TextStyle(size=15, leading=27, align="right"),
    "center": TextStyle(size=15, leading=27, align="center"),
}


class Typesetter:
    """One document's setting context: the fonts, glyph and width caches, and the characters found missing."""

    def __init__(self, fonts: FontSet) -> None:
        self.fonts = fonts
        self.missing: dict[str, None] = {}  # ordered set
        self._faces: list[FontFace] = [fonts.body, fonts.heading]
        self._face_index: dict[tuple[str, int], int] = {}
        self._widths: dict[tuple[int, str], float] = {}
        self._mark = MISSING_MARK if fonts.has_glyph(fonts.body, MISSING_MARK) else "?"
        # Copies of a document repeat the same text: shape and break each paragraph once.
        self._shaped: dict[tuple[str, bool, float, float], tuple[str, list[int], list[float]]] = {}
        self.broken: dict[tuple[str, TextStyle, bool, float], list[Line]] = {}

    # --- text → glyphs -------------------------------------------------------------------------------------
    def shape(self, text: str, heading: bool) -> tuple[str, list[int]]:
        """The characters to draw (missing ones replaced by 〓) and, for each, the index of its face."""
        preferred = 1 if heading else 0
        chars: list[str] = []
        faces: list[int] = []
        for ch in text:
            key = (ch, preferred)
            idx = self._face_index.get(key)
            if idx is None:
                idx = self._resolve(ch, preferred)
                self._face_index[key] = idx
            if idx < 0:
                self.missing[ch] = None
                chars.append(self._mark)
                faces.append(0)
            else:
                chars.append(ch)
                faces.append(idx)
        return "".join(chars), faces

    def _resolve(self, ch: str, preferred: int) -> int:
        if ch == "\ufffd":
            return -1
        face = self.fonts.face_for(ch, self._faces[preferred])
        if face is None:
            return -1
        if face not in self._faces:
            self._faces.append(face)
        return self._faces.index(face)

    def shaped(self, text: str, style: TextStyle) -> tuple[str, list[int], list[float]]:
        """Characters, faces and advance widths (at the style's size, tracking included), cached."""
        key = (text, style.heading, style.size, style.tracking)
        hit = self._shaped.get(key)
        if hit is None:
            chars, faces = self.shape(text, style.heading)
            size, track = style.size, style.tracking
            widths = [self.width(c, f) * size + track for c, f in zip(chars, faces, strict=True)]
            hit = self._shaped[key] = (chars, faces, widths)
        return hit

    def face(self, index: int) -> FontFace:
        return self._faces[index]

    def width(self, ch: str, face_idx: int) -> float:
        """Advance width of ``ch`` at 1 pt."""
        key = (face_idx, ch)
        w = self._widths.get(key)
        if w is None:
            w = pdfmetrics.stringWidth(ch, self._faces[face_idx].name, 1000) / 1000
            self._widths[key] = w
        return w

    # --- flowables -----------------------------------------------------------------------------------------
    def text(self, text: str, style: str | TextStyle = "body", **changes: Any) -> TextBlock:
        st = STYLES[style] if isinstance(style, str) else style
        if changes:
            st = replace(st, **changes)
        return TextBlock(self, clean_text(text).strip(), st)

    def heading(self, text: str, style: str = "heading") -> list[Flowable]:
        """A heading that never ends a page: it moves on when fewer than three lines would follow it."""
        block = self.text(text, style)
        return [CondPageBreak(block.style.leading * 4), block]

    def warnings(self) -> list[str]:
        out = list(self.fonts.warnings)
        if self.missing:
            listed = "、".join(f"{c}（U+{ord(c):04X}）" for c in self.missing)
            out.append(f"字体中没有以下字符，打印件上以“{self._mark}”标出，请在纸面上手写补正：{listed}。")
        return out


@dataclass(frozen=True)
class Line:
    start: int
    end: int  # exclusive; trailing spaces excluded
    width: float  # natural width at the style's size, tracking included
    last: bool  # ends a paragraph or a hard line break: not justified


def _is_word(ch: str) -> bool:
    return "!" <= ch <= "~" or ch == "＿"  # ASCII runs (numbers, codes) and fill-in blanks stay whole


# Document and court numbers — (2026)荷塘人调字第01-012号, (2026)浙0102民特1号 — are never split.
_KEEP_TOGETHER = re.compile(r"[(（〔]\d{4}[)）〕][^\s，。；：、（）()]{1,24}?号")


def _glued(text: str) -> frozenset[int]:
    """Positions a line may not start at because they are inside a number kept whole."""
    if "号" not in text:
        return frozenset()
    return frozenset(i for m in _KEEP_TOGETHER.finditer(text) for i in range(m.start() + 1, m.end()))


def _breakable_before(text: str, i: int) -> bool:
    """May a line start at ``text[i]`` (i > 0)?"""
    ch, prev = text[i], text[i - 1]
    if ch == " " or prev == " ":
        # Spaces vanish at a break: judge by the marks on either side of them.
        j, k = i, i - 1
        while j < len(text) and text[j] == " ":
            j += 1
        while k >= 0 and text[k] == " ":
            k -= 1
        return not ((j < len(text) and text[j] in NO_LINE_START) or (k >= 0 and text[k] in NO_LINE_END))
    if ch in NO_LINE_START or prev in NO_LINE_END:
        return False
    if _is_word(ch) and _is_word(prev):
        return False  # ID, phone and case numbers stay whole; only a run longer than a line is cut
    return not (ch == prev and ch in _KEEP_PAIRS)


def break_lines(text: str, widths: Sequence[float], line_width: Callable[[int], float]) -> list[Line]:
    """Greedy line breaking with the Chinese prohibition rules. ``widths[i]`` is the advance of ``text[i]``;
    ``line_width(n)`` the room on line ``n``. A line too full of unbreakable text is cut where it overflows."""
    lines: list[Line] = []
    n = len(text)
    glued = _glued(text)
    start = 0
    while start <= n:
        room = line_width(len(lines))
        x = 0.0
        i = start
        last_ok = -1
        width_at_ok = 0.0
        end = -1
        while i < n:
            ch = text[i]
            if ch == "\n":
                end = i
                break
            if i > start and i not in glued and _breakable_before(text, i):
                last_ok, width_at_ok = i, x
            w = widths[i]
            if x + w > room + _FUZZ and i > start and ch != " ":
                if last_ok > start:
                    end, x = last_ok, width_at_ok
                elif ch in NO_LINE_START:
                    # Nowhere to break: let the closing marks hang in the margin rather than lead the next line.
                    end = i
                    while end < n and text[end] in NO_LINE_START and end - i < 3:
                        x += widths[end]
                        end += 1
                else:
                    # Cut where it overflows, but carry opening marks down with what they open.
                    end = i
                    while end - 1 > start and text[end - 1] in NO_LINE_END:
                        end -= 1
                        x -= widths[end]
                break
            x += w
            i += 1
        hard = end >= 0 and end < n and text[end] == "\n"
        if end < 0:
            end = n
        stop = end
        while stop > start and text[stop - 1] == " ":
            x -= widths[stop - 1]
            stop -= 1
        lines.append(Line(start, stop, x, last=hard or end >= n))
        start = end + 1 if hard else end
        while start < n and text[start] == " ":
            start += 1
        if start >= n and not hard:
            break
    return lines


class TextBlock(Flowable):  # type: ignore[misc]
    """A paragraph of plain text: wraps, justifies, splits across pages and table rows."""

    def __init__(self, ts: Typesetter, text: str, style: TextStyle, *, continued: bool = False) -> None:
        super().__init__()
        self.ts = ts
        self.style = style
        self.text_in = text
        self.chars, self.faces, self.widths = ts.shaped(text, style)
        self.continued = continued  # a continuation after a page split: no first-line indent
        self.spaceBefore = 0 if continued else style.space_before
        self.spaceAfter = style.space_after
        self._lines: list[Line] = []
        self._wrapped_for = -1.0
        self.width = 0.0
        self.height = 0.0

    def _room(self, avail: float) -> Callable[[int], float]:
        indent = 0.0 if self.continued else self.style.first_indent * self.style.size
        left = self.style.left_indent
        return lambda n: avail - left - (indent if n == 0 else 0.0)

    def lines(self, avail_width: float) -> list[Line]:
        if abs(avail_width - self._wrapped_for) > 0.01:
            key = (self.text_in, self.style, self.continued, round(avail_width, 2))
            lines = self.ts.broken.get(key)
            if lines is None:
                lines = self.ts.broken[key] = break_lines(self.chars, self.widths, self._room(avail_width))
            self._lines = lines
            self._wrapped_for = avail_width
        return self._lines

    def line_texts(self, avail_width: float) -> list[str]:
        return [self.chars[ln.start : ln.end] for ln in self.lines(avail_width)]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        self.height = len(self.lines(availWidth)) * self.style.leading
        return availWidth, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        lines = self.lines(availWidth)
        fit = int((availHeight + _FUZZ) // self.style.leading)
        if fit >= len(lines):
            return [self]
        if fit < 1 or (fit < 2 and len(lines) > 2):
            return []  # not even two lines: move the paragraph to the next page
        head = TextBlock(self.ts, self.text_in[: lines[fit - 1].end], self.style, continued=self.continued)
        head.spaceAfter = 0
        tail = TextBlock(self.ts, self.text_in[lines[fit].start :], self.style, continued=True)
        return [head, tail]

    def draw(self) -> None:
        st = self.style
        lines = self.lines(self.width)
        room = self._room(self.width)
        t = self.canv.beginText()
        font = (-1, 0.0)
        spacing_now = None
        for n, ln in enumerate(lines):
            y = self.height - n * st.leading - (st.leading - st.size) / 2 - _BASELINE * st.size
            avail = room(n)
            x = self.width - avail  # the left indent plus, on the first line, the first-line indent
            count = ln.end - ln.start
            spacing = st.tracking
            if st.align == "center":
                x += (avail - ln.width + st.tracking) / 2
            elif st.align == "right":
                x += avail - ln.width + st.tracking
            elif st.align == "justify" and count > 1 and (not ln.last or ln.width > avail):
                extra = (avail - ln.width) / (count - 1)
                if extra <= 0.15 * st.size:  # wider gaps read worse than a ragged line
                    spacing += extra
            t.setTextOrigin(x, y)
            if spacing != spacing_now:
                t.setCharSpace(spacing)
                spacing_now = spacing
            i = ln.start
            while i < ln.end:
                f = self.faces[i]
                j = i + 1
                while j < ln.end and self.faces[j] == f:
                    j += 1
                if font != (f, st.size):
                    t.setFont(self.ts.face(f).name, st.size)
                    font = (f, st.size)
                t.textOut(self.chars[i:j])
                i = j
        self.canv.drawText(t)


# --- tables --------------------------------------------------------------------------------------------------
GRID = 0.6


def grid_table(
    ts: Typesetter,
    rows: Sequence[Sequence[Any]],
    col_widths: Sequence[float],
    *,
    spans: Iterable[tuple[tuple[int, int], tuple[int, int]]] = (),
    header_rows: int = 0,
    label_cells: Iterable[tuple[int, int]] = (),
    row_heights: Sequence[float | None] | None = None,
    extra: Iterable[tuple[Any, ...]] = (),
    style: str = "cell",
    padding: float = 5,
) -> Table:
    """A ruled form table. Strings become cell text (labels centred); long cells split across pages."""
    labels = set(label_cells)
    data = []
    for r, row in enumerate(rows):
        out: list[Any] = []
        for c, cell in enumerate(row):
            if isinstance(cell, str):
                out.append(ts.text(cell, "cell_label" if (r, c) in labels or r < header_rows else style))
            else:
                out.append(cell if cell is not None else "")
        data.append(out)
    commands: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), GRID, (0, 0, 0)),
        ("BOX", (0, 0), (-1, -1), 1.0, (0, 0, 0)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("FONTNAME", (0, 0), (-1, -1), ts.fonts.body.name),  # empty cells, else reportlab sets them in Helvetica
        ("LEFTPADDING", (0, 0), (-1, -1), padding),
        ("RIGHTPADDING", (0, 0), (-1, -1), padding),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    for a, b in spans:
        commands.append(("SPAN", a, b))
    commands.extend(extra)
    table = Table(
        data, colWidths=list(col_widths), rowHeights=list(row_heights) if row_heights else None,
        repeatRows=header_rows, splitByRow=1, hAlign="CENTER",
    )  # fmt: skip
    table.setStyle(TableStyle(commands))
    return table


class FieldBox(Flowable):  # type: ignore[misc]
    """A ruled form row for long text: a label column and the text, continuing over pages as rows of the
    same width (the label repeated with “（续）”). Stacked under a ``grid_table`` it reads as one form."""

    PAD = 5.0

    def __init__(self, ts: Typesetter, label: str, content: TextBlock | None, label_width: float,
                 min_height: float = 0, *, continued: bool = False) -> None:  # fmt: skip
        super().__init__()
        self.ts = ts
        self.label_text = label
        self.continued = continued
        self.label = ts.text(label + ("（续）" if continued else ""), "cell_label") if label_width else None
        self.content = content
        self.label_width = label_width
        self.min_height = min_height
        self.width = 0.0
        self.height = 0.0

    def _content_width(self, avail: float) -> float:
        return avail - self.label_width - 2 * self.PAD

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        h = self.min_height
        if self.content is not None:
            h = max(h, self.content.wrap(self._content_width(availWidth), availHeight)[1] + 2 * self.PAD)
        if self.label is not None:
            h = max(h, self.label.wrap(self.label_width - 2 * self.PAD, availHeight)[1] + 2 * self.PAD)
        self.height = h
        return availWidth, h

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self.wrap(availWidth, availHeight)
        if self.height <= availHeight or self.content is None:
            return [] if self.height > availHeight else [self]
        parts = self.content.split(self._content_width(availWidth), availHeight - 2 * self.PAD)
        if len(parts) != 2:
            return []
        head = FieldBox(self.ts, self.label_text, parts[0], self.label_width, continued=self.continued)
        head_h = head.wrap(availWidth, availHeight)[1]
        tail = FieldBox(self.ts, self.label_text, parts[1], self.label_width, max(0.0, self.min_height - head_h),
                        continued=True)  # fmt: skip
        return [head, tail]

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.setLineWidth(GRID)
        canv.rect(0, 0, self.width, self.height, stroke=1, fill=0)
        canv.setLineWidth(1.0)
        canv.line(0, 0, 0, self.height)
        canv.line(self.width, 0, self.width, self.height)
        if self.label_width:
            canv.setLineWidth(GRID)
            canv.line(self.label_width, 0, self.label_width, self.height)
        canv.restoreState()
        if self.label is not None:
            self.label.drawOn(canv, self.PAD, (self.height - self.label.height) / 2)
        if self.content is not None:
            self.content.drawOn(canv, self.label_width + self.PAD, self.height - self.PAD - self.content.height)


# --- pages ---------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class PageDecor:
    """What every page of a section carries around its text."""

    group: str = "doc"  # pages are counted within their group: "第 N 页 共 M 页"
    numbered: bool = True
    copy_label: str = ""  # "第1份 共3份"
    stamp: str = ""  # "副本" on a reprint
    footer: str = ""  # document number and verification code
    footer_note: str = ""  # a smaller line under it (the content hash, how to verify)
    qr: str = ""  # the QR code's text, drawn in the bottom-right margin
    # Identical copies: the section is laid out once and its pages printed once per label (each copy numbered
    # on its own), so a three-copy agreement costs one layout, not three.
    copies: tuple[str, ...] = ()


class SectionMark(Flowable):  # type: ignore[misc]
    """Zero-size marker: the pages from here on carry ``decor``. Put it first on a fresh page."""

    def __init__(self, decor: PageDecor) -> None:
        super().__init__()
        self.decor = decor
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.decor = self.decor


def start_section(decor: PageDecor, *, new_page: bool) -> list[Flowable]:
    """Begin a section (a document, or one copy of it) on a fresh page."""
    return ([PageBreak()] if new_page else []) + [SectionMark(decor)]


class PageAnchor(Flowable):  # type: ignore[misc]
    """Zero-size marker recording which page (within its group) it lands on (for a table of contents)."""

    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.anchor(self.key)


@dataclass
class _Decorator:
    ts: Typesetter
    anchors: dict[str, int] = field(default_factory=dict)
    pages: int = 0


def _canvas_class(dec: _Decorator, first: PageDecor) -> type:
    class DocCanvas(Canvas):  # type: ignore[misc]
        """Keeps every page until the end, so each can say "第 N 页 共 M 页" of its own section."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._kept: list[tuple[dict[str, Any], PageDecor]] = []
            self.decor = first

        def anchor(self, key: str) -> None:
            before = sum(1 for _, d in self._kept if d.group == self.decor.group and d.numbered)
            dec.anchors[key] = before + 1

        def showPage(self) -> None:
            self._kept.append((dict(self.__dict__), self.decor))
            self._startPage()

        def save(self) -> None:
            pages = _expand_copies(self._kept)
            totals = Counter(d.group for _, d in pages if d.numbered)
            seen: Counter[str] = Counter()
            for state, decor in pages:
                self.__dict__.update(state)
                # A copy replays a stored page: give it its own lists so one copy's header stays off the next.
                self._code = list(state["_code"])
                if decor.numbered:
                    seen[decor.group] += 1
                _decorate(self, dec.ts, decor, seen[decor.group], totals[decor.group])
                Canvas.showPage(self)
            dec.pages = len(pages)
            Canvas.save(self)

    return DocCanvas


def draw_string(
    canv: Any, ts: Typesetter, text: str, x: float, y: float, size: float, *, heading: bool = False,
    anchor: str = "left",
) -> float:
    """One line of text straight on the canvas (headers, footers), with the same glyph fallback as TextBlock.
    Returns its width."""
    chars, faces = ts.shape(clean_text(text).replace("\n", " "), heading)
    width = sum(ts.width(c, f) for c, f in zip(chars, faces, strict=True)) * size
    x -= width / 2 if anchor == "center" else width if anchor == "right" else 0
    t = canv.beginText()
    t.setTextOrigin(x, y)
    i = 0
    while i < len(chars):
        j = i + 1
        while j < len(chars) and faces[j] == faces[i]:
            j += 1
        t.setFont(ts.face(faces[i]).name, size)
        t.textOut(chars[i:j])
        i = j
    canv.drawText(t)
    return width


def _expand_copies(kept: list[tuple[dict[str, Any], PageDecor]]) -> list[tuple[dict[str, Any], PageDecor]]:
    """The pages in print order: a section with ``copies`` is repeated once per copy label."""
    out: list[tuple[dict[str, Any], PageDecor]] = []
    i = 0
    while i < len(kept):
        decor = kept[i][1]
        j = i
        while j < len(kept) and kept[j][1] is decor:
            j += 1
        if decor.copies:
            for label in decor.copies:
                copy = replace(decor, copy_label=label, group=f"{decor.group}/{label}", copies=())
                out += [(state, copy) for state, _ in kept[i:j]]
        else:
            out += kept[i:j]
        i = j
    return out


def _decorate(canv: Any, ts: Typesetter, decor: PageDecor, page: int, total: int) -> None:
    canv.saveState()
    if decor.numbered and total:
        draw_string(canv, ts, f"第 {page} 页 共 {total} 页", PAGE_WIDTH / 2, 20 * mm, 10.5, anchor="center")
    if decor.footer:
        draw_string(canv, ts, decor.footer, PAGE_WIDTH / 2, 14.5 * mm, 8, anchor="center")
    if decor.footer_note:
        draw_string(canv, ts, decor.footer_note, PAGE_WIDTH / 2, 10.5 * mm, 6.5, anchor="center")
    if decor.qr:
        from govdesk.documents.verification import draw_qr  # verification builds on this module

        draw_qr(canv, decor.qr, PAGE_WIDTH - MARGIN_RIGHT - QR_SIZE, 7 * mm, QR_SIZE)
    if decor.copy_label:
        draw_string(canv, ts, decor.copy_label, PAGE_WIDTH - MARGIN_RIGHT, PAGE_HEIGHT - 22 * mm, 11, heading=True,
                    anchor="right")  # fmt: skip
    if decor.stamp:
        x, y = MARGIN_LEFT, PAGE_HEIGHT - 26 * mm
        w = draw_string(canv, ts, decor.stamp, x + 7, y + 7.5, 16, heading=True)
        canv.setLineWidth(1.4)
        canv.rect(x, y, w + 14, 26, stroke=1, fill=0)
    canv.restoreState()


@dataclass(frozen=True)
class PdfInfo:
    title: str
    author: str = ""
    subject: str = ""
    keywords: str = ""


@dataclass(frozen=True)
class Rendered:
    pdf: bytes
    pages: int
    anchors: Mapping[str, int]


def render(ts: Typesetter, story: list[Flowable], info: PdfInfo, first: PageDecor) -> Rendered:
    """Lay out ``story`` on A4 with the official-document margins and return the PDF."""
    buf = BytesIO()
    dec = _Decorator(ts)
    doc = BaseDocTemplate(
        buf, pagesize=A4, leftMargin=MARGIN_LEFT, rightMargin=MARGIN_RIGHT, topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM, title=info.title, author=info.author, subject=info.subject,
        keywords=info.keywords, creator="govdesk", producer="govdesk (reportlab)", invariant=1,
        initialFontName=ts.fonts.body.name, initialFontSize=12, pageCompression=1,
    )  # fmt: skip
    frame = Frame(MARGIN_LEFT, MARGIN_BOTTOM, TEXT_WIDTH, PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="text")  # fmt: skip
    doc.addPageTemplates([PageTemplate(id="a4", frames=[frame])])
    # Binary (deflated) streams without the ASCII85 layer: a quarter smaller and a fifth faster to write.
    # rl_config is process-wide; documents are built on one worker thread, so saving and restoring is enough.
    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        doc.build(story, canvasmaker=_canvas_class(dec, first))
    finally:
        rl_config.useA85 = saved
    return Rendered(buf.getvalue(), dec.pages, dict(dec.anchors))
