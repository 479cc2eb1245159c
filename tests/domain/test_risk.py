from govdesk.domain.codes import Risk
from govdesk.domain.risk import RiskFacts, RiskRules
from govdesk.paths import resource

RULES = RiskRules.load(resource("data", "risk_rules.json"))


def test_a_quiet_case_is_green_with_no_reasons() -> None:
    assert RULES.assess(RiskFacts()).level is Risk.GREEN


def test_violence_flag_is_red_with_its_reason() -> None:
    result = RULES.assess(RiskFacts(violence_risk=True))
    assert result.level is Risk.RED
    assert any("刑事" in r for r in result.reasons)


def test_thirty_people_is_red_and_overdue_is_yellow() -> None:
    assert RULES.assess(RiskFacts(people_involved=30)).level is Risk.RED
    assert RULES.assess(RiskFacts(people_involved=29)).level is Risk.GREEN
    assert RULES.assess(RiskFacts(overdue=True)).level is Risk.YELLOW


def test_repeat_dispute_within_twelve_months_and_large_amount_are_yellow() -> None:
    assert RULES.assess(RiskFacts(repeat_within_months=11)).level is Risk.YELLOW
    assert RULES.assess(RiskFacts(repeat_within_months=13)).level is Risk.GREEN
    assert RULES.assess(RiskFacts(amount_cents=100_000_00)).level is Risk.YELLOW


def test_highest_level_wins_and_all_reasons_are_kept() -> None:
    result = RULES.assess(RiskFacts(overdue=True, people_involved=40))
    assert result.level is Risk.RED and len(result.reasons) == 2


def test_manual_override_applies_with_reason_but_cannot_lower_a_violence_flag() -> None:
    lowered = RULES.assess(RiskFacts(overdue=True), manual="green", manual_reason="双方已和解，只差签字")
    assert lowered.level is Risk.GREEN and "双方已和解" in lowered.reasons[0]
    assert RULES.assess(RiskFacts(violence_risk=True), manual="green", manual_reason="x").level is Risk.RED
