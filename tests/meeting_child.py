"""A meeting process for the crash tests: holds a scripted meeting and reports progress.

Run as ``python meeting_child.py ARCHIVE``. After each structural change has been saved
(flushed) it prints ``saved N``; while typing it prints ``typed LENGTH`` once the notes of
that length are saved. The parent kills it with SIGKILL at a random moment and checks
that everything reported as saved is in the archive.
"""

from __future__ import annotations

import sys
from pathlib import Path

from facilitator.agenda_loader import load_agenda
from facilitator.archive import Archive
from facilitator.meeting import Meeting
from facilitator.recorder import Recorder
from facilitator.resources import shipped_agendas


def main() -> None:
    archive = Archive.open(Path(sys.argv[1]))
    meeting = Meeting(load_agenda(shipped_agendas()["klubmoede"]))
    meeting_id = archive.create(meeting)
    recorder = Recorder(archive, meeting_id, meeting, notes_interval=0.05).start()
    meeting.start()
    print(f"meeting {meeting_id}", flush=True)
    notes = ""
    for step in range(10_000):
        meeting.add_decision(f"beslutning {step}")
        if step % 7 == 6 and meeting.current is not None and meeting.current + 1 < len(meeting.items):
            meeting.next_item()
        recorder.flush()
        print(f"saved {step}", flush=True)
        for _ in range(20):
            notes += "ø"
            meeting.set_notes(notes)  # typing: not flushed, saved by the recorder on its own
        recorder.flush()
        print(f"typed {len(notes)} {meeting.items[meeting.current].id}", flush=True)


if __name__ == "__main__":
    main()
