"""A meeting saved change by change (the recorder, each change writing what it touched)
holds in the archive exactly the rows of the same meeting saved whole, and loads the same.

Saving by change is an optimisation: nothing a reader, a search or a list sees may tell
the two apart. So any sequence of the room's operations, saved both ways, must leave
the same rows in every table the meeting has (its ``updated_at`` and ``created_at``
aside, which say when).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.clock import FakeClock

from facilitator.agenda.loader import parse_agenda
from facilitator.errors import MeetingError
from facilitator.meeting.model import Meeting
from facilitator.meeting.records import CarriedAction
from facilitator.store.archive import Archive
from facilitator.store.lock import MeetingLock
from facilitator.store.recorder import Recorder
from facilitator.store.snapshot import to_dict

AGENDA = """format = 1
[meeting]
title = "Klubmøde"
kind = "klubmøde"
group = "Klubben"
participants = ["Anne", "Bo", "Carl"]

[[item]]
title = "Godkendelse af referat"

[[item]]
title = "Arbejdsmiljø"
prompts = ["Hvad virker?", "Hvad mangler?"]
options = ["Gruppe", "Kursus"]

[[item]]
title = "Sagen om Hemmeligholdt"
confidential = true

[[item]]
title = "Eventuelt"
"""

TABLES = {
    "meetings": "SELECT id, title, kind, group_name, date, started_at, ended_at, agenda_path, snapshot FROM meetings"
    " WHERE id IN (?, ?)",
    "meeting_items": "SELECT meeting_id, item_id, state FROM meeting_items WHERE meeting_id IN (?, ?) ORDER BY meeting_id, item_id",
    "meeting_orders": "SELECT meeting_id, item_order FROM meeting_orders WHERE meeting_id IN (?, ?) ORDER BY meeting_id",
    "notes": "SELECT meeting_id, item_id, text FROM notes WHERE meeting_id IN (?, ?) ORDER BY meeting_id, item_id",
    "actions": "SELECT * FROM actions WHERE meeting_id IN (?, ?) ORDER BY meeting_id, action_id",
    "search": "SELECT rowid, text, item_title, kind FROM search WHERE rowid >> 24 IN (?, ?) ORDER BY rowid",
    "closed_search": "SELECT rowid FROM closed_search WHERE rowid >> 24 IN (?, ?) ORDER BY rowid",
}
"""Every row of an example's two meetings (the earlier one and the one under test)."""


def _record(m: Meeting, n: int) -> None:
    [m.add_decision, m.add_action, m.record_vote][n % 3](*((f"Sag {n}",) if n % 3 == 0 else ()), **_args(n))  # type: ignore[operator]


def _args(n: int) -> dict[str, Any]:
    if n % 3 == 1:
        return {"what": f"Opgave {n}", "who": "Bo", "deadline": dt.date(2027, 1, 1 + n % 28)}
    if n % 3 == 2:
        return {"subject": f"Afstemning {n}", "votes_for": 1, "against": 1, "abstain": 0}
    return {}


def _record_id(m: Meeting, n: int) -> int:
    ids = [r.id for s in m.items for r in (*s.decisions, *s.votes, *s.actions)]
    if not ids:
        raise MeetingError("nothing recorded")
    return ids[n % len(ids)]


def _action_id(m: Meeting, n: int) -> int:
    ids = [a.id for s in m.items for a in s.actions]
    if not ids:
        raise MeetingError("no actions")
    return ids[n % len(ids)]


OPERATIONS: dict[str, Callable[[Meeting, int], object]] = {
    "record": _record,
    "tick action": lambda m, n: m.set_action_done(_action_id(m, n), bool(n % 2)),
    "remove record": lambda m, n: m.remove(_record_id(m, n)),
    "prompt": lambda m, n: m.toggle_prompt(n % 2, 1),
    "option": lambda m, n: m.toggle_option(n % 2, 1),
    "timer": lambda m, n: m.toggle_timer(),
    "next": lambda m, n: m.next_item(),
    "previous": lambda m, n: m.previous_item(),
    "go to": lambda m, n: m.go_to(n % len(m.items)),
    "add item": lambda m, n: m.add_item(f"Nyt punkt {n}", at=n % (len(m.items) + 1)),
    "move item": lambda m, n: m.shift_item(n % len(m.items), 1 if n % 2 else -1),
    "postpone": lambda m, n: m.set_skipped(n % len(m.items), bool(n % 3)),
    "drop item": lambda m, n: m.drop_item(n % len(m.items)),
    "carry on": lambda m, n: m.set_carry_on(n % len(m.items), bool(n % 2)),
    "notes": lambda m, n: m.set_notes(f"Noter {n} om hemmeligholdt", n % len(m.items)),
    "attendee": lambda m, n: m.add_person(f"Gæst {n}"),
    "leave": lambda m, n: m.leave(("Anne", "Bo", "Carl")[n % 3]),
    "speaker": lambda m, n: m.request_floor(("Anne", "Bo", "Carl")[n % 3]),
    "next speaker": lambda m, n: m.next_speaker(),
    "carried": lambda m, n: [m.set_carried_done(c.meeting_id, c.action_id, bool(n % 2)) for c in m.carried],
    "group": lambda m, n: m.set_group(f"Klub {n % 2}"),
}

steps = st.lists(st.tuples(st.sampled_from(sorted(OPERATIONS)), st.integers(0, 50)), max_size=25)


def _meeting(carried: int | None = None) -> Meeting:
    """A meeting begun, with something recorded on every item for the operations to change
    and remove; following up the first action of meeting ``carried``, if given."""
    m = Meeting(parse_agenda(AGENDA.encode()), clock=FakeClock(tick=dt.timedelta(seconds=7)))
    if carried is not None:
        m.carry_over([CarriedAction(carried, 1, "Forrige møde", "2026-11-01", "Læs referatet", "Anne", None)])
    m.start()
    for index, (what, who) in enumerate((("Læs referatet", "Anne"), ("Nedsæt en gruppe", "Bo"), ("Tal med kollegaen", "Carl"))):
        m.go_to(index)
        m.add_action(what, who)
        m.add_decision(f"Besluttet under punkt {index + 1}")
    m.record_vote("Hemmeligholdt afstemning", 1, 1, 0)
    m.go_to(0)
    return m


def _rows(archive: Archive, meeting_ids: tuple[int, int]) -> dict[str, list[tuple[Any, ...]]]:
    return {table: archive._db.execute(query, meeting_ids).fetchall() for table, query in TABLES.items()}


@pytest.fixture(scope="module")
def archives(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Archive, Archive]]:
    """Two archives, to be saved by change and whole, shared by the examples (making an
    archive costs more than a meeting): each example compares only its own meetings."""
    folder = tmp_path_factory.mktemp("saved")
    pair = [Archive.open(folder / f"{name}.sqlite3") for name in ("changes", "whole")]
    for archive in pair:
        archive._db.execute("PRAGMA synchronous = OFF")  # what is compared is the rows, not the disk
    yield pair[0], pair[1]
    for archive in pair:
        archive.close()


@pytest.mark.slow  # about 3.5 s: 40 examples of up to 25 operations, each saved both ways
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(operations=steps)
def test_saved_by_change_is_saved_whole(archives: tuple[Archive, Archive], operations: list[tuple[str, int]]) -> None:
    by_change, whole = archives
    meetings = []
    ids = []
    for archive in archives:
        earlier = _meeting()  # whose action the meeting under test carries over
        earlier_id = archive.create(earlier)
        meeting = _meeting(carried=earlier_id)
        meeting_id = archive.create(meeting)
        ids.append((earlier_id, meeting_id))
        recorder = (
            Recorder(archive, meeting_id, meeting, MeetingLock.take(archive.path, meeting_id)).start()
            if archive is by_change
            else None
        )
        meeting.set_speakers_closed(False)  # the recorder's first save is whole: every operation after it by change
        for name, number in operations:
            try:
                OPERATIONS[name](meeting, number)
            except MeetingError:
                pass
        if recorder is not None:
            assert recorder.close()
        else:
            archive.save(meeting_id, to_dict(meeting, notes=False), {s.id: s.notes for s in meeting.items if s.notes})
        assert to_dict(archive.load(meeting_id)) == to_dict(meeting)
        meetings.append(meeting)
    assert to_dict(meetings[0]) == to_dict(meetings[1])  # the same operations made the same meeting
    assert ids[0] == ids[1]
    assert _rows(by_change, ids[0]) == _rows(whole, ids[1])
