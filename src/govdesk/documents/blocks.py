"""Pieces every document is made of: the title, the signature and seal boxes, the verification block, and the
context a builder works in."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from govdesk.documents.data import CaseFile, DocumentParty
from govdesk.documents.typesetting import (
    TEXT_WIDTH,
    FieldBox,
    PageDecor,
    Typesetter,
    grid_table,
)
from govdesk.documents.verification import Verification
from govdesk.documents.wording import cn_date, role_label

REPRINT_STAMP = "副本"


@dataclass(frozen=True)
class Part:
    """One section of a printed document, on pages of its own: a copy of the agreement, one document of a
    bundle, or the whole of a simple document. ``decor`` None: the document's usual header and footer."""

    flowables: list[Flowable]
    copy_label: str = ""
    decor: PageDecor | None = None
    anchor: str = ""
    copies: tuple[str, ...] = ()  # identical copies printed from one layout, each with its own label


@dataclass(frozen=True)
class Issue:
    """How this printing of a document is identified: its number and hash, whether it is a reprint, and the
    numbers of the related documents it mentions or contains (by kind)."""

    verification: Verification
    printed_on: dt.date
    reprint: bool = False
    related: Mapping[str, Verification] = field(default_factory=dict)


@dataclass
class Ctx:
    ts: Typesetter
    case: CaseFile
    issue: Issue
    warnings: list[str] = field(default_factory=list)
    anchors: Mapping[str, int] = field(default_factory=dict)  # page numbers found by a first layout pass

    def for_document(self, kind: str) -> Ctx:
        """The context of a document contained in a bundle: its own number, the bundle's reprint mark."""
        v = self.issue.related[kind]
        issue = Issue(v, self.issue.printed_on, self.issue.reprint, self.issue.related)
        return Ctx(self.ts, self.case, issue, self.warnings, self.anchors)

    def number_of(self, kind: str) -> str:
        v = self.issue.related.get(kind)
        return v.number.text if v else ""

    def decor(
        self, v: Verification | None = None, *, group: str = "doc", copy_label: str = "", numbered: bool = True
    ) -> PageDecor:
        """Every page carries the document's number and code, its QR code and the content hash; a reprint
        is stamped 副本."""
        v = v or self.issue.verification
        return PageDecor(
            group=group, numbered=numbered, copy_label=copy_label, footer=v.footer, qr=v.payload,
            footer_note=f"内容摘要（SHA-256）{v.digest[:16]}…　扫描二维码或输入核验码，可与本委员会存档核对",
            stamp=REPRINT_STAMP if self.issue.reprint else "",
        )  # fmt: skip

    def warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)


def title(ctx: Ctx, text: str, number: str = "") -> list[Flowable]:
    out: list[Flowable] = [ctx.ts.text(text, "title")]
    if number:
        out.append(ctx.ts.text(number, "doc_no"))
    else:
        out.append(Spacer(1, 8))
    return out


def verification(ctx: Ctx, v: Verification | None = None, note: str = "") -> list[Flowable]:
    """The end of a document. Its verification (number, code, QR) is printed on every page by the page
    decoration; here only an optional note (which copy this is, what it is for)."""
    return [ctx.ts.text(note, "small", space_before=3 * mm)] if note else []


@dataclass(frozen=True)
class Slot:
    label: str
    height: float = 13 * mm
    date: bool = True
    date_text: str = ""  # pre-filled date; blank for the signer to write


def party_slots(
    parties: Sequence[DocumentParty], what: str = "签名、盖章或按指印", date_text: str = "", role: str = ""
) -> list[Slot]:
    """A box for each party; an organisation gets its seal box and its representative's signature box."""
    slots: list[Slot] = []
    for p in parties:
        who = role or role_label(p.role)
        if p.is_organisation:
            slots.append(Slot(f"{who}　{p.name}\n（单位盖章）", 22 * mm, date_text=date_text))
            slots.append(Slot(f"法定代表人（负责人）{p.representative or ''}\n（签名）", date_text=date_text))
        else:
            slots.append(Slot(f"{who}　{p.name}\n（{what}）", date_text=date_text))
    return slots


SEAL_LABEL = "人民调解委员会\n（印章）"


def signature_table(
    ctx: Ctx, slots: Sequence[Slot], heading: str = "", *, keep: bool = True, seal: bool = False,
    seal_day: dt.date | None = None,
) -> Flowable:
    """Ruled boxes: who signs | the empty box | the date of signing; with ``seal`` a last, taller row for the
    committee's seal over its name and the date."""
    ts = ctx.ts
    label_w, date_w = 58 * mm, 40 * mm
    rows: list[list[object]] = []
    heights: list[float | None] = []
    spans = []
    extra: list[tuple[object, ...]] = []
    if heading:
        rows.append([heading, "", ""])
        heights.append(None)
        spans.append(((0, 0), (2, 0)))
    for s in slots:
        day = s.date_text or ("　　年　　月　　日" if s.date else "")
        rows.append([ts.text(s.label, "cell_label"), "", ts.text(day, "cell_center")])
        heights.append(s.height)
    if seal:
        r = len(rows)
        rows.append([ts.text(SEAL_LABEL, "cell_label"), ts.text(ctx.case.committee.name, "cell", align="right"),
                     ts.text(cn_date(seal_day), "cell_center")])  # fmt: skip
        heights.append(26 * mm)
        extra.append(("VALIGN", (1, r), (1, r), "BOTTOM"))
    table = grid_table(ts, rows, [label_w, TEXT_WIDTH - label_w - date_w, date_w], spans=spans,
                       header_rows=1 if heading else 0, row_heights=heights, extra=extra)  # fmt: skip
    table.spaceBefore = 4 * mm
    return KeepTogether([table]) if keep else table


def letter_seal(ctx: Ctx, day: dt.date | None) -> Flowable:
    """The close of a letter (GB/T 9704): the committee's name and the date at the right, room above them for
    the seal, which is stamped over both."""
    ts = ctx.ts
    return KeepTogether([
        Spacer(1, 8 * mm),
        ts.text(f"{ctx.case.committee.name}（印章）", "right"),
        ts.text(cn_date(day), "right"),
    ])  # fmt: skip


LABEL_W = 30 * mm
VALUE_W = (TEXT_WIDTH - 2 * LABEL_W) / 2

Pair = tuple[str, str]


def form_table(ctx: Ctx, rows: Sequence[Sequence[Pair]]) -> Flowable:
    """Label/value rows of a form: two pairs per row, or one pair whose value spans the row."""
    data: list[list[object]] = []
    labels: list[tuple[int, int]] = []
    spans = []
    for r, row in enumerate(rows):
        cells: list[object] = []
        for c, (label, value) in enumerate(row):
            labels.append((r, 2 * c))
            cells += [label, ctx.ts.text(value, "cell")]
        if len(row) == 1:
            cells += ["", ""]
            spans.append(((1, r), (3, r)))
        data.append(cells)
    return grid_table(ctx.ts, data, [LABEL_W, VALUE_W, LABEL_W, VALUE_W], spans=spans, label_cells=labels)


def field_box(ctx: Ctx, label: str, text: str, min_height: float = 0) -> Flowable:
    """A long-text row of a form (continues over pages), aligned with ``form_table``'s label column."""
    content = ctx.ts.text(text, "cell_text") if text.strip() else None
    return FieldBox(ctx.ts, label, content, LABEL_W, min_height)


def sign_off(
    ctx: Ctx, slots: Sequence[Slot], day: dt.date | None = None, *, seal: bool = True, lead: Sequence[Flowable] = (),
    heading: str = "",
) -> Flowable:
    """The closing of a form kept on one page: a lead-in sentence, the signature boxes and the seal row."""
    return KeepTogether([*lead, signature_table(ctx, slots, heading, keep=False, seal=seal, seal_day=day)])
