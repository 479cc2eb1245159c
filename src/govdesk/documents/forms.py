"""Forms filled at the start and the end of a mediation: 人民调解申请书, 人民调解受理登记表,
人民调解当事人权利义务告知书 and 终止调解告知书."""

from __future__ import annotations

import re

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether

from govdesk.documents.blocks import (
    Ctx,
    Slot,
    field_box,
    form_table,
    letter_seal,
    party_slots,
    sign_off,
    signature_table,
    title,
    verification,
)
from govdesk.documents.data import DocumentParty
from govdesk.documents.typesetting import grid_table
from govdesk.documents.wording import (
    BLANK,
    CHANNELS,
    age_on,
    cn_date,
    cn_numeral,
    names,
    or_blank,
    role_label,
)

CHECKED, UNCHECKED = "■", "□"
SOURCES = ("当事人申请", "人民调解委员会主动调解", "公安机关移送", "人民法院委托", "政府部门交办", "其他")
_SOURCE_OF_CHANNEL = {"walk_in": 0, "online": 0, "initiative": 1, "grid_officer": 1, "hotline_12345": 4, "referral": 5}


def _party_rows(ctx: Ctx, parties: tuple[DocumentParty, ...]) -> Flowable:
    """当事人 | 姓名 | 性别 | 民族 | 年龄 | 职业或职务 | 联系方式 | 单位或住址 (one row per party)."""
    ts = ctx.ts
    header: list[object] = ["当事人", "姓名", "性别", "民族", "年龄", "职业或职务", "联系方式", "单位或住址"]
    rows: list[list[object]] = [list(header)]
    on = ctx.case.registered_on
    for p in parties:
        if p.is_organisation:
            who = f"{p.name}\n（法定代表人：{p.representative or BLANK}）"
            row = [role_label(p.role), who, "—", "—", "—", "—", p.phone or "", p.address or ""]
        else:
            age = str(age_on(p.birth_date, on)) if p.birth_date else ""
            row = [role_label(p.role), p.name, p.gender or "", p.ethnicity or "", age, "", p.phone or "", p.address or ""]
        rows.append([ts.text(str(c), "cell" if i in (1, 7) else "cell_center") for i, c in enumerate(row)])
    widths = [20 * mm, 25 * mm, 11 * mm, 13 * mm, 11 * mm, 16 * mm, 27 * mm, 33 * mm]
    return grid_table(ts, rows, widths, header_rows=1, padding=3)


def requests_text(claims: str) -> str:
    """The applicant's requests as numbered items (one per line or per “；”)."""
    items = [re.sub(r"^\s*(\d+|[一二三四五六七八九十]+)[、.．)）]\s*", "", x).strip()
             for x in re.split(r"[\n；;]+", claims)]  # fmt: skip
    items = [x.rstrip("。") for x in items if x]
    return "\n".join(f"{i}. {x}。" for i, x in enumerate(items, 1))


def application(ctx: Ctx) -> list[Flowable]:
    case = ctx.case
    ts = ctx.ts
    applicants = case.by_role("applicant") or case.parties[:1]
    return [
        *title(ctx, "人民调解申请书", ctx.issue.verification.number.text),
        _party_rows(ctx, case.parties),
        field_box(ctx, "纠纷简要情况", case.facts, 30 * mm),
        field_box(ctx, "申请事项", requests_text(case.claims), 20 * mm),
        ts.text(f"{case.committee.name}已向本人告知人民调解的性质、原则和效力，以及当事人在调解活动中享有的权利和"
                "承担的义务。本人自愿申请人民调解。", "body", space_before=4 * mm),
        signature_table(ctx, party_slots(applicants, date_text=cn_date(case.registered_on))),
        *verification(ctx),
    ]


def acceptance(ctx: Ctx) -> list[Flowable]:
    case = ctx.case
    acc = case.acceptance
    assert acc is not None
    source = 1 if acc.application == "initiative" else _SOURCE_OF_CHANNEL.get(case.channel, 0)
    sources = "　".join(f"{CHECKED if i == source else UNCHECKED}{s}" for i, s in enumerate(SOURCES))
    if source == 5:
        sources += "（部门移送）"
    applicants = case.by_role("applicant") or case.parties[:1]
    others = tuple(p for p in case.parties if p not in applicants)
    between = f"{names(applicants)}与{names(others)}之间" if others else f"{names(applicants)}的"
    application = {"written": "书面申请", "oral": "口头申请", "initiative": "主动调解"}.get(acc.application, "")
    party_lines = "\n".join(
        f"{role_label(p.role)}：{p.name}" + (f"，{p.gender}" if p.gender else "")
        + (f"，{age_on(p.birth_date, acc.accepted_on)}岁" if p.birth_date else "")
        + (f"，联系电话：{p.phone}" if p.phone else "") + (f"，住址：{p.address}" if p.address else "")
        for p in case.parties
    )  # fmt: skip
    return [
        *title(ctx, "人民调解受理登记表", ctx.issue.verification.number.text),
        form_table(ctx, [[("受理日期", cn_date(acc.accepted_on)), ("申请方式", application)],
                         [("事项编号", case.number)], [("纠纷类型", case.category or BLANK)]]),
        field_box(ctx, "当事人", party_lines),
        field_box(ctx, "受理意见", f"经当事人同意，本委员会调解{between}{case.category or ''}纠纷。"),
        field_box(ctx, "纠纷来源", sources),
        field_box(ctx, "纠纷简要情况", case.facts, 25 * mm),
        form_table(ctx, [[("调解员", "、".join(acc.mediators)), ("登记人", acc.registrar)]]),
        sign_off(ctx, [*party_slots(case.parties, "签名或按指印"), Slot("登记人（签名）")], acc.accepted_on),
        *verification(ctx),
    ]


RIGHTS_TEXT = (
    "人民调解委员会是依法设立的调解民间纠纷的群众性组织。人民调解委员会调解民间纠纷，遵循当事人自愿、平等，"
    "不违背法律、法规和国家政策，尊重当事人权利的原则，不收取任何费用。",
    "根据《中华人民共和国人民调解法》第二十三条的规定，当事人在人民调解活动中享有下列权利：",
    "（一）选择或者接受人民调解员；\n（二）接受调解、拒绝调解或者要求终止调解；\n（三）要求调解公开进行或者不公开进行；\n"
    "（四）自主表达意愿、自愿达成调解协议。",
    "根据《中华人民共和国人民调解法》第二十四条的规定，当事人在人民调解活动中履行下列义务：",
    "（一）如实陈述纠纷事实；\n（二）遵守调解现场秩序，尊重人民调解员；\n（三）尊重对方当事人行使权利。",
    "经人民调解委员会调解达成的调解协议，具有法律约束力，当事人应当按照约定履行。当事人认为有必要的，可以自调解协议"
    "生效之日起三十日内共同向人民法院申请司法确认。经调解不能达成调解协议的，人民调解委员会将终止调解，当事人可以依法"
    "通过仲裁、行政、司法等途径维护自己的权利。",
)


def rights_notice(ctx: Ctx) -> list[Flowable]:
    case = ctx.case
    ts = ctx.ts
    story: list[Flowable] = [
        *title(ctx, "人民调解当事人权利义务告知书", ctx.issue.verification.number.text),
        ts.text(f"{names(case.parties)}：", "plain"),
    ]
    for i, para in enumerate(RIGHTS_TEXT):
        lines = para.split("\n")
        if len(lines) > 1:
            story += [ts.text(line, "body") for line in lines]
        else:
            story.append(ts.text(para, "body", space_after=2 if i else 0))
    story += [
        sign_off(ctx, party_slots(case.parties, "签名或按指印"), case.acceptance.accepted_on if case.acceptance else None,
                 lead=[ts.text("以上内容，人民调解委员会已向本人告知，本人已经知悉。", "body", space_before=6)]),
        *verification(ctx),
    ]
    return story


CHANNEL_TEXT = {
    "arbitration": "仲裁：纠纷依法可以仲裁的（如劳动争议、农村土地承包经营纠纷，或者订有仲裁协议的合同纠纷），"
    "可以依法向有管辖权的仲裁机构申请仲裁；",
    "administrative": "行政途径：纠纷属于行政机关职权范围的，可以依法请求有关行政机关处理；",
    "judicial": "司法途径：可以依法向人民法院提起诉讼。",
}


def termination_notice(ctx: Ctx) -> list[Flowable]:
    case = ctx.case
    term = case.termination
    assert term is not None
    ts = ctx.ts
    accepted = cn_date(case.acceptance.accepted_on) if case.acceptance else BLANK
    channels = [c for c in ("arbitration", "administrative", "judicial") if c in term.channels]
    named = "、".join(CHANNELS[c] for c in channels)
    story: list[Flowable] = [
        *title(ctx, "终止调解告知书", ctx.issue.verification.number.text),
        ts.text(f"{names(case.parties)}：", "plain"),
        ts.text(f"你们之间的{case.category or ''}纠纷（{case.title}），本委员会于{accepted}受理调解。"
                f"因{term.reason.rstrip('。')}，调解不成。根据《中华人民共和国人民调解法》第二十六条的规定，"
                f"本委员会决定终止调解。", "body"),
        ts.text(f"你们可以依法通过{named}途径维护自己的权利：", "body"),
    ]
    for i, c in enumerate(channels, 1):
        story.append(ts.text(f"（{cn_numeral(i)}）{CHANNEL_TEXT[c]}", "body"))
    story += [
        ts.text("申请仲裁、提起诉讼依法有时效期间等期限的规定，请及时行使权利。", "body"),
        ts.text("特此告知。", "body"),
        letter_seal(ctx, term.notified_on),
        KeepTogether([
            ts.text("送　达　回　执", "cell_center", heading=True, size=13, leading=22, space_before=2 * mm),
            grid_table(ts, [["受送达人", "签收（签名或按指印）", "签收日期"],
                            *[[p.name, "", "　　年　　月　　日"] for p in case.parties]],
                       [45 * mm, 66 * mm, 45 * mm], header_rows=1,
                       row_heights=[None] + [9 * mm] * len(case.parties), style="cell_center"),
            ts.text(f"告知人：{or_blank(term.by)}　　告知日期：{cn_date(term.notified_on)}", "cell", space_before=2),
        ]),
        *verification(ctx),
    ]
    return story
