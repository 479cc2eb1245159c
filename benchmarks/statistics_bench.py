"""Statistics figures: the dashboard for a year and the monthly report, on the generated store."""

from __future__ import annotations

import datetime as dt

from benchmarks.harness import Figure, timed
from govdesk.reports.periods import parse_period
from govdesk.services import statistics
from govdesk.services.actor import Actor
from govdesk.store.store import Store

DIRECTOR = Actor("基准测试", "director", "benchmark")


def statistics_figures(store: Store, size: str, repeat: int, year: int = 2026) -> list[Figure]:
    period_year = parse_period(str(year))
    month = parse_period(f"{year}-10")
    today = dt.date(year, 11, 1)
    return [
        Figure("statistics", f"dashboard for the year {year} (all figures, charts' data)", "ms",
               timed(lambda: statistics.dashboard_for(store, DIRECTOR, period_year, today=today), repeat=repeat),
               size, target=1000, note="one query for the year's cases, figures computed in Python"),
        Figure("statistics", f"monthly people's-mediation report ({year}-10, rows + totals + dashboard)", "ms",
               timed(lambda: statistics.mediation_report_for(store, DIRECTOR, month), repeat=repeat),
               size, target=5000),
    ]  # fmt: skip
