"""The statistical report as a PDF, set with the same fonts and page template as the mediation documents.

The documents layer takes plain data only: here the report becomes ``StatisticsReportData`` and the charts
are rendered to PNG (``reports.charts``) before the builder lays them out.
"""

from __future__ import annotations

from govdesk.documents.statistics_report import (
    ChartImage,
    RateLine,
    ReportLine,
    StatisticsReportData,
    build_statistics_report,
)
from govdesk.domain.clock import china_today
from govdesk.reports.statistics import ReportRow
from govdesk.services.actor import Actor
from govdesk.services.documents import document_fonts
from govdesk.services.statistics import MediationReport
from govdesk.store.audit_repo import append_audit
from govdesk.store.store import Store

RATE_KEYS = ("success_rate", "on_time_rate", "satisfaction_rate", "performed_rate", "on_spot_rate")


def report_data(report: MediationReport, *, with_charts: bool = True) -> StatisticsReportData:
    """The plain data the PDF builder takes, with the charts rendered to PNG."""

    def line(r: ReportRow) -> ReportLine:
        return ReportLine(r.category, r.received, r.mediated, r.successful, r.agreements, r.amount_cents, r.people)

    figs = report.dashboard.figures
    rates = [RateLine(figs[k].label, figs[k].text, figs[k].formula) for k in RATE_KEYS if k in figs]
    charts = _charts(report) if with_charts else []
    return StatisticsReportData(
        committee_name=report.committee_name, center_name=report.center_name, period_label=report.period.label,
        rows=[line(r) for r in report.rows], total=line(report.total), rates=rates, charts=charts,
        prepared_on=china_today(),
    )  # fmt: skip


def _charts(report: MediationReport) -> list[ChartImage]:
    try:
        from govdesk.reports import charts as ch
    except ImportError:  # matplotlib missing: the table and rates still print
        return []
    charts: list[ChartImage] = []
    cats = sorted((r for r in report.rows if r.received), key=lambda r: -r.received)
    charts.append(ChartImage("图1　各类矛盾纠纷受理件数",
                             ch.category_png([r.category for r in cats], [r.received for r in cats], "")))  # fmt: skip
    months = report.dashboard.by_month
    if len(months) > 1:
        charts.append(ChartImage("图2　各月受理事项件数",
                                 ch.trend_png([f.label for f in months], [f.value for f in months], "")))  # fmt: skip
    kinds = report.dashboard.by_channel
    if kinds:
        charts.append(ChartImage(f"图{len(charts) + 1}　受理事项来源渠道",
                                 ch.share_png(list(kinds), [f.value for f in kinds.values()], "")))  # fmt: skip
    return charts


def report_pdf(store: Store, actor: Actor, report: MediationReport) -> bytes:
    pdf = build_statistics_report(report_data(report), document_fonts())
    with store.db.write() as session:
        append_audit(session, actor.audit_name, "export", "report", report.period.label, {"format": "pdf"})
    return pdf
