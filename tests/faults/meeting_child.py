"""A meeting process for the crash tests: holds a scripted meeting and reports what is saved.

Run as ``python meeting_child.py ARCHIVE`` to hold a new meeting, or as
``python meeting_child.py ARCHIVE MEETING_ID`` to resume one that a killed process left
behind: the child then works out from the loaded meeting which step of the script it got
to and carries on from there, finishing any burst of typing the dead process was in.

The script is a fixed list of structural changes (attendance, start, prompts, decisions,
a vote, action items, the speakers list, an added item, the timer, end), with notes typed
in bursts between them. The meeting's clock is the step number, so every step leaves a
state that can be rebuilt exactly: ``SCRIPT.structures[k]`` is the snapshot (without
notes) after step ``k`` and ``SCRIPT.notes_after[k]`` the notes after the typing that
follows it. The parent imports this module to know what should be in the archive.

Each line printed is a promise the parent holds the archive to:

``created ID``              the new meeting is in the archive (step 0)
``resumed ID STEP``         a resumed meeting was loaded at STEP
``saved STEP``              step STEP was applied and flushed
``notes ITEM LENGTH``       notes of LENGTH characters were committed (said by the recorder's thread)
``key ITEM LENGTH TIME``    a keystroke made the notes LENGTH long in memory (TIME: time.monotonic())
``ended STEP``              the whole script is saved; the child waits for its stdin to close
``closed``                  the recorder closed cleanly and the process is about to exit
"""

from __future__ import annotations

import datetime as dt
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

from facilitator.agenda.loader import load_agenda
from facilitator.agenda.shipped import shipped_agendas
from facilitator.meeting.model import Meeting
from facilitator.meeting.records import Presence, Principle
from facilitator.store.archive import Archive
from facilitator.store.lock import MeetingLock
from facilitator.store.recorder import Recorder
from facilitator.store.snapshot import to_dict

if __package__ in (None, ""):  # run as a script, not imported by its test: the tests' helpers are a folder up
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from support.clock import START, FakeClock  # noqa: E402

NOTES_INTERVAL = 0.05
"""The recorder saves notes this long after a keystroke: short, so kills land mid-typing and after a save."""
KEY_PAUSE = 0.002
"""Seconds between keystrokes: a fast typist, so a burst spans a few notes saves."""
STEP_PAUSE = 0.015
"""Seconds the room takes after each change before the next: without it a run of changes
with no typing between them passes in milliseconds, and no kill would find the archive there."""


def at_step(clock: FakeClock, step: int) -> None:
    """The meeting's clock reads the step being applied, so replaying the script gives the same times."""
    clock.now = START + dt.timedelta(minutes=step)


# --- the script ------------------------------------------------------------------------------


def _action_id(meeting: Meeting, what: str) -> int:
    """Actions are found by their text: a resumed process does not know the ids given earlier."""
    return next(a.id for s in meeting.items for a in s.actions if a.what == what)


FOLLOW_UP = "Skriv til ledelsen om snitfladerne mellem afdelingerne"

Action = Callable[[Meeting], object]
STEPS: list[tuple[Action, str]] = [
    # (the structural change, the notes typed on the current item right after it)
    (lambda m: m.add_person("Anna"), ""),
    (lambda m: m.add_person("Bo"), ""),
    (lambda m: m.add_person("Carla"), ""),
    (lambda m: m.add_person("Dorte"), ""),
    (lambda m: m.set_presence("Dorte", Presence.APOLOGIES), ""),
    (lambda m: m.set_role("chair", "Anna"), ""),
    (lambda m: m.set_role("secretary", "Bo"), ""),
    (lambda m: m.start(), "Mødet åbnet kl. 15. Anna byder velkommen.\n"),
    (lambda m: m.add_decision("Dagsordenen er godkendt uden ændringer."), "Ingen bemærkninger.\n"),
    (lambda m: m.next_item(), "Opfølgning: brevet til ledelsen er sendt, svar mangler.\n"),
    (lambda m: m.add_decision("Referatet er godkendt."), ""),
    (lambda m: m.next_item(), "Bo: HK-klubben vil gerne holde et fælles møde i januar.\nAnna: vi melder tilbage.\n"),
    (lambda m: m.next_item(), ""),
    (lambda m: m.toggle_prompt(0), "Sagsgangene ændres: flere sager går over to afdelinger.\n"),
    (lambda m: m.request_floor("Carla"), ""),
    (lambda m: m.request_floor("Anna"), ""),
    (lambda m: m.next_speaker(), "Carla: snitfladerne er uklare; borgerne sendes frem og tilbage.\n"),
    (lambda m: m.next_speaker(), "Anna: vi beder om en skriftlig fortolkning af reglerne.\n"),
    (lambda m: m.toggle_prompt(1), ""),
    (lambda m: m.add_action(FOLLOW_UP, "Bo", "2026-12-15"), "Bo skriver udkastet og sender det rundt.\n"),
    (lambda m: m.stop_speaker(), ""),
    (lambda m: m.next_item(), "Ressourcer: tre kolleger har over 60 sager hver.\n"),
    (lambda m: m.toggle_option(2), ""),
    (lambda m: m.record_vote("Klubben kræver ekstra ressourcer", 2, 0, 1), "Vedtaget med to for og én, der undlod at stemme.\n"),
    (lambda m: m.add_decision("Kravet rejses i MED-udvalget.", [Principle.PLANNING, Principle.INVOLVEMENT]), ""),
    (lambda m: m.add_item("Arbejdsmiljø i receptionen", minutes=10), "Punktet tilføjet efter ønske fra Carla.\n"),
    (lambda m: m.next_item(), "Receptionen mangler alarmer; der har været to episoder i november.\n"),
    (lambda m: m.add_action("Undersøg alarmerne i receptionen", "Carla"), ""),
    (lambda m: m.set_action_done(_action_id(m, FOLLOW_UP)), "Brevet er allerede sendt i pausen.\n"),
    (lambda m: m.toggle_timer(), ""),
    (lambda m: m.toggle_timer(), "Pause slut.\n"),
    (lambda m: m.next_item(), "Krænkelser: klubben ønsker en fast procedure for registrering.\n"),
    (lambda m: m.request_floor("Bo", point_of_order=True), ""),
    (lambda m: m.request_floor("Carla"), ""),
    (lambda m: m.next_speaker(), "Bo til forretningsordenen: vi er ti minutter bagud.\n"),
    (lambda m: m.set_speakers_closed(True), ""),
    (lambda m: m.leave("Carla"), "Carla gik kl. 16.30.\n"),
    (lambda m: m.add_decision("Sikkerhedsrunderingen genoptages."), ""),
    (lambda m: m.add_item("Rundvisning", at=10), ""),
    (lambda m: m.shift_item(9, -1), ""),  # Eventuelt before "Dialog om udfordringerne"
    (lambda m: m.set_skipped(9), ""),  # and "Dialog" postponed
    (lambda m: m.drop_item(10), ""),  # "Rundvisning" after all not
    (lambda m: m.next_item(), "Økonomisk pres: flere borgere kommer med trusler om selvmord; supervision ønskes.\n"),
    (lambda m: m.set_carry_on(m.current), ""),
    (lambda m: m.go_to(8), "Eventuelt: julefrokost den 18. december.\n"),
    (lambda m: m.next_item(), ""),  # past the postponed "Dialog" to "Næste møde"
    (lambda m: m.add_decision("Næste klubmøde holdes den 12. januar."), "Dorte indkalder.\n"),
    (lambda m: m.end(), ""),
]
LAST_STEP = len(STEPS)
"""Steps are numbered from 1; step 0 is the meeting as created, not yet started."""


def new_meeting(clock: FakeClock) -> Meeting:
    return Meeting(load_agenda(shipped_agendas()["klubmoede"]), clock=clock)


def apply_step(meeting: Meeting, clock: FakeClock, step: int) -> None:
    at_step(clock, step)
    STEPS[step - 1][0](meeting)


@dataclass(frozen=True)
class Script:
    """What the archive must hold at each point of the script, found by replaying it in memory."""

    structures: list[dict[str, Any]]
    """The snapshot without notes after each step (index 0: as created)."""
    notes_after: list[dict[int, str]]
    """Every item's notes (by item id) once the typing after each step is done."""
    burst_item: list[int | None]
    """The id of the item typed on after each step; None where nothing is typed."""
    finished: dict[str, Any]
    """The whole finished meeting, notes and all."""

    def step_of(self, meeting: Meeting) -> int | None:
        """Which step the meeting is at; None if its state is not one the script passes through."""
        snapshot = to_dict(meeting, notes=False)
        return next((k for k, expected in enumerate(self.structures) if expected == snapshot), None)

    def notes_bounds(self, step: int) -> tuple[dict[int, str], dict[int, str]]:
        """The least and the most notes a meeting saved at ``step`` may hold.

        Notes typed before a structural change are saved with it or before it, so all
        typing up to step ``step`` is there; the typing after it may be there in part.
        """
        return self.notes_after[max(step - 1, 0)], self.notes_after[step]


def replay() -> Script:
    clock = FakeClock()
    meeting = new_meeting(clock)
    structures = [to_dict(meeting, notes=False)]
    notes_after = [{s.id: s.notes for s in meeting.items}]
    burst_item: list[int | None] = [None]
    for step, (_, burst) in enumerate(STEPS, start=1):
        apply_step(meeting, clock, step)
        item = meeting.items[meeting.current].id if burst else None
        if burst:
            meeting.set_notes(meeting.items[meeting.current].notes + burst)
        structures.append(to_dict(meeting, notes=False))
        notes_after.append({s.id: s.notes for s in meeting.items})
        burst_item.append(item)
    for earlier, later in pairwise(structures):
        assert earlier != later, "every step must change the meeting, or it cannot be told where a meeting got to"
    return Script(structures, notes_after, burst_item, to_dict(meeting))


SCRIPT = replay()


# --- the process -----------------------------------------------------------------------------

_output = threading.Lock()


def report(line: str) -> None:
    """One whole line at a time: the recorder's thread reports too."""
    with _output:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()


class ReportingArchive(Archive):
    """Tells the parent of notes only once their transaction has committed: only what is known saved."""

    def save(self, meeting_id: int, snapshot: dict[str, Any], notes: dict[int, str] | None = None) -> None:
        super().save(meeting_id, snapshot, notes)
        self._report_notes(notes or {})

    def save_notes(self, meeting_id: int, notes: dict[int, str], item_titles: dict[int, str]) -> None:
        super().save_notes(meeting_id, notes, item_titles)
        self._report_notes(notes)

    @staticmethod
    def _report_notes(notes: dict[int, str]) -> None:
        for item_id, text in notes.items():
            report(f"notes {item_id} {len(text)}")


def flush(recorder: Recorder) -> None:
    if not recorder.flush():
        sys.exit(f"could not save: {recorder.health.problem}")


def type_burst(meeting: Meeting, step: int) -> None:
    """Type the rest of the notes due after ``step`` key by key, as a person would; the
    recorder saves them on its own (no flush), as it does for a person typing."""
    item_id = SCRIPT.burst_item[step]
    if item_id is None:
        return
    state = meeting.items[meeting.current]
    target = SCRIPT.notes_after[step][item_id]
    if state.id != item_id or not target.startswith(state.notes):
        sys.exit(f"step {step}: notes of item {state.id} are not a beginning of the script's {target!r}: {state.notes!r}")
    for length in range(len(state.notes) + 1, len(target) + 1):
        meeting.set_notes(target[:length])
        report(f"key {item_id} {length} {time.monotonic():.6f}")
        time.sleep(KEY_PAUSE)


def open_meeting(archive: Archive, clock: FakeClock, meeting_id: int | None) -> tuple[Recorder, int]:
    """A new meeting at step 0, or the given one resumed at the step it had got to."""
    if meeting_id is None:
        meeting = new_meeting(clock)
        meeting_id = archive.create(meeting)
        recorder = Recorder(
            archive, meeting_id, meeting, MeetingLock.take(archive.path, meeting_id), notes_interval=NOTES_INTERVAL
        ).start()
        report(f"created {meeting_id}")
        time.sleep(STEP_PAUSE)
        return recorder, 0
    lock = MeetingLock.take(archive.path, meeting_id)  # the lock first, then the load, as the session does
    recorder = Recorder(archive, meeting_id, archive.load(meeting_id, clock=clock), lock, notes_interval=NOTES_INTERVAL).start()
    step = SCRIPT.step_of(recorder.meeting)
    if step is None:
        sys.exit(f"meeting {meeting_id} is in a state the script never passes through: {to_dict(recorder.meeting)}")
    at_step(clock, step)
    report(f"resumed {meeting_id} {step}")
    return recorder, step


def main(argv: list[str]) -> None:
    clock = FakeClock()
    archive = ReportingArchive.open(Path(argv[1]))
    recorder, reached = open_meeting(archive, clock, int(argv[2]) if len(argv) > 2 else None)
    type_burst(recorder.meeting, reached)  # the typing the dead process was in the middle of
    for step in range(reached + 1, LAST_STEP + 1):
        apply_step(recorder.meeting, clock, step)
        flush(recorder)
        report(f"saved {step}")
        time.sleep(STEP_PAUSE)
        type_burst(recorder.meeting, step)
    flush(recorder)
    report(f"ended {LAST_STEP}")
    sys.stdin.read()  # the meeting is over; the parent may still kill us, or close our stdin
    if not recorder.close():
        sys.exit(f"could not save at close: {recorder.health.problem}")
    archive.close()
    report("closed")


if __name__ == "__main__":
    main(sys.argv)
