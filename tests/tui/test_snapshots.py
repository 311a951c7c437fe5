"""What each screen looks like at 100x35, with a fixed clock: a change in layout shows up here.

Update after a deliberate change with ``pytest tests/tui/test_snapshots.py --snapshot-update``
and look at the report before committing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from support.app import SIZE, MakeApp
from support.clock import FakeClock


def held(app: Any, clock: FakeClock) -> None:
    """A meeting some way in: people, notes, a decision, a vote, an action, speakers."""
    meeting = app.session.meeting
    for name in ("Anne", "Bo", "Cecilie", "Dorte"):
        meeting.add_person(name)
    meeting.set_presence("Dorte", "afbud")
    meeting.set_role("chair", "Anne")
    meeting.set_role("secretary", "Bo")
    meeting.start()
    meeting.add_decision("Dagsordenen godkendes")
    clock.advance(3)
    meeting.go_to(3)
    meeting.set_notes("Travlt i teamet.\nFlere sager pr. rådgiver siden august.")
    meeting.toggle_prompt(0)
    meeting.add_decision("Klubben beder om et møde med ledelsen", ["inddragelse", "planlægning"])
    meeting.record_vote("Skrive til ledelsen", 3, 0, 0)
    meeting.add_action("Skriv til ledelsen", "Anne", "2026-12-15")
    meeting.request_floor("Cecilie")
    meeting.request_floor("Bo", point_of_order=True)
    meeting.next_speaker()
    clock.advance(2)


def test_start_screen(snap_compare: Any, make_app: MakeApp) -> None:
    assert snap_compare(make_app(None), terminal_size=SIZE)


def test_meeting_before_the_start(snap_compare: Any, make_app: MakeApp) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE)


def test_meeting_under_way(snap_compare: Any, make_app: MakeApp, clock: FakeClock) -> None:
    app = make_app()

    async def run_before(pilot: Any) -> None:
        held(app, clock)
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_meeting_under_way_at_200x50(snap_compare: Any, make_app: MakeApp, clock: FakeClock) -> None:
    """The wide footer: the chair's keys first, then as many others as fit whole, and the
    palette's key alone at the end (issue 17: keys were cut and a stray letter showed)."""
    app = make_app()

    async def run_before(pilot: Any) -> None:
        await pilot.pause()
        held(app, clock)
        app.screen.query_one("#notes").cursor_blink = False
        await pilot.pause()

    assert snap_compare(app, terminal_size=(200, 50), run_before=run_before)


def test_meeting_over_time_at_80x24(snap_compare: Any, make_app: MakeApp, clock: FakeClock) -> None:
    app = make_app()

    async def run_before(pilot: Any) -> None:
        await pilot.pause()  # the screen is the app's first: it may still be mounting when the pilot starts
        held(app, clock)
        clock.advance(30)
        await pilot.pause()
        app.screen.tick()
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_decision_dialog(snap_compare: Any, make_app: MakeApp) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE, press=["ctrl+n", "f2", *"Godkendt", "tab", "space"])


def test_vote_dialog_with_an_error(snap_compare: Any, make_app: MakeApp) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE, press=["ctrl+n", "f4", "tab", "4", "enter"])


def test_action_dialog(snap_compare: Any, make_app: MakeApp) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE, press=["ctrl+n", "f3", *"Ring til HR", "tab", *"Bo"])


def test_attendance_dialog(snap_compare: Any, make_app: MakeApp, clock: FakeClock) -> None:
    app = make_app()

    async def run_before(pilot: Any) -> None:
        held(app, clock)
        await pilot.press("ctrl+l")

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_export_dialog(snap_compare: Any, make_app: MakeApp) -> None:
    assert snap_compare(make_app(), terminal_size=SIZE, press=["ctrl+n", "ctrl+o"])


def test_preview_screen(snap_compare: Any, make_app: MakeApp, clock: FakeClock) -> None:
    app = make_app()

    async def run_before(pilot: Any) -> None:
        held(app, clock)
        await pilot.press("ctrl+r")
        await app.workers.wait_for_complete()
        await pilot.pause(0.3)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_help_screen(snap_compare: Any, make_app: MakeApp, settings: Any) -> None:
    settings.path = Path("/home/tr/.config/facilitator/config.toml")  # the real path differs per run
    assert snap_compare(make_app(), terminal_size=SIZE, press=["f1"])


def test_solutions_picker_at_80x24(snap_compare: Any, make_app: MakeApp, tmp_path: Path) -> None:
    """The item's solutions numbered, two chosen by their numbers, the temporary one marked."""
    from support.chain_decide import RESOURCES, chain_agenda

    app = make_app(chain_agenda(tmp_path))

    async def run_before(pilot: Any) -> None:
        await pilot.pause()
        app.session.meeting.start()
        app.session.meeting.go_to(RESOURCES)
        await pilot.pause()
        await pilot.press("alt+v", "1", "2")

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_drafted_decision_dialog_at_80x24(snap_compare: Any, make_app: MakeApp, tmp_path: Path) -> None:
    """The decision drafted from them: the club's words, the review date asked for, the
    principles and their answers folded under one title."""
    from support.chain_decide import RESOURCES, chain_agenda

    app = make_app(chain_agenda(tmp_path))

    async def run_before(pilot: Any) -> None:
        await pilot.pause()
        app.session.meeting.start()
        app.session.meeting.go_to(RESOURCES)
        await pilot.pause()
        await pilot.press("alt+v", "1", "2", "b")

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_safety_checklist_dialog(snap_compare: Any, make_app: MakeApp, clock: FakeClock) -> None:
    """The AMiR's checklist on the item about violence: statuses set, one point's last status
    from the group's previous meeting beside it."""
    from facilitator.meeting.checklist import CarriedCheck, CheckStatus

    app = make_app()

    async def run_before(pilot: Any) -> None:
        meeting = app.session.meeting
        points = meeting.items[5].item.checklist
        meeting.carry_checks([CarriedCheck(points[3], CheckStatus.MISSING, 1, "Klubmøde i november", "2026-11-03")])
        meeting.start()
        meeting.go_to(5)
        for point, status in ((0, "ok"), (1, "mangler"), (2, "aftalt")):
            meeting.set_check(point, status)
        await pilot.pause()
        await pilot.press("alt+k", "down", "down")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def _shared_offline(app: Any, archive_path: Path, tmp_path: Path, monkeypatch: Any) -> Any:
    """The archive shared with a server that is not there (a socket folder with nothing in it)."""
    from facilitator.shared import live
    from facilitator.store.archive import Archive

    monkeypatch.setattr(live, "TIMING", live.Timing(first=0.0, retries=(60.0,)))
    with Archive.open(archive_path) as archive:
        archive.set_share_target(f"postgresql://klub@/arkiv?host={tmp_path / 'intet'}")
    return live


def test_meeting_shared_and_offline_at_120x35(
    snap_compare: Any, make_app: MakeApp, clock: FakeClock, archive_path: Path, tmp_path: Path, monkeypatch: Any
) -> None:
    """The status bar's quiet words of a shared archive whose server cannot be reached (in
    words from 120 columns, meeting.SHARED_WORDS_FROM)."""
    live = _shared_offline(make_app, archive_path, tmp_path, monkeypatch)
    app = make_app()

    async def run_before(pilot: Any) -> None:
        await pilot.pause()
        held(app, clock)
        app.session.sharing.wait_answer(10)
        assert app.session.sharing.state.kind == live.OFFLINE
        app.screen.tick()
        await pilot.pause()

    assert snap_compare(app, terminal_size=(120, 35), run_before=run_before)


def test_meeting_shared_and_offline_over_time_at_80x24(
    snap_compare: Any, make_app: MakeApp, clock: FakeClock, archive_path: Path, tmp_path: Path, monkeypatch: Any
) -> None:
    """At 80 columns the word is short, and the item's timer is still whole."""
    live = _shared_offline(make_app, archive_path, tmp_path, monkeypatch)
    app = make_app()

    async def run_before(pilot: Any) -> None:
        await pilot.pause()
        held(app, clock)
        clock.advance(30)
        app.session.sharing.wait_answer(10)
        assert app.session.sharing.state.kind == live.OFFLINE
        await pilot.pause()
        app.screen.tick()
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
