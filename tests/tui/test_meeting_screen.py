"""Pilot tests: every action of the meeting screen, pressed as a user would."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from support.app import SIZE, MakeApp
from support.clock import FakeClock
from support.forms import Typed, press
from textual.widgets import Checkbox, Input, OptionList, Static, TextArea

from facilitator.agenda.loader import load_agenda
from facilitator.files.config import Config
from facilitator.meeting.records import Presence
from facilitator.store.archive import Archive
from facilitator.tui.commands import MEETING_COMMANDS
from facilitator.tui.screens.meeting import MeetingScreen
from facilitator.tui.widgets.key_footer import KeyFooter
from facilitator.tui.widgets.long_entry import LongInput
from facilitator.tui.widgets.minutes_section import MinutesSection

# klubmoede: 1 Godkendelse af dagsorden, 2 Godkendelse af referat…, 3 Meddelelser,
# 4 Klarhed om organisering af arbejdet, 5 Behov for ekstra ressourcer (prompts and options), … 10 Næste møde.
TOPIC = 4
PROMPTS = 3
OPTIONS = 4


async def started(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("ctrl+n")
    await pilot.pause()


def meeting_of(app):  # type: ignore[no-untyped-def]
    return app.session.meeting


async def test_first_ctrl_n_starts_the_meeting_and_the_notes_have_the_focus(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        meeting = meeting_of(app)
        assert not meeting.started
        assert app.screen.query_one("#notes", TextArea).disabled
        await started(pilot)
        assert meeting.started and meeting.current == 0
        assert isinstance(app.focused, TextArea) and app.focused.id == "notes"


async def test_next_and_previous_item_keep_each_items_notes(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        meeting = meeting_of(app)
        await started(pilot)
        await press(pilot, Typed("Godkendt"))
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert meeting.current == 1
        assert app.screen.query_one("#notes", TextArea).text == ""
        await press(pilot, Typed("Referat ok"))
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert meeting.current == 0
        assert app.screen.query_one("#notes", TextArea).text == "Godkendt"
        assert [s.notes for s in meeting.items[:2]] == ["Godkendt", "Referat ok"]


async def test_choosing_an_item_in_the_agenda_goes_there(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        agenda = app.screen.query_one("#agenda")
        agenda.focus()
        await pilot.press("down", "down", "down", "down", "enter")
        await pilot.pause()
        assert meeting_of(app).current == TOPIC


async def test_notes_reach_the_archive_after_ctrl_q(make_app: MakeApp, archive_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        await pilot.press(*"Alle var enige")
        meeting_id = app.session.meeting_id
        await pilot.press("ctrl+q")
        await pilot.pause()
    with Archive.open(archive_path, read_only=True) as archive:
        assert archive.load(meeting_id).items[0].notes == "Alle var enige"


async def test_add_decision_with_principles(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.focused, LongInput) and app.focused.id == "field-text"
        await pilot.press("enter")  # empty: refused beside the field
        await pilot.pause()
        assert "Fill this in" in str(app.screen.query_one("#error-text").render())
        await press(pilot, Typed("Dagsordenen er godkendt"), "tab", "space", "tab", "tab", "space", "enter")
        await pilot.pause()
        decisions = meeting_of(app).items[0].decisions
        assert [d.text for d in decisions] == ["Dagsordenen er godkendt"]
        assert [p.name for p in decisions[0].principles] == ["PLANNING", "INVOLVEMENT"]
        assert isinstance(app.screen, MeetingScreen)


async def test_escape_cancels_a_dialog_and_keeps_nothing(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        await press(pilot, "f2", Typed("halv beslutning"), "escape")
        await pilot.pause()
        assert meeting_of(app).items[0].decisions == []
        assert isinstance(app.screen, MeetingScreen)


async def test_add_action_item_checks_the_deadline_beside_its_field(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        await press(pilot, "f3", Typed("Skriv til ledelsen"), "tab", Typed("Anne"), "tab", Typed("31/2"), "enter")
        await pilot.pause()
        assert "YYYY-MM-DD" in str(app.screen.query_one("#error-deadline").render())
        assert app.screen.query_one("#field-what", LongInput).value == "Skriv til ledelsen"  # nothing typed is lost
        for _ in "31/2":
            await pilot.press("backspace")
        await press(pilot, Typed("2026-12-15"), "enter")
        await pilot.pause()
        (action,) = meeting_of(app).items[0].actions
        assert (action.what, action.who, str(action.deadline)) == ("Skriv til ledelsen", "Anne", "2026-12-15")


async def test_record_vote_refuses_more_votes_than_present(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        meeting = meeting_of(app)
        for name in ("Anne", "Bo", "Cecilie"):
            meeting.add_person(name)
        await started(pilot)
        await press(pilot, "f4", Typed("Forslaget"), "tab", "3", "tab", "1", "tab", "0", "enter")
        await pilot.pause()
        assert "4 votes were cast but only 3 are present" in str(app.screen.query_one("#error-abstain").render())
        await pilot.press("shift+tab", "backspace", "0", "enter")
        await pilot.pause()
        (vote,) = meeting.items[0].votes
        assert (vote.votes_for, vote.against, vote.abstain, vote.present) == (3, 0, 0, 3)


async def test_speakers_point_of_order_first_and_unknown_names_confirmed(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        meeting = meeting_of(app)
        meeting.add_person("Anne")
        await started(pilot)
        await press(pilot, "ctrl+s", Typed("anne"), "enter")
        await pilot.pause()
        await press(pilot, "ctrl+s", Typed("Bo"), "tab", "space", "enter")
        await pilot.pause()
        assert "press Enter again" in str(app.screen.query_one("#error-name").render())
        await pilot.press("enter")
        await pilot.pause()
        assert [r.name for r in meeting.speakers.queue] == ["Bo", "Anne"]
        assert meeting.attendees["Bo"].added
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert meeting.speakers.current.name == "Bo"
        assert "Bo" in str(app.screen.query_one("#speakers").render())


async def test_close_speakers_list(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        await pilot.press("alt+l")
        await pilot.pause()
        assert meeting_of(app).speakers.closed
        await pilot.press("alt+l")
        await pilot.pause()
        assert not meeting_of(app).speakers.closed


async def test_timer_pauses_and_shows_over_time(make_app: MakeApp, clock: FakeClock) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        timer = app.screen.query_one("#item-timer")
        clock.advance(4.5)
        app.screen.tick()
        assert timer.has_class("-warning")
        clock.advance(1)
        app.screen.tick()
        assert timer.has_class("-over") and "over time" in str(timer.render())
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert meeting_of(app).items[0].paused and timer.has_class("-paused")
        clock.advance(10)
        assert meeting_of(app).seconds_used(0) == 5.5 * 60


async def test_prompts_ticked_with_f9_and_options_with_the_mouse(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        meeting = meeting_of(app)
        await started(pilot)
        meeting.go_to(PROMPTS)
        await pilot.pause()
        assert meeting.current_prompt() == 0
        await pilot.press("f9")
        await pilot.pause()
        assert meeting.items[PROMPTS].discussed == {0} and meeting.current_prompt() == 1
        assert isinstance(app.focused, TextArea)  # the referent types on
        meeting.go_to(OPTIONS)
        await pilot.pause()
        await pilot.click("#options", offset=(4, 0))
        await pilot.pause()
        assert meeting.items[OPTIONS].chosen == {0}


async def test_attendance_dialog(make_app: MakeApp, clock: FakeClock) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        meeting = meeting_of(app)
        await pilot.press("ctrl+l")
        await pilot.pause()
        await press(
            pilot, Typed("Anne"), "enter", Typed("Bo"), "enter", Typed("Cecilie"), "enter", "shift+tab"
        )  # an empty list: the name field first
        await pilot.pause()
        assert list(meeting.attendees) == ["Anne", "Bo", "Cecilie"]
        assert app.focused.id == "people"
        await pilot.press("o")  # Cecilie (the last added) is highlighted: chair
        await pilot.press("up", "r", "up", "a")
        await pilot.pause()
        assert meeting.chair == "Cecilie" and meeting.secretary == "Bo"
        assert meeting.attendees["Anne"].presence is Presence.APOLOGIES
        await pilot.press("escape")
        await started(pilot)
        clock.advance(10)
        await pilot.press("ctrl+l", "down", "l")
        await pilot.pause()
        assert meeting.attendees["Bo"].left == clock.now
        assert meeting.present_count() == 1


async def test_add_item_after_the_current_one(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        meeting = meeting_of(app)
        await started(pilot)
        await press(pilot, "f8", Typed("Julefrokost"), "tab", "tab", Typed("5"), "enter")
        await pilot.pause()
        assert meeting.items[1].item.title == "Julefrokost" and meeting.items[1].item.minutes == 5
        assert meeting.items[1].added and meeting.current == 0


async def test_carry_on_marks_the_item(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        await pilot.press("alt+c")
        await pilot.pause()
        assert meeting_of(app).items[0].carry_on


async def test_remove_entry(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        meeting = meeting_of(app)
        await started(pilot)
        await pilot.press("alt+x")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)  # nothing to remove: a notification
        meeting.add_decision("Forkert")
        meeting.add_action("Noget", "Bo")
        await pilot.press("alt+x", "enter")
        await pilot.pause()
        assert meeting.items[0].decisions == [] and len(meeting.items[0].actions) == 1


async def test_removing_a_decision_says_that_its_review_goes_with_it(make_app: MakeApp, danish: None) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        meeting = meeting_of(app)
        await started(pilot)
        meeting.add_decision("Vikar i tre måneder", review=dt.date(2027, 3, 1))
        meeting.add_decision("Uden evaluering")
        await pilot.press("alt+x")
        await pilot.pause()
        entries = app.screen.query_one("#entries", OptionList)
        shown = [str(entries.get_option_at_index(i).prompt) for i in range(entries.option_count)]
        assert shown[0] == "Beslutning: Vikar i tre måneder (og dens evaluering 01.03.2027)"
        assert shown[1] == "Beslutning: Uden evaluering"
        await pilot.press("enter")
        await pilot.pause()
        assert [d.text for d in meeting.items[0].decisions] == ["Uden evaluering"]
        assert meeting.items[0].actions == []  # the review action went with its decision


async def test_save_as_agenda_writes_a_file_that_checks_clean(make_app: MakeApp, tmp_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        meeting = meeting_of(app)
        await started(pilot)
        meeting.add_item("Julefrokost", minutes=5)
        await pilot.press("alt+s", "enter")
        await pilot.pause()
        agenda = load_agenda(tmp_path / "agenda.toml")
        assert [i.title for i in agenda.items][1] == "Julefrokost"
        assert len(agenda.items) == len(meeting.items)


async def test_export_asks_before_overwriting_and_reports_bad_paths(make_app: MakeApp, tmp_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        await press(pilot, Typed("Noten"))
        await pilot.press("ctrl+o")
        await pilot.pause()
        path_field = app.screen.query_one("#field-path", Input)
        path_field.value = "referat.md"
        await pilot.press("enter")
        await pilot.pause()
        written = tmp_path / "referat.md"
        assert "Noten" in written.read_text(encoding="utf-8")
        written.write_text("mine", encoding="utf-8")
        await pilot.press("ctrl+o")
        await pilot.pause()
        app.screen.query_one("#field-path", Input).value = "referat.md"
        await pilot.press("enter")
        await pilot.pause()
        assert "press Enter again" in str(app.screen.query_one("#error-path").render())
        assert written.read_text(encoding="utf-8") == "mine"
        app.screen.query_one("#field-path", Input).value = "no/such/folder/referat.md"
        await pilot.press("enter")
        await pilot.pause()
        assert "no/such/folder" in str(app.screen.query_one("#error-path").render())
        app.screen.query_one("#field-path", Input).value = "referat.md"
        await pilot.press("enter")
        await pilot.pause()
        assert "press Enter again" in str(app.screen.query_one("#error-path").render())
        await pilot.press("enter")
        await pilot.pause()
        assert "Noten" in written.read_text(encoding="utf-8")
        assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("referat")) == ["referat.md"]


async def test_export_html_restricted(make_app: MakeApp, tmp_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        await pilot.press("ctrl+o")
        await pilot.pause()
        app.screen.query_one("#field-scope").value = "restricted"
        app.screen.query_one("#field-path", Input).value = "referat.html"
        await pilot.press("enter")
        await pilot.pause()
        assert (tmp_path / "referat.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


async def test_end_meeting_asks_then_shows_the_minutes(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        await pilot.press("ctrl+f")
        await pilot.pause()
        # A question with no fields: its own keys in its text, no "Tab next field" under it.
        shown = " ".join(str(widget.render()) for widget in app.screen.query(Static))
        assert "Enter" in shown and "Escape" in shown
        assert not app.screen.query(".dialog-hint") and "Tab" not in shown
        await pilot.press("escape")
        await pilot.pause()
        assert not meeting_of(app).ended
        await pilot.press("ctrl+f", "enter")
        await pilot.pause()
        assert meeting_of(app).ended
        assert app.screen.id == "preview-screen"
        await pilot.press("escape")
        await pilot.pause()
        # After the end: moving on and adding decisions are off, the notes can still be tidied.
        assert app.screen.check_action("add_decision", ()) is None
        assert app.screen.check_action("next_item", ()) is None


async def test_actions_that_need_a_running_meeting_are_dimmed_before_the_start(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        assert app.screen.check_action("add_decision", ()) is None
        assert app.screen.check_action("attendance", ()) is True


async def test_every_meeting_command_is_in_the_footer_with_its_id(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        shown = {b.binding.id: b.binding for b in app.screen.active_bindings.values()}
        footer = {key.action: key.description for key in app.screen.query_one(KeyFooter).keys}
        for command in MEETING_COMMANDS:
            binding = shown[command.id]
            # The binding carries its message key; the footer shows the title it names (a
            # chair's key its short words: key_footer.py).
            assert binding.description == command.title_key
            if command.show:
                assert binding.show
                assert footer[command.action] == command.footer_title()
            else:  # seldom used: on the help screen and in the palette only
                assert not binding.show and command.action not in footer
        assert {c.id for c in MEETING_COMMANDS if not c.show} == {"skip_item", "move_item_up", "move_item_down", "drop_item"}


class FailingDisk:
    """Stands in for the archive's SQLite connection: while ``failing``, COMMIT fails as the
    disk would (SQLite reports a full disk or an I/O error there in WAL mode)."""

    def __init__(self, real: object, message: str, name: str) -> None:
        self.real, self.message, self.name = real, message, name
        self.failing = True

    def execute(self, sql: str, *args: object) -> object:
        if sql == "COMMIT" and self.failing:
            import sqlite3

            error = sqlite3.OperationalError(self.message)
            error.sqlite_errorname = self.name
            raise error
        return self.real.execute(sql, *args)

    def __getattr__(self, name: str) -> object:
        return getattr(self.real, name)


@pytest.mark.parametrize(
    ("sqlite_message", "name", "told"),
    [
        (
            "database or disk is full",
            "SQLITE_FULL",
            "is full; free some space. The meeting goes on; saving is retried and nothing is lost.",
        ),
        ("disk I/O error", "SQLITE_IOERR_WRITE", "reported an error while writing (disk I/O error); check that the disk"),
    ],
    ids=["ENOSPC", "EIO"],
)
async def test_save_failures_are_told_and_the_meeting_goes_on(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch, sqlite_message: str, name: str, told: str
) -> None:
    from facilitator.store.snapshot import to_dict
    from facilitator.tui.widgets.status_bar import StatusBar

    monkeypatch.setattr("facilitator.store.recorder.RETRY_PAUSES", (0.05,))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        session = app.session
        disk = FailingDisk(session.archive._db, sqlite_message, name)
        session.archive._db = disk
        await started(pilot)
        await press(pilot, "f2", Typed("Trods fejl"), "enter")
        await press(pilot, Typed("noter"))
        await pilot.pause(0.3)
        app._report_saving()
        app.screen.tick()
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any(told in m for m in messages), messages
        title = app.screen.query_one(StatusBar).query_one("#meeting-title")
        assert title.has_class("-unsaved") and str(title.content).startswith("⚠ NOT SAVED, retrying")
        # The meeting goes on in memory while the disk fails.
        await pilot.press("ctrl+n")
        assert [d.text for d in session.meeting.items[0].decisions] == ["Trods fejl"]
        assert session.meeting.current == 1

        disk.failing = False
        assert session.recorder.flush()
        await pilot.pause(0.2)
        app._report_saving()
        app.screen.tick()
        await pilot.pause()
        assert any("Saving works again" in n.message for n in app._notifications)
        assert not title.has_class("-unsaved") and str(title.content) == session.meeting.info.title
        saved = session.archive.load(session.meeting_id)
        assert to_dict(saved) == to_dict(session.meeting)


async def test_shift_tab_from_the_notes_reaches_the_options_and_space_ticks(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        meeting = meeting_of(app)
        await started(pilot)
        meeting.go_to(OPTIONS)
        await pilot.pause()
        await pilot.press("shift+tab", "space")
        await pilot.pause()
        assert app.focused.id == "options" and meeting.items[OPTIONS].chosen == {0}
        assert meeting.items[OPTIONS].notes == ""  # the space ticked; it did not go into the notes


async def test_tab_from_the_notes_reaches_the_questions_then_the_solutions(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        meeting = meeting_of(app)
        await started(pilot)
        both = next(i for i, state in enumerate(meeting.items) if state.item.prompts and state.item.options)
        meeting.go_to(both)
        await pilot.pause()
        assert app.focused.id == "notes"
        await pilot.press("tab", "space")
        await pilot.pause()
        assert app.focused.id == "prompts" and meeting.items[both].discussed == {0}
        await pilot.press("tab", "space")
        await pilot.pause()
        assert app.focused.id == "options" and meeting.items[both].chosen == {0}
        await pilot.press("tab")  # from the last list, back to the notes
        await pilot.pause()
        assert app.focused.id == "notes" and meeting.items[both].notes == ""
        await pilot.press("shift+tab")  # backwards, the last list first
        await pilot.pause()
        assert app.focused.id == "options"
        await pilot.press("shift+tab")
        await pilot.pause()
        assert app.focused.id == "prompts"


async def test_tab_from_the_notes_of_an_item_without_lists_moves_on_as_everywhere(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        meeting = meeting_of(app)
        await started(pilot)
        bare = next(i for i, state in enumerate(meeting.items) if not (state.item.prompts or state.item.options))
        meeting.go_to(bare)
        await pilot.pause()
        assert app.focused.id == "notes"
        expected = app.screen.focus_chain[(app.screen.focus_chain.index(app.focused) + 1) % len(app.screen.focus_chain)]
        await pilot.press("tab")
        await pilot.pause()
        assert app.focused is expected and app.focused.id != "notes"
        assert meeting.items[bare].notes == ""  # the Tab did not go into the notes


async def test_narrow_terminals_show_the_room_in_one_line(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        meeting = meeting_of(app)
        meeting.add_person("Anne")
        meeting.add_person("Bo")
        await started(pilot)
        meeting.request_floor("Anne")
        meeting.request_floor("Bo", point_of_order=True)
        await pilot.press("ctrl+g")
        await pilot.pause()
        line = app.screen.query_one("#room-line")
        assert line.display and "Floor: Bo" in str(line.render()) and "waiting: Anne" in str(line.render())


async def test_someone_marked_absent_leaves_the_speakers_list(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        meeting = meeting_of(app)
        meeting.add_person("Anne")
        await started(pilot)
        meeting.request_floor("Anne")
        meeting.set_presence("Anne", Presence.APOLOGIES)
        assert meeting.speakers.queue == []


async def test_a_vote_with_no_votes_is_refused(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        await press(pilot, "f4", Typed("Emne"), "tab", Typed("tre"), "enter")
        await pilot.pause()
        assert "No votes were cast" in str(app.screen.query_one("#error-votes_for").render())
        assert meeting_of(app).items[0].votes == []


async def test_ctrl_q_in_a_dialog_with_text_asks_first(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        await press(pilot, "f2", Typed("Halv"), "ctrl+q")
        await pilot.pause()
        assert app.is_running and app.screen.id == "decision-dialog"
        assert any("A dialog is open" in n.message for n in app._notifications)
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert not app.is_running


async def test_a_started_name_means_the_person_suggested(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        meeting = meeting_of(app)
        meeting.add_person("Åse Lindgård")
        await started(pilot)
        await pilot.press("ctrl+s", "Å", "enter")
        await pilot.pause()
        assert [r.name for r in meeting.speakers.queue] == ["Åse Lindgård"]
        await pilot.press("f3", *"Ring", "tab", *"åse", "enter")
        await pilot.pause()
        assert meeting.items[0].actions[0].who == "Åse Lindgård"


async def test_the_start_hint_names_the_users_own_key(make_app: MakeApp, settings: Config) -> None:
    settings.keymap["next_item"] = "f12"
    app = make_app()
    async with app.run_test(size=SIZE):
        assert "Press f12 to start" in str(app.screen.query_one("#item-heading").render())


async def test_minutes_written_before_the_end_are_pointed_out_at_the_end(make_app: MakeApp, tmp_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        await pilot.press("ctrl+o")
        await pilot.pause()
        await pilot.press("enter", "ctrl+f", "enter")
        await pilot.pause()
        assert any("were written before the end" in n.message for n in app._notifications)


async def test_the_preview_is_only_restricted_when_something_is_closed(make_app: MakeApp, tmp_path: Path) -> None:

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        await pilot.press("ctrl+r")
        await app.workers.wait_for_complete()
        await pilot.pause(0.3)
        assert "restricted" not in "".join(m.source for m in app.screen.query(MinutesSection)).lower()


async def test_escape_in_an_open_list_closes_the_list_not_the_dialog(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        await press(pilot, "f8", Typed("Jul"), "tab", "space")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.id == "item-dialog"
        assert app.screen.query_one("#field-title", LongInput).value == "Jul"


async def test_a_save_that_failed_before_the_screen_opened_is_told(make_app: MakeApp) -> None:
    app = make_app()
    app.session.recorder.health = app.session.save_health.failed("disk full (before the app)")
    async with app.run_test(size=SIZE) as pilot:
        app._report_saving()
        await pilot.pause()
        assert any("disk full (before the app)" in n.message for n in app._notifications)


async def test_export_with_the_time_use_appendix_for_the_chair(make_app: MakeApp, tmp_path: Path) -> None:
    """The dialog's check is `minutes --times`: the appendix only when ticked."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        for ticked, name in ((False, "uden.md"), (True, "med.md")):
            await pilot.press("ctrl+o")
            await pilot.pause()
            app.screen.query_one("#field-path", Input).value = name
            app.screen.query_one("#field-times", Checkbox).value = ticked
            await pilot.press("enter")
            await pilot.pause()
        assert "Time use" not in (tmp_path / "uden.md").read_text(encoding="utf-8")
        assert "Time use" in (tmp_path / "med.md").read_text(encoding="utf-8")
