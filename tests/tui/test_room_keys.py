"""The room's keys on the meeting screen: the room mode, the notes on the wall, and the room
view started as its own process, with the chair's typing untouched by a browser that stalls."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from support.app import SIZE, MakeApp, until
from textual.widgets import TextArea

from facilitator.files.paths import data_dir
from facilitator.files.room_presence import presence_path
from facilitator.tui.dialogs.room_dialog import RoomDialog
from facilitator.tui.room_process import RoomProcess
from facilitator.tui.widgets.item_view import ItemView
from facilitator.tui.widgets.room_view import RoomView


async def test_the_room_mode_shows_what_the_wall_may_see_and_the_meeting_keys_still_work(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        meeting = app.session.meeting
        await pilot.press("ctrl+n", *"Hemmelige noter")
        await pilot.press("alt+m")
        await pilot.pause()
        screen = app.screen
        view = screen.query_one(RoomView)
        assert view.display and not screen.query_one("#body").display
        assert "1. Godkendelse af dagsorden" in str(view.query_one("#room-item").render())
        await pilot.press(*"abc")  # nowhere to go: the notes are hidden
        assert meeting.items[0].notes == "Hemmelige noter"
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert meeting.current == 1
        assert "2. Godkendelse af referat" in str(view.query_one("#room-item").render())
        assert "Hemmelige" not in str(view.query_one("#room-content").render())
        await pilot.press("alt+m")
        await pilot.pause()
        assert not view.display and screen.query_one("#body").display
        assert screen.focused is screen.query_one(ItemView).query_one("#notes", TextArea)


async def test_the_wall_shows_an_items_notes_only_when_the_chair_says_so(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        meeting = app.session.meeting
        await pilot.press("ctrl+n", *"Referat på væggen", "alt+t")
        await pilot.pause()
        assert meeting.items[0].room_notes is True
        await pilot.press("alt+m")
        await pilot.pause()
        assert "Referat på væggen" in str(app.screen.query_one("#room-content").render())
        await pilot.press("alt+t")
        await pilot.pause()
        assert meeting.items[0].room_notes is False
        assert "Referat" not in str(app.screen.query_one("#room-content").render())


@pytest.mark.slow
async def test_the_room_view_runs_beside_the_app_and_a_stalled_browser_costs_the_typing_nothing(
    make_app: MakeApp, tmp_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        meeting = app.session.meeting
        await pilot.press("ctrl+n", "alt+w")
        assert await until(pilot, lambda: isinstance(app.screen, RoomDialog), pauses=400)
        address = app.screen.address
        assert address.startswith("http://127.0.0.1:") and "?t=" in address
        process = app.screen_stack[-2]._room.process
        await pilot.press("escape")
        host_port, token = address.removeprefix("http://").split("/?t=")
        host, port = host_port.split(":")
        stalled = socket.create_connection((host, int(port)))
        stalled.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1024)
        stalled.sendall(f"GET /events?t={token} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
        try:
            text = "Alle ord når frem, også mens en browser står stille."
            await pilot.press(*text)
            await pilot.pause()
            app.screen.save_notes_now()
            assert meeting.items[0].notes == text
            assert app.session.recorder.flush()
            assert app.session.save_health.failing is False
            assert process.poll() is None  # the view still runs, beside the app
        finally:
            stalled.close()
    # The app is closed during the meeting: the wall goes on showing it, and the app,
    # started again, finds the view at the same address instead of starting another.
    try:
        found = RoomProcess.running(presence_path(data_dir(), app.session.archive.path))
        assert process.poll() is None and found is not None
        assert (found.address, found.pid) == (address, process.pid)
    finally:
        process.terminate()
        process.wait(10)
    assert RoomProcess.running(presence_path(data_dir(), app.session.archive.path)) is None  # it said it left


@pytest.mark.slow
async def test_after_the_meeting_the_view_ends_with_the_app(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n", "alt+w")
        assert await until(pilot, lambda: isinstance(app.screen, RoomDialog), pauses=400)
        process = app.screen_stack[-2]._room.process
        await pilot.press("escape")
        app.session.meeting.end()
        await pilot.pause()
    assert process.wait(10) is not None


async def test_the_room_mode_shows_no_timer_of_a_closed_item(make_app: MakeApp, tmp_path: Path) -> None:
    """docs/room-view.md: a closed item shows as "Lukket punkt" and nothing else of it, no
    timer either; the status bar above the room mode must not show it in its stead."""
    from facilitator.agenda.shipped import shipped_agendas

    text = shipped_agendas()["klubmoede"].read_text(encoding="utf-8")
    closed = 'title = "Klarhed om organisering af arbejdet"\n'
    agenda = tmp_path / "klub.toml"
    agenda.write_text(text.replace(closed, closed + "confidential = true\n", 1), encoding="utf-8")
    app = make_app(agenda)
    async with app.run_test(size=SIZE) as pilot:
        meeting = app.session.meeting
        await pilot.press("ctrl+n")
        meeting.go_to(3)
        await pilot.press("alt+m")
        await pilot.pause()
        assert meeting.items[3].item.confidential
        assert not app.screen.query_one("#room-timer").display
        assert not app.screen.query_one("#item-timer").display
