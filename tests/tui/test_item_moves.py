"""Moving between items: the item view shows the new item whole and nothing of the one
before, and the screen settles its layout before it draws (screens/settled_layout.py)."""

from __future__ import annotations

from typing import Any

import pytest
from support.app import SIZE, MakeApp
from textual.app import App
from textual.screen import Screen
from textual.widgets import TextArea

from facilitator.i18n import t
from facilitator.tui.screens.meeting import MeetingScreen
from facilitator.tui.screens.settled_layout import SettledLayout
from facilitator.tui.widgets.tick_list import TickList


def _words(text: str) -> list[str]:
    return text.replace("▶", " ").split()


def _shown(tick_list: TickList) -> list[str]:
    """The words the list draws on its rows, scrolled or not, its boxes left out: what a
    person reads."""
    if not tick_list.display:
        return []
    assert tick_list.scroll_offset.y == 0
    rows = [tick_list.render_line(y).text for y in range(len(tick_list._lines))]
    return _words(" ".join(row.replace("☑", " ").replace("☐", " ") for row in rows))


def _expected(entries: tuple[str, ...] | list[str]) -> list[str]:
    return _words(" ".join(entries))


async def test_each_move_shows_the_new_items_questions_and_solutions_and_nothing_of_the_last(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(SIZE[0], 60)) as pilot:  # tall: every list shows all its rows
        meeting = app.session.meeting
        await pilot.press("ctrl+n")
        await pilot.pause()
        seen_lists = 0
        for index in range(len(meeting.items)):
            if index:
                await pilot.press("ctrl+n")
                await pilot.pause()
            assert meeting.current == index
            item = meeting.items[index].item
            prompts = app.screen.query_one("#prompts", TickList)
            options = app.screen.query_one("#options", TickList)
            assert [option.prompt.plain.strip(" ▶") for option in prompts.options] == list(item.prompts)
            # a temporary solution says so after its text (tui/widgets/chain_marks.py)
            marked = [
                text + (f" ({t('solutions.temporary')})" if i in item.temporary else "") for i, text in enumerate(item.options)
            ]
            assert [option.prompt.plain for option in options.options] == marked
            assert prompts.display == bool(item.prompts) and options.display == bool(item.options)
            assert _shown(prompts) == _expected(item.prompts)
            assert _shown(options) == _expected(marked)
            assert prompts.selected == sorted(meeting.items[index].discussed)
            assert options.selected == sorted(meeting.items[index].chosen)
            assert app.screen.query_one("#notes", TextArea).text == meeting.items[index].notes
            seen_lists += bool(item.prompts) + bool(item.options)
        assert seen_lists >= 3  # the agenda has lists to show, and moves from one to another


async def test_a_ticked_solution_is_not_carried_to_the_next_items_list(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        meeting = app.session.meeting
        await pilot.press("ctrl+n")
        await pilot.pause()
        with_options = [i for i, state in enumerate(meeting.items) if state.item.options]
        assert len(with_options) >= 1
        first = with_options[0]
        meeting.go_to(first)
        meeting.toggle_option(0)
        await pilot.pause()
        await pilot.press("ctrl+n")
        await pilot.pause()
        state = meeting.items[first + 1]
        assert app.screen.query_one("#options", TickList).selected == sorted(state.chosen)
        assert app.screen.query_one("#prompts", TickList).selected == sorted(state.discussed)
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert app.screen.query_one("#options", TickList).selected == [0]


def _layouts_asked(screen: SettledLayout) -> list[Any]:
    return [widget for widget in screen._laid_out() if widget._layout_required]


async def test_the_screen_is_drawn_once_a_move_with_its_layout_settled(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each move changes the size of the heading, the lists and the records; Textual would
    # draw the screen, hear of the new sizes, and draw it again two or three times.
    monkeypatch.setattr(MeetingScreen, "tick", lambda self: None)  # the clock's frames are not the move's
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        meeting = app.session.meeting
        await pilot.press("ctrl+n")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SettledLayout)
        frames: list[int] = []
        display = App._display

        def counted(self: App[Any], shown: Any, renderable: Any) -> None:
            if renderable is not None and shown is screen:
                frames.append(meeting.current)
            display(self, shown, renderable)

        app._display = counted.__get__(app)  # type: ignore[method-assign]
        for _ in range(4):
            before = len(frames)
            await pilot.press("ctrl+n")
            await pilot.pause()
            await pilot.pause()
            assert _layouts_asked(screen) == []
            assert len(frames) - before == 1, f"{len(frames) - before} frames for one move"


async def test_a_record_just_added_is_shown_though_the_narrow_records_box_holds_three_rows(make_app: MakeApp) -> None:
    """At 80x24 the records box is three rows high: a decision and then an action fill more,
    and the action just added would be below them, out of sight, with nothing to say it came."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+n", "f2", *"Vedtaget", "enter")
        await pilot.pause()
        await pilot.press("f3", *"Ring til HR", "tab", *"Bo", "enter")
        for _ in range(5):
            await pilot.pause()
        box = app.screen.query_one("#records-box")
        assert box.max_scroll_y > 0  # more than it holds
        assert box.scroll_y == box.max_scroll_y
        records = app.screen.query_one("#records")
        rows = [records.render_line(y).text for y in range(records.size.height)]
        [row] = [y for y, text in enumerate(rows) if "Ring til HR" in text]
        assert box.scroll_y <= row < box.scroll_y + box.size.height, (rows, box.scroll_y)  # in sight


def _placed(screen: Screen[Any]) -> dict[Any, tuple[Any, ...]]:
    """Where the screen's layout put each widget, and the sizes it gave it."""
    return {
        widget: (geometry.region, geometry.virtual_size, geometry.container_size)
        for widget, geometry in screen._compositor._full_map.items()
    }


@pytest.mark.parametrize("size", [SIZE, (80, 24), (200, 50)])
async def test_the_frame_of_a_move_shows_the_layout_textual_reaches_by_laying_out_again(
    make_app: MakeApp, size: tuple[int, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    # settled_layout.py lays the screen out again only when a scrollbar came or went:
    # the sizes the other widgets asked about are the ones the layout just gave them.
    monkeypatch.setattr(MeetingScreen, "tick", lambda self: None)  # the clock's frames are not the move's
    frames: list[dict[Any, tuple[Any, ...]]] = []
    display = App._display

    def drawn(self: App[Any], shown: Screen[Any], renderable: Any) -> None:
        if renderable is not None and isinstance(shown, SettledLayout):
            frames.append(_placed(shown))
        display(self, shown, renderable)

    monkeypatch.setattr(App, "_display", drawn)
    app = make_app()
    async with app.run_test(size=size) as pilot:
        meeting = app.session.meeting
        meeting.start()
        for index in range(len(meeting.items)):  # records of every length, and none
            meeting.go_to(index)
            for n in range(index % 4):
                meeting.add_decision(f"Beslutning {n} om punkt {index}: " + "ord " * (7 * n + index))
        meeting.go_to(0)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SettledLayout)
        for index in range(1, len(meeting.items)):
            frames.clear()
            await pilot.press("ctrl+n")
            await pilot.pause()
            assert meeting.current == index and frames
            settled = frames[-1]  # what a person sees once the move is drawn
            for _ in range(4):  # Textual's own whole layout, again and again, till none is asked
                Screen._refresh_layout(screen, screen.outer_size)
                asked = _layouts_asked(screen)
                screen._take_layout_requests(set())  # taken, as Textual would on the widgets' idle
                if not asked:
                    break
            assert _placed(screen) == settled, f"item {index + 1} was laid out differently on another pass"
