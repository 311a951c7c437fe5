"""The next meeting's dialog (alt+n): a Danish date and time typed as the room says them,
refused beside its field when it cannot be read, shown on the item "Næste møde", opened
again with what was recorded, and emptied to remove it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from support.app import MakeApp
from support.forms import Typed, press
from textual.widgets import Input

from facilitator.meeting.next_meeting import NextMeeting
from facilitator.tui.dialogs.form import FormDialog

WIDE = (200, 50)
"""Wide enough for the next meeting on one line of the item view."""


def screen_text(app: Any) -> str:
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


async def test_a_danish_date_and_time_are_recorded_shown_and_removed(make_app: MakeApp, danish: None) -> None:
    app = make_app()
    async with app.run_test(size=WIDE) as pilot:
        meeting = app.session.meeting
        await press(pilot, "ctrl+n")
        meeting.go_to(len(meeting.items) - 1)  # "Næste møde", the shipped agenda's last item
        await pilot.pause()
        assert "alt+n: sæt dato, tid og sted" in screen_text(app)

        await press(pilot, "alt+n", Typed("31/2"), "tab", Typed("kl. 16"), "enter")
        assert isinstance(app.screen, FormDialog) and app.screen.id == "next-meeting-dialog"
        assert "næste mødes dato skal skrives DD.MM.ÅÅÅÅ" in screen_text(app)
        assert meeting.next_meeting is None

        date = app.screen.query_one("#field-date", Input)
        date.value = ""
        date.focus()
        await press(pilot, Typed("14/1"), "tab", "tab", Typed("Mødelokale 2"), "enter")
        assert not isinstance(app.screen, FormDialog)
        assert meeting.next_meeting == NextMeeting(dt.date(2027, 1, 14), dt.time(16), "Mødelokale 2")
        assert "Næste møde: torsdag den 14. januar 2027 kl. 16.00, Mødelokale 2" in screen_text(app)

        await press(pilot, "alt+n")  # again: it opens with what was recorded, and emptied it removes it
        dialog = app.screen
        assert [dialog.query_one(f"#field-{name}", Input).value for name in ("date", "start")] == ["14.01.2027", "16.00"]
        for name in ("date", "start"):
            dialog.query_one(f"#field-{name}", Input).value = ""
        await press(pilot, "enter")
        assert meeting.next_meeting is None and not isinstance(app.screen, FormDialog)
        assert "alt+n: sæt dato, tid og sted" in screen_text(app)
