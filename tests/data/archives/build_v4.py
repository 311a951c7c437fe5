"""Builds ``v4-meetings.sqlite3``: an archive of schema version 4 (before meetings were
stored as a row per item and records numbered in the full-text index by their own ids),
as facilitator up to that version wrote it.

Run with that version's code on the path (commit 2476dc3), from this folder:
``git archive 2476dc3 facilitator | tar -x -C /tmp/old && PYTHONPATH=/tmp/old python build_v4.py``.

Two meetings of "Klubben": the first records decisions, votes and actions out of item
order (a later item's decision first), so the old numbering through the meeting and the
new one by id differ; one item is closed. The second carries the first's actions over,
ticks one and ends.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from facilitator.agenda.loader import parse_agenda
from facilitator.meeting.model import Meeting
from facilitator.session import carry_over
from facilitator.store.archive import Archive
from facilitator.store.snapshot import to_dict

AGENDA = """format = 1
[meeting]
title = "Klubmøde"
kind = "klubmøde"
group = "Klubben"
participants = ["Anne", "Bo"]

[[item]]
title = "Godkendelse af referat"

[[item]]
title = "Arbejdsmiljø"
prompts = ["Hvad virker?", "Hvad mangler?"]

[[item]]
title = "Sagen om Hemmeligholdt"
confidential = true

[[item]]
title = "Eventuelt"
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
        first = Meeting(parse_agenda(AGENDA.encode()), clock=Clock(dt.date(2026, 3, 2)))
        first_id = archive.create(first)
        first.start()
        first.go_to(3)
        first.add_decision("Julefrokost i december")
        first.set_notes("Eventuelt: julefrokosten og sommerudflugten")
        first.go_to(1)
        first.add_decision("Arbejdsmiljøgruppen nedsættes")
        first.record_vote("Arbejdsmiljøgruppen", 1, 1, 0)
        first.add_action("Indkald arbejdsmiljøgruppen", "Anne", dt.date(2026, 4, 1))
        first.toggle_prompt(0)
        first.set_notes("Arbejdsmiljø: travlhed og sygefravær")
        first.go_to(2)
        first.add_decision("Hemmeligholdt aftale")
        first.add_action("Hemmeligholdt opgave", "Bo")
        first.set_notes("Hemmeligholdt sag om en kollega")
        first.go_to(3)
        first.add_action("Bestil julefrokost", "Bo", dt.date(2026, 11, 1))
        first.end()
        archive.save(first_id, to_dict(first, notes=False), {s.id: s.notes for s in first.items if s.notes})

        second = Meeting(parse_agenda(AGENDA.encode()), clock=Clock(dt.date(2026, 4, 6)))
        carry_over(archive, second)
        second_id = archive.create(second)
        second.start()
        second.set_carried_done(second.carried[0].meeting_id, second.carried[0].action_id)
        second.go_to(1)
        second.add_decision("Arbejdsmiljøgruppen har holdt møde")
        second.end()
        archive.save(second_id, to_dict(second, notes=False), {})


if __name__ == "__main__":
    build(Path(__file__).with_name("v4-meetings.sqlite3"))
