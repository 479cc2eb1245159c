"""Exporting case lists (Excel/CSV, the columns the list shows) and the statistical report.

A list leaves the program with the export: more than ``BULK_LIMIT`` cases, or the parties' full ID numbers,
need a second person's approval (another account with the export permission, and for full ID numbers also the
permission to see them, confirming with their own password). ID numbers are masked unless asked for in full.
Every export and every approval is audited."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from govdesk.domain.clock import china_time
from govdesk.domain.errors import GovdeskError, PermissionDenied, ValidationError
from govdesk.domain.identity import mask_id_number
from govdesk.reports import excel
from govdesk.security.policy import Perm, Role, allowed, require
from govdesk.services.actor import Actor
from govdesk.services.statistics import MediationReport
from govdesk.store import cases_repo, exports_repo
from govdesk.store.audit_repo import append_audit
from govdesk.store.cases_repo import CaseFilter
from govdesk.store.store import Store

LIST_COLUMNS = ("编号", "标题", "类型", "类别", "当事人", "村（社区）", "状态", "风险", "登记时间")
ID_COLUMN = "当事人身份证号"
BULK_LIMIT = 1000  # exports above this need a second person's approval
CHUNK = 1000
ID_NONE, ID_MASKED, ID_FULL = "none", "masked", "full"
ID_MODES = (ID_NONE, ID_MASKED, ID_FULL)
FORMATS = ("xlsx", "csv")

Progress = Callable[[int, int, str], None]


def approval_reasons(count: int, id_numbers: str = ID_NONE) -> list[str]:
    """Why an export of ``count`` cases needs a second person (empty: it does not)."""
    reasons = []
    if count > BULK_LIMIT:
        reasons.append(f"一次导出{count:,}件，超过{BULK_LIMIT:,}件")
    if id_numbers == ID_FULL:
        reasons.append("导出完整身份证号")
    return reasons


@dataclass(frozen=True)
class ExportPlan:
    count: int
    reasons: list[str]  # why a second person must approve; empty when no approval is needed


def _check(actor: Actor, fmt: str, id_numbers: str) -> None:
    require(Role(actor.role), Perm.EXPORT, what="导出")
    if fmt not in FORMATS:
        raise ValidationError("导出格式应为 xlsx 或 csv。", "format")
    if id_numbers not in ID_MODES:
        raise ValidationError("身份证号的导出方式应为 none、masked 或 full。", "id_numbers")
    if id_numbers != ID_NONE:
        require(Role(actor.role), Perm.CASE_RECORDS, what="导出当事人身份证号")


def export_plan(store: Store, actor: Actor, flt: CaseFilter, id_numbers: str = ID_NONE) -> ExportPlan:
    """How many cases the export would hold and whether it needs approval (asked before choosing a file)."""
    _check(actor, "xlsx", id_numbers)
    with store.db.read() as session:
        count = cases_repo.count_cases(session, flt)
    return ExportPlan(count, approval_reasons(count, id_numbers))


def verify_approver(store: Store, actor: Actor, username: str, password: str, *, count: int,
                    id_numbers: str = ID_NONE) -> Actor:  # fmt: skip
    """The second person confirms with their own user name and password (checked like a sign-in: failures
    count towards the lockout and are audited). They must be someone else, allowed to export, and for full ID
    numbers allowed to see them. The approval itself is audited under the approver's name."""
    username = username.strip()
    if not username or not password:
        raise ValidationError("请审批人输入自己的用户名和密码。", "username")
    if username == actor.username:
        raise PermissionDenied("审批人必须是另一位人员，不能由导出人本人审批。请中心主任或另一位有导出权限的同事审批。")
    from govdesk.services.accounts import login

    approver = login(store, username, password)
    missing = []
    if not allowed(Role(approver.role), Perm.EXPORT):
        missing.append("导出")
    if id_numbers == ID_FULL and not allowed(Role(approver.role), Perm.REVEAL):
        missing.append("查看完整身份证号")
    reasons = approval_reasons(count, id_numbers)
    with store.db.write() as session:
        append_audit(session, approver.audit_name, "export.approve", "cases", "",
                     {"for": actor.audit_name, "count": count, "id_numbers": id_numbers, "reasons": reasons},
                     outcome="refused" if missing else "ok")  # fmt: skip
    if missing:
        raise PermissionDenied(
            f"{approver.name}（{Role(approver.role).label}）没有“{'、'.join(missing)}”的权限，不能审批这次导出。"
            "请中心主任审批。"
        )
    return approver


def _id_text(parties: list[tuple[str, str]], id_numbers: str) -> str:
    show = (lambda n: n) if id_numbers == ID_FULL else mask_id_number
    return "；".join(f"{name} {show(number)}" for name, number in parties)


def _write_atomically(path: Path, data: bytes) -> None:
    path = Path(path)
    if not path.parent.is_dir():
        raise ValidationError(f"文件夹 {path.parent} 不存在，请换一个保存位置。", "path")
    fd, tmp = tempfile.mkstemp(prefix=".govdesk-export-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except OSError as err:
        Path(tmp).unlink(missing_ok=True)
        raise ValidationError(f"无法写入 {path}：{err.strerror}。请检查文件是否正被 Excel 打开、文件夹权限和磁盘空间。",
                              "path") from None  # fmt: skip


class ExportCancelled(GovdeskError):
    """Raised from a progress callback when the user stops an export: nothing is written or audited."""


def export_cases(store: Store, actor: Actor, flt: CaseFilter, fmt: str, *, approver: Actor | None = None,
                 id_numbers: str = ID_NONE, sort: str = "created_at", descending: bool = True,
                 progress: Progress | None = None, out: Path | None = None) -> bytes:  # fmt: skip
    """The cases of ``flt`` in the list's order and columns (plus the parties' ID numbers when asked, masked
    unless ``full``). Written to ``out`` when given (whole or not at all), then audited."""
    _check(actor, fmt, id_numbers)
    report = progress or (lambda done, total, message: None)
    with store.db.read() as session:
        nos = cases_repo.case_local_nos(session, flt, sort, descending)
        reasons = approval_reasons(len(nos), id_numbers)
        if reasons:
            if approver is None or approver.username == actor.username:
                raise PermissionDenied(
                    f"{'，'.join(reasons)}，需要另一位有导出权限的人员审批。请缩小范围，或请中心主任审批。"
                )
            require(Role(approver.role), Perm.EXPORT, what="审批导出")
            if id_numbers == ID_FULL:
                require(Role(approver.role), Perm.REVEAL, what="审批导出完整身份证号")
        rows = []
        total = len(nos)
        report(0, total, f"正在读取 {total:,} 件事项……")
        for start in range(0, total, CHUNK):
            chunk = nos[start : start + CHUNK]
            ids = exports_repo.party_id_numbers(session, chunk) if id_numbers != ID_NONE else {}
            for r in cases_repo.case_rows(session, chunk):
                row: list[object] = [r.number, r.title, r.kind.label, r.category or "", r.party_names, r.village,
                                     r.status.label, r.risk.label, f"{china_time(r.created_at):%Y-%m-%d %H:%M}"]  # fmt: skip
                if id_numbers != ID_NONE:
                    row.append(_id_text(ids.get(r.local_no, []), id_numbers))
                rows.append(row)
            report(min(start + CHUNK, total), total, f"已读取 {min(start + CHUNK, total):,} / {total:,} 件")
    columns = (*LIST_COLUMNS, ID_COLUMN) if id_numbers != ID_NONE else LIST_COLUMNS
    report(total, total, "正在生成文件……")
    data = excel.table_workbook("事项列表", columns, rows) if fmt == "xlsx" else excel.table_csv(columns, rows)
    if out is not None:
        _write_atomically(out, data)
    with store.db.write() as session:
        append_audit(session, actor.audit_name, "export", "cases", "", {
            "format": fmt, "count": len(rows), "approver": approver.audit_name if approver else None,
            "id_numbers": id_numbers, "file": Path(out).name if out is not None else None,
            "filter": _filter_details(flt),
        })  # fmt: skip
    return data


def _filter_details(flt: CaseFilter) -> dict[str, object]:
    details: dict[str, object] = {k: v for k, v in flt.__dict__.items() if v not in ((), None, "", False)}
    if flt.local_nos:  # a dashboard figure's list can hold tens of thousands of cases
        details["local_nos"] = f"{len(flt.local_nos)} 件（统计图表所列）"
    return details


def export_report(store: Store, actor: Actor, report: MediationReport) -> bytes:
    require(Role(actor.role), Perm.CASE_LIST, what="导出统计报表")
    title = f"{report.committee_name}人民调解工作统计表"
    data = excel.report_workbook(title, f"统计期间：{report.period.label}　填报单位：{report.center_name}",
                                 report.rows, report.total)  # fmt: skip
    with store.db.write() as session:
        append_audit(session, actor.audit_name, "export", "report", report.period.label, {"format": "xlsx"})
    return data
