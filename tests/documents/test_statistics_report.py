"""The statistical report PDF: one row per category and the totals row, as a reader copies them out; the
totals are the sum of the rows (by hand and from the services' report)."""

from __future__ import annotations

import datetime as dt
import re
from io import BytesIO

from pypdf import PdfReader

from govdesk.documents.statistics_report import (
    COLUMNS,
    ChartImage,
    RateLine,
    ReportLine,
    StatisticsReportData,
    build_statistics_report,
    money,
)
from govdesk.reports import charts
from govdesk.reports.periods import parse_period
from govdesk.services import statistics
from govdesk.services.registration import parse_registration, register_case
from govdesk.services.report_pdf import report_data, report_pdf
from govdesk.store.store import Store
from tests.conftest import STAFF, dispute

ROWS = [
    ReportLine("婚姻家庭", 31, 28, 14, 14, 13_540_000, 86),
    ReportLine("邻里", 36, 31, 19, 19, 3_130_000, 98),
    ReportLine("房屋宅基地", 25, 22, 12, 12, 70_280_000, 60),
    ReportLine("医疗", 0, 0, 0, 0, 0, 0),
]
FIELDS = ("received", "mediated", "successful", "agreements", "amount_cents", "people")


def _total(rows: list[ReportLine]) -> ReportLine:
    return ReportLine("合计", *(sum(getattr(r, f) for r in rows) for f in FIELDS))


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(BytesIO(pdf)).pages)


def _cells(line: ReportLine) -> list[str]:
    return [line.category, str(line.received), str(line.mediated), str(line.successful), str(line.agreements),
            money(line.amount_cents), str(line.people)]  # fmt: skip


def _row_in(text: str, line: ReportLine) -> bool:
    """The row's cells in order on one line of the extracted text (spacing as the extractor leaves it)."""
    pattern = r"\s*".join(re.escape(c) for c in _cells(line))
    return re.search(pattern, text) is not None


def test_every_category_row_and_the_totals_row_are_printed() -> None:
    total = _total(ROWS)
    data = StatisticsReportData(
        committee_name="荷塘镇人民调解委员会", center_name="荷塘镇综合治理中心", period_label="2026年第4季度",
        rows=ROWS, total=total, rates=[RateLine("调解成功率", "83.7%", "205 ÷ 245 = 83.67%")],
        charts=[ChartImage("图1　各类矛盾纠纷受理件数", charts.category_png([r.category for r in ROWS],
                                                                        [r.received for r in ROWS], ""))],
        prepared_on=dt.date(2026, 11, 23),
    )  # fmt: skip
    pdf = build_statistics_report(data)
    assert pdf.startswith(b"%PDF")
    text = _text(pdf)
    for heading in ("人民调解工作统计表", "2026年第4季度", "荷塘镇综合治理中心", *COLUMNS, "调解成功率", "205 ÷ 245"):
        assert heading.replace("（", "").replace("）", "") in text.replace("（", "").replace("）", ""), heading
    for line in [*ROWS, total]:
        assert _row_in(text, line), line
    assert total == ReportLine("合计", 92, 81, 45, 45, 86_950_000, 244)


def test_the_services_report_totals_are_the_sum_of_its_rows_in_the_pdf(store: Store) -> None:
    now = dt.datetime(2026, 10, 10, 2)
    for category, people in (("邻里", 2), ("邻里", 3), ("婚姻家庭", 4)):
        register_case(store, STAFF, parse_registration(dispute(category=category, people_involved=people)), now=now)
    report = statistics.mediation_report_for(store, STAFF, parse_period("2026-10"))
    data = report_data(report)
    assert data.total == _total(list(data.rows))
    assert data.total.received == 3 and data.total.people == 9
    assert len(data.charts) >= 1
    text = _text(report_pdf(store, STAFF, report))
    for line in [*data.rows, data.total]:
        assert _row_in(text, line), line
