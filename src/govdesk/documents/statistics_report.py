"""The monthly / quarterly people's-mediation statistical report (人民调解工作统计表) as an A4 PDF.

Plain data in (``StatisticsReportData``: the table rows, the totals row, the key rates with their formulas and
chart images already rendered to PNG by the caller), PDF bytes out, set with the same fonts and page template
as the mediation documents.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from io import BytesIO
from typing import Any

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Image, KeepTogether, Spacer

from govdesk.documents.fonts import FontSet, load_fonts
from govdesk.documents.typesetting import TEXT_WIDTH, PageDecor, PdfInfo, TextStyle, Typesetter, grid_table, render

COLUMNS = ("类别", "受理", "调解", "调解成功", "达成协议", "协议金额（元）", "涉及人数")
NOTE = "注：合计行为各类别之和；“调解成功”指达成书面或口头协议的纠纷，“协议金额”为调解成功案件的协议金额。"
_CELL = TextStyle(size=10.5, leading=15, align="center")
_CELL_LEFT = TextStyle(size=10.5, leading=15, align="left")
_CELL_NUM = TextStyle(size=10.5, leading=15, align="right")
_CELL_HEAD = TextStyle(size=10.5, leading=15, align="center", heading=True)


@dataclass(frozen=True)
class ReportLine:
    """One row of the table: a dispute category (or 合计)."""

    category: str
    received: int
    mediated: int
    successful: int
    agreements: int
    amount_cents: int
    people: int


@dataclass(frozen=True)
class RateLine:
    label: str
    value: str  # as printed: "99.85%"
    formula: str  # "21813 ÷ 21845 = 99.85%"


@dataclass(frozen=True)
class ChartImage:
    caption: str
    png: bytes


@dataclass(frozen=True)
class StatisticsReportData:
    committee_name: str
    center_name: str
    period_label: str
    rows: Sequence[ReportLine]
    total: ReportLine
    rates: Sequence[RateLine] = ()
    charts: Sequence[ChartImage] = ()
    prepared_on: dt.date = field(default_factory=dt.date.today)

    @property
    def title(self) -> str:
        return f"{self.committee_name}人民调解工作统计表"


def money(cents: int) -> str:
    return f"{cents / 100:,.2f}"


def _cells(line: ReportLine) -> list[str]:
    return [line.category, str(line.received), str(line.mediated), str(line.successful), str(line.agreements),
            money(line.amount_cents), str(line.people)]  # fmt: skip


def _table(ts: Typesetter, data: StatisticsReportData) -> Flowable:
    widths = [28 * mm, 16 * mm, 16 * mm, 19 * mm, 19 * mm, 33 * mm]
    widths.append(TEXT_WIDTH - sum(widths))
    rows: list[list[Any]] = [[ts.text(c, _CELL_HEAD) for c in COLUMNS]]
    for line in (*data.rows, data.total):
        texts = _cells(line)
        bold = line is data.total
        rows.append([ts.text(texts[0], _CELL_HEAD if bold else _CELL_LEFT)]
                    + [ts.text(t, _CELL_NUM, heading=bold) for t in texts[1:]])  # fmt: skip
    last = len(rows) - 1
    extra = [("BACKGROUND", (0, 0), (-1, 0), (0.93, 0.93, 0.93)), ("LINEABOVE", (0, last), (-1, last), 1.0, (0, 0, 0))]
    return grid_table(ts, rows, widths, header_rows=1, extra=extra, padding=4)


def _rates(ts: Typesetter, rates: Sequence[RateLine]) -> Flowable:
    widths = [38 * mm, 24 * mm]
    widths.append(TEXT_WIDTH - sum(widths))
    rows: list[list[Any]] = [[ts.text(c, _CELL_HEAD) for c in ("指标", "数值", "计算方法")]]
    for r in rates:
        rows.append([ts.text(r.label, _CELL_LEFT), ts.text(r.value, _CELL_NUM), ts.text(r.formula, _CELL_LEFT)])
    return grid_table(ts, rows, widths, header_rows=1, extra=[("BACKGROUND", (0, 0), (-1, 0), (0.93, 0.93, 0.93))],
                      padding=4)  # fmt: skip


def _chart(ts: Typesetter, chart: ChartImage) -> Flowable:
    w, h = ImageReader(BytesIO(chart.png)).getSize()
    width = TEXT_WIDTH
    height = width * h / w
    if height > 120 * mm:  # a long category chart: keep it on one page with room for its caption
        height = 120 * mm
        width = height * w / h
    return KeepTogether([Image(BytesIO(chart.png), width=width, height=height),
                         ts.text(chart.caption, "small", align="center", space_after=4 * mm)])  # fmt: skip


def build_statistics_report(data: StatisticsReportData, fonts: FontSet | None = None) -> bytes:
    """The report's PDF. ``fonts``: the documents' fonts (services pass the shipped ones); default the system's."""
    ts = Typesetter(fonts or load_fonts())
    day = f"{data.prepared_on.year}年{data.prepared_on.month}月{data.prepared_on.day}日"
    story: list[Flowable] = [
        ts.text(data.committee_name, "title", size=18, leading=28, tracking=0, space_after=0),
        ts.text("人民调解工作统计表", "title"),
        ts.text(f"统计期间：{data.period_label}", "doc_no", space_after=2),
        ts.text(f"填报单位：{data.center_name}　　填报日期：{day}　　单位：件、元、人", "small", space_after=3 * mm),
        _table(ts, data),
        ts.text(NOTE, "small", space_before=2 * mm),
    ]
    if data.rates:
        story += [Spacer(1, 5 * mm), *ts.heading("主要指标"), _rates(ts, data.rates)]
    if data.charts:
        story += [Spacer(1, 5 * mm), *ts.heading("图表")]
        story += [_chart(ts, c) for c in data.charts]
    decor = PageDecor(group="report", footer=f"{data.title}　{data.period_label}")
    info = PdfInfo(title=f"{data.title}（{data.period_label}）", author=data.committee_name, subject="人民调解工作统计")
    return render(ts, story, info, decor).pdf
