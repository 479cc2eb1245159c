"""Records kept during a mediation: 人民调解调查记录, 人民调解记录, 人民调解回访记录 and
人民调解口头协议登记表. Each investigation, session or visit is one record on its own pages."""

from __future__ import annotations

import datetime as dt

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak

from govdesk.documents.blocks import (
    Ctx,
    Slot,
    field_box,
    form_table,
    party_slots,
    sign_off,
    title,
    verification,
)
from govdesk.documents.data import Correction, DocumentAgreement
from govdesk.documents.wording import (
    CHANNELS,
    PERFORMANCE,
    SATISFACTION,
    cn_date,
    cn_numeral,
    cn_time,
    names,
    obligation_clause,
    or_blank,
    role_label,
)

NONE = "无"


def _corrections(ctx: Ctx, corrections: tuple[Correction, ...]) -> list[Flowable]:
    if not corrections:
        return []
    text = "\n".join(f"{cn_date(c.on)}，{c.by}更正为：{c.content}（更正原因：{c.reason}）" for c in corrections)
    return [field_box(ctx, "更正记录", text)]


def investigation(ctx: Ctx) -> list[Flowable]:
    case = ctx.case
    story: list[Flowable] = []
    total = len(case.investigations)
    for i, rec in enumerate(case.investigations, 1):
        if i > 1:
            story.append(PageBreak())
        story += [
            *title(ctx, "人民调解调查记录", ctx.issue.verification.number.text + (f"　第{i}次（共{total}次）" if total > 1 else "")),
            form_table(ctx, [
                [("调查时间", cn_time(rec.time))],
                [("调查地点", or_blank(rec.place))],
                [("被调查人", or_blank(rec.person)), ("记录人", or_blank(rec.recorder))],
                [("调查人", or_blank(rec.investigator)), ("参加人", "、".join(rec.participants) or NONE)],
                [("调查事由", case.title)],
            ]),
            field_box(ctx, "调查内容", rec.content, 70 * mm),
            *_corrections(ctx, rec.corrections),
            sign_off(ctx, [Slot("被调查人（签名或按指印）"), Slot("调查人（签名）"), Slot("记录人（签名）")], seal=False,
                     lead=[ctx.ts.text("以上记录已交被调查人阅读（或向其宣读），确认无误。", "body", space_before=4)]),
        ]
    return [*story, *verification(ctx)]


RULES_TOLD = ("调解员已向当事人告知人民调解的性质、原则和效力，当事人在调解活动中享有的权利和承担的义务，以及主持调解的"
              "人民调解员；当事人表示清楚，同意由上述人民调解员主持调解。")  # fmt: skip
RISK_TOLD = ("调解员已告知当事人：应当如实陈述纠纷事实，因虚假陈述造成的后果由其自行承担；经调解达成的调解协议具有"
             "法律约束力，当事人应当按照约定履行，就协议的履行或者内容发生争议的，可以向人民法院提起诉讼。")  # fmt: skip


def _agreement_outcome(ctx: Ctx, a: DocumentAgreement) -> str:
    if a.oral:
        return f"达成口头调解协议（{cn_date(a.made_on)}），自达成之日起生效。协议内容：{a.matters}"
    number = ctx.number_of("agreement")
    ref = f"（编号{number}）" if number else ""
    terms = "\n".join(f"{cn_numeral(o.position)}、{obligation_clause(o)}" for o in a.obligations)
    return f"达成书面调解协议{ref}，协议内容见人民调解协议书：\n{terms}"


def session(ctx: Ctx) -> list[Flowable]:
    case = ctx.case
    story: list[Flowable] = []
    total = len(case.sessions)
    party_names = {p.name for p in case.parties}
    present_all = "\n".join(f"{role_label(p.role)}：{p.name}" for p in case.parties)
    for i, rec in enumerate(case.sessions, 1):
        last = i == total
        if i > 1:
            story.append(PageBreak())
        helpers = tuple(n for n in rec.attendees if n not in party_names and n not in rec.mediators)
        outcome = rec.outcome
        if last and case.agreement is not None:
            outcome = _agreement_outcome(ctx, case.agreement)
        elif last and case.termination is not None:
            term = case.termination
            told = "、".join(CHANNELS[c] for c in term.channels if c in CHANNELS)
            outcome = f"调解不成。原因：{term.reason}。已告知当事人可以依法通过{told}途径解决。"
        elif not outcome:
            outcome = "本次调解未达成协议，继续调解。"
        present = "、".join(n for n in rec.attendees if n in party_names) or present_all
        story += [
            *title(ctx, "人民调解记录", ctx.issue.verification.number.text + (f"　第{i}次（共{total}次）" if total > 1 else "")),
            form_table(ctx, [
                [("调解时间", cn_time(rec.time))],
                [("调解地点", or_blank(rec.place))],
                [("调解事项", f"{case.title}（{case.category}）" if case.category else case.title)],
                [("调解员", "、".join(rec.mediators)), ("记录人", or_blank(rec.recorder))],
                [("到场当事人", present), ("参加人", "、".join(helpers) or NONE)],
            ]),
            field_box(ctx, "告知事项", RULES_TOLD),
            field_box(ctx, "调解过程", rec.content, 60 * mm),
            field_box(ctx, "风险提示", RISK_TOLD),
            field_box(ctx, "调解结果", outcome, 20 * mm),
            *_corrections(ctx, rec.corrections),
            sign_off(ctx, [*party_slots(case.parties, "签名或按指印"), Slot("人民调解员（签名）"), Slot("记录人（签名）"),
                           *[Slot(f"参加人　{h}（签名）") for h in helpers]], _parse_day(rec.time),
                     lead=[ctx.ts.text("以上记录已向当事人宣读，当事人确认无误。", "body", space_before=4)]),
        ]
    return [*story, *verification(ctx)]


def _parse_day(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def follow_up(ctx: Ctx) -> list[Flowable]:
    case = ctx.case
    a = case.agreement
    obligations = {o.position: o for o in a.obligations} if a else {}
    number = ctx.number_of("oral-agreement" if a and a.oral else "agreement")
    agreement_ref = number or ("口头协议" if a and a.oral else "（协议书未经本系统出具）")
    story: list[Flowable] = []
    total = len(case.follow_ups)
    for i, rec in enumerate(case.follow_ups, 1):
        if i > 1:
            story.append(PageBreak())
        lines = []
        for pos, status in rec.performance:
            ob = obligations.get(pos)
            what = f"{ob.obligor}{ob.content}" if ob else ""
            lines.append(f"第{cn_numeral(pos)}项（{what}）：{PERFORMANCE.get(status, status)}")
        performance = "\n".join(lines) or "本次回访未登记各项的履行情况。"
        visited = rec.visited or names(case.parties)
        story += [
            *title(ctx, "人民调解回访记录", ctx.issue.verification.number.text + (f"　第{i}次（共{total}次）" if total > 1 else "")),
            form_table(ctx, [
                [("回访对象", visited), ("回访日期", cn_date(rec.on))],
                [("协议编号", agreement_ref)],
                [("回访人", or_blank(rec.visitor))],
                [("纠纷事项", case.title)],
            ]),
            field_box(ctx, "协议履行情况", performance, 25 * mm),
            form_table(ctx, [[("当事人满意度", SATISFACTION.get(rec.satisfaction, rec.satisfaction))]]),
            field_box(ctx, "有无起诉及结果", rec.lawsuit or NONE),
            field_box(ctx, "有无激化苗头", rec.escalation_signs or NONE),
            field_box(ctx, "采取的措施", rec.measures or NONE),
            *([field_box(ctx, "备注", rec.note)] if rec.note else []),
            sign_off(ctx, [Slot("回访人（签名）"), Slot("被回访人（签名或按指印）")], seal=False),
        ]
    return [*story, *verification(ctx)]


def oral_agreement(ctx: Ctx) -> list[Flowable]:
    case = ctx.case
    a = case.agreement
    assert a is not None and a.oral
    party_lines = "\n".join(f"{role_label(p.role)}：{p.name}" + (f"，{p.gender}" if p.gender else "")
                            + (f"，联系电话：{p.phone}" if p.phone else "") for p in case.parties)  # fmt: skip
    terms = "\n".join(f"{cn_numeral(o.position)}、{obligation_clause(o)}" for o in a.obligations)
    return [
        *title(ctx, "人民调解口头协议登记表", ctx.issue.verification.number.text),
        field_box(ctx, "当事人", party_lines),
        field_box(ctx, "纠纷简要情况", a.facts or case.facts, 25 * mm),
        field_box(ctx, "口头协议内容", a.matters, 25 * mm),
        field_box(ctx, "履行方式、期限", terms or "口头协议未约定需另行履行的事项。", 15 * mm),
        form_table(ctx, [
            [("达成日期", cn_date(a.made_on)), ("生效日期", cn_date(a.effective_on or a.made_on))],
            [("调解员", "、".join(a.mediators) or or_blank("")), ("记录人", or_blank(a.recorder))],
        ]),
        ctx.ts.text("根据《中华人民共和国人民调解法》第二十八条、第三十条的规定，当事人认为无需制作调解协议书的，"
                    "可以采取口头协议方式，人民调解员应当记录协议内容；口头调解协议自各方当事人达成协议之日起生效。",
                    "cell_text", space_before=4),
        sign_off(ctx, [Slot("人民调解员（签名）"), Slot("记录人（签名）")], a.made_on),
        *verification(ctx),
    ]
