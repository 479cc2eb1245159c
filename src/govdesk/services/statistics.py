"""Dashboard figures and the monthly/quarterly people's-mediation report, for a period and an area."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from govdesk.domain.clock import china_today
from govdesk.domain.codes import Kind, categories
from govdesk.reports.periods import Period
from govdesk.reports.statistics import Dashboard, ReportRow, dashboard, mediation_report
from govdesk.security.policy import Perm, Role, require
from govdesk.services.actor import Actor
from govdesk.services.lifecycle import deadline_rules
from govdesk.services.registration import data_tables_dir
from govdesk.store.reference_repo import center_info, local_center
from govdesk.store.statistics_repo import StatRow, stat_rows
from govdesk.store.store import Store


def _rows(store: Store, period: Period, village_id: str | None) -> list[StatRow]:
    start, end = period.utc_bounds
    with store.db.read() as session:
        return stat_rows(session, start, end, village_id)


def _on_time_days(row: StatRow) -> int:
    """Days allowed from acceptance: the mediation month for disputes, the handling limit (as calendar
    days, a conservative reading) for other matters."""
    if row.kind == Kind.DISPUTE.value:
        return int(deadline_rules().data["mediation"]["calendar_days"])
    return _handling_days((row.accepted_at or row.created_at).date(), row.kind, row.category)


@lru_cache(maxsize=4096)
def _handling_days(start: dt.date, kind: str, category: str | None) -> int:
    # Cached: counting working days day by day for each of a year's ~70,000 cases took seconds.
    return (deadline_rules().handling_due(start, kind, category) - start).days


def dashboard_for(store: Store, actor: Actor, period: Period, village_id: str | None = None,
                  today: dt.date | None = None) -> Dashboard:  # fmt: skip
    require(Role(actor.role), Perm.CASE_LIST, what="查看统计")
    return dashboard(_rows(store, period, village_id), today or china_today(), _on_time_days)


@dataclass(frozen=True)
class MediationReport:
    center_name: str
    committee_name: str
    period: Period
    rows: list[ReportRow]
    total: ReportRow
    dashboard: Dashboard


def mediation_report_for(store: Store, actor: Actor, period: Period) -> MediationReport:
    require(Role(actor.role), Perm.CASE_LIST, what="查看统计")
    rows = _rows(store, period, None)
    names = [c.name for c in categories(data_tables_dir())]
    report_rows, total = mediation_report(rows, names)
    with store.db.read() as session:
        center = center_info(local_center(session))
    return MediationReport(center.name, center.committee_name, period, report_rows, total,
                           dashboard(rows, china_today(), _on_time_days))  # fmt: skip
