"""Builds ``v8-meetings.sqlite3``: an archive of schema version 8 (before joint meetings'
further groups were kept), as facilitator up to that version wrote it.

Run with that version's code on the path (commit b51d9f4), from this folder:
``git archive b51d9f4 facilitator | tar -x -C /tmp/old && PYTHONPATH=/tmp/old python build_v8_joint.py``.

Two meetings: one of "Socialrådgiverklubben" with two open actions (one done), one of
"HK-klubben" with one. The migration adds the table of further groups, empty, and every
list by group reads as before.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from facilitator.agenda.loader import parse_agenda
from facilitator.meeting.model import Meeting
from facilitator.store.archive import Archive
from facilitator.store.snapshot import to_dict

AGENDA = """format = 1
[meeting]
title = "Klubmøde"
kind = "klubmøde"
group = "{group}"
participants = ["Anne", "Bo"]

[[item]]
title = "Arbejdsmiljø"
"""


class Clock:
    def __init__(self, day: dt.date) -> None:
        self.now = dt.datetime.combine(day, dt.time(17, 0))

    def __call__(self) -> dt.datetime:
        self.now += dt.timedelta(minutes=3)
        return self.now


def build(path: Path) -> None:
    path.unlink(missing_ok=True)
    with Archive.open(path) as archive:
        for day, group, actions in (
            (dt.date(2026, 3, 2), "Socialrådgiverklubben", ("Skriv til ledelsen", "Book lokale")),
            (dt.date(2026, 3, 9), "HK-klubben", ("Indkald arbejdsmiljøgruppen",)),
        ):
            meeting = Meeting(parse_agenda(AGENDA.format(group=group).encode()), clock=Clock(day))
            meeting_id = archive.create(meeting)
            meeting.start()
            for what in actions:
                meeting.add_action(what, "Anne")
            meeting.record_vote("Forslaget", 2, 0, 0)
            if len(actions) > 1:
                meeting.set_action_done(meeting.items[0].actions[-1].id)
            meeting.end()
            archive.save(meeting_id, to_dict(meeting, notes=False), {})


if __name__ == "__main__":
    build(Path(__file__).with_name("v8-meetings.sqlite3"))
