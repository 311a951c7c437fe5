"""Pilot tests of a joint meeting's dialogs: attendees added with an organisation, a voting
right taken and given, and a vote held among one organisation's members."""

from __future__ import annotations

from pathlib import Path

from support.app import SIZE, MakeApp
from support.forms import Typed, press
from textual.widgets import OptionList, Static

JOINT = """format = 1
[meeting]
title = "Fællesmøde med HK-klubben"
kind = "klubmøde"
groups = ["Socialrådgiverklubben", "HK-klubben"]
participants = [
  { name = "Anne", organisation = "DS" },
  { name = "Bo", organisation = "DS" },
  { name = "Cecilie", organisation = "DS" },
  { name = "Dorte", organisation = "DS" },
  { name = "Hanne", organisation = "HK" },
]
guests = ["Eva Holm"]
[[item]]
title = "Arbejdsmiljø"
"""


def joint(tmp_path: Path) -> Path:
    path = tmp_path / "faelles.toml"
    path.write_text(JOINT, encoding="utf-8")
    return path


async def test_attendees_are_added_with_an_organisation_and_given_or_taken_a_vote(make_app: MakeApp, tmp_path: Path) -> None:
    app = make_app(joint(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        meeting = app.session.meeting
        await press(pilot, "ctrl+l")
        await pilot.pause()
        # from the list to the organisation field, its text and Enter in one burst; then two names
        await press(pilot, "tab", "tab", Typed("HK"), "shift+tab", Typed("Ib"), "enter", Typed("Jens"), "enter")
        await pilot.pause()
        assert [(meeting.attendees[n].organisation, meeting.attendees[n].votes) for n in ("Ib", "Jens")] == [
            ("HK", True),
            ("HK", True),
        ]
        await press(pilot, "shift+tab")  # to the list: Jens, the last added, is highlighted
        await pilot.pause()
        assert isinstance(app.focused, OptionList)
        await press(pilot, "s", "up", "g")  # Jens loses his vote; Ib goes on to the next organisation
        await pilot.pause()
        assert not meeting.attendees["Jens"].votes
        assert meeting.attendees["Ib"].organisation == "Socialrådgiverklubben"
        assert meeting.voters_present("HK") == 1
        lines = str(app.screen.query_one("#people", OptionList).get_option_at_index(7).prompt)
        assert "Jens (HK, without a vote)" in lines


async def test_a_vote_among_one_organisation_refuses_more_votes_than_its_members(make_app: MakeApp, tmp_path: Path) -> None:
    app = make_app(joint(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        meeting = app.session.meeting
        await press(pilot, "ctrl+n")
        await pilot.pause()
        # subject, then who votes: the select's second choice (only DS), then the counts
        await press(pilot, "f4", Typed("Kun DS"), "tab", "down", "down", "enter")  # down opens the list
        await pilot.pause()
        await press(pilot, "tab", Typed("3"), "tab", Typed("1"), "tab", Typed("1"), "enter")
        await pilot.pause()
        assert "5 votes, but only 4 entitled to vote from DS are present" in str(
            app.screen.query_one("#error-abstain", Static).render()
        )
        await press(pilot, "backspace", Typed("0"), "enter")
        await pilot.pause()
        (vote,) = meeting.items[0].votes
        assert (vote.votes_for, vote.against, vote.abstain, vote.present, vote.organisation) == (3, 1, 0, 4, "DS")


async def test_a_meeting_of_one_group_asks_nobody_who_votes(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "ctrl+n")
        await pilot.pause()
        await press(pilot, "f4")
        await pilot.pause()
        assert not app.screen.query("#field-voters")
        await press(pilot, "escape", "ctrl+l")
        await pilot.pause()
        assert not app.screen.query("#field-organisation")
        assert app.screen.check_action("cycle_organisation", ()) is False
