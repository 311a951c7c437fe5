"""The whole shape of a meeting snapshot, checked before a Meeting is built from it.

A snapshot comes from the archive or a rescue file, and both are files a person can
edit, a disk can damage or a newer facilitator can have written. ``store.snapshot``
rebuilds a meeting trusting that the data is what ``to_dict`` wrote; a hand-edited value
would otherwise surface much later, as a traceback in the minutes, the next agenda or the
meeting screen (a "current" of 99 crashed ``resume``). So everything the meeting relies
on is checked here first, in one linear walk: types, required keys, the values of
choices, ISO dates and times without a zone (the meeting's clock has none), numbers in
their range, indexes that point at something (the current item, discussed prompts,
chosen options, a speech's item) and ids that are unique. The first thing wrong is
raised as a :class:`SnapshotError` whose text is one short line saying where and what.

Keys the meeting does not know are refused too: ``from_dict`` passes some tables on as
keyword arguments, where an unknown key would fail anyway, and a snapshot from a newer
facilitator should be refused as such rather than half read.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Final

from facilitator.agenda.links import href_problem
from facilitator.agenda.model import MAX_MINUTES, ItemType, MeetingKind
from facilitator.i18n import t
from facilitator.meeting.checklist import CheckStatus
from facilitator.meeting.records import ForwardKind, Presence, Principle
from facilitator.store.snapshot_joint import JOINT_INFO_KEYS, JointChecks
from facilitator.store.snapshot_values import MAX_COUNT, MAX_ID, shown

SNAPSHOT_VERSION: Final = 1
"""The version this module checks; ``snapshot.SNAPSHOT_VERSION`` must equal it."""


def check_snapshot(data: object) -> None:
    """Raise :class:`SnapshotError` unless ``data`` is a meeting snapshot ``from_dict`` can
    rebuild into a meeting that every command can show, save and go on with."""
    _Checker().snapshot(data)


class _Checker(JointChecks):
    """One walk over a snapshot, from the top down."""

    # --- the snapshot

    def snapshot(self, data: object) -> None:
        if isinstance(data, dict) and "version" in data:  # a newer snapshot is told as such, not by its new keys
            version = data["version"]
            if isinstance(version, bool) or version != SNAPSHOT_VERSION:
                raise self.fail("snapshot.version", value=shown(version), supported=SNAPSHOT_VERSION)
        snapshot = self.table(
            data,
            t("snapshot.where.top"),
            (
                "version",
                "info",
                "started_at",
                "ended_at",
                "current",
                "chair",
                "secretary",
                "last_id",
                "attendees",
                "items",
                "speakers",
            ),
            ("carried", "next_meeting", "previous_minutes", "carried_checks"),
        )
        self.info(snapshot["info"])
        self.datetime(snapshot["started_at"], "started_at")
        self.datetime(snapshot["ended_at"], "ended_at")
        if snapshot["ended_at"] is not None and snapshot["started_at"] is None:
            raise self.fail("snapshot.ended_not_started")
        self.text(snapshot["chair"], "chair", optional=True)
        self.text(snapshot["secretary"], "secretary", optional=True)
        self.attendees(snapshot["attendees"])
        items = self.list_(snapshot["items"], "items")
        if not items:
            raise self.fail("snapshot.no_items")
        for number, state in enumerate(items):
            self.item_state(state, f"items[{number}]")
        self.number(snapshot["current"], "current", 0, len(items) - 1, optional=True)
        last_id = self.number(snapshot["last_id"], "last_id", 0, MAX_ID)
        assert last_id is not None
        if self.record_ids and max(self.record_ids) > last_id:
            raise self.fail("snapshot.last_id", value=last_id, highest=max(self.record_ids))
        self.carried(snapshot.get("carried", []))
        self.carried_checks(snapshot.get("carried_checks", []))
        if "next_meeting" in snapshot:
            self.next_meeting(snapshot["next_meeting"])
        if "previous_minutes" in snapshot:
            self.previous_minutes(snapshot["previous_minutes"])
        self.speakers(snapshot["speakers"])

    def info(self, value: object) -> None:
        where = "info"
        info = self.table(
            value,
            where,
            ("title", "kind", "date", "start", "participants"),
            ("group", "purpose", "duration", "location", "chair", "secretary", "guests", "attachments", *JOINT_INFO_KEYS),
        )
        self.text(info["title"], "info.title", blank=False)
        self.choice(info["kind"], "info.kind", (kind.value for kind in MeetingKind))
        for key in ("group", "purpose", "location", "chair", "secretary"):
            self.text(info.get(key), f"info.{key}", optional=True)
        self.date(info["date"], "info.date")
        self.moment(info["start"], "info.start", dt.time.fromisoformat, "time")
        self.number(info.get("duration"), "info.duration", 1, MAX_MINUTES, optional=True)
        for key in ("participants", "guests"):
            seen: set[str] = set()
            for number, name in enumerate(self.list_(info.get(key, []), f"info.{key}")):
                where_name = f"info.{key}[{number}]"
                self.text(name, where_name, blank=False)
                self.unique(seen, name, where_name)
        self.joint_info(info)
        self.attachments(info.get("attachments", []), "info.attachments")

    def attachments(self, value: object, where: str) -> None:
        """[title, href] pairs: a title on one line, an address the agenda would take."""
        for number, entry in enumerate(self.list_(value, where)):
            at = f"{where}[{number}]"
            pair = self.list_(entry, at)
            if len(pair) != 2:
                raise self.fail("snapshot.bad_attachment", where=at)
            self.text(pair[0], f"{at}[0]", blank=False)
            self.text(pair[1], f"{at}[1]", blank=False)
            if "\n" in pair[0] or pair[1] != pair[1].strip() or href_problem(pair[1]) is not None:
                raise self.fail("snapshot.bad_attachment", where=at)

    def attendees(self, value: object) -> None:
        names: set[str] = set()
        for number, entry in enumerate(self.list_(value, "attendees")):
            where = f"attendees[{number}]"
            attendee = self.table(entry, where, ("name", "presence", "arrived", "left", "added"), ("organisation", "votes"))
            self.text(attendee["name"], f"{where}.name", blank=False)
            self.unique(names, attendee["name"], f"{where}.name")
            self.choice(attendee["presence"], f"{where}.presence", (p.value for p in Presence))
            self.datetime(attendee["arrived"], f"{where}.arrived")
            self.datetime(attendee["left"], f"{where}.left")
            self.flag(attendee["added"], f"{where}.added")
            self.text(attendee.get("organisation"), f"{where}.organisation", optional=True, blank=False)
            self.flag(attendee.get("votes", True), f"{where}.votes")

    def item(self, value: object, where: str) -> tuple[int, int, int]:
        """The agenda item itself; returns how many prompts, options and checklist points it has."""
        item = self.table(
            value,
            where,
            ("title", "type", "prompts", "options"),
            ("minutes", "presenter", "purpose", "confidential", "temporary", "checklist", "attachments"),
        )
        self.text(item["title"], f"{where}.title", blank=False)
        self.choice(item["type"], f"{where}.type", (kind.value for kind in ItemType))
        self.number(item.get("minutes"), f"{where}.minutes", 1, MAX_MINUTES, optional=True)
        self.text(item.get("presenter"), f"{where}.presenter", optional=True)
        self.text(item.get("purpose"), f"{where}.purpose", optional=True)
        self.flag(item.get("confidential", False), f"{where}.confidential")
        counts = []
        for key in ("prompts", "options"):
            entries = self.list_(item[key], f"{where}.{key}")
            for number, entry in enumerate(entries):
                self.text(entry, f"{where}.{key}[{number}]", blank=False)
            counts.append(len(entries))
        for number, index in enumerate(self.list_(item.get("temporary", []), f"{where}.temporary")):
            if counts[1] == 0:
                raise self.fail("snapshot.no_choices", where=f"{where}.temporary[{number}]")
            self.number(index, f"{where}.temporary[{number}]", 0, counts[1] - 1)
        points: set[str] = set()
        for number, point in enumerate(self.list_(item.get("checklist", []), f"{where}.checklist")):
            self.text(point, f"{where}.checklist[{number}]", blank=False)
            self.unique(points, point, f"{where}.checklist[{number}]")
        self.attachments(item.get("attachments", []), f"{where}.attachments")
        return counts[0], counts[1], len(points)

    def item_state(self, value: object, where: str) -> None:
        state = self.table(
            value,
            where,
            ("id", "item", "visits", "pauses", "discussed", "chosen", "decisions", "votes", "actions", "added", "carry_on"),
            ("notes", "skipped", "forwards", "checks", "room_notes"),  # absent in older snapshots, and when not so
        )
        item_id = self.number(state["id"], f"{where}.id", 0, MAX_ID)
        self.unique(self.item_ids, item_id, f"{where}.id")
        prompts, options, points = self.item(state["item"], f"{where}.item")
        self.spans(state["visits"], f"{where}.visits")
        self.spans(state["pauses"], f"{where}.pauses")
        self.text(state.get("notes", ""), f"{where}.notes")
        for key, count in (("discussed", prompts), ("chosen", options)):
            for number, index in enumerate(self.list_(state[key], f"{where}.{key}")):
                if count == 0:
                    raise self.fail("snapshot.no_choices", where=f"{where}.{key}[{number}]")
                self.number(index, f"{where}.{key}[{number}]", 0, count - 1)
        for number, entry in enumerate(self.list_(state["decisions"], f"{where}.decisions")):
            at = f"{where}.decisions[{number}]"
            self.decision(entry, at, options)
        for number, entry in enumerate(self.list_(state["votes"], f"{where}.votes")):
            at = f"{where}.votes[{number}]"
            vote = self.table(entry, at, ("id", "subject", "for", "against", "abstain", "present", "at"), ("organisation",))
            self.record_id(vote["id"], f"{at}.id")
            self.text(vote["subject"], f"{at}.subject", blank=False)
            for key in ("for", "against", "abstain", "present"):
                self.number(vote[key], f"{at}.{key}", 0, MAX_COUNT)
            self.datetime(vote["at"], f"{at}.at")
            self.text(vote.get("organisation"), f"{at}.organisation", optional=True, blank=False)
        for number, entry in enumerate(self.list_(state["actions"], f"{where}.actions")):
            at = f"{where}.actions[{number}]"
            action = self.table(entry, at, ("id", "what", "who", "deadline", "done"))
            self.record_id(action["id"], f"{at}.id")
            self.text(action["what"], f"{at}.what", blank=False)
            self.text(action["who"], f"{at}.who", blank=False)
            self.date(action["deadline"], f"{at}.deadline")
            self.flag(action["done"], f"{at}.done")
        self.flag(state["added"], f"{where}.added")
        self.flag(state["carry_on"], f"{where}.carry_on")
        self.flag(state.get("skipped", False), f"{where}.skipped")
        self.flag(state.get("room_notes", False), f"{where}.room_notes")
        self.forwards(state.get("forwards", []), f"{where}.forwards", options)
        self.checks(state.get("checks", []), f"{where}.checks", points)

    def checks(self, value: object, where: str, points: int) -> None:
        """The checklist's statuses: [point index, status], each point once."""
        seen: set[int] = set()
        for number, entry in enumerate(self.list_(value, where)):
            at = f"{where}[{number}]"
            pair = self.list_(entry, at)
            if len(pair) != 2:
                raise self.fail("snapshot.not_check", where=at)
            if points == 0:
                raise self.fail("snapshot.no_checklist", where=f"{at}[0]")
            self.unique(seen, self.number(pair[0], f"{at}[0]", 0, points - 1), f"{at}[0]")
            self.choice(pair[1], f"{at}[1]", (s.value for s in CheckStatus))

    def decision(self, value: object, at: str, options: int) -> None:
        decision = self.table(value, at, ("id", "text", "principles", "at"), ("answers", "review", "solutions"))
        self.record_id(decision["id"], f"{at}.id")
        self.text(decision["text"], f"{at}.text", blank=False)
        principles = [p.value for p in Principle]
        for index, principle in enumerate(self.list_(decision["principles"], f"{at}.principles")):
            self.choice(principle, f"{at}.principles[{index}]", principles)
        self.datetime(decision["at"], f"{at}.at")
        answered: set[str] = set()
        for index, entry in enumerate(self.list_(decision.get("answers", []), f"{at}.answers")):
            where = f"{at}.answers[{index}]"
            pair = self.list_(entry, where)
            if len(pair) != 2:
                raise self.fail("snapshot.not_pair", where=where)
            self.choice(pair[0], f"{where}[0]", principles)
            self.unique(answered, pair[0], f"{where}[0]")
            self.text(pair[1], f"{where}[1]", blank=False)
        self.date(decision.get("review"), f"{at}.review")
        for index, option in enumerate(self.list_(decision.get("solutions", []), f"{at}.solutions")):
            if options == 0:
                raise self.fail("snapshot.no_choices", where=f"{at}.solutions[{index}]")
            self.number(option, f"{at}.solutions[{index}]", 0, options - 1)

    def forwards(self, value: object, where: str, options: int) -> None:
        """What is sent on: [kind, ref, venue]; a solution's ref must name an option (a
        decision's id is checked by the meeting, which may not have read it yet)."""
        seen: set[tuple[Any, ...]] = set()
        for number, entry in enumerate(self.list_(value, where)):
            at = f"{where}[{number}]"
            triple = self.list_(entry, at)
            if len(triple) != 3:
                raise self.fail("snapshot.not_forward", where=at)
            self.choice(triple[0], f"{at}[0]", (k.value for k in ForwardKind))
            high = options - 1 if triple[0] == ForwardKind.SOLUTION.value else MAX_ID
            if high < 0:
                raise self.fail("snapshot.no_choices", where=f"{at}[1]")
            self.number(triple[1], f"{at}[1]", 0, high)
            self.choice(triple[2], f"{at}[2]", (k.value for k in MeetingKind if k is not MeetingKind.ANDET))
            self.unique(seen, tuple(triple), at)

    def carried(self, value: object) -> None:
        seen: set[tuple[int, int]] = set()
        for number, entry in enumerate(self.list_(value, "carried")):
            where = f"carried[{number}]"
            carried = self.table(
                entry,
                where,
                ("meeting_id", "action_id", "meeting_title", "meeting_date", "what", "who", "deadline", "done"),
                ("confidential",),
            )
            meeting_id = self.number(carried["meeting_id"], f"{where}.meeting_id", 1, MAX_ID)
            action_id = self.number(carried["action_id"], f"{where}.action_id", 1, MAX_ID)
            self.unique(seen, (meeting_id, action_id), where)
            self.text(carried["meeting_title"], f"{where}.meeting_title")
            self.date(carried["meeting_date"], f"{where}.meeting_date")
            self.text(carried["what"], f"{where}.what", blank=False)
            self.text(carried["who"], f"{where}.who", blank=False)
            self.date(carried["deadline"], f"{where}.deadline")
            self.flag(carried["done"], f"{where}.done")
            self.flag(carried.get("confidential", False), f"{where}.confidential")

    def carried_checks(self, value: object) -> None:
        seen: set[str] = set()
        for number, entry in enumerate(self.list_(value, "carried_checks")):
            where = f"carried_checks[{number}]"
            check = self.table(
                entry, where, ("point", "status", "meeting_id", "meeting_title", "meeting_date"), ("confidential",)
            )
            self.text(check["point"], f"{where}.point", blank=False)
            self.unique(seen, check["point"], f"{where}.point")
            self.choice(check["status"], f"{where}.status", (s.value for s in CheckStatus))
            self.number(check["meeting_id"], f"{where}.meeting_id", 1, MAX_ID)
            self.text(check["meeting_title"], f"{where}.meeting_title")
            self.date(check["meeting_date"], f"{where}.meeting_date")
            self.flag(check.get("confidential", False), f"{where}.confidential")

    def next_meeting(self, value: object) -> None:
        """Written only when recorded (never as null): a date and a start, and maybe a place."""
        planned = self.table(value, "next_meeting", ("date", "start", "place"))
        self.moment(planned["date"], "next_meeting.date", dt.date.fromisoformat, "date", optional=False)
        self.moment(planned["start"], "next_meeting.start", dt.time.fromisoformat, "time", optional=False)
        self.text(planned["place"], "next_meeting.place", optional=True, blank=False)

    def previous_minutes(self, value: object) -> None:
        where = "previous_minutes"
        previous = self.table(value, where, ("meeting_id", "title", "held", "approved", "remark"))
        self.number(previous["meeting_id"], f"{where}.meeting_id", 1, MAX_ID)
        self.text(previous["title"], f"{where}.title", blank=False)
        self.date(previous["held"], f"{where}.held")
        self.flag(previous["approved"], f"{where}.approved")
        self.text(previous["remark"], f"{where}.remark")

    def speech(self, value: object, where: str) -> None:
        speech = self.table(value, where, ("name", "item", "span", "point_of_order"))
        self.text(speech["name"], f"{where}.name", blank=False)
        item = self.number(speech["item"], f"{where}.item", 0, MAX_ID)
        if item not in self.item_ids:
            raise self.fail("snapshot.unknown_item", where=f"{where}.item", value=item)
        self.span(speech["span"], f"{where}.span")
        self.flag(speech["point_of_order"], f"{where}.point_of_order")

    def speakers(self, value: object) -> None:
        speakers = self.table(value, "speakers", ("queue", "speeches", "current", "closed"))
        for number, entry in enumerate(self.list_(speakers["queue"], "speakers.queue")):
            where = f"speakers.queue[{number}]"
            request = self.table(entry, where, ("name", "point_of_order"))
            self.text(request["name"], f"{where}.name", blank=False)
            self.flag(request["point_of_order"], f"{where}.point_of_order")
        for number, entry in enumerate(self.list_(speakers["speeches"], "speakers.speeches")):
            self.speech(entry, f"speakers.speeches[{number}]")
        if speakers["current"] is not None:
            self.speech(speakers["current"], "speakers.current")
        self.flag(speakers["closed"], "speakers.closed")
