"""人民调解协议书 (People's Mediation Law Art. 29): every party's basic facts, the main facts, the matters in
dispute and each party's responsibility, the agreed terms as numbered clauses, when it takes effect, the
copies, and the signature/seal boxes. Printed as numbered copies, each a complete original."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether

from govdesk.documents.blocks import Ctx, Part, Slot, party_slots, signature_table, title, verification
from govdesk.documents.wording import BLANK, cn_numeral, describe_party, missing_facts, obligation_clause

EFFECT = ("本协议自各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效。")  # fmt: skip
AFTER = ("本协议具有法律约束力，各方当事人应当按照约定履行，人民调解委员会对协议的履行情况进行监督。当事人之间就"
         "本协议的履行或者内容发生争议的，一方当事人可以向人民法院提起诉讼。各方当事人认为有必要的，可以自本协议"
         "生效之日起三十日内共同向人民法院申请司法确认。")  # fmt: skip


def copies_sentence(n_copies: int, party_names: list[str]) -> str:
    holders = "、".join(party_names)
    if n_copies == len(party_names) + 1:
        return f"本协议一式{n_copies}份，{holders}各执一份，人民调解委员会留存一份，每份具有同等效力。"
    return f"本协议一式{n_copies}份，{holders}各执一份，人民调解委员会留存一份，其余备用，每份具有同等效力。"


def holder_of(copy: int, party_names: list[str]) -> str:
    if copy <= len(party_names):
        return f"{party_names[copy - 1]}收执"
    if copy == len(party_names) + 1:
        return "人民调解委员会存档"
    return "备用"


def agreement_body(ctx: Ctx) -> list[Flowable]:
    """The agreement's text and signature boxes (one copy)."""
    case = ctx.case
    a = case.agreement
    assert a is not None
    ts = ctx.ts
    story: list[Flowable] = [*title(ctx, "人民调解协议书", f"编号：{ctx.number_of('agreement') or ctx.issue.verification.number.text}")]
    story += ts.heading("当事人基本情况")
    for p in case.parties:
        story.append(ts.text(describe_party(p, a.made_on, full_id=True), "plain"))
        lacking = missing_facts(p)
        if lacking:
            ctx.warn(f"协议书中{p.name}的{'、'.join(lacking)}未登记，已留空待手写填写。")
    story += ts.heading("纠纷主要事实")
    story.append(ts.text(a.facts or case.facts or BLANK, "body"))
    story += ts.heading("争议事项")
    story.append(ts.text(a.matters or BLANK, "body"))
    story += ts.heading("各方责任")
    if not a.responsibilities.strip():
        ctx.warn("协议书未写明各方责任，已留空待填写。")
    story.append(ts.text(a.responsibilities or BLANK, "body"))
    story += ts.heading("协议内容")
    story.append(ts.text(f"经{case.committee.name}调解，各方当事人自愿达成如下协议：", "body"))
    for o in a.obligations:
        story.append(ts.text(f"{cn_numeral(o.position)}、{obligation_clause(o)}", "body"))
        if o.due_on is None or not o.place.strip():
            ctx.warn("协议书有履行事项未写明履行期限或履行地点，已留空待填写。")
    n = len(a.obligations)
    story.append(ts.text(f"{cn_numeral(n + 1)}、{AFTER}", "body"))
    story.append(ts.text(f"{cn_numeral(n + 2)}、{EFFECT}", "body"))
    names = [p.name for p in case.parties]
    if a.copies < len(names) + 1:
        ctx.warn(f"协议份数（{a.copies}份）少于当事人人数加一（{len(names) + 1}份），委员会或有当事人将没有原件。")
    # The last clause stays on the page with the signatures: no signature page without agreement text.
    slots = [*party_slots(case.parties), Slot("人民调解员（签名）"), Slot("记录人（签名）")]
    story.append(KeepTogether([
        ts.text(f"{cn_numeral(n + 3)}、{copies_sentence(a.copies, names)}", "body"),
        ts.text("（以下无正文）", "center", size=12, leading=20),
        signature_table(ctx, slots, heading="签名、盖章或按指印", keep=False, seal=True, seal_day=a.made_on),
    ]))  # fmt: skip
    return story


def agreement(ctx: Ctx, copies: list[int] | None = None, note: str = "") -> list[Part]:
    """Every copy (by default) or the copies asked for, each complete: “第1份 共3份（王某收执）” at the head of
    each of its pages. All copies print from one layout (the text of the copies is identical)."""
    a = ctx.case.agreement
    assert a is not None
    names = [p.name for p in ctx.case.parties]
    total = max(a.copies, 1)
    v = ctx.issue.related.get("agreement", ctx.issue.verification)

    def label(k: int) -> str:
        return f"第{k}份 共{total}份（{holder_of(k, names)}）"

    if copies is None:
        every = tuple(label(k) for k in range(1, total + 1))
        body = [*agreement_body(ctx), *verification(ctx, v, note)]
        return [Part(body, copies=every)]
    return [Part([*agreement_body(ctx), *verification(ctx, v, note or f"本份为{label(k)}。")], label(k)) for k in copies]
