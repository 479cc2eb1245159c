"""Dashboard figures and the monthly/quarterly people's-mediation report, for a period and an area.

The counting is SQLite's (``store.statistics_repo``: aggregates with GROUP BY); the cases behind a figure are
listed only when someone asks for them (``figure_cases``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from govdesk.domain.clock import china_today
from govdesk.domain.codes import categories
from govdesk.reports.periods import Period
from govdesk.reports.statistics import Dashboard, ReportRow, dashboard, mediation_report
from govdesk.security.policy import Perm, Role, require
from govdesk.services.actor import Actor
from govdesk.services.lifecycle import deadline_rules
from govdesk.services.registration import data_tables_dir
from govdesk.store import statistics_repo
from govdesk.store.reference_repo import center_info, local_center
from govdesk.store.statistics_repo import OnTimeRule, Scope
from govdesk.store.store import Store


@lru_cache(maxsize=4096)
def _handling_days(start: dt.date, kind: str, category: str | None) -> int:
    """Calendar days allowed from acceptance for a matter that is not a dispute (the handling limit in working
    days, counted out with the holiday schedule; a conservative reading). Cached: counting working days day by
    day for each of a year's ~70,000 cases took seconds."""
    return (deadline_rules().handling_due(start, kind, category) - start).days


def on_time_rule() -> OnTimeRule:
    return OnTimeRule(int(deadline_rules().data["mediation"]["calendar_days"]), _handling_days)


def scope_for(period: Period, village_id: str | None = None, today: dt.date | None = None) -> Scope:
    start, end = period.utc_bounds
    return Scope(start, end, today or china_today(), village_id)


def dashboard_for(store: Store, actor: Actor, period: Period, village_id: str | None = None,
                  today: dt.date | None = None) -> Dashboard:  # fmt: skip
    require(Role(actor.role), Perm.CASE_LIST, what="查看统计")
    scope = scope_for(period, village_id, today)
    with store.db.read() as session:
        counts = statistics_repo.dashboard_counts(session, scope, on_time_rule())
    return dashboard(counts, scope)


def figure_cases(store: Store, actor: Actor, scope: Scope, selector: str) -> list[int]:
    """The cases behind a figure (its ``cases`` selector), newest first, counted the same way as the figure."""
    require(Role(actor.role), Perm.CASE_LIST, what="查看统计")
    with store.db.read() as session:
        return statistics_repo.selector_local_nos(session, scope, on_time_rule(), selector)


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
    scope = scope_for(period)
    names = [c.name for c in categories(data_tables_dir())]
    with store.db.read() as session:
        report_rows, total = mediation_report(statistics_repo.report_counts(session, scope, names))
        counts = statistics_repo.dashboard_counts(session, scope, on_time_rule())
        center = center_info(local_center(session))
    return MediationReport(center.name, center.committee_name, period, report_rows, total, dashboard(counts, scope))
