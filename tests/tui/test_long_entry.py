"""The sentence-long fields of the dialogs wrap: the whole decision is on screen as it is typed."""

from __future__ import annotations

from typing import Any

from support.app import MakeApp
from support.forms import Typed, press
from textual import events
from textual.widgets import Input

from facilitator.tui.widgets.long_entry import LongInput

NARROW = (80, 24)
DECISION = (
    "Klubben beder ledelsen om et møde om bemandingen i team Nord inden jul, "
    "og tillidsrepræsentanten tager kontakt til HR i morgen tidlig"
)


def shown_in(app: Any, field: LongInput) -> str:
    """The words drawn inside the field on the screen, row by row, in order."""
    strips = app.screen._compositor.render_strips()
    rows = ["".join(segment.text for segment in strip) for strip in strips]
    box = field.content_region
    return " ".join(" ".join(row[box.x : box.right].split()) for row in rows[box.y : box.bottom])


async def test_a_long_decision_is_shown_whole_at_80x24(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        await press(pilot, "ctrl+n", "f2", Typed(DECISION))
        field = app.screen.query_one("#field-text", LongInput)
        assert field.value == DECISION
        assert field.size.height > 1 and field.scroll_offset.y == 0 and field.scroll_offset.x == 0
        assert shown_in(app, field) == DECISION  # every word, in order, none scrolled out of sight
        await press(pilot, "enter")
        assert [d.text for d in app.session.meeting.items[0].decisions] == [DECISION]


async def test_the_action_what_vote_subject_and_item_title_wrap(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        await press(pilot, "ctrl+n")
        for key, field_id in (("f3", "what"), ("f4", "subject"), ("f8", "title")):
            await press(pilot, key)
            field = app.screen.query_one(f"#field-{field_id}")
            assert isinstance(field, LongInput) and app.focused is field, key
            await press(pilot, Typed(DECISION))
            assert shown_in(app, field) == DECISION, key
            await press(pilot, "escape")


async def test_line_breaks_never_enter_and_a_paste_of_lines_is_one_line(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        await press(pilot, "ctrl+n", "f2", Typed("Vedtaget "), "shift+enter")
        field = app.screen.query_one("#field-text", LongInput)
        assert field.value == "Vedtaget "
        app.post_message(events.Paste("med\r\n  alle stemmer\x1b[2J\n"))  # a terminal's bracketed paste
        await pilot.pause()
        assert field.value == "Vedtaget med alle stemmer␛[2J"  # joined with spaces, the escape as its sign
        assert field.document.line_count == 1


async def test_tab_moves_on_and_the_name_field_keeps_its_completion(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=NARROW) as pilot:
        app.session.meeting.add_person("Annemette")
        await press(pilot, "ctrl+n", "f3", Typed("Ring til HR"), "tab")
        who = app.focused
        assert isinstance(who, Input) and who.id == "field-who" and who.suggester is not None
        await press(pilot, *"Ann", "tab")
        assert app.focused is not None and app.focused.id == "field-deadline"
        await press(pilot, "shift+tab", "shift+tab")
        assert app.focused is app.screen.query_one("#field-what", LongInput)
        assert app.screen.query_one("#field-what", LongInput).value == "Ring til HR"  # Tab typed nothing


def test_a_value_given_is_made_one_line() -> None:
    field = LongInput("Første linje\nanden\x07linje")
    assert field.value == "Første linje anden␇linje"
    field.value = "a\r\nb"
    assert field.value == "a b"
