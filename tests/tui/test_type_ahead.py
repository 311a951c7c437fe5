"""Keys sent in one burst, as a fast typist, a paste or a script sends them, are handled in
the order they were typed: the text before a command key is in place when the command
runs. The keys are posted to the app all at once, without waiting between them, as a
terminal delivers a burst."""

from __future__ import annotations

import datetime as dt
from typing import Any

from support.app import SIZE, MakeApp
from textual import events
from textual.widgets import TextArea

from facilitator.i18n import t
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


TEXT_KEYS = {
    "tab",
    "shift+tab",
    "enter",
    "escape",
    "backspace",
    "ctrl+u",
    "ctrl+n",
    "ctrl+s",
    "ctrl+l",
    "alt+x",
    "f3",
    "f4",
    "f8",
}


def keys(app: Any, *parts: str) -> None:
    """Key names and texts, in order, posted at once: ``keys(app, "f3", "Skriv", "tab", "Anne", "enter")``."""
    for part in parts:
        if part in TEXT_KEYS:
            app.post_message(events.Key(part, None))
        else:
            burst(app, part)


async def settled(pilot: Any) -> None:
    for _ in range(4):
        await pilot.pause()


async def test_tab_in_a_burst_moves_on_before_the_next_field_is_typed(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        meeting = await started(pilot)
        meeting.add_person("Anne")
        keys(app, "f3", "Skriv til ledelsen", "tab", "Anne", "tab", "15.1.2027", "enter")
        await settled(pilot)
        assert [(a.what, a.who, a.deadline) for a in meeting.items[0].actions] == [
            ("Skriv til ledelsen", "Anne", dt.date(2027, 1, 15))
        ]
        assert isinstance(app.screen, MeetingScreen)


async def test_shift_tab_and_backspace_in_a_burst_act_where_they_were_typed(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        meeting = await started(pilot)
        keys(app, "f4", "Forslagx", "backspace", "et", "tab", "3", "tab", "tab", "1", "shift+tab", "ctrl+u", "2", "enter")
        await settled(pilot)
        assert [(v.subject, v.votes_for, v.against, v.abstain) for v in meeting.items[0].votes] == [("Forslaget", 3, 2, 1)]


async def test_the_key_that_opens_a_dialog_its_text_and_enter_in_one_burst(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        meeting = await started(pilot)
        for name in ("Kim", "Per", "Aase"):
            meeting.add_person(name)
        keys(app, "ctrl+s", "Kim", "enter", "ctrl+s", "Per", "enter", "ctrl+s", "Aase", "enter", "Videre i noterne")
        await settled(pilot)
        assert [r.name for r in meeting.speakers.queue] == ["Kim", "Per", "Aase"]
        assert set(meeting.attendees) == {"Kim", "Per", "Aase"}  # no "KimPer"
        assert app.screen.query_one("#notes", TextArea).text == "Videre i noterne"


async def test_names_and_their_enters_in_one_burst_each_add_one_person(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        meeting = await started(pilot)
        keys(app, "ctrl+l", "Kim", "enter", "Per", "enter", "Aase2", "backspace", "enter", "Bent", "enter", "escape")
        await settled(pilot)
        assert list(meeting.attendees) == ["Kim", "Per", "Aase", "Bent"]
        assert isinstance(app.screen, MeetingScreen)


async def test_a_new_item_in_one_burst_tabs_past_the_kind_list(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        meeting = await started(pilot)
        keys(app, "f8", "Ekstra punkt", "tab", "tab", "12", "enter")
        await settled(pilot)
        assert (meeting.items[1].item.title, meeting.items[1].item.minutes) == ("Ekstra punkt", 12)


async def test_remove_and_the_keys_after_it_in_one_burst(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        meeting = await started(pilot)
        meeting.add_decision("Første")
        meeting.add_decision("Anden")
        await pilot.pause()
        keys(app, "alt+x", "enter", "Noter bagefter")
        await settled(pilot)
        assert [d.text for d in meeting.items[0].decisions] == ["Anden"]
        assert app.screen.query_one("#notes", TextArea).text == "Noter bagefter"


async def test_the_start_screen_opens_and_the_keys_after_enter_reach_the_meeting(make_app: MakeApp) -> None:
    app = make_app(None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        # The shipped agenda names no group: the app asks for it first (session.py).
        keys(app, "enter", "Klubben", "enter", "ctrl+n", "De første ord")
        await settled(pilot)
        meeting = meeting_of(app)
        assert meeting.info.group == "Klubben"
        assert meeting.started
        assert app.screen.query_one("#notes", TextArea).text == "De første ord"


async def test_typing_on_the_cover_page_says_why_it_was_not_kept(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        burst(app, "Velkommen alle")
        await settled(pilot)
        told = [n.message for n in app._notifications]
        assert told == [t("meeting_screen.cover_typed", key="ctrl+n")]  # one notice for the burst, not one per key
        assert not meeting_of(app).started
        await pilot.press("ctrl+n")
        burst(app, "Nu skrives der")
        await settled(pilot)
        assert app.screen.query_one("#notes", TextArea).text == "Nu skrives der"
        assert len(app._notifications) == 1
