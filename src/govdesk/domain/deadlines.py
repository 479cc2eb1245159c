"""Deadlines kept as data (resources/data/deadlines.json): mediation in calendar days, referrals in working days."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from govdesk.domain.working_days import WorkCalendar


@dataclass(frozen=True)
class DeadlineRules:
    data: dict[str, Any]
    calendar: WorkCalendar

    @staticmethod
    @cache
    def load(data_dir: Path) -> DeadlineRules:
        data = json.loads((data_dir / "deadlines.json").read_text(encoding="utf-8"))
        return DeadlineRules(data, WorkCalendar.from_file(data_dir / "holidays.json"))

    def _apply(self, start: dt.date, spec: dict[str, Any]) -> dt.date:
        if "calendar_days" in spec:
            return start + dt.timedelta(days=int(spec["calendar_days"]))
        return self.calendar.add_working_days(start, int(spec.get("working_days", 0)))

    def mediation_due(self, accepted_on: dt.date) -> dt.date:
        return self._apply(accepted_on, self.data["mediation"])

    def receive_due(self, referred_on: dt.date) -> dt.date:
        return self._apply(referred_on, self.data["referral_receive"])

    def handling_due(self, start: dt.date, kind: str, category: str | None) -> dt.date:
        handling = self.data["handling"]
        spec = handling.get("by_category", {}).get(category or "") or handling["by_kind"].get(kind) or handling["default"]
        return self._apply(start, spec)

    def confirmation_last_day(self, effective_on: dt.date) -> dt.date:
        return effective_on + dt.timedelta(days=int(self.data["judicial_confirmation"]["calendar_days"]))

    @property
    def confirmation_warn_days(self) -> int:
        return int(self.data["judicial_confirmation"]["warn_days"])

    @property
    def due_soon_days(self) -> int:
        return int(self.data["due_soon_days"])
