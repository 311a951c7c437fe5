"""Pilot tests: postponing, moving and deleting items with the keys, and the speakers list
asked about when the chair leaves an item with people waiting."""

from __future__ import annotations

from support.app import SIZE, MakeApp
from support.forms import press
from textual.widgets import Checkbox

from facilitator.i18n import t
from facilitator.tui.commands import MEETING_COMMANDS
from facilitator.tui.widgets.agenda_list import AgendaList
from facilitator.tui.widgets.speakers_panel import speakers_content


async def started(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("ctrl+n")
    await pilot.pause()


async def choose(pilot, index: int) -> AgendaList:  # type: ignore[no-untyped-def]
    """Focus the agenda list and walk it to ``index``, as a person would with the arrows."""
    agenda = pilot.app.screen.query_one(AgendaList)
    agenda.focus()
    await pilot.pause()
    steps = index - (agenda.highlighted or 0)
    await press(pilot, *(["down"] * steps if steps > 0 else ["up"] * -steps))
    await pilot.pause()
    assert agenda.highlighted == index
    return agenda


def titles(app) -> list[str]:  # type: ignore[no-untyped-def]
    return [s.item.title for s in app.session.meeting.items]


async def test_alt_u_postpones_the_current_item_or_the_chosen_one_and_ctrl_n_passes_over_it(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        meeting = app.session.meeting
        await started(pilot)
        await press(pilot, "alt+u")  # from the notes: the current item
        await pilot.pause()
        assert meeting.items[0].skipped
        assert t("agenda.skipped") in str(app.screen.query_one("#item-heading").render())
        await press(pilot, "alt+u")  # again: taken up
        await pilot.pause()
        assert not meeting.items[0].skipped
        agenda = await choose(pilot, 2)
        await press(pilot, "alt+u")
        await pilot.pause()
        assert meeting.items[2].skipped and agenda.highlighted == 2
        assert f"· {t('agenda.skipped')}" in str(agenda.get_option_at_index(2).prompt)
        await press(pilot, "ctrl+n", "ctrl+n")
        await pilot.pause()
        assert meeting.current == 3 and not meeting.items[2].visited


async def test_alt_up_and_down_move_the_chosen_item_among_those_to_come(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        meeting = app.session.meeting
        await started(pilot)
        before = titles(app)
        await press(pilot, "alt+down")  # from the notes: the current item, taken already
        await pilot.pause()
        assert titles(app) == before
        agenda = await choose(pilot, 5)
        await press(pilot, "alt+up", "alt+up")
        await pilot.pause()
        assert titles(app)[3] == before[5] and agenda.highlighted == 3  # the chosen item stays chosen
        await press(pilot, "alt+down")
        await pilot.pause()
        assert titles(app)[4] == before[5] and agenda.highlighted == 4
        assert meeting.current == 0


async def test_alt_d_deletes_the_chosen_item_only_when_nothing_is_recorded(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        meeting = app.session.meeting
        await started(pilot)
        before = titles(app)
        await press(pilot, "alt+d")  # the current item: refused
        await pilot.pause()
        assert titles(app) == before
        await choose(pilot, 8)
        await press(pilot, "alt+d")
        await pilot.pause()
        assert titles(app) == before[:8] + before[9:]
        assert meeting.current == 0


async def test_the_new_commands_are_in_the_palette(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        offered = {command.title for command in app.get_system_commands(app.screen)}
        new = {c.title() for c in MEETING_COMMANDS if c.id in ("skip_item", "move_item_up", "move_item_down", "drop_item")}
        assert len(new) == 4 and new <= offered


async def test_leaving_an_item_with_people_waiting_asks(make_app: MakeApp) -> None:
    """Escape stays, the check takes them along, Enter alone lets them go; nobody waiting, nothing asked."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        meeting = app.session.meeting
        meeting.add_person("Anne")
        await started(pilot)
        meeting.request_floor("Anne")
        for keys, current, waiting in ((["escape"], 0, ["Anne"]), (["space", "enter"], 1, ["Anne"]), (["enter"], 2, [])):
            await press(pilot, "ctrl+n")
            await pilot.pause()
            assert app.screen.id == "waiting-dialog"
            assert isinstance(app.focused, Checkbox) and not app.focused.value
            # Its state in the box's shape, not only its colour (widgets/tick_box.py).
            assert "☐" in app.focused.render().plain and "☑" not in app.focused.render().plain
            if "space" in keys:
                await press(pilot, "space")
                assert "☑" in app.focused.render().plain
                keys = keys[1:]
            await press(pilot, *keys)
            await pilot.pause()
            assert app.screen.id == "meeting-screen"
            assert meeting.current == current and [r.name for r in meeting.speakers.queue] == waiting
        await press(pilot, "ctrl+n")
        await pilot.pause()
        assert app.screen.id == "meeting-screen" and meeting.current == 3


def test_the_speakers_panel_shows_the_current_items_times(running, clock) -> None:  # type: ignore[no-untyped-def]
    running.request_floor("Anne")
    running.next_speaker()
    clock.advance(2)
    running.next_item()
    running.request_floor("Bo")
    running.next_speaker()
    clock.advance(1)
    shown = str(speakers_content(running))
    assert "Bo  1:00" in shown and "Anne" not in shown
    running.previous_item()
    shown = str(speakers_content(running))
    assert "Anne  2:00" in shown and "Bo" not in shown
