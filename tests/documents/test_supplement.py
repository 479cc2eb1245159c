"""人民调解补充协议书: every Art. 29 item like the agreement, in numbered complete copies, naming the agreement it
supplements by its number and dates; filed after the agreement in the dossier."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from govdesk.documents.build import DocumentPdf, build_document
from govdesk.documents.catalog import DocumentUnavailable, constituents, doc_name, kind_by_cli, resolve_kind
from govdesk.documents.data import CaseFile, DocumentObligation
from govdesk.domain.errors import ValidationError
from tests.documents.samples import agreement, case_file, flat, fonts, issue, pdf_pages
from tests.documents.test_agreement import copies

SUPPLEMENT = agreement(
    made_on=dt.date(2026, 12, 10), effective_on=None, confirmation_last_day=None, supplement_no=1,
    matters="原协议第二项赔偿款的履行期限变更", responsibilities="各方责任按原协议。",
    obligations=(DocumentObligation(1, "宏达纺织有限公司", "王𠮷", "赔偿损失", 150000, dt.date(2027, 1, 31), "银行转账",
                                    "荷塘镇人民调解委员会"),),
)  # fmt: skip
AGREEMENT_NO = "(2026)荷塘人调字第01-013号"  # what ``issue`` gives the first related document


@pytest.fixture(scope="module")
def case() -> CaseFile:
    return case_file(supplements=(SUPPLEMENT,))


@pytest.fixture(scope="module")
def built(case: CaseFile) -> DocumentPdf:
    return build_document("supplement-1", case, issue("supplement-1", case, related_kinds=("agreement",)), fonts())


@pytest.fixture(scope="module")
def pages(built: DocumentPdf) -> list[str]:
    return pdf_pages(built.pdf)


def squash(text: str) -> str:
    return re.sub(r"\s", "", text)


def test_titled_as_a_supplement_naming_the_agreement_number_and_dates(pages: list[str]) -> None:
    first = squash(pages[0])
    assert first.startswith("人民调解补充协议书编号：(2026)荷塘人调字第01-012号本协议是对")  # the title, its number
    assert first.endswith("第1份共4份（王〓收执）")
    assert (f"本协议是对{AGREEMENT_NO}人民调解协议书的补充。原协议由各方当事人于2026年11月20日经荷塘镇人民调解委员会"
            "调解达成，自2026年11月21日起生效。") in first  # fmt: skip
    assert "人民调解协议书编号" not in first  # it is not the agreement itself


def test_every_art29_item_is_there(pages: list[str]) -> None:
    text = flat(copies(pages)[2])
    for fact in ("申请人：王〓", "居民身份证号码：330483199003150013", "1990年3月15日出生", "住址：荷塘镇桑园村3组18号",
                 "被申请人：李䶮", "330483198501010027", "第三人：宏达纺织有限公司",
                 "统一社会信用代码：91330499000014779M", "法定代表人（负责人）：张建国",
                 "纠纷主要事实", "李䶮砌墙越界约0.5米", "争议事项", "原协议第二项赔偿款的履行期限变更",
                 "各方责任", "各方责任按原协议。", "补充协议内容",
                 "一、宏达纺织有限公司于2027年1月31日前在荷塘镇人民调解委员会以银行转账方式向王〓赔偿损失",
                 "金额人民币1,500.00元（大写：人民币壹仟伍佰元整）",
                 "本补充协议与原协议约定不一致的，以本补充协议为准",
                 "本补充协议自各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效",
                 "五、本补充协议一式4份，王〓、李䶮、宏达纺织有限公司各执一份，人民调解委员会留存一份"):  # fmt: skip
        assert fact in text, fact
    for box in ("申请人　王〓", "被申请人　李䶮", "第三人　宏达纺织有限公司", "（单位盖章）", "法定代表人（负责人）张建国",
                "人民调解员（签名）", "记录人（签名）", "人民调解委员会（印章）", "2026年12月10日"):  # fmt: skip
        assert box in text, box


def test_each_copy_is_a_complete_original(pages: list[str]) -> None:
    by_copy = copies(pages)
    assert sorted(by_copy) == [1, 2, 3, 4]
    for text in by_copy.values():
        assert "人民调解补充协议书" in text and AGREEMENT_NO in flat(text) and "人民调解委员会（印章）" in flat(text)
        assert re.search(r"第 1 页 共 (\d) 页", text)


def test_without_the_agreement_number_a_blank_is_left_and_reported(case: CaseFile) -> None:
    built = build_document("supplement-1", case, issue("supplement-1", case), fonts())
    assert "本协议是对编号＿＿＿＿＿＿的人民调解协议书的补充" in flat(pdf_pages(built.pdf)[0])
    assert any("原协议书的编号" in w for w in built.warnings)


def test_the_dossier_files_it_after_the_agreement(case: CaseFile) -> None:
    kinds = constituents("dossier", case)
    assert kinds[kinds.index("agreement") + 1] == "supplement-1"
    built = build_document("dossier", case, issue("dossier", case, related_kinds=tuple(kinds)), fonts())
    pages = [squash(p) for p in pdf_pages(built.pdf)]
    contents = next(p for p in pages if "卷内目录" in p)
    assert "8人民调解协议书、人民调解补充协议书" in contents
    agreement_page = next(i for i, p in enumerate(pages) if "人民调解协议书编号" in p)
    supplement_page = next(i for i, p in enumerate(pages) if "人民调解补充协议书编号" in p)
    assert agreement_page < supplement_page and "本份为人民调解委员会存档的补充协议书" in "".join(pages[supplement_page:])


def test_kinds_and_refusals() -> None:
    assert kind_by_cli("supplement").name == "人民调解补充协议书"
    assert kind_by_cli("supplement-2").cli == "supplement-2" and doc_name("supplement-2") == "人民调解补充协议书（二）"
    with pytest.raises(ValidationError, match="文书种类“supplement-x”不认识"):
        kind_by_cli("supplement-x")
    plain = case_file()
    with pytest.raises(DocumentUnavailable, match="没有订立过补充协议"):
        resolve_kind("supplement", plain)
    with pytest.raises(DocumentUnavailable, match="没有订立过补充协议"):
        build_document("supplement-1", plain, issue("agreement", plain), fonts())
    two = case_file(supplements=(SUPPLEMENT, SUPPLEMENT))
    assert resolve_kind("supplement", two) == "supplement-2"
