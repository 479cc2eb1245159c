"""司法确认申请书 (a joint application, pre-filled) and the judicial-confirmation pack: the court's checklist
with the competent court and the last day of the 30-day window, the application, and the agreement."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from govdesk.documents.agreement import agreement, supplement
from govdesk.documents.blocks import Ctx, Part, field_box, form_table, party_slots, signature_table, title, verification
from govdesk.documents.catalog import supplement_kind
from govdesk.documents.data import DocumentAgreement
from govdesk.documents.typesetting import TEXT_WIDTH, grid_table
from govdesk.documents.wording import BLANK, cn_date, cn_numeral, describe_party, names, obligation_clause, role_label

COURT_RULE = ("当事人住所地、标的物所在地或者人民调解委员会所在地的基层人民法院；调解协议所涉纠纷应当由中级人民法院"
              "管辖的，向相应的中级人民法院提出")  # fmt: skip
PROMISE = (
    "（一）出于解决纠纷的目的自愿达成调解协议，没有恶意串通、规避法律的行为；",
    "（二）如果因为该协议内容而给他人造成损害的，愿意承担相应的民事责任和其他法律责任。",
)
ATTACHMENTS = ("人民调解协议书", "各方当事人的身份证明材料", "各方当事人的送达地址、联系方式",
               "与调解协议相关的财产权利证明材料（涉及时提交）", "授权委托书（委托代理人申请时提交）")  # fmt: skip


def _court(ctx: Ctx) -> str:
    a = ctx.case.current_agreement
    return a.confirmation_court.strip() if a and a.confirmation_court.strip() else ""


def _numbered(ctx: Ctx, a: DocumentAgreement) -> str:
    """“（编号：…）” of the agreement or supplementary agreement, when it was issued."""
    number = ctx.number_of(supplement_kind(a.supplement_no) if a.supplement_no else "agreement")
    return f"（编号：{number}）" if number else ""


def _what(ctx: Ctx) -> str:
    """What the parties ask the court to confirm: the agreement, or the supplementary agreement and the
    agreement it supplements."""
    case = ctx.case
    a, c = case.agreement, case.current_agreement
    assert a is not None and c is not None
    if not c.supplement_no:
        return f"于{cn_date(a.made_on)}经{case.committee.name}主持调解达成的人民调解协议{_numbered(ctx, a)}"
    return (f"于{cn_date(c.made_on)}经{case.committee.name}主持调解达成的人民调解补充协议{_numbered(ctx, c)}，"
            f"及其所补充的{cn_date(a.made_on)}达成的人民调解协议{_numbered(ctx, a)}")  # fmt: skip


def application(ctx: Ctx) -> list[Flowable]:
    case = ctx.case
    a = case.current_agreement
    original = case.agreement
    assert a is not None and a.effective_on is not None and original is not None
    ts = ctx.ts
    court = _court(ctx) or f"{BLANK}人民法院"
    accepted = cn_date(case.acceptance.accepted_on) if case.acceptance else BLANK
    story: list[Flowable] = [*title(ctx, "司法确认申请书", ctx.issue.verification.number.text)]
    story += ts.heading("申请人")
    # Before the court every party is an applicant: the application is a joint one.
    story += [ts.text(describe_party(p, a.effective_on, full_id=True, role="申请人"), "plain") for p in case.parties]
    story += ts.heading("请求事项")
    story.append(ts.text(f"请求人民法院依法确认申请人{names(case.parties)}{_what(ctx)}有效。", "body"))
    story += ts.heading("事实和理由")
    signed = "经各方当事人签名（盖章、按指印）、人民调解员签名并加盖人民调解委员会印章"
    if a.supplement_no:
        effect = f"，于{cn_date(original.effective_on)}生效" if original.effective_on else ""
        story.append(ts.text(
            f"申请人之间因{case.title}发生纠纷，{case.committee.name}于{accepted}受理调解。经调解，申请人于"
            f"{cn_date(original.made_on)}自愿达成调解协议{_numbered(ctx, original)}{effect}。此后，申请人于"
            f"{cn_date(a.made_on)}就原协议自愿达成补充协议{_numbered(ctx, a)}，补充协议{signed}，于{cn_date(a.effective_on)}"
            "生效。补充协议的主要内容如下：", "body"))  # fmt: skip
    else:
        story.append(ts.text(
            f"申请人之间因{case.title}发生纠纷，{case.committee.name}于{accepted}受理调解。经调解，申请人于"
            f"{cn_date(a.made_on)}自愿达成调解协议，协议{signed}，于{cn_date(a.effective_on)}生效。协议的主要内容如下：",
            "body"))  # fmt: skip
    for o in a.obligations:
        story.append(ts.text(f"{cn_numeral(o.position)}、{obligation_clause(o)}", "body"))
    story.append(ts.text(
        "申请人依照《中华人民共和国人民调解法》第三十三条和《中华人民共和国民事诉讼法》关于确认调解协议案件的规定，"
        "自调解协议生效之日起三十日内共同向人民法院申请司法确认。申请人承诺：", "body"))  # fmt: skip
    story += [ts.text(x, "body") for x in PROMISE]
    story += [ts.text("此致", "body", space_before=6), ts.text(court, "plain")]
    attachments = (("人民调解补充协议书", *ATTACHMENTS) if a.supplement_no else ATTACHMENTS)
    story.append(ts.text("附：" + "；".join(f"{i}. {x}" for i, x in enumerate(attachments, 1)) + "。", "plain",
                         space_before=6))  # fmt: skip
    story.append(signature_table(ctx, party_slots(case.parties, role="申请人"), heading="申请人签名"))
    applied = cn_date(a.confirmation_applied_on) if a.confirmation_applied_on else "　　　　年　　月　　日"
    story.append(ts.text(f"申请日期：{applied}", "right", space_before=4))
    return [*story, *verification(ctx)]


def checklist(ctx: Ctx) -> list[Flowable]:
    case = ctx.case
    a = case.current_agreement
    original = case.agreement
    assert a is not None and a.effective_on is not None and original is not None
    ts = ctx.ts
    court = _court(ctx)
    last = a.confirmation_last_day
    ids = []
    for p in case.parties:
        if p.is_organisation:
            ids.append(f"{p.name}：营业执照（统一社会信用代码 {p.credit_code or BLANK}）复印件，法定代表人（负责人）"
                       f"{p.representative or ''}身份证明书及其身份证件复印件")  # fmt: skip
        else:
            ids.append(f"{p.name}：{p.id_type or '身份证件'} {p.id_number or BLANK}（复印件，核对原件）")
    items = [
        ("司法确认申请书（各方当事人共同签名；一方申请的，附另一方同意的书面意见）", "1份"),
        (f"人民调解协议书原件（编号：{ctx.number_of('agreement') or BLANK}）", "1份"),
        *([(f"人民调解补充协议书原件（编号：{ctx.number_of(supplement_kind(a.supplement_no)) or BLANK}）", "1份")]
          if a.supplement_no else []),
        ("当事人身份证明：\n" + "\n".join(ids), "各1份"),
        ("民事行为能力证明：当事人为无民事行为能力人或者限制民事行为能力人的，由其法定代理人代为申请，并提交监护关系证明",
         "如有"),
        ("与调解协议相关的财产权利证明：协议涉及房屋、土地、车辆、股权等财产权利的，提交权属证明", "涉及时"),
        ("送达地址确认书：各方当事人的送达地址、联系电话（见下表，请核对后签名）", "1份"),
        ("授权委托书：委托代理人申请的，提交经特别授权的授权委托书和代理人身份证明", "委托时"),
    ]  # fmt: skip
    rows: list[list[object]] = [["序号", "材　　料", "份数", "已备"]]
    rows += [[str(i), ts.text(text, "cell"), qty, "□"] for i, (text, qty) in enumerate(items, 1)]
    addresses: list[list[object]] = [["当事人", "送达地址", "联系电话", "确认签名"]]
    for p in case.parties:
        addresses.append([ts.text(f"{role_label(p.role)}\n{p.name}", "cell_center"), ts.text(p.address or "", "cell"),
                          ts.text(p.phone or "", "cell_center"), ""])  # fmt: skip
    return [
        *title(ctx, "司法确认申请材料清单", ctx.issue.verification.number.text),
        form_table(ctx, [
            [("调解协议", f"{case.committee.name}主持达成的人民调解协议（{cn_date(original.made_on)}）"
                         + (f"及其补充协议（{cn_date(a.made_on)}）" if a.supplement_no else ""))],
            [("补充协议生效日期" if a.supplement_no else "协议生效日期", cn_date(a.effective_on)),
             ("申请最后一天", cn_date(last) if last else BLANK)],
            [("申请期限", f"自{'补充协议' if a.supplement_no else '调解协议'}生效之日起三十日内，即最迟于{cn_date(last) if last else BLANK}前（含当日）向人民法院提出"
                         "（《中华人民共和国人民调解法》第三十三条）")],
            [("受理法院", court or f"{BLANK}人民法院（{COURT_RULE}）")],
            [("申请方式", "各方当事人共同向人民法院提出申请；一方当事人提出申请，另一方表示同意的，视为共同提出申请。")],
        ]),
        field_box(ctx, "当事人", "\n".join(f"{role_label(p.role)}：{p.name}" for p in case.parties)),
        Spacer(1, 5 * mm),
        *ts.heading("人民法院所需材料", "heading"),
        grid_table(ts, rows, [14 * mm, TEXT_WIDTH - 14 * mm - 22 * mm - 14 * mm, 22 * mm, 14 * mm], header_rows=1,
                   style="cell_center"),
        Spacer(1, 5 * mm),
        KeepTogether([
            *ts.heading("送达地址确认书", "heading"),
            grid_table(ts, addresses, [26 * mm, 64 * mm, 30 * mm, TEXT_WIDTH - 120 * mm], header_rows=1,
                       row_heights=[None] + [16 * mm] * len(case.parties)),
        ]),
        ts.text("人民法院自收到申请之日起三日内决定是否受理；受理后依法审查并作出确认调解协议有效或者驳回申请的裁定。",
                "cell", space_before=6),
        *verification(ctx),
    ]


def confirmation_application(ctx: Ctx) -> list[Part]:
    return [Part(application(ctx))]


def confirmation_pack(ctx: Ctx) -> list[Part]:
    """The checklist (the pack's own number), then the application and the agreement with their numbers."""
    parts = [Part(checklist(ctx))]
    app_ctx = ctx.for_document("confirmation-application")
    parts.append(Part(application(app_ctx), decor=app_ctx.decor(group="application")))
    agreement_ctx = ctx.for_document("agreement")
    names_ = [p.name for p in ctx.case.parties]
    committee_copy = len(names_) + 1
    for part in agreement(agreement_ctx, [committee_copy], "本份供申请司法确认时核对，以各方签名盖章的协议书原件为准。"):
        parts.append(Part(part.flowables, decor=agreement_ctx.decor(group="agreement", copy_label="供核对")))
    current = ctx.case.current_agreement
    if current is not None and current.supplement_no:
        kind = supplement_kind(current.supplement_no)
        sup_ctx = ctx.for_document(kind)
        for part in supplement(sup_ctx, current.supplement_no, [committee_copy],
                               "本份供申请司法确认时核对，以各方签名盖章的补充协议书原件为准。"):  # fmt: skip
            parts.append(Part(part.flowables, decor=sup_ctx.decor(group=kind, copy_label="供核对")))
    return parts
