"""The figures directors report, put together from the counts SQLite makes (``store.statistics_repo``).

Every figure keeps its formula and the *selector* of the cases behind it, so each rate traces to its list:
e.g. success rate = successful ÷ concluded = 21,813 ÷ 21,845 = 99.85%, and a click lists the 21,813 successful
mediations (``services.statistics.figure_cases``). The lists are fetched only when asked for: keeping a year's
ids for every figure cost more than counting them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from govdesk.domain.codes import Channel, Kind
from govdesk.store.statistics_repo import CategoryCounts, DashboardCounts, GroupCounts, Scope

TOP_VILLAGES = 10
_MS_PER_DAY = 86_400_000


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    value: float
    unit: str
    formula: str
    cases: str  # selector of the cases behind it (see store.statistics_repo)
    count: int  # how many cases that is

    @property
    def text(self) -> str:
        return f"{self.value:.1f}%" if self.unit == "%" else f"{self.value:g}{self.unit}"


def count_figure(key: str, label: str, n: int, cases: str, unit: str = "件") -> Figure:
    return Figure(key, label, n, unit, f"{label} = {n}", cases, n)


def rate_figure(key: str, label: str, num: int, den: int, cases: str) -> Figure:
    value = 100.0 * num / den if den else 0.0
    return Figure(key, label, round(value, 2), "%", f"{num} ÷ {den} = {value:.2f}%", cases, num)


@dataclass(frozen=True)
class Dashboard:
    figures: dict[str, Figure]
    by_kind: dict[str, Figure]
    by_channel: dict[str, Figure]
    by_category: dict[str, Figure]
    by_risk: dict[str, Figure]
    top_villages: list[Figure]
    by_month: list[Figure]
    step_days: dict[str, float]
    scope: Scope  # what the figures were counted over: a click lists its cases in the same scope


def _sum(groups: Iterable[GroupCounts]) -> int:
    return sum(g.cases for g in groups)


def _grouped(groups: Sequence[GroupCounts], key: Callable[[GroupCounts], str | None], dimension: str,
             label: Callable[[str], str] = str) -> dict[str, Figure]:  # fmt: skip
    totals: dict[str, int] = {}
    for g in groups:
        k = key(g)
        if k:
            totals[k] = totals.get(k, 0) + g.cases
    return {label(k): count_figure(f"{dimension}:{k}", label(k), n, f"{dimension}:{k}") for k, n in totals.items()}


def _days(ms: float | None) -> float:
    return round(ms / _MS_PER_DAY, 1) if ms is not None else 0.0


def dashboard(counts: DashboardCounts, scope: Scope) -> Dashboard:
    groups, n = counts.groups, counts.flags
    disputes = [g for g in groups if g.kind == Kind.DISPUTE.value]
    ag = counts.agreements
    figures = {
        "received": count_figure("received", "受理事项", _sum(groups), "received"),
        "disputes": count_figure("disputes", "矛盾纠纷", _sum(disputes), "disputes"),
        "accepted": count_figure("accepted", "受理调解", n["accepted"], "accepted"),
        "successful": count_figure("successful", "调解成功", n["successful"], "successful"),
        "success_rate": rate_figure("success_rate", "调解成功率", n["successful"], n["concluded"], "successful"),
        "on_time_rate": rate_figure("on_time_rate", "按期办结率", n["on_time"], n["finished"], "on_time"),
        "overdue": count_figure("overdue", "超期未办结", n["overdue"], "overdue"),
        "satisfaction_rate": rate_figure("satisfaction_rate", "群众满意率", n["satisfied"], n["rated"], "satisfied"),
        "agreements": count_figure("agreements", "达成协议", ag.with_agreement, "with_agreement"),
        "performed_rate": Figure("performed_rate", "协议履行率",
                                 round(100.0 * ag.performed / ag.obligations, 2) if ag.obligations else 0.0, "%",
                                 f"{ag.performed} ÷ {ag.obligations} 项履行事项", "with_agreement", ag.with_agreement),
        "confirmations": count_figure("confirmations", "申请司法确认", ag.confirmation_applied, "confirmation_applied"),
        "on_spot_rate": rate_figure("on_spot_rate", "网格事件就地化解率", n["on_spot"], n["grid_events"], "on_spot"),
    }  # fmt: skip
    top = [count_figure(f"open_village:{vid}", name, n, f"open_village:{vid}")
           for vid, name, n in counts.open_by_village if name][:TOP_VILLAGES]  # fmt: skip
    months = {m: count_figure(f"month:{m}", m, n, f"month:{m}") for m, n in counts.by_month.items()}
    return Dashboard(
        figures=figures,
        by_kind=_grouped(groups, lambda g: g.kind, "kind", lambda k: Kind(k).label),
        by_channel=_grouped(groups, lambda g: g.channel, "channel", lambda k: Channel(k).label),
        by_category=_grouped(disputes, lambda g: g.category, "category"),
        by_risk=_grouped(groups, lambda g: g.risk, "risk"),
        top_villages=top,
        by_month=[months[k] for k in sorted(months)],
        step_days={step: _days(ms) for step, ms in counts.step_ms.items()},
        scope=scope,
    )


@dataclass(frozen=True)
class ReportRow:
    category: str
    received: int
    mediated: int
    successful: int
    agreements: int
    amount_cents: int
    people: int


REPORT_FIELDS = ("received", "mediated", "successful", "agreements", "amount_cents", "people")


def mediation_report(counts: Sequence[CategoryCounts]) -> tuple[list[ReportRow], ReportRow]:
    """One row per dispute category (the county's layout) and the totals row (the sum of the rows)."""
    rows = [ReportRow(c.category, c.received, c.mediated, c.successful, c.agreements, c.amount_cents, c.people)
            for c in counts]  # fmt: skip
    total = ReportRow("合计", *(sum(getattr(r, f) for r in rows) for f in REPORT_FIELDS))
    return rows, total
