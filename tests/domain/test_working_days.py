import datetime as dt
from pathlib import Path

from govdesk.domain.working_days import WorkCalendar

CAL = WorkCalendar()


def test_deadlines_skip_the_2026_national_day_holiday() -> None:
    # Accepted on Wednesday 30 September 2026: 1–7 October are holidays, Saturday 10 October is a workday.
    start = dt.date(2026, 9, 30)
    assert CAL.add_working_days(start, 1) == dt.date(2026, 10, 8)
    assert CAL.add_working_days(start, 2) == dt.date(2026, 10, 9)
    assert CAL.add_working_days(start, 3) == dt.date(2026, 10, 10)  # adjusted working Saturday
    assert CAL.add_working_days(start, 4) == dt.date(2026, 10, 12)  # Sunday 11th is off


def test_adjusted_working_sunday_before_national_day_counts() -> None:
    assert CAL.is_workday(dt.date(2026, 9, 20))  # Sunday, 调休 working day
    assert CAL.add_working_days(dt.date(2026, 9, 19), 1) == dt.date(2026, 9, 20)


def test_working_days_between() -> None:
    assert CAL.working_days_between(dt.date(2026, 9, 30), dt.date(2026, 10, 12)) == 4


def test_unknown_years_fall_back_to_weekends_and_fixed_holidays_and_say_so() -> None:
    assert CAL.is_approximate(2031)
    assert not CAL.is_approximate(2026)
    assert not CAL.is_workday(dt.date(2031, 10, 1))
    assert CAL.is_workday(dt.date(2031, 10, 6))  # a Monday the fallback cannot know is a holiday


def test_a_county_schedule_file_overrides_the_fallback(tmp_path: Path) -> None:
    path = tmp_path / "holidays.json"
    path.write_text('{"years": {"2031": {"holidays": ["2031-10-06"], "workdays": ["2031-10-11"]}}}')
    cal = WorkCalendar.from_file(path)
    assert not cal.is_approximate(2031)
    assert not cal.is_workday(dt.date(2031, 10, 6))
    assert cal.is_workday(dt.date(2031, 10, 11))  # a Saturday made a workday
