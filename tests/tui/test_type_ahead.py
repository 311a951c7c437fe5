"""Keys sent in one burst, as a fast typist, a paste or a script sends them, are handled in
the order they were typed: the text before a command key is in place when the command
runs. The keys are posted to the app all at once, without waiting between them, as a
terminal delivers a burst."""

from __future__ import annotations

from typing import Any

from support.app import SIZE, MakeApp
from textual import events
from textual.widgets import TextArea

from facilitator.meeting.model import Meeting
from facilitator.tui.screens.meeting import MeetingScreen


def burst(app: Any, text: str, *keys: str) -> None:
    """Every character of ``text`` and then ``keys``, posted at once."""
    for char in text:
        app.post_message(events.Key(" " if char == " " else char, char))
    for key in keys:
        app.post_message(events.Key(key, None))


def meeting_of(app: Any) -> Meeting:
    screen = next(s for s in app.screen_stack if isinstance(s, MeetingScreen))
    return screen.meeting


async def started(pilot: Any) -> Meeting:
    await pilot.pause()
    await pilot.press("ctrl+n")
    await pilot.pause()
    return meeting_of(pilot.app)


async def test_text_and_next_item_in_one_burst_keep_the_text(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        meeting = await started(pilot)
        burst(app, "Referatet blev godkendt uden bemærkninger.", "ctrl+n")
        await pilot.pause()
        await pilot.pause()
        assert meeting.current == 1
        assert meeting.items[0].notes == "Referatet blev godkendt uden bemærkninger."
        assert app.screen.query_one("#notes", TextArea).text == ""  # none of it in the next item
        burst(app, "Ingen punkter.", "ctrl+b")
        await pilot.pause()
        await pilot.pause()
        assert meeting.current == 0
        assert meeting.items[1].notes == "Ingen punkter."


async def test_a_decision_and_its_enter_in_one_burst_are_saved_at_once(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        meeting = await started(pilot)
        await pilot.press("f2")
        await pilot.pause()
        burst(app, "Dagsordenen blev godkendt", "enter")
        await pilot.pause()
        await pilot.pause()
        assert [d.text for d in meeting.items[0].decisions] == ["Dagsordenen blev godkendt"]
        assert isinstance(app.screen, MeetingScreen)  # the dialog closed on the first Enter


async def test_the_last_words_before_ctrl_q_are_saved(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        meeting = await started(pilot)
        burst(app, "Sidste ord inden lukning", "ctrl+q")
        await pilot.pause()
    assert meeting.items[0].notes == "Sidste ord inden lukning"
