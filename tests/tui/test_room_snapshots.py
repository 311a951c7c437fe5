"""Pictures of the room mode at a laptop's smallest terminal and at a projector's large one."""

from __future__ import annotations

from typing import Any

from support.app import MakeApp
from support.clock import FakeClock

from facilitator.tui.widgets.room_view import RoomView


def _room_meeting(make_app: MakeApp, clock: FakeClock) -> tuple[Any, Any]:
    app = make_app()

    async def run_before(pilot: Any) -> None:
        meeting = app.session.meeting
        await pilot.press("ctrl+n")
        meeting.go_to(4)  # "Behov for ekstra ressourcer": its solutions
        meeting.toggle_option(0)
        meeting.toggle_option(3)
        meeting.add_decision("Klubben foreslår en fast ramme for sagstal")
        for name in ("Anne Andersen", "Bo Berg", "Cecilie Dahl"):
            meeting.add_person(name)
        meeting.request_floor("Anne Andersen")
        meeting.request_floor("Bo Berg", point_of_order=True)
        meeting.next_speaker()
        meeting.request_floor("Cecilie Dahl")
        clock.advance(16)
        await pilot.press("alt+m")
        await pilot.pause()
        app.screen.query_one(RoomView).show(meeting)
        app.clear_notifications()
        await pilot.pause()

    return app, run_before


def test_room_mode_at_80x24(snap_compare: Any, make_app: MakeApp, clock: FakeClock) -> None:
    app, run_before = _room_meeting(make_app, clock)
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_room_mode_at_200x50(snap_compare: Any, make_app: MakeApp, clock: FakeClock) -> None:
    app, run_before = _room_meeting(make_app, clock)
    assert snap_compare(app, terminal_size=(200, 50), run_before=run_before)
