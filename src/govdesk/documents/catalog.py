"""The document kinds (Ministry of Justice people's-mediation formats, 2010): names, when a case has the data
for one, what each prints (its content, which the content hash covers) and the dossier's 13 slots."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Any

from govdesk.documents.data import CaseFile, DocumentAgreement
from govdesk.domain.codes import Kind
from govdesk.domain.errors import ValidationError


class DocumentUnavailable(ValidationError):
    """The case has no data for this kind of document (yet)."""


@dataclass(frozen=True)
class DocKind:
    cli: str
    name: str
    legal: bool  # a legal document: prints full ID numbers (the others print them masked)
    about: str


KINDS: tuple[DocKind, ...] = (
    DocKind("application", "人民调解申请书", False, "当事人申请调解（预填，供申请人签名）"),
    DocKind("acceptance", "人民调解受理登记表", False, "受理登记"),
    DocKind("rights-notice", "人民调解当事人权利义务告知书", False, "受理时告知当事人权利义务，当事人签名确认"),
    DocKind("investigation", "人民调解调查记录", False, "每次调查一份记录"),
    DocKind("session", "人民调解记录", False, "每次调解一份记录"),
    DocKind("agreement", "人民调解协议书", True, "书面调解协议，按份数每份一个原件"),
    DocKind("supplement", "人民调解补充协议书", True, "对已生效协议的补充或变更（最近一份；supplement-1、supplement-2…指定第几份）"),
    DocKind("oral-agreement", "人民调解口头协议登记表", False, "口头协议的登记"),
    DocKind("follow-up", "人民调解回访记录", False, "每次回访一份记录"),
    DocKind("termination-notice", "终止调解告知书", False, "调解不成时告知仲裁、行政、司法途径"),
    DocKind("confirmation-application", "司法确认申请书", True, "各方当事人共同申请，预填"),
    DocKind("confirmation-pack", "司法确认申请材料", True, "申请书、协议书、法院所需材料清单、受理法院和申请期限"),
    DocKind("dossier", "人民调解卷宗", True, "封面、卷内目录、卷内文书、备考表"),
)
BY_CLI = {k.cli: k for k in KINDS}
SUPPLEMENT = "supplement"  # the latest supplementary agreement; "supplement-N" is the N-th (as issued and filed)

# The dossier's table of contents (司法部人民调解文书格式): slot, name, required.
DOSSIER_SLOTS: tuple[tuple[int, str, bool], ...] = (
    (1, "人民调解申请书或人民调解受理登记表", True),
    (2, "人民调解当事人权利义务告知书", True),
    (3, "当事人身份证明材料", True),
    (4, "授权委托书", False),
    (5, "人民调解调查记录", False),
    (6, "证据材料", False),
    (7, "人民调解记录", True),
    (8, "人民调解协议书", True),
    (9, "履行协议的凭证（收条、转账凭证等）", False),
    (10, "人民调解回访记录", False),
    (11, "司法确认材料", False),
    (12, "卷宗情况说明", False),
    (13, "封底（备考表）", True),
)


def supplement_kind(n: int) -> str:
    return f"{SUPPLEMENT}-{n}"


def supplement_no(kind: str) -> int | None:
    """N of a "supplement-N" kind (the N-th supplementary agreement of the case); None for other kinds."""
    head, _, tail = kind.partition("-")
    return int(tail) if head == SUPPLEMENT and tail.isdigit() and int(tail) > 0 else None


def doc_kind(kind: str) -> DocKind:
    """The kind of a document as issued ("supplement-2" is the second 人民调解补充协议书)."""
    n = supplement_no(kind)
    if n is None:
        return BY_CLI[kind]
    base = BY_CLI[SUPPLEMENT]
    return DocKind(kind, base.name + (f"（{cn_ordinal(n)}）" if n > 1 else ""), base.legal, base.about)


def doc_name(kind: str) -> str:
    try:
        return doc_kind(kind).name
    except KeyError:
        return kind


def cn_ordinal(n: int) -> str:
    digits = "零一二三四五六七八九"
    return digits[n] if n < 10 else str(n)


def kind_by_cli(name: str) -> DocKind:
    try:
        return doc_kind(name.strip())
    except KeyError:
        raise ValidationError(f"文书种类“{name}”不认识。可用的种类：{' '.join(BY_CLI)}。", "kind") from None


def resolve_kind(kind: str, case: CaseFile) -> str:
    """The kind as it is issued: "supplement" is the case's latest supplementary agreement ("supplement-N")."""
    if kind != SUPPLEMENT:
        return kind
    if not case.supplements:
        raise DocumentUnavailable(_no_supplement(case))
    return supplement_kind(len(case.supplements))


def _no_supplement(case: CaseFile) -> str:
    if case.agreement is None:
        return "这个纠纷还没有调解协议，也就没有补充协议。"
    return "这个纠纷没有订立过补充协议（补充协议通过“订立补充协议”办理）。"


def supplement_of(kind: str, case: CaseFile) -> DocumentAgreement | None:
    n = supplement_no(kind)
    return case.supplements[n - 1] if n is not None and n <= len(case.supplements) else None


def check_available(kind: str, case: CaseFile, today: dt.date) -> None:
    """Refuse, with a message fit for the user, when the case has no data for this document."""
    name = doc_name(kind)
    if supplement_no(kind) is not None or kind == SUPPLEMENT:
        if case.kind == Kind.DISPUTE.value and not case.refused and supplement_of(kind, case) is None:
            n = supplement_no(kind)
            raise DocumentUnavailable(_no_supplement(case) if not case.supplements or n is None
                                      else f"这个纠纷只有{len(case.supplements)}份补充协议，没有第{n}份。")  # fmt: skip
        kind = SUPPLEMENT
    if case.kind != Kind.DISPUTE.value:
        raise DocumentUnavailable(f"只有矛盾纠纷（人民调解）事项才有{name}；这个事项是{Kind(case.kind).label}。")
    if case.refused and kind not in ("application",):
        raise DocumentUnavailable(f"这个纠纷未受理调解（不予受理），没有{name}。")
    acc, agreement = case.acceptance, case.agreement
    problem = {
        "application": "本案由人民调解委员会主动调解，没有调解申请书；请打印人民调解受理登记表（acceptance）。"
        if acc is not None and acc.application == "initiative" else None,
        "acceptance": None if acc else "这个纠纷还没有受理，没有受理登记表。请先受理。",
        "rights-notice": None,
        "investigation": None if case.investigations else "这个纠纷还没有调查记录。",
        "session": None if case.sessions else "这个纠纷还没有调解记录。",
        "agreement": _written_problem(agreement),
        "supplement": None,
        "oral-agreement": _oral_problem(agreement),
        "follow-up": None if case.follow_ups else "这个纠纷还没有回访记录。",
        "termination-notice": None if case.termination else "这个纠纷的调解没有终止（没有“调解不成”的记录），不能出具终止调解告知书。",
        "confirmation-application": _confirmation_problem(case.current_agreement, today),
        "confirmation-pack": _confirmation_problem(case.current_agreement, today),
        "dossier": None if acc else "这个纠纷还没有受理调解，还不能立卷。",
    }[kind]  # fmt: skip
    if problem:
        raise DocumentUnavailable(problem)


def _written_problem(agreement: DocumentAgreement | None) -> str | None:
    if agreement is None:
        return "这个纠纷还没有调解协议。"
    if agreement.oral:
        return "本案达成的是口头协议，没有书面协议书；请打印人民调解口头协议登记表（oral-agreement）。"
    return None


def _oral_problem(agreement: DocumentAgreement | None) -> str | None:
    if agreement is None:
        return "这个纠纷还没有调解协议。"
    if not agreement.oral:
        return "本案达成的是书面调解协议，请打印人民调解协议书（agreement）。"
    return None


def _confirmation_problem(agreement: DocumentAgreement | None, today: dt.date) -> str | None:
    problem = _written_problem(agreement)
    if problem or agreement is None:
        return problem
    what = "补充协议" if agreement.supplement_no else "调解协议"
    if agreement.effective_on is None:
        return f"{what}尚未生效（还缺当事人、调解员签名或委员会印章），不能申请司法确认。"
    last = agreement.confirmation_last_day
    if agreement.confirmation_applied_on is None and last is not None and today > last:
        return (f"已超过司法确认的申请期限：应在{what}生效之日（{agreement.effective_on.isoformat()}）起三十日内申请，"
                f"最后一天是{last.isoformat()}。")  # fmt: skip
    return None


def _agreement_text(a: DocumentAgreement | None) -> dict[str, Any] | None:
    """The agreement as signed: what later events (signatures, follow-ups, confirmation) do not change."""
    if a is None:
        return None
    text = {
        "oral": a.oral, "made_on": a.made_on, "facts": a.facts, "matters": a.matters,
        "responsibilities": a.responsibilities, "copies": a.copies, "mediators": a.mediators, "recorder": a.recorder,
        "obligations": [dataclasses.replace(o, performance="") for o in a.obligations],
    }  # fmt: skip
    if a.supplement_no:
        text["supplement_no"] = a.supplement_no
    return text


def content_of(kind: str, case: CaseFile) -> dict[str, Any]:
    """Exactly what a document of ``kind`` prints about the case; its hash identifies the document."""
    head = {"committee": case.committee, "case": case.number}
    acc = case.acceptance
    a = case.agreement
    if kind == "application":
        return head | {"title": case.title, "category": case.category, "parties": case.parties, "facts": case.facts,
                       "claims": case.claims, "registered_on": case.registered_on}  # fmt: skip
    if kind == "acceptance":
        return head | {"title": case.title, "category": case.category, "channel": case.channel,
                       "parties": case.parties, "facts": case.facts, "acceptance": acc}  # fmt: skip
    if kind == "rights-notice":
        return head | {"parties": case.parties, "accepted_on": acc.accepted_on if acc else None}
    if kind == "investigation":
        return head | {"title": case.title, "investigations": case.investigations}
    if kind == "session":
        return head | {"title": case.title, "category": case.category, "parties": case.parties,
                       "sessions": case.sessions, "agreement": _agreement_text(a), "termination": case.termination}  # fmt: skip
    if kind in ("agreement", "oral-agreement"):
        return head | {"parties": case.parties, "facts": case.facts, "agreement": _agreement_text(a)}
    supplement = supplement_of(kind, case)
    if supplement is not None:  # the original's date and effect are printed in the supplement's reference to it
        return head | {"parties": case.parties, "facts": case.facts, "agreement": _agreement_text(supplement),
                       "original": _agreement_text(a), "original_effective_on": a.effective_on if a else None}  # fmt: skip
    if kind == "follow-up":
        return head | {"title": case.title, "agreement": _agreement_text(a), "follow_ups": case.follow_ups}
    if kind == "termination-notice":
        return head | {"title": case.title, "category": case.category, "parties": case.parties,
                       "accepted_on": acc.accepted_on if acc else None, "termination": case.termination}  # fmt: skip
    if kind in ("confirmation-application", "confirmation-pack"):
        c = case.current_agreement
        assert a is not None and c is not None
        out = head | {"parties": case.parties, "agreement": _agreement_text(c), "effective_on": c.effective_on,
                      "court": c.confirmation_court, "applied_on": c.confirmation_applied_on,
                      "last_day": c.confirmation_last_day}  # fmt: skip
        if c.supplement_no:
            out |= {"original": _agreement_text(a), "original_effective_on": a.effective_on}
        return out
    if kind == "dossier":
        return {"case": case}
    raise KeyError(kind)


def constituents(kind: str, case: CaseFile) -> list[str]:
    """The documents a bundle contains, in order (each keeps its own number)."""
    if kind == "confirmation-pack":
        c = case.current_agreement
        if c is not None and c.supplement_no:  # the court reads the supplement with the agreement it supplements
            return ["confirmation-application", "agreement", supplement_kind(c.supplement_no)]
        return ["confirmation-application", "agreement"]
    if kind != "dossier":
        return []
    out = []
    acc, a = case.acceptance, case.agreement
    if acc is not None and acc.application == "written":
        out.append("application")  # an oral application is recorded on the acceptance register itself
    out += ["acceptance", "rights-notice"]
    if case.investigations:
        out.append("investigation")
    if case.sessions:
        out.append("session")
    if a is not None:
        out.append("oral-agreement" if a.oral else "agreement")
        out += [supplement_kind(s.supplement_no) for s in case.supplements]
    if case.termination is not None:
        out.append("termination-notice")
    if case.follow_ups:
        out.append("follow-up")
    c = case.current_agreement
    if c is not None and not c.oral and c.confirmation_applied_on is not None:
        out.append("confirmation-application")
    return out
