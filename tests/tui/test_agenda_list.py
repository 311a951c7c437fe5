"""The agenda list draws what is seen: rows counted without building the items, only the
items that changed made again, and a first frame that stays (widgets/agenda_list.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.console import RenderableType
from support.app import SIZE, MakeApp
from support.clock import FakeClock
from textual.geometry import Region
from textual.strip import Strip

from facilitator.agenda.loader import parse_agenda
from facilitator.meeting.model import Meeting
from facilitator.tui.widgets.agenda_lines import item_content, item_pieces, rows
from facilitator.tui.widgets.agenda_list import AgendaList
from facilitator.tui.widgets.steady_scrollbar import SteadyScrollBar

ITEMS = 250
"""From about 200 items the list used to move by a row after its first frame."""

TITLES = (
    "Godkendelse af dagsorden",
    "Punkt om arbejdsmiljø og trivsel på værkstedet i den kommende sæson",
    "Et_meget_langt_ord_uden_mellemrum_som_må_foldes_over_flere_linjer",
    "会议记录 批准 和 讨论 的 项目",
    "Titel med\tkontroltegn\x1b[31m og [bold]markup[/bold]",
    "x" * 3000,
)


def agenda_text(items: int) -> str:
    lines = ["format = 1", "", "[meeting]", 'title = "Stort møde"', 'kind = "personalemøde"']
    for number in range(1, items + 1):
        title = f"Punkt {number}: {'lang titel om ' * (number % 4)}sagen"
        lines += ["", "[[item]]", f'title = "{title}"', f'type = "{("orientering", "beslutning")[number % 2]}"', "minutes = 5"]
    return "\n".join(lines) + "\n"


def meeting_of(titles: tuple[str, ...]) -> Meeting:
    items = "".join(f"\n[[item]]\ntitle = {json.dumps(title)}\nminutes = {n}\n" for n, title in enumerate(titles, 1))
    return Meeting(parse_agenda(f'format = 1\n[meeting]\ntitle = "M"\nkind = "klubmøde"\n{items}'.encode()))


@pytest.mark.parametrize("width", [1, 5, 12, 22, 27, 40, 80])
def test_rows_counted_from_the_plain_lines_are_the_rows_textual_draws(width: int) -> None:
    meeting = meeting_of(TITLES)
    meeting.start()
    meeting.go_to(2)
    meeting.set_skipped(4, True)
    meeting.set_carry_on(2, True)
    for index in range(len(TITLES)):
        for with_kind in (True, False):
            pieces = item_pieces(meeting, index, with_kind=with_kind)
            assert rows(pieces, width) == item_content(pieces).get_height({}, width), (index, with_kind)


def long_agenda(folder: Path) -> Path:
    """An agenda of ``ITEMS`` items, written in ``folder``."""
    path = folder / "stor.toml"
    path.write_text(agenda_text(ITEMS), encoding="utf-8")
    return path


def refreshes_of_the_list(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Region, ...]]:
    """The regions of every refresh the agenda list asks for from now on (none: all of it)."""
    refreshed: list[tuple[Region, ...]] = []
    refresh = AgendaList.refresh

    def spy(self: AgendaList, *regions: Region, **kwargs: bool) -> AgendaList:
        refreshed.append(regions)
        return refresh(self, *regions, **kwargs)

    monkeypatch.setattr(AgendaList, "refresh", spy)
    return refreshed


def visible_rows(agenda: AgendaList) -> list[str]:
    return [Strip.join([agenda.render_line(y)]).text for y in range(agenda.scrollable_content_region.height)]


async def test_moving_on_makes_only_the_two_items_that_changed_again(make_app: MakeApp, tmp_path: Path) -> None:
    agenda_file = long_agenda(tmp_path)
    app = make_app(agenda_file)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(2):
            await pilot.press("ctrl+n")
        await pilot.pause()
        agenda = app.screen.query_one(AgendaList)
        before = list(agenda.options)
        assert app.session.meeting.current == 1
        await pilot.press("ctrl+n")
        await pilot.pause()
        after = list(agenda.options)
        assert app.session.meeting.current == 2 and agenda.highlighted == 2
        assert [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a is not b] == [1, 2]
        assert str(after[1].prompt).startswith("✓ 2.") and str(after[2].prompt).startswith("▶ 3.")
        assert visible_rows(agenda)[0].startswith("✓ 1.")


@pytest.mark.parametrize("size", [SIZE, (80, 24)], ids=["wide", "80x24"])
async def test_the_first_frame_of_a_long_agenda_is_the_one_that_stays(
    make_app: MakeApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    # At 80 columns the screen's narrow layout came a frame late, and the list was made
    # again without the items' type word: its first frame moved.
    agenda_file = long_agenda(tmp_path)
    frames: list[tuple[int, int | None, int, list[str]]] = []
    drawn = AgendaList.render_lines

    def render_lines(self: AgendaList, crop):  # type: ignore[no-untyped-def]
        strips = drawn(self, crop)
        frames.append((self.scroll_offset.y, self.highlighted, self.virtual_size.height, [s.text for s in strips]))
        return strips

    monkeypatch.setattr(AgendaList, "render_lines", render_lines)
    app = make_app(agenda_file)
    meeting = app.session.meeting
    meeting.start()
    meeting.go_to(120)
    async with app.run_test(size=size) as pilot:
        for _ in range(4):
            await pilot.pause(0.05)
        agenda = app.screen.query_one(AgendaList)
        settled = (agenda.scroll_offset.y, agenda.highlighted, agenda.virtual_size.height)
    assert frames, "the agenda list was never drawn"
    first = frames[0]
    assert first[1] == 120 and first[0] > 0
    assert first[:3] == settled
    assert all(frame == first for frame in frames)
    narrow = size[0] < 100
    assert any(" min · " in row for row in first[3]) is not narrow, first[3]  # the type word, after the minutes


async def test_the_clock_draws_again_only_the_rows_of_the_current_item(
    make_app: MakeApp, tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The tick once drew the whole list again every second: 10 kB to the terminal.
    agenda_file = long_agenda(tmp_path)
    app = make_app(agenda_file)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(3):
            await pilot.press("ctrl+n")
        await pilot.pause()
        agenda = app.screen.query_one(AgendaList)
        meeting = app.session.meeting
        refreshed = refreshes_of_the_list(monkeypatch)
        clock.advance(1)
        agenda.tick(meeting)
        first_line = agenda._line_cache.index_to_line[meeting.current]
        height = agenda._line_cache.heights[meeting.current]
        assert refreshed == [(Region(0, first_line - agenda.scroll_offset.y, agenda.size.width, height),)]
        await pilot.pause()
        assert "1:00" in "".join(visible_rows(agenda))


async def test_moving_on_past_the_bottom_turns_a_page_and_the_next_moves_do_not_scroll(make_app: MakeApp, tmp_path: Path) -> None:
    agenda_file = long_agenda(tmp_path)
    app = make_app(agenda_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n")
        await pilot.pause()
        agenda = app.screen.query_one(AgendaList)
        meeting = app.session.meeting
        first_line = agenda._line_cache.index_to_line
        while agenda.scroll_offset.y == 0:
            assert meeting.current < ITEMS // 2, "the list never scrolled"
            await pilot.press("ctrl+n")
            await pilot.pause()
        below = meeting.current
        assert below >= 3
        # The item before the current one at the top, the ones to come under it.
        assert agenda.scroll_offset.y == first_line[below - 1]
        assert visible_rows(agenda)[0].startswith(f"✓ {below}.")
        turned = agenda.scroll_offset.y
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert agenda.scroll_offset.y == turned and meeting.current == below + 1
        # Back up past the top: the list scrolls just enough, as before.
        meeting.go_to(below - 2)
        await pilot.pause()
        assert agenda.scroll_offset.y == first_line[below - 2]


async def test_a_move_within_the_page_draws_again_only_the_rows_of_the_two_items(
    make_app: MakeApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Textual's highlight drew the whole list again at every move: a third of the frame.
    agenda_file = long_agenda(tmp_path)
    app = make_app(agenda_file)
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(2):
            await pilot.press("ctrl+n")
        await pilot.pause()
        agenda = app.screen.query_one(AgendaList)
        meeting = app.session.meeting
        refreshed = refreshes_of_the_list(monkeypatch)
        meeting.next_item()
        app.screen.redraw()
        assert refreshed and all(regions for regions in refreshed), "the whole list was drawn again"
        rows_drawn = {region.y + row for regions in refreshed for region in regions for row in range(region.height)}
        lines, heights = agenda._line_cache.index_to_line, agenda._line_cache.heights
        expected = {lines[i] + row - agenda.scroll_offset.y for i in (1, 2) for row in range(heights[i])}
        assert rows_drawn == expected
        await pilot.pause()
        assert agenda.highlighted == 2 and visible_rows(agenda)[lines[2]].startswith("▶ 3.")


async def test_the_lists_bar_is_drawn_again_only_when_what_it_shows_changed(
    make_app: MakeApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Textual drew the bar, the screen's height, at every layout: a tenth of every move.
    app = make_app(long_agenda(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n")
        await pilot.pause()
        agenda = app.screen.query_one(AgendaList)
        bar = agenda.vertical_scrollbar
        assert isinstance(bar, SteadyScrollBar) and bar.display
        unchanged: list[int] = []
        positions: list[float] = []
        render = SteadyScrollBar.render

        def counted(self: SteadyScrollBar) -> RenderableType:
            if self._drawn == self._looks():
                unchanged.append(app.session.meeting.current)
            positions.append(self.position)
            return render(self)

        monkeypatch.setattr(SteadyScrollBar, "render", counted)
        meeting = app.session.meeting
        while agenda.scroll_offset.y == 0:
            assert meeting.current < ITEMS // 2, "the list never scrolled"
            await pilot.press("ctrl+n")
            await pilot.pause()
        assert meeting.current >= 3
        assert unchanged == [], f"the bar was drawn again with nothing changed at items {unchanged}"
        assert positions and positions[-1] == bar.position > 0, "the page turned and the bar was not drawn where it went"
        drawn = len(positions)
        app.theme = "textual-light" if app.theme != "textual-light" else "textual-dark"
        await pilot.pause()
        await pilot.pause()
        assert len(positions) > drawn, "a new theme left the bar in the old colours"
