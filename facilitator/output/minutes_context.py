"""What a minutes template sees: the meeting as plain data, in the words of its language.

Templates run in Jinja2's sandbox and get dicts, lists, strings, numbers and booleans, never
the Meeting: a template, ours or a user's, can read the meeting but not change it or reach
anything behind it. Everything a referat writes in a fixed form is written here, once, in
the language asked for: dates ("15. januar 2027", "15.01.2027" for a table), times of day
("15.00"), a vote's outcome. The template only arranges it.

A referat is a draft until approved: ``draft`` and ``draft_mark`` say so, ``approval``
says when and how it was approved (None while a draft), and ``previous_minutes`` is the
group's previous referat as this meeting's item "Godkendelse af referat" names it.

A closed item is reduced to ``HIDDEN_ITEM_KEYS`` before any template sees it, unless the
copy is the restricted one.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from facilitator.agenda.model import Attachment, ItemType
from facilitator.i18n import get_language, t
from facilitator.meeting.approval import MinutesApproval, PreviousMinutes
from facilitator.meeting.checklist import CarriedCheck, status_words
from facilitator.meeting.labels import item_type_in_minutes, principle_question, principle_words, venue_word
from facilitator.meeting.model import Meeting
from facilitator.meeting.next_meeting import written_when
from facilitator.meeting.records import ActionItem, Decision, ForwardKind, ItemState, Presence, Vote
from facilitator.meeting.standard_items import is_standard
from facilitator.meeting.vote_rule import carried
from facilitator.meeting.written_dates import clock_time, long_date, table_date, written_date
from facilitator.output.joint_words import among, attendance_names, joined
from facilitator.output.markdown_safety import demote_block

ITEM_HEADING_LEVEL = 2
"""Items are ``##`` headings; headings inside notes start one level below."""

HIDDEN_ITEM_KEYS = frozenset(
    (
        "number",
        "title",
        "type",
        "is_decision",
        "confidential",
        "hidden",
        "planned",
        "used",
        "reached",
        "added",
        "carry_on",
        "skipped",
    )
)
"""All a public template learns of a closed item: that it was on the agenda and treated.
Its title is the words "closed item"; nothing derived from its text (not even whether it
is a standard item) is given, so a user's template cannot print what it must not."""


def _minutes(seconds: float) -> int:
    return int(math.floor(seconds / 60 + 0.5))


def _clock(value: dt.datetime | dt.time | None, lang: str) -> str:
    return clock_time(value, lang) if value else ""


def _dates(day: dt.date | None, lang: str, prefix: str) -> dict[str, str]:
    """A date three ways: in running text, in a table, and ISO for a template's own use."""
    return {
        prefix: written_date(day, lang) if day else "",
        f"{prefix}_table": table_date(day, lang) if day else "",
        f"{prefix}_iso": day.isoformat() if day else "",
    }


def _iso_day(text: str | None) -> dt.date | None:
    """An earlier meeting's date, stored as ISO text; anything else is not a date to write."""
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _vote(vote: Vote, lang: str) -> dict[str, Any]:
    passed = carried(vote.votes_for, vote.against)
    return {
        # "Afstemning", or "Afstemning blandt DS' medlemmer" when one organisation voted
        "heading": t("minutes.vote", lang=lang) if vote.organisation is None else among(vote.organisation, lang),
        "organisation": vote.organisation,
        "subject": vote.subject,
        "for": vote.votes_for,
        "against": vote.against,
        "abstain": vote.abstain,
        "present": vote.present,
        "carried": passed,
        "outcome": t("minutes.vote_carried" if passed else "minutes.vote_lost", lang=lang),
    }


def _action(action: ActionItem, lang: str) -> dict[str, Any]:
    return {"what": action.what, "who": action.who, "done": action.done, **_dates(action.deadline, lang, "deadline")}


def _sent_to(meeting: Meeting, index: int, kind: ForwardKind, ref: int, lang: str) -> list[str]:
    """The venues a matter is sent on to, in words ("MED-udvalg"); empty when it is not."""
    return [venue_word(v, lang=lang) for v in meeting.forwarded_to(index).get((kind, ref), ())]


def _decision(meeting: Meeting, index: int, decision: Decision, lang: str) -> dict[str, Any]:
    """A decision with what the dialogue chain adds to it: the answers given to the
    principles' questions (only those), when a temporary solution is reviewed, the
    solutions it was drafted from, and where it is sent on."""
    options = meeting.items[index].item.options
    return {
        "text": decision.text,
        "principles": [principle_words(p, lang=lang) for p in decision.principles],
        "answers": [
            {"principle": principle_words(p, lang=lang), "question": principle_question(p, lang=lang), "answer": answer}
            for p, answer in decision.answers
        ],
        **_dates(decision.review, lang, "review"),
        "solutions": [options[i] for i in decision.solutions if i < len(options)],
        "venues": _sent_to(meeting, index, ForwardKind.DECISION, decision.id, lang),
    }


def _item_view(meeting: Meeting, number: int, state: ItemState, lang: str, restricted: bool) -> dict[str, Any]:
    item = state.item
    now = meeting.ended_at or meeting.clock()
    hidden = item.confidential and not restricted
    view: dict[str, Any] = {
        "number": number,
        "title": t("minutes.closed_item", lang=lang) if hidden else item.title,
        "type": item_type_in_minutes(item.type, lang=lang),
        "is_decision": item.type is ItemType.BESLUTNING,
        "confidential": item.confidential,
        "hidden": hidden,
        "planned": item.minutes,
        "used": _minutes(state.seconds_used(now)) if state.visited else None,
        "reached": state.visited,
        "added": state.added,
        "carry_on": state.carry_on,
        "skipped": state.skipped,
    }
    if hidden:
        return {key: value for key, value in view.items() if key in HIDDEN_ITEM_KEYS}
    view.update(
        standard=is_standard(item.title),
        purpose=item.purpose,  # for a template of one's own; ours leave it in the agenda
        presenter=item.presenter,
        prompts=[p for i, p in enumerate(item.prompts) if i in state.discussed],
        options=[o for i, o in enumerate(item.options) if i in state.chosen],
        option_venues=[_sent_to(meeting, number - 1, ForwardKind.SOLUTION, i, lang) for i in sorted(state.chosen)],
        notes_venues=_sent_to(meeting, number - 1, ForwardKind.NOTES, 0, lang),
        notes=demote_block(state.notes, ITEM_HEADING_LEVEL),
        decisions=[_decision(meeting, number - 1, d, lang) for d in state.decisions],
        votes=[_vote(v, lang) for v in state.votes],
        actions=[_action(a, lang) for a in state.actions],
        checklist=_checklist(meeting, number - 1, lang, restricted),
        attachments=_attachments(item.attachments),
        speakers=[
            {"name": name, "seconds": round(seconds)} for name, seconds in meeting.speaking_seconds(number - 1).items()
        ],  # who spoke on the item and for how long, most first: for a template that shows it
    )
    return view


def _attachments(attachments: tuple[Attachment, ...]) -> list[dict[str, str]]:
    """Documents (bilag): a title and where it is; a template links them through ``link``."""
    return [{"title": a.title, "href": a.href} for a in attachments]


def _checklist(meeting: Meeting, index: int, lang: str, restricted: bool) -> list[dict[str, Any]]:
    """The item's checklist with each point's status here and its last one before; empty
    unless some point was given a status here (an untouched list says nothing). A last
    status set under a closed item is the restricted copy's only, as the follow-up's is."""
    lines = meeting.check_lines(index)
    if not any(line.status is not None for line in lines):
        return []
    return [
        {
            "point": line.point,
            "status": status_words(line.status, lang),
            "set": line.status is not None,
            "before": status_words(line.before.status, lang)
            if line.before and (restricted or not line.before.confidential)
            else "",
        }
        for line in lines
    ]


def _carried_check(check: CarriedCheck, lang: str) -> dict[str, Any]:
    day = _iso_day(check.meeting_date)
    return {
        "point": check.point,
        "status": status_words(check.status, lang),
        "missing": check.status.value == "mangler",
        "meeting_title": check.meeting_title,
        "meeting_date": written_date(day, lang) if day else check.meeting_date or "",
    }


def _time_use(items: list[dict[str, Any]]) -> dict[str, Any]:
    """The appendix for the chair: planned and used minutes per item, and the sums."""
    return {
        "rows": [{key: v[key] for key in ("number", "title", "hidden", "confidential", "planned", "used")} for v in items],
        "planned": sum(v["planned"] or 0 for v in items),
        "used": sum(v["used"] or 0 for v in items),
    }


def _next_meeting(meeting: Meeting, lang: str) -> dict[str, str]:
    """The next meeting as recorded: when, written out, and where, as typed (a template
    passes it through ``inline``); both empty when the room recorded none."""
    planned = meeting.next_meeting
    if planned is None:
        return {"next_meeting_when": "", "next_meeting_place": ""}
    return {"next_meeting_when": written_when(planned, lang), "next_meeting_place": planned.place or ""}


def _approval(approval: MinutesApproval | None, lang: str) -> dict[str, Any] | None:
    """The meeting's own approval, with its line already written; None while a draft."""
    if approval is None:
        return None
    on = written_date(approval.on, lang)
    return {
        "on": on,
        "on_iso": approval.on.isoformat(),
        "remark": approval.remark,
        "by_meeting": approval.by_meeting,
        "text": t(
            "minutes.approved_at_meeting" if approval.by_meeting is not None else "minutes.approved_on", lang=lang, date=on
        ),
    }


def _previous(previous: PreviousMinutes | None, lang: str) -> dict[str, Any] | None:
    """The group's previous referat, as this meeting's approval item names it."""
    if previous is None:
        return None
    return {
        "meeting_id": previous.meeting_id,
        "title": previous.title,
        **_dates(previous.held, lang, "date"),
        "approved": previous.approved,
        "remark": previous.remark,
    }


def held_on(meeting: Meeting) -> dt.date | None:
    """The day the meeting was held: its recorded start; before it starts, the planned day."""
    return meeting.started_at.date() if meeting.started_at else meeting.info.date


def context(meeting: Meeting, *, restricted: bool = False, lang: str | None = None, times: bool = False) -> dict[str, Any]:
    """Everything a template may show, as plain data; ``times`` asks for the time appendix."""
    lang = lang or get_language()
    info = meeting.info
    attendees = list(meeting.attendees.values())
    guests = frozenset(info.guests)  # named apart; a guest who did not come is not the minutes' business
    members = [a for a in attendees if a.name not in guests]
    named = attendance_names(meeting, lang)  # with organisations in a joint meeting
    items = [_item_view(meeting, n, s, lang, restricted) for n, s in enumerate(meeting.items, start=1)]
    carried_index = meeting.carried_item()
    approval_item = items[carried_index]["number"] if carried_index is not None and not items[carried_index]["hidden"] else None
    start = meeting.started_at
    date = held_on(meeting)
    next_item = next((v for v in items if v["title"].casefold().startswith("næste møde") and not v["hidden"]), None)
    return {
        "lang": lang,
        "restricted": restricted,
        "title": info.title,
        "kind": info.kind.value,
        "group": joined(info.all_groups(), lang) or None,  # every group of a joint meeting
        "groups": list(info.all_groups()),
        "purpose": info.purpose,
        "date": long_date(date, lang) if date else "",
        "iso_date": date.isoformat() if date else "",
        "start": _clock(start or info.start, lang),
        "end": _clock(meeting.ended_at, lang),
        "location": info.location,
        "chair": meeting.chair,
        "secretary": meeting.secretary,
        "present": [named[a.name] for a in members if a.presence is Presence.PRESENT],
        "absent": [named[a.name] for a in members if a.presence is Presence.ABSENT],
        "apologies": [named[a.name] for a in members if a.presence is Presence.APOLOGIES],
        "guests": [a.name for a in attendees if a.name in guests and a.presence is Presence.PRESENT],
        "arrivals": [{"name": a.name, "time": _clock(a.arrived, lang)} for a in attendees if a.arrived],
        "departures": [{"name": a.name, "time": _clock(a.left, lang)} for a in attendees if a.left],
        "items": items,
        "carried": [
            {
                "what": c.what,
                "who": c.who,
                **_dates(c.deadline, lang, "deadline"),
                "meeting_title": c.meeting_title,
                "meeting_date": written_date(day, lang) if (day := _iso_day(c.meeting_date)) else c.meeting_date or "",
                "done": c.done,
                "confidential": c.confidential,
            }
            for c in meeting.carried
            if restricted or not c.confidential  # from a closed item: the restricted copy only
        ],
        "carried_checks": [_carried_check(c, lang) for c in meeting.carried_checks if restricted or not c.confidential],
        "attachments": _attachments(info.attachments),
        "carried_item": approval_item,
        "approval_item": approval_item,  # "Godkendelse af referat", where the previous referat is approved
        "draft": meeting.approval is None,
        "draft_mark": t("minutes.draft", lang=lang),
        "approval": _approval(meeting.approval, lang),
        "previous_minutes": _previous(meeting.previous_minutes, lang),
        "actions": [dict(a, item=v["number"]) for v in items if not v["hidden"] for a in v["actions"]],
        "next_meeting": [d["text"] for d in next_item["decisions"]] if next_item else [],
        **_next_meeting(meeting, lang),
        "has_confidential": any(v["confidential"] for v in items),
        "show_times": times,
        "time_use": _time_use(items),
    }
