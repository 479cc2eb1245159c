"""人民调解协议书 (People's Mediation Law Art. 29): every party's basic facts, the main facts, the matters in
dispute and each party's responsibility, the agreed terms as numbered clauses, when it takes effect, the
copies, and the signature/seal boxes. Printed as numbered copies, each a complete original.

人民调解补充协议书: a signed agreement is never edited; a change is a supplementary agreement with the same
items, its own number and signatures, which names the agreement it supplements (its number and dates)."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether

from govdesk.documents.blocks import Ctx, Part, Slot, party_slots, signature_table, title, verification
from govdesk.documents.catalog import supplement_kind
from govdesk.documents.data import DocumentAgreement
from govdesk.documents.wording import BLANK, cn_date, cn_numeral, describe_party, missing_facts, obligation_clause

EFFECT = ("本协议自各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效。")  # fmt: skip
AFTER = ("本协议具有法律约束力，各方当事人应当按照约定履行，人民调解委员会对协议的履行情况进行监督。当事人之间就"
         "本协议的履行或者内容发生争议的，一方当事人可以向人民法院提起诉讼。各方当事人认为有必要的，可以自本协议"
         "生效之日起三十日内共同向人民法院申请司法确认。")  # fmt: skip
SUPPLEMENT_TITLE = "人民调解补充协议书"
SUPPLEMENT_BOND = ("本补充协议是原协议的组成部分，与原协议具有同等效力。本补充协议与原协议约定不一致的，以本补充协议为准；"
                   "本补充协议未涉及的，原协议的其他条款继续有效，各方当事人仍应按照原协议履行。")  # fmt: skip


def copies_sentence(n_copies: int, party_names: list[str], word: str = "本协议") -> str:
    holders = "、".join(party_names)
    if n_copies == len(party_names) + 1:
        return f"{word}一式{n_copies}份，{holders}各执一份，人民调解委员会留存一份，每份具有同等效力。"
    return f"{word}一式{n_copies}份，{holders}各执一份，人民调解委员会留存一份，其余备用，每份具有同等效力。"


def holder_of(copy: int, party_names: list[str]) -> str:
    if copy <= len(party_names):
        return f"{party_names[copy - 1]}收执"
    if copy == len(party_names) + 1:
        return "人民调解委员会存档"
    return "备用"


def _which(ctx: Ctx, supplement: int) -> DocumentAgreement:
    a = ctx.case.supplements[supplement - 1] if supplement else ctx.case.agreement
    assert a is not None
    return a


def original_reference(ctx: Ctx) -> str:
    """“本协议是对(2026)荷塘人调字第01-012号人民调解协议书的补充。原协议于…达成，自…起生效。”"""
    original = ctx.case.agreement
    assert original is not None
    number = ctx.number_of("agreement")
    if not number:
        ctx.warn("补充协议未能注明原协议书的编号，已留空待填写。")
    effect = f"，自{cn_date(original.effective_on)}起生效" if original.effective_on else ""
    return (f"本协议是对{number or '编号' + BLANK + '的'}人民调解协议书的补充。原协议由各方当事人于{cn_date(original.made_on)}"
            f"经{ctx.case.committee.name}调解达成{effect}。")  # fmt: skip


def agreement_body(ctx: Ctx, supplement: int = 0) -> list[Flowable]:
    """The agreement's (or its ``supplement``-th supplementary agreement's) text and signature boxes, one copy."""
    case = ctx.case
    a = _which(ctx, supplement)
    ts = ctx.ts
    kind = supplement_kind(supplement) if supplement else "agreement"
    doc_title = SUPPLEMENT_TITLE if supplement else "人民调解协议书"
    word = "本补充协议" if supplement else "本协议"
    where = "补充协议" if supplement else "协议书"
    story: list[Flowable] = [*title(ctx, doc_title, f"编号：{ctx.number_of(kind) or ctx.issue.verification.number.text}")]
    if supplement:
        story.append(ts.text(original_reference(ctx), "body"))
    story += ts.heading("当事人基本情况")
    for p in case.parties:
        story.append(ts.text(describe_party(p, a.made_on, full_id=True), "plain"))
        lacking = missing_facts(p)
        if lacking:
            ctx.warn(f"{where}中{p.name}的{'、'.join(lacking)}未登记，已留空待手写填写。")
    story += ts.heading("纠纷主要事实")
    story.append(ts.text(a.facts or case.facts or BLANK, "body"))
    story += ts.heading("争议事项（需补充或变更的事项）" if supplement else "争议事项")
    story.append(ts.text(a.matters or BLANK, "body"))
    story += ts.heading("各方责任")
    if not a.responsibilities.strip():
        ctx.warn(f"{where}未写明各方责任，已留空待填写。")
    story.append(ts.text(a.responsibilities or BLANK, "body"))
    story += ts.heading("补充协议内容" if supplement else "协议内容")
    if supplement:
        story.append(ts.text(f"经{case.committee.name}调解，各方当事人在原协议的基础上自愿达成如下补充协议：", "body"))
    else:
        story.append(ts.text(f"经{case.committee.name}调解，各方当事人自愿达成如下协议：", "body"))
    for o in a.obligations:
        story.append(ts.text(f"{cn_numeral(o.position)}、{obligation_clause(o)}", "body"))
        if o.due_on is None or not o.place.strip():
            ctx.warn(f"{where}有履行事项未写明履行期限或履行地点，已留空待填写。")
    closing = [SUPPLEMENT_BOND] if supplement else []
    closing += [AFTER.replace("本协议", word), EFFECT.replace("本协议", word)]
    n = len(a.obligations)
    story += [ts.text(f"{cn_numeral(n + i)}、{text}", "body") for i, text in enumerate(closing, 1)]
    names = [p.name for p in case.parties]
    if a.copies < len(names) + 1:
        ctx.warn(f"{'补充协议' if supplement else '协议'}份数（{a.copies}份）少于当事人人数加一（{len(names) + 1}份），"
                 "委员会或有当事人将没有原件。")
    # The last clause stays on the page with the signatures: no signature page without agreement text.
    slots = [*party_slots(case.parties), Slot("人民调解员（签名）"), Slot("记录人（签名）")]
    story.append(KeepTogether([
        ts.text(f"{cn_numeral(n + len(closing) + 1)}、{copies_sentence(a.copies, names, word)}", "body"),
        ts.text("（以下无正文）", "center", size=12, leading=20),
        signature_table(ctx, slots, heading="签名、盖章或按指印", keep=False, seal=True, seal_day=a.made_on),
    ]))  # fmt: skip
    return story


def _copies(ctx: Ctx, supplement: int, copies: list[int] | None, note: str) -> list[Part]:
    a = _which(ctx, supplement)
    names = [p.name for p in ctx.case.parties]
    total = max(a.copies, 1)
    v = ctx.issue.related.get(supplement_kind(supplement) if supplement else "agreement", ctx.issue.verification)

    def label(k: int) -> str:
        return f"第{k}份 共{total}份（{holder_of(k, names)}）"

    if copies is None:
        every = tuple(label(k) for k in range(1, total + 1))
        body = [*agreement_body(ctx, supplement), *verification(ctx, v, note)]
        return [Part(body, copies=every)]
    return [Part([*agreement_body(ctx, supplement), *verification(ctx, v, note or f"本份为{label(k)}。")], label(k))
            for k in copies]  # fmt: skip


def agreement(ctx: Ctx, copies: list[int] | None = None, note: str = "") -> list[Part]:
    """Every copy (by default) or the copies asked for, each complete: “第1份 共3份（王某收执）” at the head of
    each of its pages. All copies print from one layout (the text of the copies is identical)."""
    return _copies(ctx, 0, copies, note)


def supplement(ctx: Ctx, n: int, copies: list[int] | None = None, note: str = "") -> list[Part]:
    """The ``n``-th supplementary agreement, in numbered complete copies like the agreement."""
    return _copies(ctx, n, copies, note)
