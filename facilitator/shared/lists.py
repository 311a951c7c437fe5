"""The shared archive's history as lists: ``meetings``, ``actions`` and ``decisions`` with
``--shared``, in the local lists' order and a page at a time (``reading.keyset``).

- meetings: newest first (by when they started: every meeting on the server has);
- actions: by deadline (none last), then meeting (oldest first), then action, as locally;
- decisions: newest meeting first, a meeting's newest decision first.

A meeting is named by its id on the server (its uid): the laptops' own numbers clash. Its
date is the day it was held (the agenda's date, else the day it started: ``HELD``), as the
local lists show it.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, NamedTuple

from facilitator.shared.reading import Reader, keyset
from facilitator.shared.records_step import HELD, NEWEST


class SharedMeeting(NamedTuple):
    uid: str
    title: str
    kind: str
    group: str
    date: str | None
    started_at: str | None
    ended_at: str | None

    @property
    def finished(self) -> bool:
        return self.ended_at is not None


class SharedAction(NamedTuple):
    meeting: str
    meeting_title: str
    meeting_date: str | None
    group: str
    action_id: int
    item_title: str
    what: str
    who: str
    deadline: str | None
    done: bool


class SharedDecision(NamedTuple):
    meeting: str
    meeting_title: str
    meeting_date: str | None
    group: str
    decision_id: int
    item_title: str
    text: str
    principles: tuple[str, ...]
    answers: tuple[tuple[str, str], ...]
    review: str | None
    forwarded_to: tuple[str, ...]


def _text(value: dt.date | dt.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def meetings(reader: Reader, *, limit: int | None) -> list[SharedMeeting]:
    groups, values = reader.where_groups("m", uid="uid")
    rows = keyset(
        reader.db,
        f"SELECT m.uid::text, m.title, m.kind, m.group_name, {HELD}, m.started_at, m.ended_at, {NEWEST}, m.uid FROM meetings m",
        groups,
        values,
        (NEWEST, "m.uid"),
        descending=True,
        limit=limit,
    )
    return [SharedMeeting(r[0], r[1], r[2], r[3], _text(r[4]), _text(r[5]), _text(r[6])) for r in rows]


def actions(reader: Reader, *, open_only: bool = False, group: str | None = None, limit: int | None) -> list[SharedAction]:
    conditions, values = reader.where_groups("a", group)
    if open_only:
        conditions.append("NOT a.done")
    order = (
        "coalesce(a.deadline, '9999-12-31'::date)",
        "coalesce(m.started_at, '0001-01-01'::timestamp)",
        "a.meeting_uid",
        "a.action_id",
    )
    rows = keyset(
        reader.db,
        f"SELECT a.meeting_uid::text, m.title, {HELD}, a.group_name, a.action_id, a.item_title, a.what, a.who, a.deadline,"
        f" a.done, {', '.join(order)} FROM actions a JOIN meetings m ON m.uid = a.meeting_uid",
        conditions,
        values,
        order,
        descending=False,
        limit=limit,
    )
    return [SharedAction(r[0], r[1], _text(r[2]), r[3], r[4], r[5], r[6], r[7], _text(r[8]), bool(r[9])) for r in rows]


def _pairs(value: Any) -> tuple[tuple[str, str], ...]:
    """A decision's answers as (principle, answer) pairs; anything else in the snapshot is none."""
    if isinstance(value, str):
        value = json.loads(value)
    pairs = value if isinstance(value, list) else []
    return tuple((str(p[0]), str(p[1])) for p in pairs if isinstance(p, list) and len(p) == 2)


def _names(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = json.loads(value)
    return tuple(str(p) for p in value) if isinstance(value, list) else ()


def decisions(reader: Reader, *, group: str | None = None, since: str | None = None, limit: int | None) -> list[SharedDecision]:
    conditions, values = reader.where_groups("d", group)
    if since is not None:
        conditions.append("d.held >= %s::date")
        values.append(since)
    order = ("d.newest", "d.meeting_uid", "d.decision_id")
    rows = keyset(
        reader.db,
        "SELECT d.meeting_uid::text, m.title, d.held, d.group_name, d.decision_id, d.item_title, d.text, d.principles,"
        f" d.answers, d.review, d.forwarded_to, {', '.join(order)} FROM decision_log d JOIN meetings m ON m.uid = d.meeting_uid",
        conditions,
        values,
        order,
        descending=True,
        limit=limit,
    )
    return [
        SharedDecision(r[0], r[1], _text(r[2]), r[3], r[4], r[5], r[6], _names(r[7]), _pairs(r[8]), r[9], tuple(r[10] or ()))
        for r in rows
    ]
