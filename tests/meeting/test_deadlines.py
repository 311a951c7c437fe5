"""Deadlines typed the way they are said in a Danish meeting, day first, next to ISO dates.

``checks.deadline`` is a pure function: the meeting's today is an argument, so the year a
date without one falls in is decided here by the test, never by the machine's clock.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitator.errors import MeetingError
from facilitator.meeting import checks

TODAY = dt.date(2026, 12, 1)
NEW_YEARS_EVE_WEEK = dt.date(2026, 12, 20)


@pytest.mark.parametrize(
    "written",
    ["15.01.2027", "15.1.2027", "15/1-2027", "15/1-27", "15-01-2027", "15.1.27", "15/01/2027", " 15.1.2027 ", "2027-01-15"],
)
def test_every_written_form_gives_the_same_day(written: str) -> None:
    assert checks.deadline(written, today=TODAY) == dt.date(2027, 1, 15)


@pytest.mark.parametrize("written", ["15/1", "15.1", "15.1.", "15/01", "15.01."])
def test_a_day_and_month_without_a_year_is_the_next_such_day(written: str) -> None:
    assert checks.deadline(written, today=TODAY) == dt.date(2027, 1, 15)
    assert checks.deadline(written, today=dt.date(2027, 1, 15)) == dt.date(2027, 1, 15)  # today itself counts
    assert checks.deadline(written, today=dt.date(2027, 1, 16)) == dt.date(2028, 1, 15)


def test_the_year_turns_around_new_year() -> None:
    assert checks.deadline("5/1", today=NEW_YEARS_EVE_WEEK) == dt.date(2027, 1, 5)
    assert checks.deadline("20/12", today=NEW_YEARS_EVE_WEEK) == dt.date(2026, 12, 20)
    assert checks.deadline("19/12", today=NEW_YEARS_EVE_WEEK) == dt.date(2027, 12, 19)
    assert checks.deadline("31.12.", today=NEW_YEARS_EVE_WEEK) == dt.date(2026, 12, 31)


def test_the_29th_of_february_without_a_year_waits_for_a_leap_year() -> None:
    assert checks.deadline("29/2", today=dt.date(2026, 12, 1)) == dt.date(2028, 2, 29)
    assert checks.deadline("29/2", today=dt.date(2028, 2, 29)) == dt.date(2028, 2, 29)
    assert checks.deadline("29/2", today=dt.date(2028, 3, 1)) == dt.date(2032, 2, 29)


def test_two_digit_years_are_this_century() -> None:
    assert checks.deadline("1.2.99", today=TODAY) == dt.date(2099, 2, 1)
    assert checks.deadline("1.2.00", today=TODAY) == dt.date(2000, 2, 1)  # written with a year: taken as written


def test_day_first_always_even_when_month_first_would_also_be_a_date() -> None:
    assert checks.deadline("5/1-2027", today=TODAY) == dt.date(2027, 1, 5)
    assert checks.deadline("1.5.2027", today=TODAY) == dt.date(2027, 5, 1)


@pytest.mark.parametrize(
    "written",
    [
        "31.2.2027",
        "31/2",
        "29.2.2027",
        "0/1",
        "1/0",
        "32.1.2027",
        "15.13.2027",
        "1.1.0000",
        "15/1-2027x",
        "15 1 2027",
        "15.1.202",
        "15.1.27.",
        "15..1.2027",
        "115.1.2027",
        "15",
        "januar",
        "15/12 kl 10",
        "１５.１.２０２７",  # full-width digits: not read as a date
        "2027-13-01",
        "1/2/3/4",
    ],
)
def test_impossible_or_unknown_dates_are_refused_with_the_forms_that_work(written: str) -> None:
    with pytest.raises(MeetingError) as refused:
        checks.deadline(written, today=TODAY)
    assert str(refused.value) == (
        f"the deadline must be a date written DD.MM.YYYY or YYYY-MM-DD, e.g. 31.12.2026, 31/12-26, 31.12 or 2026-12-31 (got {written})"
    )


def test_nothing_written_is_no_deadline_and_dates_pass_through() -> None:
    assert checks.deadline(None, today=TODAY) is None
    assert checks.deadline("  ", today=TODAY) is None
    assert checks.deadline(dt.date(2027, 1, 15), today=TODAY) == dt.date(2027, 1, 15)
    assert checks.deadline(dt.date(2020, 1, 15), today=TODAY) == dt.date(2020, 1, 15)  # a date given is never moved on
    assert checks.deadline(dt.datetime(2027, 1, 15, 10, 30), today=TODAY) == dt.date(2027, 1, 15)
    assert checks.deadline("2020-01-15", today=TODAY) == dt.date(2020, 1, 15)


def test_a_value_that_is_no_date_or_text_is_refused() -> None:
    with pytest.raises(MeetingError, match=r"\(got 15\)"):
        checks.deadline(15, today=TODAY)  # type: ignore[arg-type]


@given(st.dates(), st.dates())
def test_any_date_written_day_first_comes_back_equal(date: dt.date, today: dt.date) -> None:
    assert checks.deadline(f"{date.day}.{date.month}.{date.year:04d}", today=today) == date
    assert checks.deadline(f"{date.day:02d}/{date.month:02d}-{date.year:04d}", today=today) == date


@given(st.dates(max_value=dt.date(9990, 12, 31)), st.integers(1, 12), st.integers(1, 31))
def test_a_date_without_a_year_is_never_before_today_and_within_a_leap_cycle(today: dt.date, month: int, day: int) -> None:
    try:
        found = checks.deadline(f"{day}.{month}.", today=today)
    except MeetingError:
        assert (month, day) in {(2, 30), (2, 31), (4, 31), (6, 31), (9, 31), (11, 31)}
        return
    assert found is not None and (found.month, found.day) == (month, day)
    assert today <= found <= today + dt.timedelta(days=8 * 366)  # 29 February may be up to eight years off
