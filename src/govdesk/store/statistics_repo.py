"""The statistics queries: every figure is counted by SQLite (aggregates with GROUP BY), never by a Python loop
over the cases, and every figure's cases can be listed by the same condition when someone clicks it.

The cases a figure is about are named by a *selector*: a condition name from ``CONDITIONS`` (``"successful"``)
or a dimension and a value (``"kind:dispute"``, ``"category:邻里"``, ``"risk:red"``, ``"month:2026-10"``,
``"open_village:<village id>"``). ``dashboard_counts`` counts them all in a few statements;
``selector_local_nos`` lists the cases of one selector with exactly the condition that counted them.

Times are stored as naive UTC text (``2026-10-10 02:00:00.000000``); month keys are China months (UTC+8, no
daylight saving). Durations are computed with ``julianday`` to the millisecond (SQLite's own precision).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from govdesk.domain.codes import OPEN_STATUSES
from govdesk.store.cases_repo import has_tombstones

HandlingDays = Callable[[dt.date, str, str | None], int]


@dataclass(frozen=True)
class OnTimeRule:
    """How long a case may take from acceptance: ``mediation_days`` (calendar days) for disputes, and
    ``handling_days(accepted_on, kind, category)`` calendar days for other matters (working days counted out)."""

    mediation_days: int
    handling_days: HandlingDays


@dataclass(frozen=True)
class Scope:
    """The cases registered in [start_utc, end_utc) (naive UTC), optionally in one village; ``today`` (China
    date) is what "overdue" counts from."""

    start_utc: dt.datetime
    end_utc: dt.datetime
    today: dt.date
    village_id: str | None = None


def _ts(value: dt.datetime) -> str:
    """A bound for the stored text form of a time (how SQLAlchemy writes DateTime to SQLite)."""
    return value.strftime("%Y-%m-%d %H:%M:%S.%f")


_OPEN = ", ".join(f"'{s.value}'" for s in OPEN_STATUSES)
_MS_PER_DAY = 86_400_000
_AGREEMENT = "SELECT 1 FROM agreements a WHERE a.case_id = c.id AND a.deleted_at IS NULL"

# Each condition is SQL on ``cases c``: the figure counts the cases that meet it, a click lists them.
CONDITIONS: dict[str, str] = {
    "received": "1",
    "disputes": "c.kind = 'dispute'",
    "accepted": "c.kind = 'dispute' AND c.accepted_at IS NOT NULL",
    # A mediation that reached an agreement (written or oral).
    "successful": "c.kind = 'dispute' AND c.resolved_at IS NOT NULL",
    # Mediation that ended, in success or failure.
    "concluded": "c.kind = 'dispute' AND (c.resolved_at IS NOT NULL OR c.status = 'failed'"
    " OR (c.status IN ('closed', 'archived') AND c.accepted_at IS NOT NULL))",
    "finished": "c.closed_at IS NOT NULL",
    "on_time": "c.closed_at IS NOT NULL AND c.accepted_at IS NOT NULL"
    " AND CAST(round((julianday(coalesce(c.resolved_at, c.closed_at)) - julianday(c.accepted_at)) * 86400000)"
    " AS INTEGER) <= 86400000 * (CASE WHEN c.kind = 'dispute' THEN :mediation_days"
    " ELSE gd_handling_days(date(c.accepted_at), c.kind, c.category) END)",
    "overdue": f"c.due_date < :today AND c.status IN ({_OPEN})",  # the date first: most cases are not past due
    "open": f"c.status IN ({_OPEN})",
    "rated": "c.satisfaction <> ''",
    "satisfied": "c.satisfaction IN ('satisfied', 'basically')",
    "with_agreement": f"EXISTS ({_AGREEMENT})",
    "confirmation_applied": f"EXISTS ({_AGREEMENT} AND a.confirmation_applied_on IS NOT NULL)",
    "grid_events": "c.kind = 'grid_event'",
    "on_spot": "c.kind = 'grid_event'"
    " AND EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.action = 'resolve-on-spot')",
}
_MONTH = "strftime('%Y-%m', c.created_at, '+8 hours')"
DIMENSIONS: dict[str, str] = {
    "kind": "c.kind = :value",
    "channel": "c.channel = :value",
    "risk": "c.risk = :value",
    "category": "c.kind = 'dispute' AND c.category = :value",
    "month": f"{_MONTH} = :value",
    "open_village": f"c.status IN ({_OPEN}) AND c.village_id = :value",
}
# Counted in one pass without grouping (the agreement figures come from the agreements' side).
FLAGS = ("accepted", "successful", "concluded", "finished", "on_time", "overdue", "rated", "satisfied",
         "grid_events", "on_spot")  # fmt: skip


@dataclass(frozen=True)
class GroupCounts:
    """How many cases of the scope have one kind, channel, risk and category."""

    kind: str
    channel: str
    risk: str
    category: str | None
    cases: int


@dataclass(frozen=True)
class AgreementCounts:
    with_agreement: int  # cases with at least one agreement
    confirmation_applied: int  # cases with an agreement whose judicial confirmation was applied for
    obligations: int  # obligations in those agreements
    performed: int  # of which performed


@dataclass(frozen=True)
class DashboardCounts:
    flags: dict[str, int]  # cases meeting each of FLAGS
    groups: list[GroupCounts]
    by_month: dict[str, int]  # China month ("2026-10") -> cases registered in it
    open_by_village: list[tuple[str, str, int]]  # (village id, name, open cases), most first
    agreements: AgreementCounts
    step_ms: dict[str, float | None]  # median milliseconds between the "five firsts" steps (None: no case)


@dataclass(frozen=True)
class CategoryCounts:
    """One row of the people's-mediation report: the disputes of one category."""

    category: str
    received: int
    mediated: int
    successful: int
    agreements: int
    amount_cents: int
    people: int


def _scope_where(scope: Scope) -> tuple[str, dict[str, Any]]:
    """The condition (on ``cases c``) for the cases of a scope, and its parameters."""
    params: dict[str, Any] = {
        "start": _ts(scope.start_utc),
        "end": _ts(scope.end_utc),
        "today": scope.today.isoformat(),
    }
    where = "c.created_at >= :start AND c.created_at < :end AND c.deleted_at IS NULL"
    if scope.village_id is not None:
        where += " AND c.village_id = :village"
        params["village"] = scope.village_id
    return where, params


# The scan of a scope: ``ix_cases_period`` (migration 0007) holds the live cases by registration time with every
# column the statistics read, village included, so the flags, the groups, the step times, the report by category
# and the cases behind a figure come from the index without reading a case row (a year of 200,000 cases: 72,000
# narrow index entries instead of 72,000 wide rows). The scope's ``c.deleted_at IS NULL`` is what lets SQLite use
# this partial index. The hint stays: without it, a GROUP BY on kind made SQLite walk the kind index over the
# whole table (6.7 s instead of 0.1 s for a year).
PERIOD_CASES = "cases c INDEXED BY ix_cases_period"


def _register_rule(session: Session, rule: OnTimeRule) -> dict[str, Any]:
    """Make the working-day limit callable from SQL on this connection (``gd_handling_days``)."""

    known: dict[tuple[str, str, str | None], int] = {}

    def handling_days(day: str | None, kind: str, category: str | None) -> int | None:
        # Called for every finished matter that is not a dispute: a dict lookup after the first of each day.
        if not day:
            return None
        found = known.get((day, kind, category))
        if found is None:
            found = known[(day, kind, category)] = int(rule.handling_days(dt.date.fromisoformat(day), kind, category))
        return found

    raw = session.connection().connection.driver_connection
    assert raw is not None
    raw.create_function("gd_handling_days", 3, handling_days, deterministic=True)
    return {"mediation_days": int(rule.mediation_days)}


def dashboard_counts(session: Session, scope: Scope, rule: OnTimeRule) -> DashboardCounts:
    """Everything the dashboard shows, counted by SQLite: one pass for the flags and the step medians and one GROUP
    BY for kind/channel/risk/category (both from the covering index alone, see PERIOD_CASES), range counts on the
    registration-time index for the months, the open cases by village (status index) and the agreement figures
    (see benchmarks/notes.md for the times)."""
    where, params = _scope_where(scope)
    params.update(_register_rule(session, rule))
    flags, step_ms = _flags_and_medians(session, scope, params)
    grouped = (
        f"SELECT c.kind, c.channel, c.risk, c.category, count(*) FROM {PERIOD_CASES} WHERE {where} GROUP BY 1, 2, 3, 4"
    )
    groups = [GroupCounts(r[0], r[1], r[2], r[3], int(r[4])) for r in session.execute(text(grouped), params)]
    by_month = _month_counts(session, scope)

    # Open cases are few: SQLite picks the status index here by itself.
    by_village = (
        "SELECT c.village_id, coalesce(v.name, ''), count(*) FROM cases c LEFT JOIN villages v ON v.id = c.village_id"
        f" WHERE {where} AND {CONDITIONS['open']} AND c.village_id IS NOT NULL GROUP BY c.village_id ORDER BY 3 DESC, 2"
    )
    open_by_village = [(str(r[0]), str(r[1]), int(r[2])) for r in session.execute(text(by_village), params)]

    # The period's cases from the covering index (which holds c.id), each probed for agreements by case_id.
    agreements_sql = (
        "SELECT count(DISTINCT a.case_id),"
        " count(DISTINCT CASE WHEN a.confirmation_applied_on IS NOT NULL THEN a.case_id END),"
        " count(o.id), coalesce(sum(o.performance = 'performed'), 0)"
        " FROM agreements a JOIN cases c ON c.id = a.case_id LEFT JOIN obligations o ON o.agreement_id = a.id"
        f" WHERE a.deleted_at IS NULL AND {where}"
    )
    a = session.execute(text(agreements_sql), params).one()
    agreements = AgreementCounts(int(a[0]), int(a[1]), int(a[2]), int(a[3]))
    return DashboardCounts(flags, groups, by_month, open_by_village, agreements, step_ms)


def china_months(scope: Scope) -> list[tuple[str, dt.datetime, dt.datetime]]:
    """The China months the scope touches: ("2026-10", start, end) with naive-UTC bounds clipped to the scope."""
    out = []
    china = scope.start_utc + dt.timedelta(hours=8)
    month = dt.datetime(china.year, china.month, 1)
    while month - dt.timedelta(hours=8) < scope.end_utc:
        following = dt.datetime(month.year + (month.month == 12), month.month % 12 + 1, 1)
        start = max(scope.start_utc, month - dt.timedelta(hours=8))
        end = min(scope.end_utc, following - dt.timedelta(hours=8))
        out.append((f"{month:%Y-%m}", start, end))
        month = following
    return out


def _month_counts(session: Session, scope: Scope) -> dict[str, int]:
    """Cases per China month. For the whole township and a store without deleted cases, the registration-time
    index alone answers (a range count per month, no table reads); otherwise one grouped pass."""
    if scope.village_id is None and not has_tombstones(session):
        months = china_months(scope)
        bounds: dict[str, Any] = {}
        counts = []
        for i, (_, start, end) in enumerate(months):
            bounds[f"a{i}"], bounds[f"b{i}"] = _ts(start), _ts(end)
            counts.append(
                f"(SELECT count(*) FROM cases INDEXED BY ix_cases_created WHERE created_at >= :a{i} AND created_at < :b{i})"
            )
        row = session.execute(text(f"SELECT {', '.join(counts)}"), bounds).one() if months else ()
        return {name: int(n) for (name, _, _), n in zip(months, row, strict=True) if n}
    where, params = _scope_where(scope)
    sql = f"SELECT {_MONTH}, count(*) FROM {PERIOD_CASES} WHERE {where} GROUP BY 1"
    return {str(m): int(n) for m, n in session.execute(text(sql), params)}


STEPS = (("发现→受理", "j0", "j1"), ("受理→化解", "j1", "j2"), ("化解→确认", "j2", "j3"), ("确认→反馈", "j3", "j4"))


def _flags_and_medians(
    session: Session, scope: Scope, params: dict[str, Any]
) -> tuple[dict[str, int], dict[str, float | None]]:
    """How many cases meet each of FLAGS, and the median time of each of STEPS in milliseconds (over the cases
    that have both times, not backwards), in one pass over the scope: the cases are read once into a narrow
    temporary table of 0/1 flags and durations, then summed and sorted there. (No GROUP BY: a grouped pass would
    carry every column the flags read through its sort.)"""
    where = _scope_where(scope)[0]
    times = ("julianday(coalesce(c.occurred_at, c.created_at)) AS j0, julianday(c.accepted_at) AS j1,"
             " julianday(c.resolved_at) AS j2, julianday(c.confirmed_at) AS j3, julianday(c.fed_back_at) AS j4")  # fmt: skip
    flags = ", ".join(f"({CONDITIONS[f]}) AS f{i}" for i, f in enumerate(FLAGS))
    # Each time is parsed once (julianday); the durations are computed from them where they are used.
    diff = [f"round(({b} - {a}) * {_MS_PER_DAY})" for _, a, b in STEPS]
    sums = ", ".join(
        [f"coalesce(sum({d} >= 0), 0) AS n{i}" for i, d in enumerate(diff)]
        + [f"coalesce(sum(f{i}), 0) AS s{i}" for i in range(len(FLAGS))]
    )
    medians = ", ".join(
        f"(SELECT avg(v) FROM (SELECT {d} AS v FROM d WHERE v >= 0 ORDER BY v"
        f" LIMIT 2 - (SELECT n{i} FROM n) % 2 OFFSET ((SELECT n{i} FROM n) - 1) / 2))"
        for i, d in enumerate(diff)
    )
    totals = ", ".join(f"n.s{i}" for i in range(len(FLAGS)))
    sql = (f"WITH d AS MATERIALIZED (SELECT {times}, {flags} FROM {PERIOD_CASES} WHERE {where}),"
           f" n AS MATERIALIZED (SELECT {sums} FROM d) SELECT {medians}, {totals} FROM n")  # fmt: skip
    row = session.execute(text(sql), params).one()
    steps = {name: (float(v) if v is not None else None) for (name, _, _), v in zip(STEPS, row, strict=False)}
    counted = {f: int(v) for f, v in zip(FLAGS, row[len(STEPS) :], strict=True)}
    return counted, steps


def selector_condition(selector: str) -> tuple[str, dict[str, Any]]:
    """The SQL condition (on ``cases c``) of a figure's selector, and its parameters."""
    if selector in CONDITIONS:
        return CONDITIONS[selector], {}
    dimension, sep, value = selector.partition(":")
    if sep and dimension in DIMENSIONS:
        return DIMENSIONS[dimension], {"value": value}
    raise ValueError(f"unknown statistics selector {selector!r}")


def selector_local_nos(session: Session, scope: Scope, rule: OnTimeRule, selector: str) -> list[int]:
    """The cases behind one figure, newest first: the same scope and condition that counted them."""
    condition, extra = selector_condition(selector)
    where, params = _scope_where(scope)
    params.update(extra)
    if ":mediation_days" in condition:
        params.update(_register_rule(session, rule))
    sql = f"SELECT c.local_no FROM {PERIOD_CASES} WHERE {where} AND ({condition}) ORDER BY c.local_no DESC"
    return [int(n) for n in session.execute(text(sql), params).scalars()]


def report_counts(session: Session, scope: Scope, categories: Sequence[str]) -> list[CategoryCounts]:
    """The disputes of the scope by category, in the order of ``categories`` (the county's list), then any other
    category found; a dispute without a category counts as 其他."""
    where, params = _scope_where(scope)
    category = "coalesce(nullif(c.category, ''), '其他')"
    cases_sql = (
        f"SELECT {category}, count(*), sum(c.accepted_at IS NOT NULL), sum(c.resolved_at IS NOT NULL),"
        f" coalesce(sum(c.people_involved), 0) FROM {PERIOD_CASES} WHERE {where} AND c.kind = 'dispute' GROUP BY 1"
    )
    agreements_sql = (
        f"SELECT {category}, count(*), coalesce(sum(CASE WHEN c.resolved_at IS NOT NULL THEN"
        " (SELECT coalesce(sum(o.amount_cents), 0) FROM obligations o WHERE o.agreement_id = a.id) END), 0)"
        " FROM agreements a JOIN cases c ON c.id = a.case_id"
        f" WHERE a.deleted_at IS NULL AND a.supplements_id IS NULL AND c.kind = 'dispute' AND {where} GROUP BY 1"
    )
    counts = {str(r[0]): (int(r[1]), int(r[2] or 0), int(r[3] or 0), int(r[4]))
              for r in session.execute(text(cases_sql), params)}  # fmt: skip
    made = {str(r[0]): (int(r[1]), int(r[2])) for r in session.execute(text(agreements_sql), params)}
    names = [*categories, *sorted(set(counts) - set(categories))]
    out = []
    for name in names:
        received, mediated, successful, people = counts.get(name, (0, 0, 0, 0))
        agreements, amount = made.get(name, (0, 0))
        out.append(CategoryCounts(name, received, mediated, successful, agreements, amount, people))
    return out
