"""The meeting screen at the three sizes it is used at (a laptop, a larger window, a wall):
the heading is whole, and the ticks sit beside the entries they belong to however the
entries wrap. Read from the screen as drawn, not from the widgets' state."""

from __future__ import annotations

import re
from typing import Any

import pytest
from support.app import MakeApp
from textual.widgets import TextArea

from facilitator.tui.widgets.tick_list import TICKED, UNTICKED, TickList

SIZES = [(80, 24), (120, 35), (200, 50)]
QUESTIONS_ITEM = 3
"""Klubmøde item 4, "Klarhed om organisering af arbejdet": long DS questions that wrap."""


def screen_rows(app: Any) -> list[str]:
    strips = app.screen._compositor.render_strips()
    return ["".join(segment.text for segment in strip) for strip in strips]


def shown_in(app: Any, widget: Any) -> str:
    """The text drawn in a widget's part of the screen, rows joined by spaces."""
    region = widget.region
    rows = screen_rows(app)[region.y : region.bottom]
    return " ".join(row[region.x : region.right] for row in rows)


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
async def test_the_heading_is_whole_before_and_after_the_start(make_app: MakeApp, size: tuple[int, int]) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        for _ in range(2):  # the cover page's hint, then the first item's heading with its warnings
            heading = app.screen.query_one("#item-heading")
            words = str(heading.render()).split()
            assert len(words) > 3
            drawn = shown_in(app, heading).split()
            assert [word for word in words if word not in drawn] == []
            await pilot.press("ctrl+n")
            await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
async def test_ticked_questions_show_their_box_on_their_own_first_row(make_app: MakeApp, size: tuple[int, int]) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        meeting = app.session.meeting
        await pilot.press("ctrl+n")
        for _ in range(QUESTIONS_ITEM):
            await pilot.press("ctrl+n")
        await pilot.pause()
        assert meeting.current == QUESTIONS_ITEM
        questions = list(meeting.items[QUESTIONS_ITEM].item.prompts)
        for _ in range(3):
            await pilot.press("f9")
        await pilot.pause()
        assert len(meeting.items[QUESTIONS_ITEM].discussed) == 3
        ticks = app.screen.query_one("#prompts", TickList)
        ticks.scroll_home(animate=False)
        app.screen.query_one("#item-details").scroll_to_widget(ticks, animate=False, top=True)
        await pilot.pause()
        region = ticks.region.intersection(app.screen.query_one("#item-details").region)
        rows = [row[region.x : region.right] for row in screen_rows(app)[region.y : region.bottom]]
        boxed = [(row.strip()[0], row.strip()[1:].strip(" ▶")) for row in rows if row.strip()[:1] in (TICKED, UNTICKED)]
        assert len(boxed) >= (2 if size[1] < 30 else 4), rows  # the ticked and the next one, where there is room
        for index, (box, text) in enumerate(boxed):
            assert questions[index].startswith(text.split("  ")[0][:20]), (index, text)
            assert box == (TICKED if index < 3 else UNTICKED), (index, rows)


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
async def test_the_agenda_never_leaves_part_of_a_time_alone_on_a_row(make_app: MakeApp, size: tuple[int, int]) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        for visited in (0, 4):  # planned times alone, then times used against them
            for _ in range(visited):
                await pilot.press("ctrl+n")
            await pilot.pause()
            agenda = app.screen.query_one("#agenda")
            region = agenda.region
            rows = [row[region.x : region.right].strip(" ▁▂▃▄▅▆▇█▕▏") for row in screen_rows(app)[region.y : region.bottom]]
            times = [row for row in rows if re.search(r"\b(5|10|20) min\b", row)]
            assert len(times) >= 3, rows  # the time stays whole on its row
            assert [row for row in rows if row.startswith("/") or row == "min" or row.isdigit()] == [], rows


async def test_a_wall_sized_screen_shows_every_solution_and_more_of_the_purpose(make_app: MakeApp) -> None:
    """At 200×50 the solutions of klubmøde item 5 were cut off under 30 empty rows of notes,
    and the folded purpose ended after 50 characters on a 120-column row."""
    app = make_app()
    async with app.run_test(size=(200, 50)) as pilot:
        for _ in range(5):
            await pilot.press("ctrl+n")
        await pilot.pause()
        options = app.screen.query_one("#options", TickList)
        details = app.screen.query_one("#item-details")
        assert options.option_count == 12
        assert details.max_scroll_y == 0 and options.max_scroll_y == 0
        drawn = shown_in(app, details)
        assert drawn.count(TICKED) + drawn.count(UNTICKED) == 12
        purpose = app.screen.query_one("#item-purpose")
        assert len(shown_in(app, purpose).strip()) > 100


NOTES = "Travlt i teamet og mange sager pr. rådgiver siden august, og ventelisten vokser hver uge mere og mere, siger Bo."
"""Three rows at 120 and at 80 columns, broken at other words: what a tester typed."""


@pytest.mark.parametrize(
    "sizes", [[(120, 35), (80, 24)], [(80, 24), (120, 35)], [(120, 35), (100, 30), (80, 24), (200, 50)]], ids=str
)
async def test_the_notes_are_wrapped_again_at_the_new_width_when_the_terminal_is_resized(
    make_app: MakeApp, sizes: list[tuple[int, int]]
) -> None:
    # The notes were drawn at the new width with the old wrapping, and, the text taking as
    # many rows, not drawn again: a row cut at the border, its last words again below it.
    app = make_app()
    async with app.run_test(size=sizes[0]) as pilot:
        await pilot.press("ctrl+n")
        await pilot.pause()
        notes = app.screen.query_one("#notes", TextArea)
        notes.insert(NOTES)  # as typed, in one go: a key at a time took seconds
        await pilot.pause()
        for size in sizes[1:]:
            await pilot.resize_terminal(*size)
            for _ in range(3):
                await pilot.pause()
            drawn = " ".join(shown_in(app, notes).replace("│", " ").split())  # rows joined, the border left out
            assert NOTES in drawn, f"at {size}: {drawn}"
