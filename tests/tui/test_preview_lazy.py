"""The preview mounts what is seen: a bounded number of pieces whatever the meeting's
length, more as it is scrolled, the rest on a jump to the end; refresh keeps working."""

from __future__ import annotations

from support.app import MakeApp
from textual import events
from textual.pilot import Pilot

from facilitator.agenda.loader import parse_agenda
from facilitator.meeting.model import Meeting
from facilitator.tui.app import FacilitatorApp
from facilitator.tui.screens.preview import PreviewScreen
from facilitator.tui.widgets.minutes_section import MinutesSection
from facilitator.tui.widgets.minutes_view import MinutesView

SIZE = (100, 30)
SCROLLED = 60
"""Items of the meetings scrolled through to the end (mounting them all takes a while)."""


def long_meeting(items: int) -> Meeting:
    """A started meeting of ``items`` items, each with a few lines of notes and a decision."""
    lines = ["format = 1", "[meeting]", 'title = "Langt møde"', 'kind = "klubmøde"']
    for number in range(1, items + 1):
        lines += ["[[item]]", f'title = "Punkt {number}"']
    meeting = Meeting(parse_agenda("\n".join(lines).encode()))
    meeting.start()
    for index in range(items):
        meeting.go_to(index)
        meeting.set_notes(f"Noter til punkt {index + 1}.\n\nEt afsnit mere om punkt {index + 1}.")
        meeting.add_decision(f"Beslutning {index + 1}")
    return meeting


async def open_preview(app: FacilitatorApp, pilot: Pilot[None], meeting: Meeting) -> MinutesView:
    await app.push_screen(PreviewScreen(meeting, live=False))
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()
    return app.screen.query_one("#minutes", MinutesView)


def shown(app: FacilitatorApp) -> str:
    return "\n".join(section.source for section in app.screen.query(MinutesSection))


async def mounted_after_opening(make_app: MakeApp, items: int) -> tuple[int, int]:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        view = await open_preview(app, pilot, long_meeting(items))
        for _ in range(5):  # let the app settle: nothing more may come
            await pilot.pause()
        mounted = len(app.screen.query(MinutesSection))
        return mounted, view.pending


async def test_only_what_fills_the_view_is_mounted_whatever_the_length(make_app: MakeApp) -> None:
    short_mounted, short_pending = await mounted_after_opening(make_app, 300)
    long_mounted, long_pending = await mounted_after_opening(make_app, 1000)
    assert 2 <= short_mounted == long_mounted <= 40
    assert short_pending > 200 and long_pending > 900


async def test_scrolling_mounts_more_and_the_end_reaches_the_last_item(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        view = await open_preview(app, pilot, long_meeting(SCROLLED))
        first = len(app.screen.query(MinutesSection))
        view.focus()
        for _ in range(4):  # past what was mounted at first
            await pilot.press("pagedown")
            await pilot.pause()
        await pilot.pause()
        paged = len(app.screen.query(MinutesSection))
        assert paged > first and view.pending
        assert view.max_scroll_y - view.scroll_y >= view.size.height  # there is more below to page to
        await pilot.press("down")
        await pilot.pause()
        assert view.scroll_y > 0
        assert f"Beslutning {SCROLLED}" not in shown(app)
        await pilot.press("end")
        await pilot.pause()
        await pilot.pause()
        await pilot.wait_for_scheduled_animations()  # the scroll to the end glides there
        assert view.pending == 0
        assert view.scroll_y == view.max_scroll_y > 0
        last = list(app.screen.query(MinutesSection))[-1]
        assert f"Beslutning {SCROLLED}" in shown(app)
        assert last.region.height > 0 and view.region.contains_region(last.region)  # on the screen, not just mounted


async def test_the_wheel_mounts_more(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        view = await open_preview(app, pilot, long_meeting(SCROLLED))
        first = len(app.screen.query(MinutesSection))
        for _ in range(30):  # the wheel, as the terminal reports it
            view.post_message(events.MouseScrollDown(view, 5, 5, 0, 1, 0, False, False, False))
            await pilot.pause()
        await pilot.pause()
        await pilot.pause()
        assert view.scroll_y > 0
        assert len(app.screen.query(MinutesSection)) > first


async def test_refresh_shows_the_change_and_keeps_the_place(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        meeting = long_meeting(SCROLLED)
        view = await open_preview(app, pilot, meeting)
        view.focus()
        for _ in range(3):
            await pilot.press("pagedown")
            await pilot.pause()
        place = view.scroll_y
        assert place > 0
        meeting.go_to(0)
        meeting.set_notes("Rettet tekst", 0)
        await pilot.press("ctrl+r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()
        assert view.scroll_y == place
        assert view.max_scroll_y - view.scroll_y >= view.size.height
        await pilot.press("end")
        await pilot.pause()
        await pilot.pause()
        await pilot.wait_for_scheduled_animations()  # the scroll to the end glides there
        assert f"Beslutning {SCROLLED}" in shown(app) and view.pending == 0
        assert "Rettet tekst" in shown(app)  # the new minutes, not the old ones kept
