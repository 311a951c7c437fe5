"""Dates on screen read as the room writes them: 15.01.2027 in Danish, not 2027-01-15."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from support.app import SIZE, MakeApp, until
from support.forms import Typed, press
from textual.widgets import Static

from facilitator.meeting.records import CarriedAction
from facilitator.tui.dates_shown import compact, compact_written, spelled

DEADLINE = dt.date(2027, 1, 15)
WIDE = (200, 50)
"""Wide enough for a whole action on one line of the item view."""


def screen_text(app: Any) -> str:
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


def test_danish_forms(danish: None) -> None:
    assert compact(DEADLINE) == "15.01.2027"
    assert spelled(DEADLINE) == "15. januar 2027"
    assert spelled(dt.date(2026, 12, 1)) == "1. december 2026"
    assert compact_written("2026-10-06") == "06.10.2026"
    assert compact_written("sidste efterår") == "sidste efterår"  # not a date: left as it is


def test_english_forms() -> None:
    assert compact(DEADLINE) == "2027-01-15"  # neither day nor month first: ISO misleads nobody
    assert spelled(DEADLINE) == "15 January 2027"
    assert compact_written("2026-10-06") == "2026-10-06"


async def test_deadlines_on_the_meeting_screen_are_danish(make_app: MakeApp, danish: None) -> None:
    """The deadline typed the Danish way shows the Danish way in the item's records, and so
    do the earlier meeting's action and its date in the list of carried actions."""
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        meeting = app.session.meeting
        meeting.carry_over([CarriedAction(1, 3, "Klubmøde i oktober", "2026-10-06", "Bestil lokale", "Cecilie", DEADLINE)])
        await press(pilot, "ctrl+n", "ctrl+n")  # the approval of the last minutes follows them up
        assert "Bestil lokale – Cecilie (15.01.2027) – Klubmøde i oktober, 06.10.2026" in screen_text(app)
        await press(pilot, "f3", Typed("Ring til HR"), "tab", Typed("Bo"), "tab", Typed("15/1-27"), "enter")
        assert meeting.items[1].actions[0].deadline == DEADLINE
        # the dialog's closing and the redraw after it can outlast a pause on a loaded machine
        await until(pilot, lambda: "• Ring til HR – Bo – frist 15.01.2027" in screen_text(app))
        shown = screen_text(app)
        assert "• Ring til HR – Bo – frist 15.01.2027" in shown
        assert "2027-01-15" not in shown and "2026-10-06" not in shown


async def test_the_meeting_date_on_the_cover_is_spelled_out(make_app: MakeApp, valid_agenda: Path, danish: None) -> None:
    app = make_app(valid_agenda)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert "1. december 2026" in screen_text(app)


async def test_english_deadlines_stay_iso(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        await press(pilot, "ctrl+n", "f3", Typed("Ring til HR"), "tab", Typed("Bo"), "tab", Typed("15/1-27"), "enter")
        assert "• Ring til HR – Bo – deadline 2027-01-15" in screen_text(app)


async def test_an_agenda_for_another_day_is_told_on_the_cover_and_at_the_start(
    make_app: MakeApp, valid_agenda: Path, danish: None
) -> None:
    # The fake clock says 1 December 2026; the agenda is for the 2nd.
    valid_agenda.write_text(valid_agenda.read_text(encoding="utf-8").replace("2026-12-01", "2026-12-02"), encoding="utf-8")
    app = make_app(valid_agenda)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        heading = str(app.screen.query_one("#item-heading", Static).render())
        assert "Dagsordenen er til 2. december 2026, men mødet holdes i dag, 1. december 2026" in heading
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert any("Referatet får dagens dato" in n.message for n in app._notifications)


async def test_an_agenda_for_today_says_nothing_of_it(make_app: MakeApp, valid_agenda: Path, danish: None) -> None:
    app = make_app(valid_agenda)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert not any("dagens dato" in n.message for n in app._notifications)
