"""Exporting case lists (Excel/CSV, the columns the list shows) and the statistical report."""

from __future__ import annotations

from govdesk.domain.clock import china_time
from govdesk.domain.errors import PermissionDenied, ValidationError
from govdesk.reports import excel
from govdesk.security.policy import Perm, Role, require
from govdesk.services.actor import Actor
from govdesk.services.statistics import MediationReport
from govdesk.store import cases_repo
from govdesk.store.audit_repo import append_audit
from govdesk.store.cases_repo import CaseFilter
from govdesk.store.store import Store

LIST_COLUMNS = ("编号", "标题", "类型", "类别", "当事人", "村（社区）", "状态", "风险", "登记时间")
BULK_LIMIT = 1000  # exports above this need a second person's approval


def export_cases(store: Store, actor: Actor, flt: CaseFilter, fmt: str, *, approver: Actor | None = None) -> bytes:
    require(Role(actor.role), Perm.EXPORT, what="导出")
    if fmt not in ("xlsx", "csv"):
        raise ValidationError("导出格式应为 xlsx 或 csv。", "format")
    with store.db.read() as session:
        nos = cases_repo.case_local_nos(session, flt)
        if len(nos) > BULK_LIMIT:
            if approver is None or approver.username == actor.username:
                raise PermissionDenied(
                    f"一次导出{len(nos)}件（超过{BULK_LIMIT}件）需要另一位有导出权限的人员审批。请缩小范围，或请中心主任审批。"
                )
            require(Role(approver.role), Perm.EXPORT, what="审批导出")
        rows = []
        for start in range(0, len(nos), 1000):
            for r in cases_repo.case_rows(session, nos[start : start + 1000]):
                rows.append((r.number, r.title, r.kind.label, r.category or "", r.party_names, r.village, r.status.label,
                             r.risk.label, f"{china_time(r.created_at):%Y-%m-%d %H:%M}"))  # fmt: skip
    data = excel.table_workbook("事项列表", LIST_COLUMNS, rows) if fmt == "xlsx" else excel.table_csv(LIST_COLUMNS, rows)
    with store.db.write() as session:
        append_audit(session, actor.audit_name, "export", "cases", "", {
            "format": fmt, "count": len(rows), "approver": approver.audit_name if approver else None,
            "filter": {k: v for k, v in flt.__dict__.items() if v not in ((), None, "", False)},
        })  # fmt: skip
    return data


def export_report(store: Store, actor: Actor, report: MediationReport) -> bytes:
    require(Role(actor.role), Perm.CASE_LIST, what="导出统计报表")
    title = f"{report.committee_name}人民调解工作统计表"
    data = excel.report_workbook(title, f"统计期间：{report.period.label}　填报单位：{report.center_name}",
                                 report.rows, report.total)  # fmt: skip
    with store.db.write() as session:
        append_audit(session, actor.audit_name, "export", "report", report.period.label, {"format": "xlsx"})
    return data
