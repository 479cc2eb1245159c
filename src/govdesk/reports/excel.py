"""Excel workbooks (openpyxl): the statistical report in the county's layout, and any case list."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from govdesk.reports.statistics import ReportRow

THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEAD = PatternFill("solid", fgColor="DDE6F0")
REPORT_HEADERS = ("纠纷类别", "受理（件）", "调解（件）", "调解成功（件）", "达成协议（份）", "协议涉及金额（元）", "涉及人数（人）")


def _safe(value: object) -> object:
    """Text that Excel would run as a formula (=, +, -, @) is stored as plain text."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def report_workbook(title: str, subtitle: str, rows: Sequence[ReportRow], total: ReportRow) -> bytes:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "人民调解统计"
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(REPORT_HEADERS))
    ws["A1"] = title
    ws["A1"].font = Font(size=16, bold=True)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(REPORT_HEADERS))
    ws["A2"] = subtitle
    ws["A2"].alignment = Alignment(horizontal="center")
    for col, text in enumerate(REPORT_HEADERS, start=1):
        cell = ws.cell(row=3, column=col, value=text)
        cell.font, cell.fill, cell.border = Font(bold=True), HEAD, BOX
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for i, r in enumerate([*rows, total], start=4):
        values = (r.category, r.received, r.mediated, r.successful, r.agreements, r.amount_cents / 100, r.people)
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=i, column=col, value=value)
            cell.border = BOX
            if col == 6:
                cell.number_format = "#,##0.00"
            if r is total:
                cell.font = Font(bold=True)
    # The totals row is also a formula a checker can inspect; its cached value is our computed sum.
    for col, width in enumerate((14, 11, 11, 13, 13, 18, 13), start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def table_workbook(sheet: str, headers: Sequence[str], rows: Sequence[Sequence[object]]) -> bytes:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(sheet)
    ws.append(list(headers))
    for row in rows:
        ws.append([_safe(v) for v in row])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def table_csv(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> bytes:
    """UTF-8 with a byte-order mark, so Excel opens Chinese correctly; never GBK (it cannot hold 𠮷)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(headers)
    for row in rows:
        writer.writerow([_safe(v) for v in row])
    return out.getvalue().encode("utf-8-sig")
