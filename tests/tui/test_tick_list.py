"""The tick list: a wrapped entry ticks as one entry, its box on its own first row, and
the box says ticked or not in its shape."""

from __future__ import annotations

from textual.app import App, ComposeResult

from facilitator.tui.widgets.tick_list import TICKED, UNTICKED, TickList

ENTRIES = (
    "Giver de nye regler anledning til permanente ændringer i de hidtidige daglige sagsgange?",
    "Er der en klar snitflade i opgavefordelingen mellem sagsbehandlerne?",
    "Hvordan sikres god kommunikation om beslutningerne?",
    "Kort",
)


class Lists(App[None]):
    CSS = "TickList { height: 20; }"

    def compose(self) -> ComposeResult:
        yield TickList(*((text, index) for index, text in enumerate(ENTRIES)), id="ticks", compact=True)


def rows(ticks: TickList) -> list[str]:
    return [ticks.render_line(y).text for y in range(ticks.size.height)]


async def test_each_entry_has_one_box_on_its_first_row_however_it_wraps() -> None:
    app = Lists()
    async with app.run_test(size=(30, 40)) as pilot:
        ticks = app.query_one(TickList)
        for index in (0, 1, 2):
            ticks.select(index)
        await pilot.pause()
        drawn = rows(ticks)
        boxes = [(y, row.strip()[0]) for y, row in enumerate(drawn) if row.strip()[:1] in (TICKED, UNTICKED)]
        firsts = [y for y, (_, row_in_entry) in enumerate(ticks._lines) if row_in_entry == 0]
        assert len(firsts) == len(ENTRIES) and len(drawn) > len(ENTRIES) + 3  # they do wrap
        assert [y for y, _ in boxes] == firsts
        assert [mark for _, mark in boxes] == [TICKED, TICKED, TICKED, UNTICKED]
        for y, row in enumerate(drawn):
            if y < len(ticks._lines) and y not in firsts:
                assert row[:4].strip() == "", row  # a continuation row has no box


async def test_a_click_on_a_wrapped_row_ticks_its_own_entry() -> None:
    app = Lists()
    async with app.run_test(size=(30, 40)) as pilot:
        ticks = app.query_one(TickList)
        second_row_of_third = next(y for y, (index, row) in enumerate(ticks._lines) if index == 2 and row == 1)
        await pilot.click(TickList, offset=(1, second_row_of_third))
        await pilot.pause()
        assert ticks.selected == [2]
