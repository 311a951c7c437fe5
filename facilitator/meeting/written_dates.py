"""Dates as people in a Danish meeting write them: 15.1.2027, 15/1-27, 15.1.; and as a
referat writes them back: "tirsdag den 1. december 2026", "15. januar 2027", "15.01.2027".

Reading: a secretary types a deadline the way it is said in the room, day first, and often
without the year ("to 15/1"). Day first is the only reading: there is no month-first
form in Danish, so 5/1 is the fifth of January and never the first of May. A date
without a year is the next such day on or after the meeting's today, which the caller
passes in, so this stays a pure function of its arguments and a meeting held on
20 December that says "5/1" means January of the new year. A time of day is read as it
is said too ("kl. 16", "16.30"), for the next meeting's start.

Writing: the words (weekdays, months, the order) come from the message catalogue, so the
English minutes say "15 January 2027" in the same places; a table takes the short,
numeric form, which keeps its column narrow and the same width on every row.
"""

from __future__ import annotations

import datetime as dt
import re

from facilitator.i18n import t

# Day, then month, then an optional year of two or four digits; a year-less date may end in a
# full stop ("15.1."). ASCII digits only: the date is read, not guessed at.
_DAY_FIRST = re.compile(
    r"(?P<day>[0-9]{1,2})[./-](?P<month>[0-9]{1,2})(?:[./-](?P<year>[0-9]{4}|[0-9]{2})|\.)?",
    re.ASCII,
)

# The longest gap between two 29ths of February (1896 to 1904, 2096 to 2104) is eight years.
_YEARS_TO_LOOK = 9


def day_first(written: str, today: dt.date) -> dt.date | None:
    """The date ``written`` day first, or None if it is not such a date or no such day exists."""
    match = _DAY_FIRST.fullmatch(written.strip())
    if match is None:
        return None
    day, month, year = int(match["day"]), int(match["month"]), match["year"]
    if year is not None:
        return _date(2000 + int(year) if len(year) == 2 else int(year), month, day)
    for candidate_year in range(today.year, min(today.year + _YEARS_TO_LOOK, dt.MAXYEAR + 1)):
        candidate = _date(candidate_year, month, day)
        if candidate is not None and candidate >= today:
            return candidate
    return None


# A time of day as the room says it: "16", "16.30", "16:30", "kl. 16", "kl 9.15". Hours and
# minutes only: a meeting starts on the minute.
_TIME_OF_DAY = re.compile(r"(?:kl\.?\s*)?(?P<hour>[0-9]{1,2})(?:[.:](?P<minute>[0-9]{2}))?", re.ASCII | re.IGNORECASE)


def time_of_day(written: str) -> dt.time | None:
    """The time ``written`` ("16.00", "kl. 16", "16:30"), or None if it is not one."""
    match = _TIME_OF_DAY.fullmatch(written.strip())
    if match is None:
        return None
    hour, minute = int(match["hour"]), int(match["minute"] or 0)
    if hour > 23 or minute > 59:
        return None
    return dt.time(hour, minute)


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:  # 31.2, 0/1, 15.13, year 0000
        return None


def long_date(day: dt.date, lang: str | None = None) -> str:
    """'tirsdag den 1. december 2026': the day a meeting was held, in its header."""
    return t(
        "minutes.long_date",
        lang=lang,
        day=day.day,
        year=day.year,
        weekday=t("minutes.weekdays", lang=lang).split()[day.weekday()],
        month=_month(day, lang),
    )


def written_date(day: dt.date, lang: str | None = None) -> str:
    """'15. januar 2027': a deadline or an earlier meeting's date in running text."""
    return t("minutes.written_date", lang=lang, day=day.day, year=day.year, month=_month(day, lang))


def table_date(day: dt.date, lang: str | None = None) -> str:
    """'15.01.2027': a date in a table column."""
    return t("minutes.table_date", lang=lang, day=f"{day.day:02}", month=f"{day.month:02}", year=day.year)


def clock_time(moment: dt.time | dt.datetime, lang: str | None = None) -> str:
    """'15.00' in Danish (Retskrivningsordbogen writes "kl. 15.00"), '15:00' in English."""
    return t("minutes.clock", lang=lang, hour=f"{moment.hour:02}", minute=f"{moment.minute:02}")


def _month(day: dt.date, lang: str | None) -> str:
    return t("minutes.months", lang=lang).split()[day.month - 1]
