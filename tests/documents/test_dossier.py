"""The dossier: cover, the 13-slot table of contents with the right pages, the documents, the back cover;
and what a case without the data for a document is told."""

from __future__ import annotations

import re

import pytest

from govdesk.documents.build import DocumentPdf, build_document
from govdesk.documents.catalog import DOSSIER_SLOTS, DocumentUnavailable, check_available, constituents
from govdesk.documents.data import CaseFile
from tests.documents.samples import agreement, case_file, failed_case, flat, fonts, issue, pdf_pages


def dossier(case: CaseFile) -> DocumentPdf:
    return build_document("dossier", case, issue("dossier", case, related_kinds=tuple(constituents("dossier", case))),
                          fonts())  # fmt: skip


@pytest.fixture(scope="module")
def full() -> tuple[DocumentPdf, list[str]]:
    built = dossier(case_file())
    return built, pdf_pages(built.pdf)


def test_cover_carries_the_filing_facts(full: tuple[DocumentPdf, list[str]]) -> None:
    cover = flat(full[1][0])
    for fact in ("人民调解卷宗", "荷塘镇人民调解委员会", "王〓与李䶮、宏达纺织有限公司房屋宅基地纠纷",
                 "(2026)荷塘人调字第01-012号", "张调解员", "2026年11月20日", "邓红", "2026年12月28日", "长期"):  # fmt: skip
        assert fact in cover, fact


def test_contents_list_the_13_slots_with_the_pages_they_start_on(full: tuple[DocumentPdf, list[str]]) -> None:
    pages = full[1]
    contents = pages[1]
    assert "卷 内 目 录" in contents
    for slot, _name, _required in DOSSIER_SLOTS:
        assert str(slot) in contents
    # Dossier pages are numbered from the first document (cover and contents are not counted).
    numbered = {int(m.group(1)): text for text in pages if (m := re.search(r"第 (\d+) 页 共 \d+ 页", text))}
    for title in ("人民调解协议书", "人民调解记录", "当事人身份证明材料", "人民调解回访记录"):
        m = re.search(rf"{title}\s*(\d+)(?:-(\d+))?", flat(contents))
        assert m, title
        assert title in numbered[int(m.group(1))], (title, m.group(0))
    assert "封底（备考表）" in contents and "备 考 表" in pages[-1] and "第 " not in pages[-1].split("备 考 表")[0]


def test_the_dossier_files_the_committee_copy_and_every_record(full: tuple[DocumentPdf, list[str]]) -> None:
    text = flat("".join(full[1]))
    for title in ("人民调解申请书", "人民调解受理登记表", "人民调解当事人权利义务告知书", "人民调解调查记录", "人民调解记录",
                  "人民调解协议书", "人民调解回访记录", "当事人身份证明材料"):  # fmt: skip
        assert title in text, title
    assert "第4份 共4份（人民调解委员会存档）" not in text  # no copy header inside the dossier…
    assert "本份为人民调解委员会存档的协议书" in text  # …but the filed copy says what it is
    assert "330483199003150013" in text  # legal materials keep full ID numbers
    assert "更正为：围墙东侧越界约0.4米" in text  # corrections travel with the record they correct


def test_missing_required_material_is_flagged_and_explained() -> None:
    case = case_file(sessions=(), agreement=None, follow_ups=())
    built = dossier(case)
    text = flat("".join(pdf_pages(built.pdf)))
    assert "必备（缺）" in text and "卷宗情况说明" in text and "本卷缺少以下必备材料：人民调解记录、人民调解协议书" in text
    assert any("卷宗缺少必备材料：人民调解记录" in w for w in built.warnings)


def test_a_failed_mediation_files_the_termination_notice() -> None:
    case = failed_case()
    text = flat("".join(pdf_pages(dossier(case).pdf)))
    assert "终止调解告知书" in text and "仲裁" in text and "司法途径" in text
    assert "必备（缺）" not in text.split("卷 内 目 录")[1].split("人民调解申请书")[0].replace("人民调解协议书", "")


@pytest.mark.parametrize(
    ("kind", "case", "message"),
    [
        ("agreement", case_file(agreement=None), "还没有调解协议"),
        ("agreement", case_file(agreement=agreement(oral=True)), "口头协议登记表（oral-agreement）"),
        ("oral-agreement", case_file(), "请打印人民调解协议书（agreement）"),
        ("termination-notice", case_file(), "调解没有终止"),
        ("confirmation-application", case_file(agreement=agreement(effective_on=None)), "尚未生效"),
        ("follow-up", case_file(follow_ups=()), "还没有回访记录"),
        ("acceptance", case_file(acceptance=None), "还没有受理"),
        ("dossier", case_file(kind="complaint"), "只有矛盾纠纷"),
    ],
)
def test_a_case_without_the_data_is_refused_clearly(kind: str, case: CaseFile, message: str) -> None:
    import datetime as dt

    with pytest.raises(DocumentUnavailable, match=re.escape(message)):
        check_available(kind, case, dt.date(2026, 11, 25))


def test_the_confirmation_window_is_enforced_and_named() -> None:
    import datetime as dt

    case = case_file()
    check_available("confirmation-pack", case, dt.date(2026, 12, 21))  # the last day still counts
    with pytest.raises(DocumentUnavailable, match="最后一天是2026-12-21"):
        check_available("confirmation-pack", case, dt.date(2026, 12, 22))


def test_the_confirmation_pack_names_the_court_rule_and_the_last_day() -> None:
    case = case_file()
    built = build_document("confirmation-pack", case,
                           issue("confirmation-pack", case, related_kinds=("confirmation-application", "agreement")),
                           fonts())  # fmt: skip
    text = flat("".join(pdf_pages(built.pdf)))
    for fact in ("司法确认申请材料清单", "申请最后一天", "2026年12月21日", "标的物所在地或者人民调解委员会所在地的基层人民法院",
                 "授权委托书", "送达地址确认书", "财产权利证明", "民事行为能力", "司法确认申请书", "请求事项",
                 "330483199003150013", "人民调解协议书", "以各方签名盖章的协议书原件为准"):  # fmt: skip
        assert fact in text, fact
