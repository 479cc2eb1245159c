"""Reading and verifying the audit trail (center director and auditor), and exporting what the viewer shows.

There is deliberately no service that edits or deletes an audit entry: nobody may, the administrator
included (see security.policy, Perm.AUDIT_DELETE), and the table's triggers refuse it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from govdesk.domain.clock import china_time
from govdesk.domain.lifecycle import Action
from govdesk.reports import excel
from govdesk.security.audit_chain import ChainBreak
from govdesk.security.policy import Perm, Role, require
from govdesk.services.actor import Actor
from govdesk.store import audit_queries
from govdesk.store.audit_queries import AuditFilter, AuditRow
from govdesk.store.audit_repo import append_audit, audit_chain_problems
from govdesk.store.store import Store

PAGE_SIZE = 100

EVENT_LABELS = {
    "login": "登录", "account.create": "新建账号", "account.password": "修改密码", "account.unlock": "解锁账号",
    "case.register": "登记事项", "doc.issue": "出具文书", "doc.reprint": "重印文书", "backup.create": "备份",
    "backup.restore": "从备份恢复", "export": "导出", "basemap.import": "导入底图", "grids.import": "导入网格",
    "demo.load": "载入演示数据", "center.init": "设置中心", "attachment.add": "添加附件",
    "import.residents": "导入居民", "person.reveal": "查看完整号码", "person.export": "导出个人信息",
    "person.anonymise": "个人信息匿名化", "audit.export": "导出审计记录",
}  # fmt: skip
OBJECT_LABELS = {
    "case": "事项", "cases": "事项列表", "account": "账号", "backup": "备份", "issued_document": "文书",
    "attachment": "附件", "center": "中心", "person": "人员", "persons": "人员名单", "report": "统计报表",
    "map": "地图", "basemap": "底图", "grid": "网格", "audit": "审计记录",
}  # fmt: skip
OUTCOME_LABELS = {"ok": "成功", "failed": "失败", "denied": "被拒绝"}
EXPORT_COLUMNS = ("序号", "时间（北京时间）", "用户", "设备", "事件", "对象类型", "对象", "结果", "详情")


def _require_read(actor: Actor) -> None:
    require(Role(actor.role), Perm.AUDIT_READ, what="查看审计记录")


def event_label(event: str) -> str:
    """登记事项, 受理 (事项办理), …; an event this version does not know keeps its code."""
    if event in EVENT_LABELS:
        return EVENT_LABELS[event]
    if event.startswith("case."):
        try:
            return f"事项办理：{Action(event[5:]).label}"
        except ValueError:
            pass
    return event


def object_label(object_type: str) -> str:
    return OBJECT_LABELS.get(object_type, object_type)


def outcome_label(outcome: str) -> str:
    return OUTCOME_LABELS.get(outcome, outcome)


def object_text(row: AuditRow) -> str:
    """What a person recognises: the case number or file name from the details, else the object's id."""
    details = row.details or {}
    for key in ("number", "file", "name"):
        value = details.get(key)
        if isinstance(value, str) and value:
            return value
    if row.object_name:
        return f"{row.object_name}（{row.object_id[:8]}）"
    return row.object_id


def details_text(row: AuditRow) -> str:
    return json.dumps(row.details, ensure_ascii=False, sort_keys=True) if row.details else ""


def verify_audit_chain(store: Store, actor: Actor) -> list[str]:
    """Every break in the hash chain, each at its position (empty when intact)."""
    _require_read(actor)
    with store.db.read() as session:
        return audit_chain_problems(session)


@dataclass(frozen=True)
class ChainReport:
    entries: int
    breaks: tuple[ChainBreak, ...]

    @property
    def ok(self) -> bool:
        return not self.breaks

    @property
    def broken_seqs(self) -> frozenset[int]:
        return frozenset(b.seq for b in self.breaks)


def audit_chain_report(store: Store, actor: Actor) -> ChainReport:
    """How many entries there are and where the hash chain breaks (the viewer marks those rows)."""
    _require_read(actor)
    with store.db.read() as session:
        count, breaks = audit_queries.audit_chain_breaks(session)
    return ChainReport(count, tuple(breaks))


@dataclass(frozen=True)
class AuditPage:
    rows: tuple[AuditRow, ...]
    total: int  # entries matching the filter
    page: int  # 0-based
    page_size: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.page_size))


def audit_page(store: Store, actor: Actor, flt: AuditFilter, page: int = 0, page_size: int = PAGE_SIZE) -> AuditPage:
    """One page of the entries matching ``flt``, newest first. A page past the end shows the last one."""
    _require_read(actor)
    with store.db.read() as session:
        total = audit_queries.count_entries(session, flt)
        last = max(0, -(-total // page_size) - 1)
        page = min(max(0, page), last)
        rows = audit_queries.entry_page(session, flt, page * page_size, page_size)
    return AuditPage(tuple(rows), total, page, page_size)


def page_of_entry(store: Store, actor: Actor, flt: AuditFilter, seq: int, page_size: int = PAGE_SIZE) -> int:
    """The page (0-based) on which entry ``seq`` is shown under ``flt``."""
    _require_read(actor)
    with store.db.read() as session:
        return audit_queries.newer_count(session, flt, seq) // page_size


@dataclass(frozen=True)
class FilterChoices:
    actors: tuple[str, ...]
    events: tuple[str, ...]
    object_types: tuple[str, ...]


def audit_filter_choices(store: Store, actor: Actor) -> FilterChoices:
    _require_read(actor)
    with store.db.read() as session:
        actors, events, types = audit_queries.distinct_values(session)
    return FilterChoices(tuple(actors), tuple(events), tuple(types))


def export_audit_csv(store: Store, actor: Actor, flt: AuditFilter) -> bytes:
    """Every entry matching ``flt`` (all pages, newest first) as CSV, UTF-8 with BOM. The export is audited."""
    _require_read(actor)
    with store.db.read() as session:
        rows = [
            (r.seq, f"{china_time(r.at):%Y-%m-%d %H:%M:%S}", r.actor, r.device, event_label(r.event),
             object_label(r.object_type), object_text(r), outcome_label(r.outcome), details_text(r))
            for r in audit_queries.iter_entries(session, flt)
        ]  # fmt: skip
    data = excel.table_csv(EXPORT_COLUMNS, rows)
    with store.db.write() as session:
        append_audit(session, actor.audit_name, "audit.export", "audit", "", {
            "format": "csv", "count": len(rows), "filter": _filter_details(flt),
            "seq_range": [rows[-1][0], rows[0][0]] if rows else None,
        })  # fmt: skip
    return data


def _filter_details(flt: AuditFilter) -> dict[str, Any]:
    return {
        k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in flt.__dict__.items() if v not in (None, "")
    }
