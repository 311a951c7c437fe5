"""Builds ``v8-chain.sqlite3``: an archive of schema version 8 (before decisions, votes and
the marks "send videre til" had tables of their own), as facilitator of that version wrote it.

Run with that version's code on the path (commit b51d9f4), from this folder:
``git archive b51d9f4 facilitator agendas | tar -x -C /tmp/old8 && PYTHONPATH=/tmp/old8 python build_v8.py``.

A club meeting of "Klubben" decides with principle answers and a review date, forwards the
decision to MED and a chosen solution to the managers, votes, and forwards its notes; a
closed item's decision goes to MED too. A second meeting is saved whole, before the split
into item rows (a snapshot blob), and forwards a decision of its own. A MED meeting of
"MED Jobcenter" was held between them.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
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
title = "Ressourcer"
type = "beslutning"
options = ["Færre sager pr. rådgiver", "Planlagt overarbejde", "Tidsbegrænset ansættelse"]
temporary = ["Planlagt overarbejde"]

[[item]]
title = "Sagen om Hemmeligholdt"
confidential = true

[[item]]
title = "Eventuelt"
"""

MED = """format = 1
[meeting]
title = "MED-udvalg"
kind = "med-udvalg"
group = "MED Jobcenter"

[[item]]
title = "Godkendelse af dagsorden"
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
        first = Meeting(parse_agenda(AGENDA.encode()), clock=Clock(dt.date(2026, 12, 3)))
        first_id = archive.create(first)
        first.start()
        first.go_to(1)
        first.toggle_option(0)
        first.toggle_option(1)
        decision = first.add_decision(
            "Flere hænder: færre sager og planlagt overarbejde – æøå",
            answers={"planlægning": "Sagstal hver måned", "støtte": "Sparring"},
            review="2027-03-01",
            solutions=[0, 1],
        )
        first.forward("beslutning", decision.id, "med-udvalg")
        first.forward("løsning", 1, "ledelsesmøde")
        first.record_vote("Forslaget til MED", 5, 1, 0, 6)
        first.set_notes("Travlt i afdelingen; sygefravær stiger")
        first.forward("noter", 0, "med-udvalg")
        first.go_to(2)
        secret = first.add_decision("Hemmeligholdt aftale")
        first.forward("beslutning", secret.id, "med-udvalg")
        first.end()
        archive.save(first_id, to_dict(first, notes=False), {s.id: s.notes for s in first.items if s.notes})

        med = Meeting(parse_agenda(MED.encode()), clock=Clock(dt.date(2026, 12, 1)))
        med_id = archive.create(med)
        med.start()
        med.add_decision("Dagsordenen godkendt")
        med.end()
        archive.save(med_id, to_dict(med, notes=False), {})

        second = Meeting(parse_agenda(AGENDA.encode()), clock=Clock(dt.date(2026, 12, 17)))
        second_id = archive.create(second)
        second.start()
        second.go_to(1)
        again = second.add_decision("Evaluering af overarbejdet")
        second.forward("beslutning", again.id, "med-udvalg")
        second.record_vote("Evalueringen", 2, 2, 1, 5)
        second.end()
        archive.save(second_id, to_dict(second, notes=False), {})
    # The second meeting as an archive before the split held it: one blob.
    db = sqlite3.connect(path)
    with db:
        whole = to_dict(second, notes=False)
        db.execute("UPDATE meetings SET snapshot = ? WHERE id = ?", (json.dumps(whole, ensure_ascii=False), second_id))
        db.execute("DELETE FROM meeting_items WHERE meeting_id = ?", (second_id,))
        db.execute("DELETE FROM meeting_orders WHERE meeting_id = ?", (second_id,))
    db.execute("VACUUM")
    db.close()


if __name__ == "__main__":
    build(Path(__file__).with_name("v8-chain.sqlite3"))
