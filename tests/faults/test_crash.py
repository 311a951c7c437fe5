"""Kill a real meeting process with SIGKILL: everything it reported saved must come back.

Each of ``MEETINGS`` meetings (one archive each) is held by a chain of processes: a child
(``meeting_child.py``) runs the scripted meeting until it is killed at a random moment,
the parent checks the archive, and a new child resumes the same meeting, until the
meeting has been killed ``KILLS_PER_MEETING`` times; then a last child runs the script to
its end and the finished meeting is checked whole. ``PARALLEL`` chains run at once.

The moments are drawn from a seeded generator (``CRASH_SEED`` in the environment picks
another seed): most kills come a random delay after the child reports a step chosen in
its slice of the script, so the kills spread over the whole meeting; some come the moment
the child reports notes committed (the most exacting moment for a report); some come at
a random moment of start-up (opening the archive, creating or loading the meeting, taking
the lock). The plan is reproducible; where exactly a kill lands also depends on timing.

After every kill the archive must hold exactly the script's state after some step no
earlier than the last step reported saved (nothing lost, nothing half-written), and notes
that are a beginning of the script's text, no shorter than the child last reported
committed, and in step with the structure (typing before a change is saved with it).
Time is only reported, never asserted.
"""

from __future__ import annotations

import os
import queue
import random
import signal
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from facilitator.errors import FacilitatorError
from facilitator.meeting.model import Meeting
from facilitator.store.archive import Archive
from facilitator.store.lock import MeetingLock
from facilitator.store.recorder import Recorder
from facilitator.store.schema import SCHEMA_VERSION
from facilitator.store.snapshot import to_dict
from faults import meeting_child
from faults.forked_children import zygote

CHILD = Path(meeting_child.__file__)
SCRIPT = meeting_child.SCRIPT
LAST_STEP = meeting_child.LAST_STEP

SEED = int(os.environ.get("CRASH_SEED", "8"))
MEETINGS = 10
KILLS_PER_MEETING = 20
PARALLEL = 3
STARTUP_SHARE = 0.1
"""The part of the kills aimed at start-up rather than at a step of the script."""
NOTES_SHARE = 0.2
"""The part of the kills that come the moment a child reports notes committed: the report
comes a millisecond after the commit, so only a kill aimed there finds a report made too soon."""
STARTUP_WINDOW = 0.25
"""Seconds after spawning within which a start-up kill comes."""
AFTER_STEP_WINDOW = 0.15
"""Seconds after the chosen step is reported within which the kill comes: about one burst of typing.

The delay is drawn squared, so more kills come soon after a report: steps without typing
take milliseconds, and only kills that soon find the archive at them."""
PATIENCE = 60.0
"""Seconds to wait for a child's next word before calling it stuck (a failure, not a timing)."""

pytestmark = [pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL"), pytest.mark.slow]


class LostWorkError(AssertionError):
    """Something a killed child reported saved did not come back, or came back wrong."""


# --- the plan ------------------------------------------------------------------------------


@dataclass(frozen=True)
class KillAt:
    """When to kill one child: ``delay`` seconds after it reports reaching ``step`` (None: after
    spawning), or with ``on_notes`` as soon as it next reports notes saved after that step."""

    step: int | None
    delay: float
    on_notes: bool = False

    def __str__(self) -> str:
        if self.on_notes:
            return f"at the first notes saved after step {self.step}"
        where = "spawning" if self.step is None else f"step {self.step} is reported"
        return f"{self.delay:.3f} s after {where}"


def kill_plan(seed: int, meeting: int) -> list[KillAt]:
    """The kills of one meeting: kill ``i`` aims at a random step in the ``i``-th slice of the
    script, so one meeting's kills walk through the whole of it, ending after its end."""
    rng = random.Random(f"{seed}/{meeting}")
    plan = []
    for kill in range(KILLS_PER_MEETING):
        kind, slice_point, delay = rng.random(), rng.random(), rng.random()
        step = min(LAST_STEP, int((kill + slice_point) * (LAST_STEP + 1) / KILLS_PER_MEETING))
        if kind < STARTUP_SHARE:
            plan.append(KillAt(None, delay * STARTUP_WINDOW))
        elif kind < STARTUP_SHARE + NOTES_SHARE and typing_after(step):
            plan.append(KillAt(step, 0.0, on_notes=True))
        else:
            plan.append(KillAt(step, delay**2 * AFTER_STEP_WINDOW))
    return plan


def typing_after(step: int) -> bool:
    return any(item is not None for item in SCRIPT.burst_item[step:])


# --- one child -------------------------------------------------------------------------------


@dataclass
class Said:
    """What one child reported, read from its output."""

    lines: list[str] = field(default_factory=list)
    meeting_id: int | None = None
    resumed_at: int | None = None
    step: int | None = None
    """The last step it reported saved (created: 0, resumed: the step loaded)."""
    notes: dict[int, int] = field(default_factory=dict)
    """The longest notes it reported committed, by item id."""
    notes_reports: int = 0
    keys: list[tuple[int, int, float]] = field(default_factory=list)
    """Keystrokes as (item id, notes length in memory, time.monotonic())."""
    closed: bool = False

    def hear(self, line: str) -> None:
        self.lines.append(line)
        word, *values = line.split()
        if word == "created":
            self.meeting_id, self.step = int(values[0]), 0
        elif word == "resumed":
            self.meeting_id, self.resumed_at = int(values[0]), int(values[1])
            self.step = self.resumed_at
        elif word in ("saved", "ended"):
            self.step = int(values[0])
        elif word == "notes":
            item, length = int(values[0]), int(values[1])
            self.notes[item] = max(self.notes.get(item, 0), length)
            self.notes_reports += 1
        elif word == "key":
            self.keys.append((int(values[0]), int(values[1]), float(values[2])))
        elif word == "closed":
            self.closed = True

    def tail(self, count: int = 12) -> str:
        return "\n".join(f"    {line}" for line in self.lines[-count:]) or "    (nothing)"


class Child:
    """A meeting process, its output read on a thread of its own so it never blocks on a full pipe."""

    def __init__(self, archive: Path, meeting_id: int | None, stderr: Path) -> None:
        self.stderr_path = stderr
        self._stderr = stderr.open("w")
        # Forked from a process that imported the app once (child_zygote.py), not started anew.
        argv = [str(CHILD), str(archive), *([str(meeting_id)] if meeting_id is not None else [])]
        self.process = zygote().spawn(argv, self._stderr)
        self.spawned = time.monotonic()
        self.said = Said()
        self._lines: queue.Queue[str | None] = queue.Queue()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self._lines.put(line.rstrip("\n"))
        self._lines.put(None)

    def wait_for_step(self, step: int) -> bool:
        """Listen until the child reports ``step`` (or later) reached; False if it stopped talking first."""
        return self.listen_until(lambda said: said.step is not None and said.step >= step)

    def wait_for_notes_saved(self) -> bool:
        """Listen until the child next reports notes committed (or the meeting's end)."""
        seen = self.said.notes_reports
        return self.listen_until(lambda said: said.notes_reports > seen or said.step == LAST_STEP)

    def listen_until(self, done: Callable[[Said], bool]) -> bool:
        deadline = time.monotonic() + PATIENCE
        while not done(self.said):
            try:
                line = self._lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise LostWorkError(f"the child said nothing for {PATIENCE:.0f} s after:\n{self.said.tail()}") from None
            if line is None:
                self._lines.put(None)  # the end of the output, for finish() to find again
                return False
            self.said.hear(line)
        return True

    def kill(self) -> float:
        """SIGKILL now; returns the moment (time.monotonic()) and waits for the rest of the output."""
        moment = time.monotonic()
        self.process.send_signal(signal.SIGKILL)
        self.finish()
        return moment

    def finish(self, *, close_stdin: bool = False) -> None:
        """Wait for the process to end (closing its stdin lets a finished meeting close) and hear all it said."""
        if close_stdin and self.process.stdin is not None:
            self.process.stdin.close()
        self.process.wait(timeout=PATIENCE)
        self._reader.join(timeout=PATIENCE)
        while (line := self._lines.get(timeout=PATIENCE)) is not None:
            self.said.hear(line)
        self._stderr.close()
        if self.process.stdin is not None and not self.process.stdin.closed:
            self.process.stdin.close()

    def stderr(self) -> str:
        return self.stderr_path.read_text(errors="replace").strip()


# --- checking the archive --------------------------------------------------------------------


@dataclass
class Promises:
    """What the chain's children have reported saved so far: the archive must keep all of it."""

    meeting_id: int | None = None
    step: int | None = None
    notes: dict[int, int] = field(default_factory=dict)

    def take(self, said: Said) -> None:
        if said.meeting_id is not None:
            self.meeting_id = said.meeting_id
        if said.step is not None:
            self.step = max(said.step, self.step if self.step is not None else -1)
        for item, length in said.notes.items():
            self.notes[item] = max(length, self.notes.get(item, 0))


@dataclass(frozen=True)
class Found:
    """What the archive held after a kill."""

    meeting_id: int | None
    step: int | None
    notes: dict[int, str]


def expect(ok: bool, message: str) -> None:
    """A check whose message says it all (a plain assert would append pytest's introspection)."""
    if not ok:
        raise LostWorkError(message)


def first_difference(found: object, expected: object, path: str = "") -> str:
    """Where two snapshots first differ, e.g. ``items[3].notes``: a whole snapshot is too long to read."""
    if isinstance(found, dict) and isinstance(expected, dict):
        for key in sorted(set(found) | set(expected), key=str):
            if found.get(key) != expected.get(key):
                return first_difference(found.get(key), expected.get(key), f"{path}.{key}")
    elif isinstance(found, list) and isinstance(expected, list) and len(found) == len(expected):
        for index, (one, other) in enumerate(zip(found, expected, strict=True)):
            if one != other:
                return first_difference(one, other, f"{path}[{index}]")
    return f"{path.lstrip('.') or 'the whole'}: {found!r}, expected {expected!r}"


def read_archive(path: Path) -> tuple[int | None, Meeting | None]:
    """The meeting in the archive, read-only so the next child meets the file as the crash left it."""
    if not path.exists() or path.stat().st_size == 0:
        return None, None
    with Archive.open(path, read_only=True) as archive:
        if archive.schema_version < SCHEMA_VERSION:
            return None, None  # killed while the new archive was being set up
        meetings = archive.meetings()
        expect(len(meetings) <= 1, f"one meeting was held, the archive has {len(meetings)}")
        if not meetings:
            return None, None
        return meetings[0].id, archive.load(meetings[0].id)


def check_archive(path: Path, promised: Promises) -> Found:
    """Everything promised is there, and the meeting is exactly one of the script's states."""
    meeting_id, meeting = read_archive(path)
    if meeting_id is None or meeting is None:
        expect(promised.meeting_id is None, f"meeting {promised.meeting_id} was reported created, the archive has none")
        return Found(None, None, {})
    if promised.meeting_id is not None:
        expect(meeting_id == promised.meeting_id, f"the archive has meeting {meeting_id}, not {promised.meeting_id}")
    step = SCRIPT.step_of(meeting)
    if step is None:
        nearest = SCRIPT.structures[promised.step or 0]
        raise LostWorkError(
            "the saved meeting is not a state the script passes through (half-written or lost steps); against step "
            f"{promised.step or 0}: {first_difference(to_dict(meeting, notes=False), nearest)}"
        )
    expect(
        promised.step is None or step >= promised.step, f"step {promised.step} was reported saved, the archive is at step {step}"
    )
    notes = {s.id: s.notes for s in meeting.items}
    least, most = SCRIPT.notes_bounds(step)
    for item, text in notes.items():
        before = least.get(item, "")  # an item added at this step has no notes before it
        expect(
            text.startswith(before),
            f"item {item}: the notes typed before step {step} were not saved with it: {text!r}, expected to begin {before!r}",
        )
        expect(most[item].startswith(text), f"item {item}: notes {text!r} are not a beginning of the script's {most[item]!r}")
        expect(
            len(text) >= promised.notes.get(item, 0),
            f"item {item}: notes of {promised.notes.get(item)} characters were reported saved, the archive has {len(text)}",
        )
    return Found(meeting_id, step, notes)


def resume(archive: Archive, meeting_id: int) -> Recorder:
    """A saved meeting taken up again as the session does it: the lock first, then the load."""
    lock = MeetingLock.take(archive.path, meeting_id)
    return Recorder(archive, meeting_id, archive.load(meeting_id), lock).start()


def check_finished(path: Path, meeting_id: int) -> None:
    """The meeting run to its end is whole, notes and all, and nobody holds it any more."""
    with Archive.open(path) as archive:
        meetings = archive.meetings()
        expect(
            [m.id for m in meetings] == [meeting_id], f"the archive should hold meeting {meeting_id} alone, it holds {meetings}"
        )
        expect(meetings[0].finished, f"meeting {meeting_id} was run to its end, the archive has it unfinished")
        finished = to_dict(archive.load(meeting_id))
        if finished != SCRIPT.finished:
            raise LostWorkError(
                f"the finished meeting differs from the script's at {first_difference(finished, SCRIPT.finished)}"
            )
        recorder = resume(archive, meeting_id)  # the last child let go of the meeting
        expect(recorder.close(), f"meeting {meeting_id} could not be saved after it was finished")


# --- figures -------------------------------------------------------------------------------


@dataclass
class Figures:
    """What the kills found, summed over the meetings: printed, never asserted, so a reader can
    see what the harness actually exercised (where kills landed, how much typing a kill costs)."""

    kills: int = 0
    meetings: int = 0
    finished: int = 0
    resumes: int = 0
    startup_kills: int = 0
    """Kills before the child reported anything."""
    steps_verified: int = 0
    """Structural steps compared with the script, summed over every check."""
    steps_landed: set[int] = field(default_factory=set)
    """The steps the archive was found at after a kill: where in the script kills landed."""
    saved_unreported: int = 0
    """Kills after a step was committed but before any child could say so."""
    partial_notes: int = 0
    """Kills that left a burst of typing saved in part."""
    most_chars_unsaved: int = 0
    longest_unsaved: float = 0.0
    """Seconds from the oldest keystroke not in the archive to the kill."""

    def add(self, other: Figures) -> None:
        for name, value in vars(other).items():
            mine = getattr(self, name)
            if isinstance(value, set):
                mine |= value
            elif name.startswith(("most", "longest")):
                setattr(self, name, max(mine, value))
            else:
                setattr(self, name, mine + value)

    def count_kill(self, said: Said, found: Found, promised: Promises, killed_at: float) -> None:
        self.kills += 1
        self.resumes += said.resumed_at is not None
        self.startup_kills += not said.lines
        if found.step is None:
            return
        self.steps_verified += found.step
        self.steps_landed.add(found.step)
        self.saved_unreported += promised.step is None or found.step > promised.step
        item = SCRIPT.burst_item[found.step]
        if item is not None:
            least, most = SCRIPT.notes_bounds(found.step)
            self.partial_notes += len(least.get(item, "")) < len(found.notes[item]) < len(most[item])
        unsaved = [(item, length, moment) for item, length, moment in said.keys if length > len(found.notes.get(item, ""))]
        for item in {item for item, _, _ in unsaved}:
            in_memory = max(length for typed_on, length, _ in unsaved if typed_on == item)
            self.most_chars_unsaved = max(self.most_chars_unsaved, in_memory - len(found.notes.get(item, "")))
        if unsaved:
            self.longest_unsaved = max(self.longest_unsaved, killed_at - min(moment for _, _, moment in unsaved))


# --- one meeting's chain of kills ------------------------------------------------------------


def hold_meeting_with_kills(folder: Path, seed: int, meeting: int) -> Figures:
    """Kill the meeting's process at each moment of the plan, checking the archive after each
    kill, then let a last process finish it; a loss raises naming the seed and the kill."""
    archive = folder / f"meeting-{meeting}.sqlite3"
    figures = Figures(meetings=1)
    promised = Promises()
    meeting_id: int | None = None
    for number, moment in enumerate(kill_plan(seed, meeting), start=1):
        child = Child(archive, meeting_id, folder / f"meeting-{meeting}-kill-{number}.err")
        where = f"seed {seed}, meeting {meeting}, kill {number} of {KILLS_PER_MEETING} ({moment})"
        try:
            if not wait_for_moment(child, moment):
                raise LostWorkError(f"{where}: the child stopped before the kill\n{child.said.tail()}\n{child.stderr()}")
            killed_at = child.kill()
        finally:
            if child.process.poll() is None:
                child.process.kill()
        if child.process.returncode != -signal.SIGKILL:
            raise LostWorkError(
                f"{where}: the child ended by itself (exit {child.process.returncode})\n{child.said.tail()}\n{child.stderr()}"
            )
        promised.take(child.said)
        try:
            found = check_archive(archive, promised)
        except AssertionError as error:
            raise LostWorkError(
                f"{where}: {error}\n  the child said last:\n{child.said.tail()}\n  CRASH_SEED={seed} reruns this plan"
            ) from None
        figures.count_kill(child.said, found, promised, killed_at)
        meeting_id = found.meeting_id
    finish_meeting(archive, meeting_id, folder / f"meeting-{meeting}-last.err", f"seed {seed}, meeting {meeting}")
    figures.finished += 1
    return figures


def wait_for_moment(child: Child, moment: KillAt) -> bool:
    """Return at the moment to kill; False if the child stopped talking before it."""
    if moment.step is None:
        time.sleep(max(0.0, child.spawned + moment.delay - time.monotonic()))
        return True
    if not child.wait_for_step(moment.step) or (moment.on_notes and not child.wait_for_notes_saved()):
        return False
    time.sleep(moment.delay)
    return True


def finish_meeting(archive: Path, meeting_id: int | None, stderr: Path, where: str) -> None:
    """Let a last child resume the meeting and run the script to its end, then check it whole."""
    child = Child(archive, meeting_id, stderr)
    try:
        if not child.wait_for_step(LAST_STEP):
            raise LostWorkError(f"{where}: the last child stopped before the end\n{child.said.tail()}\n{child.stderr()}")
        child.finish(close_stdin=True)
    finally:
        if child.process.poll() is None:
            child.process.kill()
    if child.process.returncode != 0 or not child.said.closed:
        raise LostWorkError(f"{where}: the last child did not close cleanly (exit {child.process.returncode})\n{child.stderr()}")
    try:
        expect(child.said.meeting_id is not None, "the last child never named its meeting")
        check_finished(archive, child.said.meeting_id)
    except AssertionError as error:
        raise LostWorkError(f"{where}: after the last child: {error}") from None


# --- the tests -------------------------------------------------------------------------------


@pytest.fixture
def report_line(capsys: pytest.CaptureFixture[str]) -> Iterator[list[str]]:
    """Lines printed after the test, past pytest's capture: the figures are the point of this test."""
    lines: list[str] = []
    yield lines
    with capsys.disabled():
        for line in lines:
            print(f"\n{line}", end="")
        print()


def test_sigkill_loses_nothing_committed(tmp_path: Path, report_line: list[str]) -> None:
    """Issue 8: 200 kills at random moments of scripted meetings; nothing committed is lost and each meeting resumes."""
    started = time.monotonic()
    figures = Figures()
    with ThreadPoolExecutor(max_workers=PARALLEL) as pool:
        chains = [pool.submit(hold_meeting_with_kills, tmp_path, SEED, meeting) for meeting in range(MEETINGS)]
        for chain in chains:
            figures.add(chain.result())
    wall = time.monotonic() - started
    report_line.append(
        f"crash test (seed {SEED}): {figures.kills} kills of {figures.meetings} meetings, "
        f"{figures.finished} finished whole; {figures.resumes} resumed processes killed, "
        f"{figures.startup_kills} killed before saying anything; {figures.steps_verified} structural steps verified "
        f"(archive found at {len(figures.steps_landed)} of {LAST_STEP + 1} steps), "
        f"{figures.saved_unreported} kills between a commit and its report, {figures.partial_notes} in the middle of typing; "
        f"at most {figures.most_chars_unsaved} characters / {figures.longest_unsaved * 1000:.0f} ms of typing unsaved at a kill; "
        f"{wall:.1f} s wall time, {PARALLEL} at a time"
    )
    assert figures.kills == MEETINGS * KILLS_PER_MEETING


def test_the_script_can_be_told_apart_at_every_step() -> None:
    """The harness finds a meeting's step by its state; that needs every step to change it."""
    assert len({repr(s) for s in SCRIPT.structures}) == LAST_STEP + 1
    assert SCRIPT.finished["ended_at"] is not None


def test_a_second_process_cannot_write_a_meeting_in_use(tmp_path: Path) -> None:
    """Two writers would overwrite each other's snapshots; the lock refuses the second, and dies with the first."""
    archive_path = tmp_path / "arkiv.sqlite3"
    child = Child(archive_path, None, tmp_path / "child.err")
    try:
        assert child.wait_for_step(1), child.stderr()  # created and the first change saved: the child is writing
        meeting_id = child.said.meeting_id
        with Archive.open(archive_path) as archive:
            meeting = archive.load(meeting_id)
            with pytest.raises(FacilitatorError, match=f"meeting {meeting_id} is already open in another facilitator"):
                Recorder(archive, meeting_id, meeting, MeetingLock.take(archive.path, meeting_id)).start()
            with pytest.raises(FacilitatorError, match=f"meeting {meeting_id} is already open in another facilitator"):
                resume(archive, meeting_id)
            child.kill()
            # The kernel released the lock with the process: the meeting can be taken at once.
            recorder = resume(archive, meeting_id)
            assert recorder.close()
    finally:
        if child.process.poll() is None:
            child.process.kill()
            child.finish()
