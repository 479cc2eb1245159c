"""Working days in mainland China: public holidays and the adjusted working weekends (调休).

The official schedule comes from the ``chinese-calendar`` package (published each year by the State Council).
For a year it does not know yet, a county may put the official schedule into ``resources/data/holidays.json``;
failing that we fall back to weekends plus the fixed-date statutory holidays (New Year, Labour Day, National
Day) and say so: ``WorkCalendar.is_approximate(year)``.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

import chinese_calendar

# Fixed-date statutory holidays used only when no official schedule for the year is known.
_FALLBACK_FIXED = {(1, 1), (5, 1), (5, 2), (10, 1), (10, 2), (10, 3)}


@dataclass(frozen=True)
class WorkCalendar:
    extra_holidays: frozenset[dt.date] = field(default_factory=frozenset)
    extra_workdays: frozenset[dt.date] = field(default_factory=frozenset)
    extra_years: frozenset[int] = field(default_factory=frozenset)

    @classmethod
    def from_file(cls, path: Path) -> WorkCalendar:
        """Load a county-supplied schedule: {"years": {"2027": {"holidays": [...], "workdays": [...]}}}."""
        if not path.is_file():
            return cls()
        data = json.loads(path.read_text(encoding="utf-8"))
        holidays: set[dt.date] = set()
        workdays: set[dt.date] = set()
        years: set[int] = set()
        for year, entry in data.get("years", {}).items():
            years.add(int(year))
            holidays.update(dt.date.fromisoformat(d) for d in entry.get("holidays", []))
            workdays.update(dt.date.fromisoformat(d) for d in entry.get("workdays", []))
        return cls(frozenset(holidays), frozenset(workdays), frozenset(years))

    def is_approximate(self, year: int) -> bool:
        if year in self.extra_years:
            return False
        try:
            chinese_calendar.is_workday(dt.date(year, 6, 1))
        except NotImplementedError:
            return True
        return False

    def is_workday(self, day: dt.date) -> bool:
        if day in self.extra_workdays:
            return True
        if day in self.extra_holidays:
            return False
        if day.year in self.extra_years:
            return day.weekday() < 5
        try:
            return bool(chinese_calendar.is_workday(day))
        except NotImplementedError:
            return day.weekday() < 5 and (day.month, day.day) not in _FALLBACK_FIXED

    def add_working_days(self, start: dt.date, days: int) -> dt.date:
        """The date ``days`` working days after ``start`` (the start day itself does not count)."""
        if days < 0:
            raise ValueError("days must be >= 0")
        current = start
        remaining = days
        while remaining > 0:
            current += dt.timedelta(days=1)
            if self.is_workday(current):
                remaining -= 1
        return current

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after ``start`` up to and including ``end`` (0 when end <= start)."""
        count = 0
        current = start
        while current < end:
            current += dt.timedelta(days=1)
            if self.is_workday(current):
                count += 1
        return count
