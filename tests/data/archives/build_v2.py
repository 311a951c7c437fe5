"""Builds ``v2-closed-items.sqlite3``: an archive of schema version 2 (before closed items
were marked), as facilitator up to that version wrote it.

Run with that version's code on the path (commit fa01a05), from this folder:
``git archive fa01a05 facilitator agendas templates | tar -x -C /tmp/old &&
PYTHONPATH=/tmp/old python build_v2.py``.

Meeting 1 of "Klubben" has a public item and a closed one, each with an action item,
a decision and notes; meeting 2 of the group carried both action items over (without
knowing that one came from a closed item), ticked neither, and ended.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from facilitator.agenda.loader import parse_agenda
from facilitator.store.archive import Archive
from facilitator.meeting.model import Meeting
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

[[item]]
title = "Sagen om Hemmeligholdt"
purpose = "Hemmeligholdt formål"
confidential = true
"""


def clock() -> dt.datetime:
    return dt.datetime(2026, 11, 3, 15, 0)


def main() -> None:
    path = Path(__file__).with_name("v2-closed-items.sqlite3")
    path.unlink(missing_ok=True)
    with Archive.open(path) as archive:
        assert archive.schema_version == 2
        first = Meeting(parse_agenda(AGENDA.encode()), clock=clock)
        first_id = archive.create(first)
        first.start()
        first.go_to(1)
        first.add_action("Offentlig opgave", "Anne", "2026-12-01")
        first.add_decision("Offentlig beslutning")
        first.set_notes("Offentlige noter")
        first.go_to(2)
        first.add_action("Hemmeligholdt opgave", "Bo", "2026-12-02")
        first.add_decision("Hemmeligholdt beslutning")
        first.record_vote("Hemmeligholdt afstemning", 1, 1, 0)
        first.set_notes("Hemmeligholdte noter")
        first.end()
        archive.save(first_id, to_dict(first, notes=False), {s.id: s.notes for s in first.items})
        second = Meeting(parse_agenda(AGENDA.encode()), clock=clock)
        second_id = archive.create(second)
        assert len(second.carried) == 2
        second.start()
        second.end()
        archive.save(second_id, to_dict(second, notes=False))


if __name__ == "__main__":
    main()
