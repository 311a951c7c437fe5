"""Builds ``v10-shared.sqlite3``: an archive of schema version 10 (before meetings had a stable
id and a version for the shared archive), as facilitator of that version wrote it.

Run with that version's code on the path (commit b33ab7e), from this folder:
``git archive b33ab7e facilitator agendas | tar -x -C /tmp/old10 && PYTHONPATH=/tmp/old10 python build_v10.py``.

"Klubben" holds two meetings: the first records actions (one under a closed item, whose
words are marked HEMMELIG), notes and a decision; the second carries the actions over and
ticks one off. A third meeting was created and never started.
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
group = "Klubben"
participants = ["Anne", "Bo"]

[[item]]
title = "Godkendelse af dagsorden"

[[item]]
title = "HEMMELIG sag om en kollega"
confidential = true

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
        first = Meeting(parse_agenda(AGENDA.encode()), clock=Clock(dt.date(2026, 11, 3)))
        first_id = archive.create(first)
        first.start()
        first.add_decision("Dagsordenen godkendt – æøå")
        first.go_to(1)
        first.set_notes("HEMMELIG: noter om kollegaen")
        first.add_decision("HEMMELIG beslutning")
        first.add_action("HEMMELIG opgave", "Anne", dt.date(2026, 11, 20))
        first.go_to(2)
        first.set_notes("Støj i storrummet")
        first.add_action("Måle støjen", "Bo", dt.date(2026, 11, 30))
        first.add_action("Tale med ledelsen", "Anne")
        first.end()
        archive.save(first_id, to_dict(first, notes=False), {s.id: s.notes for s in first.items if s.notes})

        second = Meeting(parse_agenda(AGENDA.encode()), clock=Clock(dt.date(2026, 12, 1)))
        second.carry_over(archive.open_actions("Klubben"))
        second_id = archive.create(second)
        second.start()
        second.set_carried_done(first_id, second.carried[-1].action_id)
        second.end()
        archive.save(second_id, to_dict(second, notes=False), {})

        archive.create(Meeting(parse_agenda(AGENDA.encode()), clock=Clock(dt.date(2027, 1, 5))))


if __name__ == "__main__":
    build(Path(__file__).with_name("v10-shared.sqlite3"))
