"""Meetings of the dialogue chain held for real and saved to an archive: a club meeting that
forwards a decision, a chosen solution and a confidential decision on to other venues."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from facilitator.agenda.loader import parse_agenda
from facilitator.agenda.shipped import shipped_agendas
from facilitator.meeting.model import Meeting
from facilitator.store.archive import Archive
from facilitator.store.snapshot import to_dict
from support.clock import FakeClock

CLUB = "Socialrådgiverklubben"
MED = "MED Jobcenter"
RESOURCES = 4
"""The shipped klubmøde's item on resources, with its solutions."""
VIOLENCE = 5
"""Its item on violence, held closed here (``confidential = true``)."""
DECISION = "Klubben foreslår: Ekstra ressourcer og færre sager pr. rådgiver – æøå ÆØÅ"
SECRET = "Sagen om Hemmeligholdt på 2. sal går videre"


def shipped(name: str, group: str, *, close: str | None = None) -> bytes:
    """A shipped agenda as a meeting of ``group``; ``close`` an item title to hold closed."""
    text = shipped_agendas()[name].read_text(encoding="utf-8").replace("[meeting]\n", f'[meeting]\ngroup = "{group}"\n', 1)
    if close:
        text = text.replace(f'title = "{close}"\n', f'title = "{close}"\nconfidential = true\n', 1)
    return text.encode()


def hold(archive: Archive, meeting: Meeting) -> int:
    """Save a meeting held by the caller: created, then saved whole."""
    meeting_id = archive.create(meeting)
    archive.save(meeting_id, to_dict(meeting, notes=False), {s.id: s.notes for s in meeting.items if s.notes})
    return meeting_id


def club_meeting(day: dt.date = dt.date(2026, 12, 3), *, decision: str = DECISION) -> Meeting:
    """The club's meeting: two solutions chosen on resources, a decision with two principle
    answers forwarded to MED, a solution forwarded to the managers, an action, a vote, and a
    confidential decision forwarded to MED too."""
    agenda = parse_agenda(shipped("klubmoede", CLUB, close=_title("klubmoede", VIOLENCE)))
    meeting = Meeting(agenda, clock=FakeClock(dt.datetime.combine(day, dt.time(16, 0))))
    meeting.start()
    meeting.go_to(RESOURCES)
    meeting.toggle_option(0)
    meeting.toggle_option(2)
    made = meeting.add_decision(
        decision,
        answers={"planlægning": "Sagstal følges hver måned", "støtte": "Sparring med TR"},
        solutions=[0, 2],
        review="2027-03-01",
    )
    meeting.add_action("Skrive forslaget til MED", "Anne Ærø")
    meeting.record_vote("Skal forslaget sendes til MED?", 7, 1, 1, 9)
    meeting.forward("beslutning", made.id, "med-udvalg")
    meeting.forward("løsning", 2, "ledelsesmøde")
    meeting.go_to(VIOLENCE)
    secret = meeting.add_decision(SECRET)
    meeting.forward("beslutning", secret.id, "med-udvalg")
    meeting.end()
    return meeting


def med_meeting(day: dt.date, group: str = MED) -> Meeting:
    meeting = Meeting(parse_agenda(shipped("med-udvalg", group)), clock=FakeClock(dt.datetime.combine(day, dt.time(9, 0))))
    meeting.start()
    meeting.add_decision("Dagsordenen blev godkendt.")
    meeting.end()
    return meeting


def _title(name: str, index: int) -> str:
    return parse_agenda(shipped_agendas()[name].read_bytes()).items[index].title


def chain_archive(path: Path) -> Path:
    with Archive.open(path) as archive:
        hold(archive, club_meeting())
    return path
