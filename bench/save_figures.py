"""Figures of saving a meeting as it changes: what one change costs as the meeting grows.

A change is saved by what it touched (store/meeting_rows.py), so a decision on an item
of a 2,000-item meeting should cost what it costs at 20 items: the ratio is the figure.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

from data import Writer, full_meeting
from figure import Figure, interleaved, seconds

from facilitator.store.archive import Archive
from facilitator.store.lock import MeetingLock
from facilitator.store.recorder import Recorder

BURST = 8
"""Decisions a sample saves, one after another (each waited for): a save is a millisecond
or two, most of it the disk's flush, which on a shared machine now and then takes ten
times as long; a sample of a few saves evens that out, where one save's ratios spread
from a tenth to eight."""


def decision(runs: int) -> Figure:
    """From a decision added to it being in the archive, through the recorder, in a
    meeting of 2,000 items against one of 20, each in an archive of its own (warm: the
    recorder's first save, whole, is not counted); per decision, of a burst of ``BURST``."""
    with ExitStack() as stack:
        big, small = (seconds(stack.enter_context(_decider(items))) for items in (2_000, 20))
        paired = interleaved(runs, lambda: big() / BURST, lambda: small() / BURST)
    return paired.figure("save one decision at 2,000 items against 20", 1.3, "s")


@contextmanager
def _decider(items: int) -> Iterator[Callable[[], None]]:
    """A running meeting of ``items`` items saved by a recorder, and a call that adds
    ``BURST`` decisions, one at a time, each waited for until the archive holds it."""
    with tempfile.TemporaryDirectory(prefix="facilitator-save-") as folder:
        archive = Archive.open(Path(folder) / "arkiv.sqlite3")
        meeting = full_meeting(items, end=False)
        meeting_id = archive.create(meeting)
        recorder = Recorder(archive, meeting_id, meeting, MeetingLock.take(archive.path, meeting_id)).start()
        writer = Writer(7)
        try:

            def one() -> None:
                meeting.add_decision(writer.sentence(14))
                if not recorder.flush():
                    raise RuntimeError("the decision was not saved")

            def burst() -> None:
                for _ in range(BURST):
                    one()

            one()  # the recorder's first save is the whole meeting; it adds to the index only what differs
            yield burst
        finally:
            recorder.close()
            archive.close()
