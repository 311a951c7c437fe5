"""A meeting as plain data (JSON-ready) and back: what the archive stores and resumes from.

The snapshot carries the items themselves, not a reference to the agenda file, because
items are added and moved during a meeting and the file may change or vanish later.
Notes can be left out: they change with every keystroke and are saved on their own.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from facilitator.agenda.model import Agenda, Attachment, Item, ItemType, MeetingInfo, MeetingKind
from facilitator.meeting.approval import PreviousMinutes
from facilitator.meeting.checklist import CarriedCheck, CheckStatus
from facilitator.meeting.model import Clock, Meeting, system_clock
from facilitator.meeting.next_meeting import NextMeeting
from facilitator.meeting.records import (
    ActionItem,
    Attendee,
    CarriedAction,
    Decision,
    Forward,
    ForwardKind,
    ItemState,
    Presence,
    Principle,
    Span,
    Speech,
    Vote,
)
from facilitator.meeting.speakers import FloorRequest
from facilitator.store.snapshot_check import check_snapshot

SNAPSHOT_VERSION = 1


def _time(value: dt.datetime | dt.date | dt.time | None) -> str | None:
    return value.isoformat() if value is not None else None


def _datetime(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value is not None else None


def _span(span: Span) -> list[str | None]:
    return [_time(span.start), _time(span.end)]


def _unspan(data: list[str | None]) -> Span:
    start = _datetime(data[0])
    if start is None:
        raise ValueError("a time span without a start")
    return Span(start, _datetime(data[1]))


def _item(item: Item) -> dict[str, Any]:
    return {
        "title": item.title,
        "type": item.type.value,
        "minutes": item.minutes,
        "presenter": item.presenter,
        "purpose": item.purpose,
        "prompts": list(item.prompts),
        "options": list(item.options),
        "confidential": item.confidential,
        # Only when marked: older versions still read an item without it.
        **({"temporary": list(item.temporary)} if item.temporary else {}),
        **({"checklist": list(item.checklist)} if item.checklist else {}),
        **({"attachments": _attachments(item.attachments)} if item.attachments else {}),
    }


def _attachments(attachments: tuple[Attachment, ...]) -> list[list[str]]:
    return [[a.title, a.href] for a in attachments]


def _unattachments(data: list[list[str]]) -> tuple[Attachment, ...]:
    return tuple(Attachment(title, href) for title, href in data)


def _unitem(data: dict[str, Any]) -> Item:
    return Item(
        **{
            **data,
            "type": ItemType(data["type"]),
            "prompts": tuple(data["prompts"]),
            "options": tuple(data["options"]),
            "temporary": tuple(data.get("temporary", ())),
            "checklist": tuple(data.get("checklist", ())),
            "attachments": _unattachments(data.get("attachments", ())),
        }
    )


def _decision(d: Decision) -> dict[str, Any]:
    """A decision; what came with the dialogue chain only when given, so that a meeting
    without it stays readable by the versions before it."""
    return {
        "id": d.id,
        "text": d.text,
        "principles": [p.value for p in d.principles],
        "at": _time(d.at),
        **({"answers": [[p.value, text] for p, text in d.answers]} if d.answers else {}),
        **({"review": _time(d.review)} if d.review else {}),
        **({"solutions": list(d.solutions)} if d.solutions else {}),
    }


def _undecision(d: dict[str, Any]) -> Decision:
    return Decision(
        d["id"],
        d["text"],
        tuple(Principle(p) for p in d["principles"]),
        _datetime(d["at"]),
        answers=tuple((Principle(p), text) for p, text in d.get("answers", ())),
        review=dt.date.fromisoformat(d["review"]) if d.get("review") else None,
        solutions=tuple(d.get("solutions", ())),
    )


def _info(info: MeetingInfo) -> dict[str, Any]:
    return {
        "title": info.title,
        "kind": info.kind.value,
        "group": info.group,
        "purpose": info.purpose,
        "date": _time(info.date),
        "start": _time(info.start),
        "duration": info.duration,
        "location": info.location,
        "chair": info.chair,
        "secretary": info.secretary,
        "participants": list(info.participants),
        "guests": list(info.guests),
        # Only a joint meeting's: a meeting of one group stays readable by older versions.
        **({"groups": list(info.groups)} if info.groups else {}),
        **({"organisations": [list(pair) for pair in info.organisations]} if info.organisations else {}),
        **({"non_voting": list(info.non_voting)} if info.non_voting else {}),
        **({"attachments": _attachments(info.attachments)} if info.attachments else {}),
    }


def _uninfo(data: dict[str, Any]) -> MeetingInfo:
    return MeetingInfo(
        **{
            **data,
            "kind": MeetingKind(data["kind"]),
            "date": dt.date.fromisoformat(data["date"]) if data["date"] else None,
            "start": dt.time.fromisoformat(data["start"]) if data["start"] else None,
            "participants": tuple(data["participants"]),
            "guests": tuple(data.get("guests", ())),  # not in snapshots from before guests were kept
            "groups": tuple(data.get("groups", ())),  # only a joint meeting's
            "organisations": tuple((name, organisation) for name, organisation in data.get("organisations", ())),
            "non_voting": tuple(data.get("non_voting", ())),
            "attachments": _unattachments(data.get("attachments", ())),
        }
    )


def _speech(speech: Speech) -> dict[str, Any]:
    return {"name": speech.name, "item": speech.item, "span": _span(speech.span), "point_of_order": speech.point_of_order}


def _unspeech(data: dict[str, Any]) -> Speech:
    return Speech(data["name"], data["item"], _unspan(data["span"]), data["point_of_order"])


def _next_meeting(planned: NextMeeting) -> dict[str, Any]:
    return {"date": planned.date.isoformat(), "start": planned.start.isoformat(), "place": planned.place}


def _unnext_meeting(data: dict[str, Any] | None) -> NextMeeting | None:
    if data is None:
        return None
    return NextMeeting(dt.date.fromisoformat(data["date"]), dt.time.fromisoformat(data["start"]), data["place"])


def to_dict(meeting: Meeting, *, notes: bool = True) -> dict[str, Any]:
    """The whole meeting as JSON-ready data; ``notes=False`` leaves the notes out."""
    head = head_dict(meeting)
    keys = list(head)
    at = keys.index("attendees") + 1  # the items where they always were, after the attendees
    return {
        **{key: head[key] for key in keys[:at]},
        "items": [item_dict(s, notes=notes) for s in meeting.items],
        **{key: head[key] for key in keys[at:]},
    }


def item_dict(s: ItemState, *, notes: bool = False) -> dict[str, Any]:
    """One item of the snapshot: what ``to_dict`` puts in ``items``."""
    return {
        "id": s.id,
        "item": _item(s.item),
        "visits": [_span(v) for v in s.visits],
        "pauses": [_span(p) for p in s.pauses],
        **({"notes": s.notes} if notes else {}),
        "discussed": sorted(s.discussed),
        "chosen": sorted(s.chosen),
        "decisions": [_decision(d) for d in s.decisions],
        "votes": [
            {
                "id": v.id,
                "subject": v.subject,
                "for": v.votes_for,
                "against": v.against,
                "abstain": v.abstain,
                "present": v.present,
                "at": _time(v.at),
                **({"organisation": v.organisation} if v.organisation is not None else {}),
            }
            for v in s.votes
        ],
        "actions": [{"id": a.id, "what": a.what, "who": a.who, "deadline": _time(a.deadline), "done": a.done} for a in s.actions],
        "added": s.added,
        "carry_on": s.carry_on,
        # Only when postponed: a meeting that postponed nothing stays readable by the
        # versions before postponing, whose check refuses a key it does not know.
        **({"skipped": True} if s.skipped else {}),
        **({"forwards": [[f.kind.value, f.ref, f.venue.value] for f in s.forwards]} if s.forwards else {}),
        **({"room_notes": True} if s.room_notes else {}),
        **({"checks": [[i, status.value] for i, status in sorted(s.checks.items())]} if s.checks else {}),
    }


def head_dict(meeting: Meeting) -> dict[str, Any]:
    """The snapshot without its items: what changes with the meeting as a whole."""
    return {
        "version": SNAPSHOT_VERSION,
        "info": _info(meeting.info),
        "started_at": _time(meeting.started_at),
        "ended_at": _time(meeting.ended_at),
        "current": meeting.current,
        "chair": meeting.chair,
        "secretary": meeting.secretary,
        "last_id": meeting.last_id,
        "attendees": [
            {
                "name": a.name,
                "presence": a.presence.value,
                "arrived": _time(a.arrived),
                "left": _time(a.left),
                "added": a.added,
                # Only when said, as "skipped": older versions still read the meeting without them.
                **({"organisation": a.organisation} if a.organisation is not None else {}),
                **({"votes": False} if not a.votes else {}),
            }
            for a in meeting.attendees.values()
        ],
        "carried": [
            {
                "meeting_id": c.meeting_id,
                "action_id": c.action_id,
                "meeting_title": c.meeting_title,
                "meeting_date": c.meeting_date,
                "what": c.what,
                "who": c.who,
                "deadline": _time(c.deadline),
                "done": c.done,
                "confidential": c.confidential,
            }
            for c in meeting.carried
        ],
        # Only when recorded, as "skipped": older versions still read a meeting without it.
        **({"next_meeting": _next_meeting(meeting.next_meeting)} if meeting.next_meeting else {}),
        **({"carried_checks": [_carried_check(c) for c in meeting.carried_checks]} if meeting.carried_checks else {}),
        # Only when named: a meeting without one stays readable by the versions before approval.
        **({"previous_minutes": _previous(meeting.previous_minutes)} if meeting.previous_minutes else {}),
        "speakers": {
            "queue": [{"name": r.name, "point_of_order": r.point_of_order} for r in meeting.speakers.queue],
            "speeches": [_speech(s) for s in meeting.speakers.speeches],
            "current": _speech(meeting.speakers.current) if meeting.speakers.current else None,
            "closed": meeting.speakers.closed,
        },
    }


def from_dict(
    data: dict[str, Any],
    *,
    clock: Clock = system_clock,
    notes: dict[int, str] | None = None,
    copy: bool = False,
) -> Meeting:
    """Rebuild a meeting exactly as it was; ``notes`` (by item id) fill in notes saved apart.

    The data is checked whole first (``snapshot_check``): a snapshot that is not what
    ``to_dict`` writes raises ``SnapshotError`` (a ValueError) with one line saying why.
    ``copy=True`` is for data ``to_dict`` has just made of a live meeting in this process
    (the preview's copy): it came from no file, so it is not checked again."""
    if not copy:
        check_snapshot(data)
    if data.get("version") != SNAPSHOT_VERSION:
        raise ValueError(f"unsupported snapshot version {data.get('version')!r}")
    items = data["items"]
    meeting = Meeting(Agenda(_uninfo(data["info"]), tuple(_unitem(s["item"]) for s in items)), clock=clock)
    meeting.started_at = _datetime(data["started_at"])
    meeting.ended_at = _datetime(data["ended_at"])
    meeting.current = data["current"]
    meeting.chair = data["chair"]
    meeting.secretary = data["secretary"]
    meeting.last_id = data["last_id"]
    meeting.attendees = {
        a["name"]: Attendee(
            a["name"],
            Presence(a["presence"]),
            _datetime(a["arrived"]),
            _datetime(a["left"]),
            a["added"],
            a.get("organisation"),
            a.get("votes", True),
        )
        for a in data["attendees"]
    }
    meeting.items = [
        ItemState(
            _unitem(s["item"]),
            id=s["id"],
            visits=[_unspan(v) for v in s["visits"]],
            pauses=[_unspan(p) for p in s["pauses"]],
            notes=(notes or {}).get(s["id"], s.get("notes", "")),
            discussed=set(s["discussed"]),
            chosen=set(s["chosen"]),
            decisions=[_undecision(d) for d in s["decisions"]],
            votes=[
                Vote(
                    v["id"],
                    v["subject"],
                    v["for"],
                    v["against"],
                    v["abstain"],
                    v["present"],
                    _datetime(v["at"]),
                    v.get("organisation"),
                )
                for v in s["votes"]
            ],
            actions=[
                ActionItem(
                    a["id"], a["what"], a["who"], dt.date.fromisoformat(a["deadline"]) if a["deadline"] else None, a["done"]
                )
                for a in s["actions"]
            ],
            added=s["added"],
            carry_on=s["carry_on"],
            skipped=s.get("skipped", False),  # absent in snapshots older than postponing
            forwards=[Forward(ForwardKind(k), ref, MeetingKind(v)) for k, ref, v in s.get("forwards", ())],
            room_notes=s.get("room_notes", False),
            checks={i: CheckStatus(status) for i, status in s.get("checks", ())},
        )
        for s in items
    ]
    meeting.carried = [
        CarriedAction(**{**c, "deadline": dt.date.fromisoformat(c["deadline"]) if c["deadline"] else None})
        for c in data.get("carried", [])  # absent in snapshots older than carry-over
    ]
    meeting.next_meeting = _unnext_meeting(data.get("next_meeting"))  # absent unless recorded
    meeting.carried_checks = [
        CarriedCheck(**{**c, "status": CheckStatus(c["status"])}) for c in data.get("carried_checks", ())
    ]  # absent unless the group's last meeting left a checklist
    previous = data.get("previous_minutes")
    if previous is not None:
        meeting.previous_minutes = PreviousMinutes(
            **{**previous, "held": dt.date.fromisoformat(previous["held"]) if previous["held"] else None}
        )
    speakers = data["speakers"]
    meeting.speakers.queue = [FloorRequest(r["name"], r["point_of_order"]) for r in speakers["queue"]]
    meeting.speakers.speeches = [_unspeech(s) for s in speakers["speeches"]]
    meeting.speakers.current = _unspeech(speakers["current"]) if speakers["current"] else None
    meeting.speakers.closed = speakers["closed"]
    return meeting


def _carried_check(check: CarriedCheck) -> dict[str, Any]:
    return {
        "point": check.point,
        "status": check.status.value,
        "meeting_id": check.meeting_id,
        "meeting_title": check.meeting_title,
        "meeting_date": check.meeting_date,
        **({"confidential": True} if check.confidential else {}),
    }


def _previous(previous: PreviousMinutes) -> dict[str, Any]:
    return {**previous._asdict(), "held": _time(previous.held)}
