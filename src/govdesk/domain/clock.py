"""Time: stored in UTC; shown and counted (years, days, deadlines) in China Standard Time (UTC+8, no DST)."""

from __future__ import annotations

import datetime as dt

CHINA = dt.timezone(dt.timedelta(hours=8), "CST")


def utcnow() -> dt.datetime:
    """Naive UTC, as stored."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def china_time(stored_utc: dt.datetime) -> dt.datetime:
    return stored_utc.replace(tzinfo=dt.UTC).astimezone(CHINA)


def china_date(stored_utc: dt.datetime) -> dt.date:
    return china_time(stored_utc).date()


def china_today() -> dt.date:
    return china_date(utcnow())
