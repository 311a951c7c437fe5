"""What the room sees on the wall: the meeting cut down to what may be projected, as plain data.

The chair's screen shows everything: the notes as typed, the attendance, the closed items.
The room view shows the meeting and its current item, the question the room is on, the
solutions chosen, the item's timer, who has the floor and who waits, what was decided and
the agenda's progress. It is one allow-list, made here from the live meeting before any
page or terminal view sees it: a view cannot show what this data does not hold, and a
field added to the meeting later stays off the wall until it is let in here.

On a closed (confidential) item the wall says "Lukket punkt" and nothing else of it: no
title, no question, no speaker, no timer; the agenda's list names it so too. The data holds
only that it is closed; the view says it in its own language. The notes are
shown only when the chair has switched them on for the item (``ItemState.room_notes``).

Every value is text or a number: the page puts text in with ``textContent`` and the terminal
view through ``literal``, so nothing here is markup.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from facilitator.meeting.model import Meeting
from facilitator.meeting.records import ItemState
from facilitator.meeting.vote_rule import carried


def room_state(meeting: Meeting, *, now: dt.datetime | None = None) -> dict[str, Any]:
    """The wall's data; ``now`` is the meeting's clock by default (the timer counts from it)."""
    now = meeting.clock() if now is None else now
    current = None if meeting.ended else meeting.current
    state = meeting.items[current] if current is not None else None
    closed = state is not None and state.item.confidential
    return {
        "meeting": {"title": meeting.info.title, "group": meeting.info.group},
        "status": "ended" if meeting.ended else "running" if meeting.started else "waiting",
        "agenda": [_agenda_line(meeting, index, s) for index, s in enumerate(meeting.items)],
        "progress": {"position": None if current is None else current + 1, "count": len(meeting.items)},
        "item": None if state is None or current is None else _item(meeting, current, state, now),
        **_floor(meeting, now, shown=state is not None and not closed),
    }


def _agenda_line(meeting: Meeting, index: int, state: ItemState) -> dict[str, Any]:
    where = "current" if index == meeting.current else "skipped" if state.skipped else "done" if state.visited else "coming"
    return {
        "number": index + 1,
        "title": None if state.item.confidential else state.item.title,
        "closed": state.item.confidential,
        "state": where,
    }


def _item(meeting: Meeting, index: int, state: ItemState, now: dt.datetime) -> dict[str, Any]:
    if state.item.confidential:
        return {"number": index + 1, "closed": True}
    item = state.item
    prompt = meeting.current_prompt(index)
    planned = item.minutes * 60 if item.minutes else None
    return {
        "number": index + 1,
        "closed": False,
        "title": item.title,
        "type": item.type.value,
        "question": None if prompt is None else {"text": item.prompts[prompt], "number": prompt + 1, "count": len(item.prompts)},
        "solutions": [item.options[i] for i in sorted(state.chosen)],
        "decisions": [d.text for d in state.decisions],
        "votes": [
            {
                "subject": v.subject,
                "for": v.votes_for,
                "against": v.against,
                "abstain": v.abstain,
                "carried": carried(v.votes_for, v.against),
            }
            for v in state.votes
        ],
        "actions": [
            {"what": a.what, "who": a.who, "deadline": a.deadline.isoformat() if a.deadline else None} for a in state.actions
        ],
        "notes": state.notes if state.room_notes else None,
        "timer": {
            "planned": planned,
            "used": round(meeting.seconds_used(index), 1),
            "running": not meeting.ended and not state.paused,
        },
    }


def _floor(meeting: Meeting, now: dt.datetime, *, shown: bool) -> dict[str, Any]:
    """Who has the floor and who waits: points of order first, as the list keeps them."""
    speech = meeting.speakers.current
    if not shown:
        return {"speaker": None, "queue": []}
    return {
        "speaker": None
        if speech is None
        else {
            "name": speech.name,
            "seconds": round(speech.span.seconds(now), 1),
            "point_of_order": speech.point_of_order,
        },
        "queue": [{"name": r.name, "point_of_order": r.point_of_order} for r in meeting.speakers.queue],
    }
