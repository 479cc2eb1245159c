"""The written agreement carries every item of People's Mediation Law Art. 29, in numbered complete copies."""

from __future__ import annotations

import re

import pytest

from govdesk.documents.build import DocumentPdf, build_document
from govdesk.documents.data import CaseFile
from tests.documents.samples import COMPANY, PERSON, SECOND, case_file, flat, fonts, issue, pdf_pages


@pytest.fixture(scope="module")
def case() -> CaseFile:
    return case_file()


@pytest.fixture(scope="module")
def built(case: CaseFile) -> DocumentPdf:
    return build_document("agreement", case, issue("agreement", case), fonts())


@pytest.fixture(scope="module")
def pages(built: DocumentPdf) -> list[str]:
    return pdf_pages(built.pdf)


def copies(pages: list[str]) -> dict[int, str]:
    """The text of each numbered copy, keyed by its number (the copy label is on every page)."""
    out: dict[int, str] = {}
    for text in pages:
        m = re.search(r"第(\d+)份 共(\d+)份", text)
        assert m, "every page says which copy it belongs to"
        out[int(m.group(1))] = out.get(int(m.group(1)), "") + text
    return out


def test_every_party_is_described_with_full_id_numbers(pages: list[str]) -> None:
    text = flat(copies(pages)[1])
    # 𠮷 is not in the shipped fonts: it prints as 〓 and is reported (see test_fonts).
    for fact in ("申请人：王〓", "男", "汉族", "1990年3月15日出生", "居民身份证号码：330483199003150013",
                 "住址：荷塘镇桑园村3组18号", "联系电话：13800138000",
                 "被申请人：李䶮", "女", "回族", "1985年1月1日出生", "330483198501010027", "13900139000",
                 "第三人：宏达纺织有限公司", "统一社会信用代码：91330499000014779M",
                 "法定代表人（负责人）：张建国", "0573-84592806", "荷塘镇杨家湾村工业功能区经二路87号"):  # fmt: skip
        assert fact in text, fact


def test_facts_matters_responsibilities_and_numbered_terms(pages: list[str]) -> None:
    text = flat(copies(pages)[2])
    assert "纠纷主要事实" in text and "李䶮砌墙越界约0.5米" in text
    assert "争议事项" in text and "东侧围墙是否越界及损失如何赔偿" in text
    assert "各方责任" in text and "被申请人砌墙越界，应负主要责任" in text
    # Each term: who, when, where, how, to whom, what and how much.
    assert "一、李䶮于2026年12月31日前在荷塘镇桑园村3组以自行拆除方式向王〓拆除越界部分围墙。" in text
    assert "二、宏达纺织有限公司于2026年12月15日前在荷塘镇人民调解委员会以银行转账方式向王〓赔偿损失" in text
    assert "金额人民币1,500.00元（大写：人民币壹仟伍佰元整）" in text


def test_effect_copies_and_every_signature_box(pages: list[str]) -> None:
    text = flat(copies(pages)[3])
    assert "本协议自各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效" in text
    assert "本协议一式4份，王〓、李䶮、宏达纺织有限公司各执一份，人民调解委员会留存一份" in text
    for box in ("申请人　王〓", "被申请人　李䶮", "第三人　宏达纺织有限公司", "（单位盖章）", "法定代表人（负责人）张建国",
                "人民调解员（签名）", "记录人（签名）", "人民调解委员会（印章）", "2026年11月20日"):  # fmt: skip
        assert box in text, box
    assert text.count("（签名、盖章或按指印）") == 2  # the two natural persons


def test_each_copy_is_a_complete_original(pages: list[str]) -> None:
    by_copy = copies(pages)
    assert sorted(by_copy) == [1, 2, 3, 4]
    holders = {1: "王〓收执", 2: "李䶮收执", 3: "宏达纺织有限公司收执", 4: "人民调解委员会存档"}
    for n, text in by_copy.items():
        assert f"第{n}份 共4份（{holders[n]}）" in text
        assert "人民调解协议书" in text and "编号：(2026)荷塘人调字第01-012号" in text
        assert "330483199003150013" in flat(text) and "人民调解委员会（印章）" in flat(text)
        assert re.search(r"第 1 页 共 (\d) 页", text)  # each copy is numbered on its own


def test_warnings_name_what_the_record_lacks() -> None:
    sparse = case_file(parties=(PERSON, SECOND.__class__(1, "respondent", "赵某")))
    built = build_document("agreement", sparse, issue("agreement", sparse), fonts())
    assert any("赵某的性别、民族、出生日期、身份证件号码、住址、联系电话未登记" in w for w in built.warnings)
    assert "＿＿＿" in "".join(pdf_pages(built.pdf))  # blanks to fill by hand, not a silent gap


def test_other_documents_mask_id_numbers(case: CaseFile) -> None:
    for kind in ("acceptance", "session", "application", "rights-notice"):
        text = flat("".join(pdf_pages(build_document(kind, case, issue(kind, case), fonts()).pdf)))
        assert PERSON.id_number not in text and COMPANY.credit_code is not None
