"""The figures directors report, computed from plain rows so they can be checked by hand.

Every figure keeps the cases behind it (``local_nos``) and its formula, so each rate traces to its list:
e.g. success rate = successful ÷ concluded = 21,813 ÷ 21,845 = 99.85%.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from govdesk.domain.clock import china_time
from govdesk.domain.codes import Channel, Kind, Status
from govdesk.store.statistics_repo import StatRow

FINISHED = {Status.CLOSED.value, Status.ARCHIVED.value}


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    value: float
    unit: str
    formula: str
    local_nos: tuple[int, ...]

    @property
    def text(self) -> str:
        return f"{self.value:.1f}%" if self.unit == "%" else f"{self.value:g}{self.unit}"


def _count(key: str, label: str, rows: Iterable[StatRow], unit: str = "件") -> Figure:
    nos = tuple(r.local_no for r in rows)
    return Figure(key, label, len(nos), unit, f"{label} = {len(nos)}", nos)


def _rate(key: str, label: str, num: Sequence[StatRow], den: Sequence[StatRow]) -> Figure:
    value = 100.0 * len(num) / len(den) if den else 0.0
    return Figure(key, label, round(value, 2), "%", f"{len(num)} ÷ {len(den)} = {value:.2f}%",
                  tuple(r.local_no for r in num))  # fmt: skip


def is_dispute(r: StatRow) -> bool:
    return r.kind == Kind.DISPUTE.value


def is_successful(r: StatRow) -> bool:
    """A mediation that reached an agreement (written or oral)."""
    return is_dispute(r) and r.resolved_at is not None


def is_concluded(r: StatRow) -> bool:
    """Mediation that ended, in success or failure."""
    if not is_dispute(r):
        return False
    return is_successful(r) or r.status == Status.FAILED.value or (r.status in FINISHED and r.accepted_at is not None)


def _days(a: dt.datetime | dt.date | None, b: dt.datetime | None) -> float | None:
    if a is None or b is None:
        return None
    start = a if isinstance(a, dt.datetime) else dt.datetime.combine(a, dt.time())
    return (b - start).total_seconds() / 86400


def _median(values: Iterable[float | None]) -> float:
    clean = [v for v in values if v is not None and v >= 0]
    return round(statistics.median(clean), 1) if clean else 0.0


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


def _grouped(rows: Sequence[StatRow], key: Callable[[StatRow], str | None], prefix: str) -> dict[str, Figure]:
    groups: dict[str, list[StatRow]] = {}
    for r in rows:
        k = key(r)
        if k:
            groups.setdefault(k, []).append(r)
    return {k: _count(f"{prefix}:{k}", k, v) for k, v in groups.items()}


def dashboard(rows: Sequence[StatRow], today: dt.date, on_time_days: Callable[[StatRow], int]) -> Dashboard:
    disputes = [r for r in rows if is_dispute(r)]
    accepted = [r for r in disputes if r.accepted_at is not None]
    successful = [r for r in disputes if is_successful(r)]
    concluded = [r for r in disputes if is_concluded(r)]
    finished = [r for r in rows if r.closed_at is not None]
    on_time = [r for r in finished if r.accepted_at is not None
               and (_days(r.accepted_at, r.resolved_at or r.closed_at) or 0) <= on_time_days(r)]  # fmt: skip
    overdue = [r for r in rows if Status(r.status).is_open and r.due_date is not None and r.due_date < today]
    rated = [r for r in rows if r.satisfaction]
    satisfied = [r for r in rated if r.satisfaction in ("satisfied", "basically")]
    with_agreement = [r for r in rows if r.agreements]
    obligations = sum(r.obligations for r in rows)
    performed = sum(r.obligations_performed for r in rows)
    grid_events = [r for r in rows if r.kind == Kind.GRID_EVENT.value]
    figures = {
        "received": _count("received", "受理事项", rows),
        "disputes": _count("disputes", "矛盾纠纷", disputes),
        "accepted": _count("accepted", "受理调解", accepted),
        "successful": _count("successful", "调解成功", successful),
        "success_rate": _rate("success_rate", "调解成功率", successful, concluded),
        "on_time_rate": _rate("on_time_rate", "按期办结率", on_time, finished),
        "overdue": _count("overdue", "超期未办结", overdue),
        "satisfaction_rate": _rate("satisfaction_rate", "群众满意率", satisfied, rated),
        "agreements": _count("agreements", "达成协议", with_agreement),
        "performed_rate": Figure("performed_rate", "协议履行率", round(100.0 * performed / obligations, 2) if obligations else 0.0,
                                 "%", f"{performed} ÷ {obligations} 项履行事项", tuple(r.local_no for r in with_agreement)),
        "confirmations": _count("confirmations", "申请司法确认", [r for r in rows if r.confirmation_applied]),
        "on_spot_rate": _rate("on_spot_rate", "网格事件就地化解率", [r for r in grid_events if r.on_spot], grid_events),
    }  # fmt: skip
    open_rows = [r for r in rows if Status(r.status).is_open]
    top = sorted(_grouped(open_rows, lambda r: r.village, "open_village").values(), key=lambda f: -f.value)[:10]
    months = _grouped(rows, lambda r: f"{china_time(r.created_at):%Y-%m}", "month")
    step_days = {
        "发现→受理": _median(_days(r.occurred_at or r.created_at, r.accepted_at) for r in rows),
        "受理→化解": _median(_days(r.accepted_at, r.resolved_at) for r in rows),
        "化解→确认": _median(_days(r.resolved_at, r.confirmed_at) for r in rows),
        "确认→反馈": _median(_days(r.confirmed_at, r.fed_back_at) for r in rows),
    }
    return Dashboard(
        figures=figures,
        by_kind={Kind(k).label: f for k, f in _grouped(rows, lambda r: r.kind, "kind").items()},
        by_channel={Channel(k).label: f for k, f in _grouped(rows, lambda r: r.channel, "channel").items()},
        by_category=_grouped(disputes, lambda r: r.category, "category"),
        by_risk=_grouped(rows, lambda r: r.risk, "risk"),
        top_villages=top,
        by_month=[months[k] for k in sorted(months)],
        step_days=step_days,
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


def mediation_report(rows: Sequence[StatRow], categories: Sequence[str]) -> tuple[list[ReportRow], ReportRow]:
    """One row per dispute category (the county's layout) and the totals row (the sum of the rows)."""
    by_cat: dict[str, list[StatRow]] = {c: [] for c in categories}
    for r in rows:
        if is_dispute(r):
            by_cat.setdefault(r.category or "其他", []).append(r)
    out = []
    for cat, items in by_cat.items():
        succ = [r for r in items if is_successful(r)]
        out.append(ReportRow(
            category=cat, received=len(items), mediated=sum(1 for r in items if r.accepted_at is not None),
            successful=len(succ), agreements=sum(r.agreements for r in items),
            amount_cents=sum(r.agreed_amount_cents for r in succ), people=sum(r.people_involved for r in items),
        ))  # fmt: skip
    total = ReportRow("合计", *(sum(getattr(r, f) for r in out) for f in
                               ("received", "mediated", "successful", "agreements", "amount_cents", "people")))  # fmt: skip
    return out, total


def channel_split(rows: Sequence[StatRow]) -> Counter[str]:
    return Counter(Channel(r.channel).label for r in rows if is_dispute(r))
