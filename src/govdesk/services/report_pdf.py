"""The statistical report as a PDF, set with the same fonts and page template as the mediation documents."""

from __future__ import annotations

from govdesk.domain.errors import GovdeskError
from govdesk.services.actor import Actor
from govdesk.services.statistics import MediationReport
from govdesk.store.audit_repo import append_audit
from govdesk.store.store import Store


def report_pdf(store: Store, actor: Actor, report: MediationReport) -> bytes:
    try:
        from govdesk.documents.statistics_report import build_statistics_report
    except ImportError:
        raise GovdeskError("PDF 统计报表暂不可用，请先导出 Excel（--format xlsx）。") from None
    data: bytes = build_statistics_report(report)
    with store.db.write() as session:
        append_audit(session, actor.audit_name, "export", "report", report.period.label, {"format": "pdf"})
    return data
