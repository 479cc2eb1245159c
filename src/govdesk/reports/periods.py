"""Reporting periods (months, quarters, years) in China time, and their UTC bounds for queries."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from govdesk.domain.clock import CHINA
from govdesk.domain.errors import ValidationError


@dataclass(frozen=True)
class Period:
    start: dt.date  # first day
    end: dt.date  # day after the last
    label: str

    @property
    def utc_bounds(self) -> tuple[dt.datetime, dt.datetime]:
        def utc(day: dt.date) -> dt.datetime:
            return dt.datetime.combine(day, dt.time(), CHINA).astimezone(dt.UTC).replace(tzinfo=None)

        return utc(self.start), utc(self.end)


def parse_period(raw: str) -> Period:
    """'2026-10' (month), '2026Q3' (quarter) or '2026' (year)."""
    text = raw.strip().upper()
    if m := re.fullmatch(r"(\d{4})-(\d{1,2})", text):
        year, month = int(m[1]), int(m[2])
        if 1 <= month <= 12:
            end = dt.date(year + (month == 12), month % 12 + 1, 1)
            return Period(dt.date(year, month, 1), end, f"{year}年{month}月")
    if m := re.fullmatch(r"(\d{4})Q([1-4])", text):
        year, q = int(m[1]), int(m[2])
        start = dt.date(year, 3 * q - 2, 1)
        end = dt.date(year + (q == 4), (3 * q) % 12 + 1, 1)
        return Period(start, end, f"{year}年第{q}季度")
    if m := re.fullmatch(r"(\d{4})", text):
        year = int(m[1])
        return Period(dt.date(year, 1, 1), dt.date(year + 1, 1, 1), f"{year}年")
    raise ValidationError(f"统计期间“{raw}”写法不对：月份写 2026-10，季度写 2026Q3，全年写 2026。", "period")
