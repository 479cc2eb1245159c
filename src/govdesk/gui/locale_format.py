"""Dates, times and numbers in the UI language's locale (``QLocale()``, set by app.use_language):
2026年11月22日 in Chinese, November 22, 2026 in English. Tables keep the compact 2026-11-22 15:04."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtCore import QDate, QLocale, QTime

_WEEKDAY = re.compile(r"[,，\s]*dddd[,，\s]*")


def _date_pattern(locale: QLocale) -> str:
    """The locale's long date without the weekday: "yyyy年M月d日", "MMMM d, yyyy"."""
    return _WEEKDAY.sub(" ", locale.dateFormat(QLocale.FormatType.LongFormat)).strip()


def format_date(day: dt.date | None) -> str:
    if day is None:
        return ""
    locale = QLocale()
    return locale.toString(QDate(day.year, day.month, day.day), _date_pattern(locale))


def format_time(moment: dt.time | dt.datetime) -> str:
    locale = QLocale()
    return locale.toString(QTime(moment.hour, moment.minute), locale.timeFormat(QLocale.FormatType.ShortFormat))


def format_datetime(moment: dt.datetime | None) -> str:
    """A moment as the user reads it (pass China time: ``china_time(at)``)."""
    if moment is None:
        return ""
    return f"{format_date(moment.date())} {format_time(moment)}"


def format_number(value: int | float, decimals: int = 0) -> str:
    locale = QLocale()
    return locale.toString(float(value), "f", decimals) if decimals else locale.toString(int(value))
