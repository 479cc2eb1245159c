"""Document figures: one written agreement (three complete copies) after warm-up, and a month's batch.

``document_figures(size_label, repeat)``: ``size_label`` containing "tiny" (or "1,000 cases") runs the batch on
20 agreements instead of 1,000 so the code does not rot in CI.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from io import BytesIO
from pathlib import Path

from benchmarks.harness import Figure, timed
from govdesk.documents.blocks import Issue
from govdesk.documents.build import build_document
from govdesk.documents.catalog import content_of
from govdesk.documents.data import (
    Acceptance,
    CaseFile,
    Committee,
    DocumentAgreement,
    DocumentObligation,
    DocumentParty,
    SessionRecord,
)
from govdesk.documents.fonts import FontSet
from govdesk.documents.verification import DocNumber, Verification, content_digest
from govdesk.services.actor import Actor
from govdesk.services.documents import batch_agreements, document_fonts
from govdesk.services.setup import init_center
from govdesk.store.models import Agreement, Case, CaseEvent, CaseParty, Obligation, Person
from govdesk.store.reference_repo import local_center
from govdesk.store.store import Store

BENCH = Actor("benchmark", "director")
MONTH = dt.date(2026, 10, 1)
FACTS = ("申请人到镇综治中心窗口反映，其骑电动自行车与被申请人驾驶的三轮车在路口相撞，双方车辆受损，申请人轻微擦伤。"
         "交警认定双方同等责任，维修及医疗费用共计1.65万元。网格员已到现场初步了解情况。")  # fmt: skip


def sample_case() -> CaseFile:
    """A typical agreement: two persons, two terms, three copies (about nine pages)."""
    committee = Committee("荷塘镇人民调解委员会", "荷塘镇综合治理中心", "330499101")
    parties = (
        DocumentParty(0, "applicant", "徐涛东", False, "男", "汉族", dt.date(1973, 2, 26), "居民身份证",
                      "330499197302263415", "13805731234", "荷塘镇南漾社区桂花园20幢3单元602室"),
        DocumentParty(1, "respondent", "石语桐", False, "女", "汉族", dt.date(1992, 4, 24), "居民身份证",
                      "330499199204247664", "18802390634", "荷塘镇南漾社区桂花园7幢1单元202室"),
    )  # fmt: skip
    obligations = (
        DocumentObligation(1, "石语桐", "徐涛东", "支付补偿款", 1650000, dt.date(2026, 11, 30), "银行转账", "荷塘镇人民调解委员会"),
        DocumentObligation(2, "石语桐", "徐涛东", "按约定履行并停止侵害", None, dt.date(2026, 11, 30), "自行履行", "荷塘镇南漾社区"),
    )  # fmt: skip
    agreement = DocumentAgreement(False, dt.date(2026, 10, 27), FACTS, "电动车碰撞损失的分担", "双方负同等责任。", obligations,
                                  3, dt.date(2026, 10, 28), mediators=("张丽萍",), recorder="王雪")  # fmt: skip
    return CaseFile(
        committee=committee, number="330499101-2026-01-01631", title="电动车碰撞纠纷", kind="dispute", status="agreed",
        category="道路交通事故", channel="walk_in", facts=FACTS, claims="", occurred_on=dt.date(2026, 10, 17),
        registered_on=dt.date(2026, 10, 17), address="荷塘镇南漾社区", parties=parties,
        acceptance=Acceptance(dt.date(2026, 10, 21), ("张丽萍",), "written", "侯涛伟"),
        sessions=(SessionRecord("2026-10-24 09:30", "调解室", ("张丽萍",), ("徐涛东", "石语桐"), "调解员释法。", "", "王雪"),),
        agreement=agreement,
    )  # fmt: skip


def _issue(case: CaseFile, seq: int = 1) -> Issue:
    digest = content_digest("agreement", content_of("agreement", case))
    return Issue(Verification(DocNumber(2026, "荷塘", 1, seq), case.committee.center_code, digest), dt.date(2026, 10, 28))


def bare_page(fonts: FontSet) -> None:
    """The floor: one A4 page, the same embedded font, one paragraph of Chinese (reportlab alone)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    style = ParagraphStyle("p", fontName=fonts.body.name, fontSize=15, leading=27, wordWrap="CJK")
    doc = SimpleDocTemplate(BytesIO(), pagesize=A4, invariant=1, initialFontName=fonts.body.name)
    doc.build([Paragraph(FACTS, style)])


def _fill_store(store: Store, n: int) -> None:
    """``n`` cases with a written agreement made in MONTH, written straight into the store (fast set-up)."""
    init_center(store, BENCH, "荷塘镇综合治理中心", "330499101", "荷塘镇人民调解委员会")
    with store.db.write() as session:
        center = local_center(session)
        for i in range(n):
            made = MONTH + dt.timedelta(days=i % 28)
            at = dt.datetime.combine(made, dt.time(2))
            case = Case(
                local_no=i + 1, center_id=center.id, number=f"330499101-2026-01-{i + 1:05d}", title="电动车碰撞纠纷",
                kind="dispute", category="道路交通事故", channel="walk_in", status="agreed", facts=FACTS,
                created_at=at, updated_at=at, accepted_at=at, handlers=["张丽萍"], registered_by="bench",
            )  # fmt: skip
            session.add(case)
            session.flush()
            for pos, (name, id_no) in enumerate((("徐涛东", f"33049919730226{i:04d}"), ("石语桐", f"33049919920424{i:04d}"))):
                person = Person(center_id=center.id, name=name, gender="男" if pos == 0 else "女", ethnicity="汉族",
                                id_number=id_no, birth_date=dt.date(1973 + 19 * pos, 2, 26), phone="13805731234",
                                address="荷塘镇南漾社区桂花园20幢3单元602室")  # fmt: skip
                session.add(person)
                session.flush()
                session.add(CaseParty(center_id=center.id, case_id=case.id, position=pos, role=("applicant", "respondent")[pos],
                                      person_id=person.id, display_name=name))  # fmt: skip
            session.add(CaseEvent(center_id=center.id, case_id=case.id, seq=1, at=at, actor="侯涛伟", action="accept",
                                  from_status="registered", to_status="accepted", summary="受理",
                                  payload={"mediators": ["张丽萍"], "application": "written"}))  # fmt: skip
            agreement = Agreement(center_id=center.id, case_id=case.id, made_on=made, facts=FACTS,
                                  matters="电动车碰撞损失的分担", responsibilities="双方负同等责任。", copies=3,
                                  effective_on=made)  # fmt: skip
            session.add(agreement)
            session.flush()
            session.add(Obligation(center_id=center.id, agreement_id=agreement.id, position=1, obligor="石语桐",
                                   obligee="徐涛东", content="支付补偿款", amount_cents=1650000,
                                   due_on=made + dt.timedelta(days=30), method="银行转账", place="荷塘镇人民调解委员会"))  # fmt: skip


def document_figures(size_label: str, repeat: int) -> list[Figure]:
    fonts = document_fonts()
    case = sample_case()
    issue = _issue(case)
    pages = build_document("agreement", case, issue, fonts).pages
    runs = max(repeat * 5, 10)
    per_agreement = timed(lambda: build_document("agreement", case, issue, fonts), runs, warmup=3)
    floor = timed(lambda: bare_page(fonts), runs, warmup=3)
    figures = [Figure(
        "documents", f"one written agreement (3 complete copies, {pages} pages) after warm-up", "ms", per_agreement,
        "1 agreement", target=30, limit=sorted(floor)[len(floor) // 2],
        limit_what="a bare reportlab page, same font, one paragraph",
        note="UMing CN + WenQuanYi Micro Hei subsets embedded, QR and verification block on each copy",
    )]  # fmt: skip
    n = 20 if ("tiny" in size_label or size_label.startswith("1,000 cases")) else 1000
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp) / "store", writer=True, create=True)
        try:
            _fill_store(store, n)
            start = time.perf_counter()
            result = batch_agreements(store, BENCH, MONTH.strftime("%Y-%m"), out_dir=Path(tmp) / "out")
            elapsed = time.perf_counter() - start
        finally:
            store.close()
    assert result.issued == n, result.skipped[:3]
    figures.append(Figure(
        "documents", f"{n:,} agreements in a batch (numbered, recorded, written to files)", "s", [elapsed],
        f"{n:,} agreements", target=60 if n == 1000 else None,
        note=f"{elapsed / n * 1000:.0f} ms per agreement including store reads, numbering, audit and the file",
    ))  # fmt: skip
    return figures


if __name__ == "__main__":
    for f in document_figures(sys.argv[1] if len(sys.argv) > 1 else "tiny", 2):
        print(f"{f.name:80} {f.median:10.1f} {f.unit}  (limit {f.limit})")
