"""Plain-data cases for the document builders (no store): a written agreement between a person and a company,
with every record a mediation produces."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from govdesk.documents.blocks import Issue
from govdesk.documents.catalog import content_of
from govdesk.documents.data import (
    Acceptance,
    CaseFile,
    Committee,
    Correction,
    DocumentAgreement,
    DocumentObligation,
    DocumentParty,
    Filing,
    FollowUpRecord,
    InvestigationRecord,
    SessionRecord,
    Termination,
)
from govdesk.documents.fonts import FontSet, load_fonts
from govdesk.documents.verification import DocNumber, Verification, content_digest

FONT_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"
COMMITTEE = Committee("荷塘镇人民调解委员会", "荷塘镇综合治理中心", "330499101")
PERSON = DocumentParty(
    0, "applicant", "王𠮷", gender="男", ethnicity="汉族", birth_date=dt.date(1990, 3, 15), id_type="居民身份证",
    id_number="330483199003150013", phone="13800138000", address="荷塘镇桑园村3组18号",
)
SECOND = DocumentParty(
    1, "respondent", "李䶮", gender="女", ethnicity="回族", birth_date=dt.date(1985, 1, 1), id_type="居民身份证",
    id_number="330483198501010027", phone="13900139000", address="荷塘镇桑园村3组20号",
)
COMPANY = DocumentParty(
    2, "third_party", "宏达纺织有限公司", is_organisation=True, credit_code="91330499000014779M",
    representative="张建国", phone="0573-84592806", address="荷塘镇杨家湾村工业功能区经二路87号",
)
OBLIGATIONS = (
    DocumentObligation(1, "李䶮", "王𠮷", "拆除越界部分围墙", None, dt.date(2026, 12, 31), "自行拆除", "荷塘镇桑园村3组"),
    DocumentObligation(2, "宏达纺织有限公司", "王𠮷", "赔偿损失", 150000, dt.date(2026, 12, 15), "银行转账", "荷塘镇人民调解委员会"),
)


def agreement(**changes: object) -> DocumentAgreement:
    base = dict(
        oral=False, made_on=dt.date(2026, 11, 20), facts="双方因宅基地东侧围墙边界发生争执，李䶮砌墙越界约0.5米。",
        matters="东侧围墙是否越界及损失如何赔偿", responsibilities="被申请人砌墙越界，应负主要责任；第三人施工不当，应负次要责任。",
        obligations=OBLIGATIONS, copies=4, effective_on=dt.date(2026, 11, 21), confirmation_last_day=dt.date(2026, 12, 21),
        mediators=("张调解员",), recorder="赵记录",
    )
    base.update(changes)
    return DocumentAgreement(**base)  # type: ignore[arg-type]


def case_file(**changes: object) -> CaseFile:
    base = dict(
        committee=COMMITTEE, number="330499101-2026-01-00012", title="宅基地边界纠纷", kind="dispute", status="agreed",
        category="房屋宅基地", channel="walk_in", facts="双方因宅基地东侧围墙边界发生争执。", claims="1. 拆除越界围墙；2. 赔偿损失1500元",
        occurred_on=dt.date(2026, 11, 1), registered_on=dt.date(2026, 11, 5), address="荷塘镇桑园村3组",
        parties=(PERSON, SECOND, COMPANY),
        acceptance=Acceptance(dt.date(2026, 11, 6), ("张调解员",), "written", "许丽"),
        investigations=(InvestigationRecord("2026-11-08 09:30", "桑园村3组现场", ("村委会主任",), "李䶮", "赵记录", "张调解员",
                                            "现场查看，围墙东侧越界约0.5米。",
                                            (Correction(dt.date(2026, 11, 9), "张调解员", "围墙东侧越界约0.4米。", "复测"),)),),
        sessions=(SessionRecord("2026-11-20 14:00", "调解室", ("张调解员",), ("王𠮷", "李䶮", "宏达纺织有限公司", "村委会主任"),
                                "双方陈述，调解员释法。", "", "赵记录"),),
        agreement=agreement(),
        follow_ups=(FollowUpRecord(dt.date(2026, 12, 20), "张调解员", "王𠮷", ((1, "performed"), (2, "partly")), "basically", "",
                                   "", "督促第三人按期支付余款"),),
        filing=Filing(dt.date(2026, 11, 20), dt.date(2026, 11, 20), dt.date(2026, 12, 25), dt.date(2026, 12, 28), "邓红", "长期"),
    )
    base.update(changes)
    return CaseFile(**base)  # type: ignore[arg-type]


def failed_case() -> CaseFile:
    return case_file(status="failed", agreement=None, follow_ups=(),
                     termination=Termination("双方分歧较大，未能达成一致", ("arbitration", "judicial"), dt.date(2026, 11, 22), "张调解员"))


def fonts() -> FontSet:
    return load_fonts([FONT_DIR], use_system=False)


def issue(kind: str, case: CaseFile, *, reprint: bool = False, seq: int = 12, related_kinds: tuple[str, ...] = ()) -> Issue:
    def ver(k: str, n: int) -> Verification:
        return Verification(DocNumber(2026, "荷塘", 1, n), COMMITTEE.center_code, content_digest(k, content_of(k, case)))

    related = {k: ver(k, seq + 1 + i) for i, k in enumerate(related_kinds)}
    return Issue(ver(kind, seq), dt.date(2026, 11, 21), reprint, related)


def pdf_pages(pdf: bytes) -> list[str]:
    """The text of each page (pypdf), as a reader or a court clerk would copy it out."""
    from io import BytesIO

    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(BytesIO(pdf)).pages]


def flat(text: str) -> str:
    """Text with line breaks removed (a wrapped sentence reads as one)."""
    return text.replace("\n", "")
