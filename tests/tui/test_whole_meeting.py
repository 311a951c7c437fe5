"""One meeting held from the keyboard, from the first key to the minutes on disk."""

from __future__ import annotations

from pathlib import Path

from support.app import SIZE, MakeApp
from support.clock import FakeClock
from support.forms import Typed, press

from facilitator.output.minutes import render
from facilitator.store.archive import Archive


async def test_a_whole_meeting_from_start_to_exported_minutes(
    make_app: MakeApp,
    clock: FakeClock,
    tmp_path: Path,
    archive_path: Path,
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        meeting = app.session.meeting
        # Attendance before the start: three people, one sends apologies, chair and referent.
        await press(
            pilot, "ctrl+l", Typed("Anne"), "enter", Typed("Bo"), "enter", Typed("Cecilie"), "enter", Typed("Dorte"), "enter"
        )
        await pilot.press("shift+tab", "a", "up", "up", "r", "up", "o", "escape")
        await pilot.pause()
        assert (meeting.chair, meeting.secretary) == ("Anne", "Bo") and meeting.present_count() == 3

        await press(pilot, "ctrl+n", Typed("Dagsorden godkendt"))
        await press(pilot, "f2", Typed("Dagsordenen godkendes"), "enter")
        clock.advance(4)
        await pilot.press("ctrl+n", "ctrl+n", "ctrl+n")  # on to "Klarhed om organisering af arbejdet"
        await pilot.pause()
        assert meeting.current == 3
        await press(pilot, Typed("Travlt i teamet"))
        await press(pilot, "ctrl+s", Typed("Cecilie"), "enter", "ctrl+s", Typed("Bo"), "tab", "space", "enter", "ctrl+g")
        clock.advance(2)
        await pilot.press("ctrl+g", "f9")
        await press(pilot, "f4", Typed("Klubben skriver til ledelsen"), "tab", "3", "enter")
        await press(pilot, "f3", Typed("Skriv til ledelsen"), "tab", Typed("Anne"), "tab", Typed("2026-12-15"), "enter")
        await pilot.pause()
        clock.advance(15)
        await pilot.press("ctrl+f", "enter")  # end: the preview opens
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert meeting.ended
        await pilot.press("ctrl+o")
        await pilot.pause()
        app.screen.query_one("#field-path").value = "referat.md"
        await pilot.press("enter")
        await pilot.pause()
        meeting_id = app.session.meeting_id
        await pilot.press("ctrl+q")
    written = (tmp_path / "referat.md").read_text(encoding="utf-8")
    for expected in (
        "Dagsorden godkendt",
        "Dagsordenen godkendes",
        "Travlt i teamet",
        "Klubben skriver til ledelsen",
        "**Vote:** Klubben skriver til ledelsen: **adopted** (3 for, 0 against, 0 abstained; 3 present)",
        "| 4 | Skriv til ledelsen | Anne | 2026-12-15 |",
        "Dorte",
    ):
        assert expected in written, expected
    with Archive.open(archive_path, read_only=True) as archive:
        saved = archive.load(meeting_id)
    assert saved.ended and [s.name for s in saved.speakers.speeches] == ["Bo", "Cecilie"]
    assert render(saved, lang="en") == written  # what was exported is what the archive holds
