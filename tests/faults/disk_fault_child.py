"""A meeting process whose disk fails under it, for the disk-fault tests.

Run as ``python disk_fault_child.py ARCHIVE FAULT`` with FAULT ``full`` (fill the file
system the archive is on, which gives a real ENOSPC) or ``io`` (a file-size limit, which
makes every write past it fail with a real EFBIG, an I/O error to SQLite). The meeting
goes on while the disk fails; then the fault is lifted and the child checks that what is
in the archive equals what is in memory. It prints one JSON line of what it saw.
"""

from __future__ import annotations

import errno
import json
import resource
import signal
import sys
import time
from pathlib import Path

from facilitator import i18n
from facilitator.agenda.loader import load_agenda
from facilitator.agenda.shipped import shipped_agendas
from facilitator.meeting.model import Meeting
from facilitator.store.archive import Archive
from facilitator.store.lock import MeetingLock
from facilitator.store.recorder import Recorder
from facilitator.store.snapshot import to_dict


def fill(folder: Path) -> Path:
    """Write a file until the disk is full; deleting it frees the space again."""
    filler = folder / "filler"
    with filler.open("wb", buffering=0) as stream:
        try:
            while True:
                stream.write(b"\0" * 4096)
        except OSError as error:
            assert error.errno == errno.ENOSPC, error
    return filler


def main() -> None:
    i18n.set_language("en")
    path, fault = Path(sys.argv[1]), sys.argv[2]
    archive = Archive.open(path)
    meeting = Meeting(load_agenda(shipped_agendas()["klubmoede"]))
    meeting_id = archive.create(meeting)
    recorder = Recorder(archive, meeting_id, meeting, MeetingLock.take(archive.path, meeting_id), notes_interval=0.05).start()
    meeting.start()
    meeting.set_notes("Før fejlen.")
    assert recorder.flush()

    if fault == "full":
        filler = fill(path.parent)
    else:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # the write fails instead of killing us
        resource.setrlimit(resource.RLIMIT_FSIZE, (0, resource.RLIM_INFINITY))

    # The meeting goes on while nothing can be written.
    notes = "Før fejlen."
    for step in range(40):
        meeting.add_decision(f"Beslutning {step} " + "æøå " * 50)
        notes += f" Noter {step}."
        meeting.set_notes(notes)
        if step % 10 == 9:
            meeting.add_action(f"Opgave {step}", "Kim")
            meeting.next_item()
    failing_flush = recorder.flush(timeout=0.5)
    error_while_failing = recorder.health.problem

    if fault == "full":
        filler.unlink()
    else:
        resource.setrlimit(resource.RLIMIT_FSIZE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
    started = time.monotonic()
    recovered_flush = recorder.flush(timeout=20)
    recovery_seconds = time.monotonic() - started
    closed = recorder.close()
    archive.close()

    with Archive.open(path, read_only=True) as reread:
        same = to_dict(reread.load(meeting_id)) == to_dict(meeting)
    print(
        json.dumps(
            {
                "failing_flush": failing_flush,
                "error_while_failing": error_while_failing,
                "recovered_flush": recovered_flush,
                "closed": closed,
                "same": same,
                "failures": recorder.health.failures,
                "recoveries": recorder.health.recoveries,
                "began_with": recorder.health.began_with,
                "recovery_seconds": recovery_seconds,
                "rescue_file": str(recorder.rescue_file) if recorder.rescue_file else None,
            }
        ),
        flush=True,
    )


if __name__ == "__main__":
    main()
