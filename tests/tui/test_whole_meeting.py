"""One meeting held from the keyboard, from the first key to the minutes on disk."""

from __future__ import annotations

from pathlib import Path

from facilitator.store.archive import Archive
from facilitator.output.minutes import render
from support.app import SIZE, MakeApp
from support.clock import FakeClock


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
        await pilot.press("ctrl+l", *"Anne", "enter", *"Bo", "enter", *"Cecilie", "enter", *"Dorte", "enter")
        await pilot.press("shift+tab", "a", "up", "up", "r", "up", "o", "escape")
        await pilot.pause()
        assert (meeting.chair, meeting.secretary) == ("Anne", "Bo") and meeting.present_count() == 3

        await pilot.press("ctrl+n", *"Dagsorden godkendt")
        await pilot.press("f2", *"Dagsordenen godkendes", "enter")
        clock.advance(4)
        await pilot.press("ctrl+n", "ctrl+n", "ctrl+n")  # on to "Klarhed om organisering af arbejdet"
        await pilot.pause()
        assert meeting.current == 3
        await pilot.press(*"Travlt i teamet")
        await pilot.press("ctrl+s", *"Cecilie", "enter", "ctrl+s", *"Bo", "tab", "space", "enter", "ctrl+g")
        clock.advance(2)
        await pilot.press("ctrl+g", "f9")
        await pilot.press("f4", *"Klubben skriver til ledelsen", "tab", "3", "enter")
        await pilot.press("f3", *"Skriv til ledelsen", "tab", *"Anne", "tab", *"2026-12-15", "enter")
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
        "For 3, against 0, abstained 0 – 3 present",
        "| Skriv til ledelsen | Anne | 2026-12-15 |",
        "Dorte",
    ):
        assert expected in written, expected
    with Archive.open(archive_path, read_only=True) as archive:
        saved = archive.load(meeting_id)
    assert saved.ended and [s.name for s in saved.speakers.speeches] == ["Bo", "Cecilie"]
    assert render(saved, lang="en") == written  # what was exported is what the archive holds
