"""The figures SQLite counts equal a plain Python count over the same cases (tests/reports/statistics_reference),
on a demo town with every kind of case, for each year, for one village and for a month; and a click on any
figure lists exactly the cases the reference puts behind it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from govdesk.domain.clock import china_today
from govdesk.reports.periods import Period, parse_period
from govdesk.reports.statistics import Dashboard, Figure
from govdesk.services import statistics
from govdesk.services.actor import Actor
from govdesk.store import statistics_repo
from govdesk.store.store import Store
from tests.reports import statistics_reference as ref

DIRECTOR = Actor("李主任", "director", "zhuren")
TODAY = china_today()


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    demo_loader = pytest.importorskip("govdesk.services.demo_loader")
    data_dir: Path = tmp_path_factory.mktemp("stats-demo")
    store = Store.open(data_dir, writer=True, create=True)
    demo_loader.load_demo(store, Actor("setup", "admin", "setup"), n_cases=600, n_residents=600)
    yield store
    store.close()


def _reference(
    store: Store, period: Period, village_id: str | None
) -> tuple[ref.Figures, dict[str, float], list[ref.Row]]:
    start, end = period.utc_bounds
    with store.db.read() as session:
        rows = ref.rows(session, start, end, village_id)
    rule = statistics.on_time_rule()

    def limit(r: ref.Row) -> int:
        if r.kind == "dispute":
            return rule.mediation_days
        return rule.handling_days((r.accepted_at or r.created_at).date(), r.kind, r.category)

    figures, steps = ref.dashboard(rows, TODAY, limit)
    return figures, steps, rows


def _all_figures(dash: Dashboard) -> list[Figure]:
    return [*dash.figures.values(), *dash.by_kind.values(), *dash.by_channel.values(), *dash.by_category.values(),
            *dash.by_risk.values(), *dash.by_month, *dash.top_villages]  # fmt: skip


def _village(store: Store) -> str:
    with store.db.read() as session:
        return str(session.execute(statistics_repo.text("SELECT id FROM villages ORDER BY code LIMIT 1")).scalar())


@pytest.mark.parametrize("period_text", [str(TODAY.year), str(TODAY.year - 1), f"{TODAY.year - 1}-10", "village"])
def test_sql_figures_equal_the_plain_count(demo: Store, period_text: str) -> None:
    village = _village(demo) if period_text == "village" else None
    period = parse_period(str(TODAY.year - 1) if village else period_text)
    dash = statistics.dashboard_for(demo, DIRECTOR, period, village, today=TODAY)
    expected, steps, rows = _reference(demo, period, village)
    assert rows, "the demo town has cases in this period"
    assert dash.figures["received"].value == len(rows)
    for fig in _all_figures(dash):
        key = fig.key
        value, local_nos = expected.get(key, (0, []))
        assert fig.value == pytest.approx(value, abs=0.005), key
        assert fig.count == len(local_nos), key
        listed = statistics.figure_cases(demo, DIRECTOR, dash.scope, fig.cases)
        assert sorted(listed) == local_nos, key
        assert listed == sorted(listed, reverse=True)  # newest first
    # Every group the reference finds is on the dashboard (the top-villages list keeps ten at most).
    shown = {f.key for f in _all_figures(dash)}
    missing = {k for k in expected if k not in shown and not k.startswith("open_village:")}
    assert not missing
    assert dash.step_days == pytest.approx(steps, abs=0.051)


def test_demo_exercises_the_figures(demo: Store) -> None:
    """The comparison above means something only if the demo has agreements, ratings, on-spot events…"""
    year = parse_period(str(TODAY.year))  # the demo plays the lifecycle through for this year's cases
    figures, _, _ = _reference(demo, year, None)
    for key in (
        "success_rate",
        "on_time_rate",
        "satisfaction_rate",
        "agreements",
        "performed_rate",
        "on_spot_rate",
        "overdue",
    ):
        assert figures[key][1], key


def test_report_counts_equal_the_plain_count(demo: Store) -> None:
    period = parse_period(str(TODAY.year - 1))
    report = statistics.mediation_report_for(demo, DIRECTOR, period)
    _, _, rows = _reference(demo, period, None)
    expected = ref.report(rows)
    got = {r.category: (r.received, r.mediated, r.successful, r.agreements, r.amount_cents, r.people)
           for r in report.rows if r.received}  # fmt: skip
    assert got == expected
    assert report.total.received == report.dashboard.figures["disputes"].value


@pytest.mark.parametrize("village", [False, True])
def test_the_period_is_counted_from_the_indexes_alone(demo: Store, village: bool) -> None:
    """Every statistics statement that scans the period (dashboard, report, the cases behind a figure) reads the
    covering index ix_cases_period (migration 0007), never a case row, and the on-the-spot check reads
    ix_case_events_case_action, never an event row. (Without the hint, grouping by kind made SQLite walk the kind
    index over the whole table.)"""
    scope = statistics.scope_for(parse_period(str(TODAY.year)), _village(demo) if village else None, today=TODAY)
    statements: list[tuple[str, Any]] = []

    def capture(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, many: bool) -> None:
        statements.append((statement, parameters))

    event.listen(demo.db.engine, "before_cursor_execute", capture)
    try:
        with demo.db.read() as session:
            statistics_repo.dashboard_counts(session, scope, statistics.on_time_rule())
            statistics_repo.report_counts(session, scope, [])
            for selector in ("on_time", "on_spot", "kind:dispute"):
                statistics_repo.selector_local_nos(session, scope, statistics.on_time_rule(), selector)
    finally:
        event.remove(demo.db.engine, "before_cursor_execute", capture)
    period = [(sql, params) for sql, params in statements if statistics_repo.PERIOD_CASES in sql]
    assert len(period) >= 6  # flags and medians, groups, the report, three lists
    with demo.db.read() as session:
        statistics_repo.dashboard_counts(session, scope, statistics.on_time_rule())  # registers gd_handling_days
        conn = session.connection()
        for sql, params in period:
            plan = [str(step[-1]) for step in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", params)]
            on_cases = [step for step in plan if step.startswith(("SEARCH c ", "SCAN c "))]
            assert on_cases and all("COVERING INDEX ix_cases_period" in step for step in on_cases), plan
            on_events = [step for step in plan if step.startswith(("SEARCH e ", "SCAN e "))]
            assert all("COVERING INDEX ix_case_events_case_action" in step for step in on_events), plan
            assert on_events or "case_events" not in sql, plan


def test_unknown_selector_is_refused(demo: Store) -> None:
    scope = statistics.scope_for(parse_period("2026"), today=dt.date(2026, 11, 1))
    with pytest.raises(ValueError, match="selector"):
        statistics.figure_cases(demo, DIRECTOR, scope, "local_no; DROP TABLE cases")
