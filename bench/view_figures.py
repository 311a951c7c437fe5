"""Figures of the meeting screen's views: moving between items, and opening a long agenda.

A key's cost is timed as a person sees it: from sending the key to the pseudo-terminal
until the frames that show its effect are written out: until a mark only the effect
paints is written (the next item's number in the agenda list, the typed character in the
notes), and then until the output settles, its last byte followed by a quiet stretch
(:data:`QUIET`). Each key is sent just after the clock's tick has been written, the
next tick a second away and the cursor's blink half a second (``between_beats``), so
that neither is taken for the key's frame nor drawn out by one. The app runs from
the source tree the bench imports (``python -m facilitator``).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from bare_app import FOOTER_MARKER
from data import full_meeting, write_agenda
from figure import Figure, interleaved
from process_figures import SETTLED, Apps
from terminal import Terminal

from facilitator.store.archive import Archive
from facilitator.store.snapshot import to_dict

QUIET = 0.06
"""Seconds without output after which a frame counts as done (Textual draws at 60 Hz)."""
CLOCK_ROW = b"\x1b[1;"
"""Where the clock's tick writes: the cursor put on the screen's first row (the status bar)."""
START_AT = 20
"""The item the measured meetings stand on: there are items both before and after it."""


def source_command() -> list[str]:
    """The app of the source tree imported here, whatever is installed."""
    return [sys.executable, "-m", "facilitator"]


def source_env(apps: Apps, archive: Path) -> dict[str, str]:
    import facilitator

    env = apps.env(archive)
    env["PYTHONPATH"] = str(Path(facilitator.__file__).resolve().parent.parent)
    return env


class TimedTerminal(Terminal):
    """A terminal that waits for the program's output to rest (``Terminal.last_output``)."""

    def quiet(self, seconds: float = QUIET, timeout: float = 10.0) -> None:
        """Wait until nothing has been written for ``seconds``."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if time.perf_counter() - self.last_output >= seconds:
                return
            time.sleep(seconds / 4)

    def between_beats(self) -> None:
        """Wait for the next tick of the app's clock (a write to the screen's first row,
        the status bar) to end. The next tick is a second away then, and the cursor's blink,
        which every key and every new item's notes start again, half a second: neither is
        taken for the key's frame nor drawn out by one. Sent just after any beat, a key
        after a blink could meet the clock's tick a few milliseconds later, and a move
        (which did not start the blink again) the blink: a third of the moves were timed
        with one of them in some runs, and two runs of the same code differed by half."""
        self.quiet()
        written = self.written
        deadline = time.monotonic() + 1.5
        with self._seen:
            while CLOCK_ROW not in self._output[written:] and time.monotonic() < deadline:
                self._seen.wait(0.05)
        self.quiet()

    def key_to_frame(self, key: str, marker: str) -> float:
        """Seconds from sending ``key`` to the last byte of the frames that show its effect:
        until ``marker``, which only the effect paints, is written, and then until the
        output settles (:data:`QUIET`)."""
        self.between_beats()
        written = self.written
        sent = time.perf_counter()
        self.send(key)
        self.wait_for(marker, after=written, timeout=10.0)
        self.quiet()
        return self.last_output - sent


class HeldMeeting(TimedTerminal):
    """A held meeting on screen, which knows the item it stands on to tell its mark."""

    current = START_AT + 1
    """The number shown for the current item (counted from 1)."""

    def next_item(self) -> float:
        """ctrl+n, until the agenda list marks the next item as the current one."""
        self.current += 1
        return self.key_to_frame("\x0e", f"▶ {self.current}. ")

    def type_in_notes(self) -> float:
        """A character typed in the notes, until it is shown: one no agenda or note holds."""
        return self.key_to_frame(NOTES_KEY, NOTES_KEY)


NOTES_KEY = "¤"
"""Typed in the notes: found in the output only where the notes show it."""


def _meeting_archive(folder: Path, items: int) -> tuple[Path, int]:
    """A held meeting of ``items`` items (notes, decisions, actions), standing on START_AT."""
    meeting = full_meeting(items, end=False)
    meeting.go_to(START_AT)
    archive = folder / f"view-{items}.sqlite"
    archive.unlink(missing_ok=True)
    with Archive.open(archive) as saved:
        meeting_id = saved.create(meeting)
        saved.save(meeting_id, to_dict(meeting, notes=False), {s.id: s.notes for s in meeting.items})
    return archive, meeting_id


def _open(apps: Apps, folder: Path, items: int) -> HeldMeeting:
    archive, meeting_id = _meeting_archive(folder, items)
    screen = HeldMeeting([*source_command(), "resume", str(meeting_id)], source_env(apps, archive))
    screen.wait_for(FOOTER_MARKER)
    time.sleep(SETTLED)
    return screen


def next_item(apps: Apps, runs: int) -> list[Figure]:
    """ctrl+n on a 200-item meeting against a character typed in its notes; and ctrl+n at
    2,000 items against 200. Each process moves on at most ``runs`` items from START_AT."""
    small = _open(apps, apps.folder, 200)
    big = _open(apps, apps.folder, 2000)
    try:
        against_key = interleaved(runs, small.next_item, small.type_in_notes)
        against_small = interleaved(runs, big.next_item, small.next_item)
    finally:
        small.close()
        big.close()
    return [
        against_key.figure("next item, key to frame, 200 items, against a key in the notes", 5.0, "s"),
        against_small.figure("next item at 2,000 items against 200", 1.5, "s"),
    ]


def long_agenda(apps: Apps, runs: int) -> Figure:
    """The first complete frame (footer included) of ``run`` on a 2,000-item agenda
    against a 200-item one."""
    agendas = {n: write_agenda(apps.folder, n) for n in (200, 2000)}

    def first_frame(items: int) -> float:
        archive = apps.folder / "long-agenda.sqlite"
        with Terminal([*source_command(), "run", str(agendas[items])], source_env(apps, archive)) as screen:
            return screen.wait_for(FOOTER_MARKER)

    paired = interleaved(runs, lambda: first_frame(2000), lambda: first_frame(200))
    return paired.figure("2,000-item agenda, complete screen, against 200 items", 1.5, "s")
