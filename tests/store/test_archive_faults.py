"""Faults while a meeting is being saved: nothing typed may be lost, nothing may wedge."""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from facilitator.agenda.model import MeetingKind
from facilitator.errors import ArchiveError, FacilitatorError
from facilitator.meeting.approval import PreviousMinutes
from facilitator.meeting.checklist import CarriedCheck, CheckStatus
from facilitator.meeting.model import Change, Meeting
from facilitator.meeting.next_meeting import NextMeeting
from facilitator.meeting.records import Decision, Forward, ForwardKind, Presence
from facilitator.store.archive import Archive
from facilitator.store.lock import MeetingLock
from facilitator.store.recorder import Recorder
from facilitator.store.schema import APPLICATION_ID, SCHEMA_VERSION
from facilitator.store.snapshot import to_dict


@pytest.fixture
def archive(tmp_path: Path) -> Archive:
    with Archive.open(tmp_path / "arkiv.sqlite3") as opened:
        yield opened


class FailingCommit:
    """A connection whose next COMMIT fails as a full disk does in WAL mode."""

    def __init__(self, real: sqlite3.Connection) -> None:
        self.real = real
        self.fail = 1

    def execute(self, sql: str, *args: object) -> sqlite3.Cursor:
        if sql == "COMMIT" and self.fail:
            self.fail -= 1
            raise sqlite3.OperationalError("database or disk is full")
        return self.real.execute(sql, *args)

    def __getattr__(self, name: str) -> object:
        return getattr(self.real, name)


def test_a_failed_commit_leaves_nothing_open(archive: Archive, running: Meeting) -> None:
    meeting_id = archive.create(running)
    running.add_decision("Først")
    real = archive._db
    archive._db = FailingCommit(real)  # type: ignore[assignment]
    with pytest.raises(ArchiveError, match="is full") as caught:
        archive.save(meeting_id, to_dict(running, notes=False))
    assert not caught.value.permanent and not real.in_transaction
    archive.save(meeting_id, to_dict(running, notes=False))  # the next save works
    assert archive.load(meeting_id).items[0].decisions[0].text == "Først"


def test_a_deleted_archive_is_written_back(archive: Archive, running: Meeting) -> None:
    meeting_id = archive.create(running)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{archive.path}{suffix}").unlink(missing_ok=True)
    running.add_decision("Efter sletningen")
    archive.save(meeting_id, to_dict(running, notes=False))
    assert archive.path.exists()
    with Archive.open(archive.path, read_only=True) as again:
        assert again.load(meeting_id).items[0].decisions[0].text == "Efter sletningen"


def test_a_replaced_archive_is_not_written(archive: Archive, running: Meeting) -> None:
    meeting_id = archive.create(running)
    archive.path.unlink()
    archive.path.write_bytes(b"someone else's file")
    with pytest.raises(ArchiveError, match="was replaced by another file") as caught:
        archive.save(meeting_id, to_dict(running, notes=False))
    assert caught.value.permanent and archive.path.read_bytes() == b"someone else's file"


def test_the_recorder_survives_an_unexpected_failure(archive: Archive, running: Meeting, monkeypatch: pytest.MonkeyPatch) -> None:
    meeting_id = archive.create(running)
    real_save = archive.save
    failures = iter([ValueError("unexpected")])

    def save(*args: object, **kwargs: object) -> None:
        error = next(failures, None)
        if error:
            raise error
        real_save(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(archive, "save", save)
    recorder = Recorder(archive, meeting_id, running, MeetingLock.take(archive.path, meeting_id)).start()
    running.add_decision("Gemmes alligevel")
    assert recorder.flush()
    assert recorder.close()
    assert recorder.health.failures == 1 and "unexpected" in str(recorder.health.began_with)
    assert archive.load(meeting_id).items[0].decisions[0].text == "Gemmes alligevel"


def test_a_stuck_save_keeps_the_lock_and_rescues_the_meeting(
    archive: Archive, running: Meeting, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting_id = archive.create(running)
    release = threading.Event()

    def hanging_save(*args: object, **kwargs: object) -> None:
        release.wait(10)
        raise ArchiveError("still stuck")

    monkeypatch.setattr(archive, "save", hanging_save)
    recorder = Recorder(archive, meeting_id, running, MeetingLock.take(archive.path, meeting_id)).start()
    running.add_decision("Må ikke gå tabt")
    assert recorder.close(timeout=0.3) is False
    assert not MeetingLock(archive.path, meeting_id).acquire(), "a stuck writer gave up its lock"
    assert recorder.rescue_file is not None and "Må ikke gå tabt" in recorder.rescue_file.read_text(encoding="utf-8")
    release.set()


def test_resume_takes_the_lock_before_loading(archive: Archive, running: Meeting, monkeypatch: pytest.MonkeyPatch) -> None:
    from facilitator.session import Resumption, Session

    meeting_id = archive.create(running)
    running.add_decision("Før afbrydelsen")
    archive.save(meeting_id, to_dict(running, notes=False))
    real_load = Archive.load
    loads: list[bool] = []

    def load(self: Archive, *args: object, **kwargs: object) -> Meeting:
        loads.append(not MeetingLock(archive.path, meeting_id).acquire())  # held already: nobody else writes it
        return real_load(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Archive, "load", load)
    session = Session.resume(Resumption.find(archive.path, meeting_id))
    try:
        assert loads == [True]
        assert session.meeting.items[0].decisions[0].text == "Før afbrydelsen"
        with pytest.raises(FacilitatorError, match="is already open in another facilitator"):
            Session.resume(Resumption.find(archive.path, meeting_id))
        assert loads == [True]  # refused before loading
        session.meeting.add_decision("Efter genoptagelsen")
    finally:
        assert session.close()
    monkeypatch.undo()
    assert [d.text for d in archive.load(meeting_id).items[0].decisions] == ["Før afbrydelsen", "Efter genoptagelsen"]


def test_three_processes_opening_a_new_archive_at_once(tmp_path: Path) -> None:
    for attempt in range(3):
        path = tmp_path / f"ny-{attempt}.sqlite3"
        code = "import sys; from pathlib import Path; from facilitator.store.archive import Archive; Archive.open(Path(sys.argv[1])).close()"
        children = [
            subprocess.Popen([sys.executable, "-c", code, str(path)], stderr=subprocess.PIPE, text=True) for _ in range(3)
        ]
        errors = [child.communicate(timeout=60)[1] for child in children]
        assert [child.returncode for child in children] == [0, 0, 0], errors


def test_a_new_archive_is_never_seen_half_made(tmp_path: Path) -> None:
    """Whoever looks at a new archive the moment it appears finds it finished, marked as
    ours in the file itself: never an empty file, nor one whose mark is still to come,
    which another facilitator opening it at that moment would refuse as not an archive."""
    path = tmp_path / "ny.sqlite3"
    code = "import sys; from pathlib import Path; from facilitator.store.archive import Archive; Archive.open(Path(sys.argv[1])).close()"
    child = subprocess.Popen([sys.executable, "-c", code, str(path)], stderr=subprocess.PIPE, text=True)
    first = None
    deadline = time.monotonic() + 60
    while first is None and time.monotonic() < deadline:
        ended = child.poll() is not None
        try:
            first = path.read_bytes()[:100]
        except FileNotFoundError:
            if ended:
                break
    assert child.communicate(timeout=60)[1] == "" and child.returncode == 0
    assert first is not None and first[:16] == b"SQLite format 3\x00", first
    assert (int.from_bytes(first[68:72], "big"), int.from_bytes(first[60:64], "big")) == (APPLICATION_ID, SCHEMA_VERSION)


OPEN_IN_STEP = """
import sys
from pathlib import Path
from facilitator.store.archive import Archive
from facilitator.store.schema import APPLICATION_ID, SCHEMA_VERSION
from facilitator.i18n import set_language
set_language("en")
for name in sys.argv[2:]:
    Archive.open(Path(sys.argv[1]) / name).close()
"""


@pytest.mark.parametrize("start", ["no-file", "empty-file"])
def test_processes_opening_the_same_new_archives_in_step(tmp_path: Path, start: str) -> None:
    """Four processes opening the same twenty new archives one after another, so they meet
    at every one: none may see another's archive half made (foreign, damaged, busy).

    An empty file that is already there is made an archive in place, where the others can
    watch it being made; with no file, the archive is made whole under a private name.
    """
    names = [f"ny-{number}.sqlite3" for number in range(20)]
    if start == "empty-file":
        for name in names:
            (tmp_path / name).touch()
    children = [
        subprocess.Popen([sys.executable, "-c", OPEN_IN_STEP, str(tmp_path), *names], stderr=subprocess.PIPE, text=True)
        for _ in range(4)
    ]
    errors = [child.communicate(timeout=120)[1] for child in children]
    assert [child.returncode for child in children] == [0, 0, 0, 0], errors
    # No private file left behind. A -wal/-shm may be: SQLite leaves them where two
    # connections close at the same moment, and the next one to open takes them in.
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(("-wal", "-shm"))) == sorted(names)
    for name in names:
        with Archive.open(tmp_path / name, read_only=True) as opened:
            assert opened.schema_version == SCHEMA_VERSION and opened.meetings() == []


MUTATORS = {
    "set_notes": lambda m: m.set_notes("ny tekst"),
    "toggle_prompt": lambda m: m.toggle_prompt(0, index=1),
    "toggle_option": lambda m: m.toggle_option(0, index=1),
    "add_decision": lambda m: m.add_decision("x"),
    "record_vote": lambda m: m.record_vote("x", 1, 0, 0),
    "set_membership": lambda m: m.set_membership("Anne", "HK-klubben", False),
    "add_action": lambda m: m.add_action("x", "Anne"),
    "set_action_done": lambda m: m.set_action_done(m.items[0].actions[0].id),
    "remove": lambda m: m.remove(m.items[0].actions[0].id),
    "add_item": lambda m: m.add_item("Nyt"),
    "move_item": lambda m: m.move_item(2, 1),
    "shift_item": lambda m: m.shift_item(2, -1),
    "set_skipped": lambda m: m.set_skipped(1),
    "drop_item": lambda m: m.drop_item(2),
    "set_carry_on": lambda m: m.set_carry_on(1),
    "add_person": lambda m: m.add_person("Dorte"),
    "set_presence": lambda m: m.set_presence("Bo", Presence.APOLOGIES),
    "leave": lambda m: m.leave("Bo"),
    "return_": lambda m: m.return_("Bo"),
    "set_role": lambda m: m.set_role("chair", "Bo"),
    "request_floor": lambda m: m.request_floor("Anne"),
    "withdraw_request": lambda m: m.withdraw_request("Cecilie"),
    "next_speaker": lambda m: m.next_speaker(),
    "stop_speaker": lambda m: m.stop_speaker(),
    "set_speakers_closed": lambda m: m.set_speakers_closed(True),
    "toggle_timer": lambda m: m.toggle_timer(),
    "go_to": lambda m: m.go_to(2),
    "next_item": lambda m: m.next_item(),
    "end": lambda m: m.end(),
    "interrupted": lambda m: m.interrupted(m.clock()),
    "set_group": lambda m: m.set_group("Socialrådgiverklubben"),
    "set_next_meeting": lambda m: m.set_next_meeting("14/1", "kl. 16", "Mødelokale 2"),
    "clear_next_meeting": lambda m: (
        setattr(m, "next_meeting", NextMeeting(dt.date(2099, 1, 14), dt.time(16))),
        m.clear_next_meeting(),
    ),
    "name_previous_minutes": lambda m: m.name_previous_minutes(PreviousMinutes(1, "Klubmøde", None)),
    "set_room_notes": lambda m: m.set_room_notes(True),
    "forward": lambda m: (m.items[0].decisions.append(Decision(99, "x")), m.forward("beslutning", 99, "med-udvalg")),
    "unforward": lambda m: (
        m.items[0].forwards.append(Forward(ForwardKind.NOTES, 0, MeetingKind.MED_UDVALG)),
        m.unforward("noter", 0, "med-udvalg"),
    ),
    "approve_previous": lambda m: (setattr(m, "previous_minutes", PreviousMinutes(1, "Klubmøde", None)), m.approve_previous()),
    "set_check": lambda m: (
        setattr(m.items[0], "item", m.items[0].item._replace(checklist=("Alarmsystemer og flugtveje",))),
        m.set_check(0, "mangler", index=0),
    ),
    "carry_checks": lambda m: m.carry_checks([CarriedCheck("Alarm", CheckStatus.MISSING, 1, "Klubmøde")]),
}


@pytest.mark.parametrize("name", sorted(MUTATORS))
def test_every_change_is_announced_exactly_once(running: Meeting, name: str) -> None:
    """A change the recorder does not hear of is a change that is never saved."""
    running.add_action("Forberedt", "Anne")
    running.request_floor("Cecilie")
    changes: list[Change] = []
    running.listeners.append(changes.append)
    MUTATORS[name](running)
    assert len(changes) == 1, changes


def test_every_public_mutator_is_in_the_list() -> None:
    readers = {
        "person",
        "present_count",
        "voters_present",
        "projected_end",
        "planned_end",
        "seconds_used",
        "seconds_left",
        "current_prompt",
        "find_action",
        "speaking_seconds",
        "carried_item",
        "started",
        "ended",
        "start",
        "carry_over",
        "set_carried_done",
        "previous_item",
        "next_index",
        "previous_index",
        "is_still_to_come",
        "recorded",
        "speeches_on",
        "check_approval_possible",
        "needs_review",
        "forwarded_to",
        "vote_organisations",
        "review_action",
        "check_lines",
        "last_checks",
    }
    # The mixins' methods too: a mutator moved into one must stay on the list.
    public = {
        name
        for part in Meeting.__mro__
        if part.__module__.startswith("facilitator.")
        for name in vars(part)
        if not name.startswith("_")
    }
    assert public - readers - set(MUTATORS) == set()


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda m: m.set_notes(None), "The notes must be text"),
        (lambda m: m.set_carry_on(0, "nej"), "expected yes or no"),
        (lambda m: m.set_speakers_closed("nej"), "expected yes or no"),
        (lambda m: m.set_role("ordstyrer", "Anne"), "unknown role ordstyrer"),
        (lambda m: m.person(["Anne"]), "is not on the attendance list"),
        (lambda m: m.record_vote("F", 30, 0, 0), "30 votes were cast but only 3 are present"),
        (lambda m: m.add_item("To\nlinjer"), "The title must fit on one line"),
        (lambda m: m.add_item("Langt", minutes=2000), "at most 1440 minutes"),
    ],
)
def test_bad_values_are_refused(running: Meeting, call, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(FacilitatorError, match=message):
        call(running)


def test_a_single_principle_is_one_principle(running: Meeting) -> None:
    assert [p.value for p in running.add_decision("x", "støtte").principles] == ["støtte"]
    assert running.add_decision("y", None).principles == ()


def test_records_only_while_the_meeting_runs(meeting: Meeting) -> None:
    with pytest.raises(FacilitatorError, match="has not started"):
        meeting.add_decision("x", index=0)
    meeting.start()
    meeting.end()
    for call in (
        lambda: meeting.add_action("x", "y", index=0),
        lambda: meeting.record_vote("x", 0, 0, 0, index=0),
        lambda: meeting.leave("Bo"),
    ):
        with pytest.raises(FacilitatorError, match="has ended"):
            call()
    meeting.set_notes("Referenten retter bagefter", index=0)  # notes may still be tidied
