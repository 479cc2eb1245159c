"""Red/yellow/green warning: rules kept as data (resources/data/risk_rules.json), each with a description.

The level is the highest level among the rules that match; every matching rule is a reason. A manual level
(with its reason) replaces the computed one, except that a violence/police flag always means red.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from govdesk.domain.codes import Risk


@dataclass(frozen=True)
class RiskRule:
    id: str
    level: str
    when: dict[str, Any]
    description: str


@dataclass(frozen=True)
class RiskFacts:
    """What the rules look at, gathered by the service from the case."""

    people_involved: int = 1
    amount_cents: int | None = None
    violence_risk: bool = False
    police_reported: bool = False
    group_petition: bool = False
    overdue: bool = False
    repeat_within_months: int | None = None  # months since the last dispute between the same parties


@dataclass(frozen=True)
class RiskAssessment:
    level: Risk
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class RiskRules:
    levels: tuple[str, ...]
    rules: tuple[RiskRule, ...]

    @staticmethod
    @cache
    def load(path: Path) -> RiskRules:
        data = json.loads(path.read_text(encoding="utf-8"))
        rules = tuple(RiskRule(r["id"], r["level"], r["when"], r["description"]) for r in data["rules"])
        return RiskRules(tuple(data["levels"]), rules)

    def _rank(self, level: str) -> int:
        return self.levels.index(level) if level in self.levels else 0

    def matches(self, rule: RiskRule, facts: RiskFacts) -> bool:
        when = rule.when
        if "flag" in when:
            return bool(getattr(facts, str(when["flag"]), False))
        if "people_involved_at_least" in when:
            return facts.people_involved >= int(when["people_involved_at_least"])
        if "amount_at_least" in when:
            return facts.amount_cents is not None and facts.amount_cents >= int(when["amount_at_least"]) * 100
        if "overdue" in when:
            return facts.overdue is bool(when["overdue"])
        if "repeat_within_months" in when:
            return facts.repeat_within_months is not None and facts.repeat_within_months <= int(
                when["repeat_within_months"]
            )
        return False

    def assess(self, facts: RiskFacts, manual: str | None = None, manual_reason: str = "") -> RiskAssessment:
        matched = [r for r in self.rules if self.matches(r, facts)]
        level = max((r.level for r in matched), key=self._rank, default=self.levels[0])
        reasons = [r.description for r in matched]
        forced_red = facts.violence_risk or facts.police_reported
        if manual is not None and not (forced_red and self._rank(manual) < self._rank(Risk.RED.value)):
            level = manual
            reasons.insert(0, f"人工调整为{Risk(manual).label}：{manual_reason}")
        return RiskAssessment(Risk(level), tuple(reasons))
