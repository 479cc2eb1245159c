"""人民调解卷宗: the cover (卷宗封面), the table of contents in the Ministry's 13 slots (卷内目录), each
document in order, and the back cover (备考表). Documents inside are numbered as one run of dossier pages,
the cover, contents and back cover are not; the contents' page numbers come from a first layout pass."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from govdesk.documents import agreement as agreement_doc
from govdesk.documents.blocks import Ctx, Part, field_box, form_table, title, verification
from govdesk.documents.catalog import DOSSIER_SLOTS, constituents, doc_name, supplement_no
from govdesk.documents.typesetting import TEXT_WIDTH, PageAnchor, PageDecor, grid_table
from govdesk.documents.wording import BLANK, cn_date, names, role_label

GROUP = "dossier"
SLOT_OF = {"application": 1, "acceptance": 1, "rights-notice": 2, "investigation": 5, "session": 7, "agreement": 8,
           "oral-agreement": 8, "termination-notice": 8, "follow-up": 10, "confirmation-application": 11}  # fmt: skip
PAPER_ONLY = {4: "委托时纸质另附", 6: "纸质材料另附", 9: "纸质材料另附"}


def dossier_name(ctx: Ctx) -> str:
    case = ctx.case
    applicants = case.by_role("applicant") or case.parties[:1]
    others = tuple(p for p in case.parties if p not in applicants)
    who = f"{names(applicants)}与{names(others)}" if others else names(applicants)
    return f"{who}{case.category or ''}纠纷"


def mediation_dates(ctx: Ctx) -> str:
    f = ctx.case.filing
    acc = ctx.case.acceptance
    start = f.first_session_on or (acc.accepted_on if acc else None)
    end = f.last_session_on or f.closed_on
    if start and end and end != start:
        return f"{cn_date(start)}至{cn_date(end)}"
    return cn_date(start) if start else BLANK


def cover(ctx: Ctx) -> list[Flowable]:
    ts = ctx.ts
    case = ctx.case
    f = case.filing
    mediators = case.acceptance.mediators if case.acceptance else ()
    fields = [
        ("人民调解委员会", case.committee.name),
        ("卷宗名称", dossier_name(ctx)),
        ("卷宗号", ctx.issue.verification.number.text),
        ("调解员", "、".join(mediators)),
        ("调解日期", mediation_dates(ctx)),
        ("立卷人", f.archived_by),
        ("立卷日期", cn_date(f.archived_on, "")),
        ("保管期限", f.retention),
        ("备注", ""),
    ]
    rows = [[ts.text(_spaced(label), "plain", align="right"), ts.text(value, "plain", align="left")]
            for label, value in fields]  # fmt: skip
    table = Table(rows, colWidths=[48 * mm, 104 * mm], hAlign="CENTER")
    table.setStyle(TableStyle([
        ("LINEBELOW", (1, 0), (1, -1), 0.6, (0, 0, 0)), ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("FONTNAME", (0, 0), (-1, -1), ts.fonts.body.name),
        ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 12), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]))  # fmt: skip
    return [
        Spacer(1, 18 * mm),
        ts.text(case.committee.name, "center", size=18, leading=30, heading=True),
        Spacer(1, 8 * mm),
        ts.text("人民调解卷宗", "title", size=30, leading=48, tracking=8),
        Spacer(1, 22 * mm),
        table,
    ]


def _spaced(label: str) -> str:
    """Short labels spread to the width of the longest, as on printed covers: 卷 宗 号 → 卷　宗　号."""
    if len(label) >= 4:
        return label + "："
    return "　".join(label) + "：" if len(label) == 3 else label[0] + "　　　" + label[1:] + "："


def _page_range(ctx: Ctx, slot: int, present: dict[int, list[str]]) -> str:
    first = ctx.anchors.get(f"slot{slot}")
    if not first:
        return ""
    later = [ctx.anchors.get(f"slot{s}") for s in sorted(present) if s > slot]
    nxt = next((p for p in later if p), None)
    last = (nxt - 1) if nxt else ctx.anchors.get("end", first)
    return f"{first}" if last <= first else f"{first}-{last}"


def catalogue(ctx: Ctx, present: dict[int, list[str]]) -> list[Flowable]:
    ts = ctx.ts
    rows: list[list[object]] = [["序号", "文书材料名称", "页号", "备注"]]
    for slot, name, required in DOSSIER_SLOTS:
        docs = present.get(slot, [])
        shown = "、".join(docs) if docs else name
        note = "必备" if required else "根据需要"
        pages = "—" if slot == 13 else _page_range(ctx, slot, present)
        if not docs and slot != 13:
            if required:
                note = "必备（缺）"
                ctx.warn(f"卷宗缺少必备材料：{name}。")
            else:
                note = PAPER_ONLY.get(slot, "根据需要（无）")
        rows.append([str(slot), ts.text(shown, "cell"), pages, note])
    widths = [16 * mm, TEXT_WIDTH - 16 * mm - 24 * mm - 40 * mm, 24 * mm, 40 * mm]
    return [*title(ctx, "卷 内 目 录"), grid_table(ts, rows, widths, header_rows=1, style="cell_center")]


def identity_page(ctx: Ctx) -> list[Flowable]:
    story: list[Flowable] = [*title(ctx, "当事人身份证明材料")]
    for p in ctx.case.parties:
        if p.is_organisation:
            facts = [("当事人", f"{role_label(p.role)}　{p.name}"), ("统一社会信用代码", p.credit_code or BLANK)]
            facts.append(("法定代表人", p.representative or BLANK))
            paste = "营业执照复印件、法定代表人身份证明书粘贴处"
        else:
            facts = [("当事人", f"{role_label(p.role)}　{p.name}"), ("证件类型", p.id_type or "居民身份证")]
            facts.append(("证件号码", p.id_number or BLANK))
            paste = "身份证件复印件粘贴处（正反面）"
        story.append(KeepTogether([form_table(ctx, [[pair] for pair in facts]), field_box(ctx, "粘贴处", paste, 52 * mm),
                                   Spacer(1, 5 * mm)]))  # fmt: skip
    return story


def dossier_note(ctx: Ctx, missing: list[str]) -> list[Flowable]:
    text = ("本卷缺少以下必备材料：" + "、".join(missing) + "。\n缺少的原因：" + BLANK * 3 + "\n"
            "说明人（签名）：" + BLANK + "　　日期：　　　　年　　月　　日")  # fmt: skip
    return [*title(ctx, "卷宗情况说明"), field_box(ctx, "情况说明", text, 60 * mm)]


def back_cover(ctx: Ctx, n_docs: int) -> list[Flowable]:
    f = ctx.case.filing
    total = ctx.anchors.get("end")
    pages = f"本卷共有文书材料{n_docs}件，共{total}页（不含封面、卷内目录和备考表）。" if total else f"本卷共有文书材料{n_docs}件。"
    text = pages + "\n当事人身份证明复印件、证据材料、履行凭证等纸质材料按卷内目录顺序附卷。"
    return [
        *title(ctx, "备 考 表"),
        field_box(ctx, "本卷情况说明", text, 70 * mm),
        form_table(ctx, [[("立卷人", f.archived_by or ""), ("检查人", "")],
                         [("立卷日期", cn_date(f.archived_on, "")), ("保管期限", f.retention)]]),
        *verification(ctx),
    ]


def dossier(ctx: Ctx, builders: dict[str, Callable[[Ctx], list[Part]]]) -> list[Part]:
    kinds = constituents("dossier", ctx.case)
    present: dict[int, list[str]] = {}
    for k in kinds:
        present.setdefault(_slot(k), []).append(doc_name(k))
    present.setdefault(3, []).append("当事人身份证明材料")
    required_missing = [name for slot, name, required in DOSSIER_SLOTS if required and slot not in present and slot != 13]
    if required_missing:
        present.setdefault(12, []).append("卷宗情况说明")
    plain = PageDecor(group="cover", numbered=False, stamp=ctx.decor().stamp)
    parts = [Part(cover(ctx), decor=plain), Part(catalogue(ctx, present), decor=ctx.decor(group="contents", numbered=False))]
    body: list[tuple[int, list[Flowable], Ctx]] = []
    for k in kinds:
        sub = ctx.for_document(k)
        for part in _committee_copy(sub, k) if k == "agreement" or supplement_no(k) else builders[k](sub):
            body.append((_slot(k), part.flowables, sub))
    body.append((3, identity_page(ctx), ctx))
    if required_missing:
        body.append((12, dossier_note(ctx, required_missing), ctx))
    body.sort(key=lambda item: item[0])
    seen: set[int] = set()
    for i, (slot, flowables, sub) in enumerate(body):
        anchor = f"slot{slot}" if slot not in seen else ""
        seen.add(slot)
        tail = [PageAnchor("end")] if i == len(body) - 1 else []
        parts.append(Part([*flowables, *tail], decor=ctx.decor(sub.issue.verification, group=GROUP), anchor=anchor))
    parts.append(Part(back_cover(ctx, len(kinds) + 1), decor=ctx.decor(group="back", numbered=False)))
    return parts


def _slot(kind: str) -> int:
    return 8 if supplement_no(kind) else SLOT_OF[kind]  # a supplementary agreement is filed after the agreement


def _committee_copy(ctx: Ctx, kind: str = "agreement") -> list[Part]:
    n = len(ctx.case.parties) + 1
    supplement = supplement_no(kind)
    if supplement:
        return agreement_doc.supplement(ctx, supplement, [n], "本份为人民调解委员会存档的补充协议书。")
    return agreement_doc.agreement(ctx, [n], "本份为人民调解委员会存档的协议书。")

