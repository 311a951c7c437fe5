"""The dialogs of the meeting screen, each a form whose ``apply`` calls one core method.

The core checks every value again; a field is checked here first only to put the
message beside the right field.
"""

from __future__ import annotations

from collections.abc import Callable

from facilitator.agenda.model import ItemType
from facilitator.errors import FieldError, MeetingError
from facilitator.i18n import t
from facilitator.meeting.labels import item_type_word
from facilitator.meeting.model import Meeting
from facilitator.meeting.records import ActionItem, Vote
from facilitator.tui.dialogs.decision_form import decision_dialog as decision_dialog  # its home; named here as before
from facilitator.tui.dialogs.form import Field, FormDialog, Values, count, required
from facilitator.tui.widgets.text_entry import field_text


def _names(meeting: Meeting, *, here_only: bool = False) -> tuple[str, ...]:
    return tuple(name for name, person in meeting.attendees.items() if person.is_here or not here_only)


def known_name(meeting: Meeting, typed: str, *, here_only: bool = False) -> str:
    """The attendee meant by ``typed``: the same name in any case, or the only one it begins.

    The name field suggests a completion as you type; pressing Enter without accepting it
    should still mean the person suggested, not a new person called "Å". A name is
    compared as the field shows and keeps it (its control characters as signs), so a
    name from the agenda with an escape in it can still be typed or taken from a suggestion.
    """
    names = _names(meeting, here_only=here_only)
    folded = typed.casefold()
    exact = [name for name in names if field_text(name).casefold() == folded]
    if exact:
        return exact[0]
    starting = [name for name in names if field_text(name).casefold().startswith(folded)]
    return starting[0] if len(starting) == 1 else typed


def action_dialog(meeting: Meeting, what: str = "") -> FormDialog[ActionItem]:
    """``what`` is the text to start from: a solution made an action item, to edit."""
    fields = [
        Field("what", t("dialog.action.what"), kind="long", value=what),
        Field("who", t("dialog.action.who"), suggestions=_names(meeting)),
        Field("deadline", t("dialog.action.deadline"), placeholder=t("dialog.action.deadline_placeholder")),
    ]

    def apply(values: Values) -> ActionItem:
        what, who = required(values, "what"), known_name(meeting, required(values, "who"))
        try:
            return meeting.add_action(what, who, values["deadline"] or None)
        except MeetingError as error:
            if values["deadline"]:
                raise FieldError("deadline", str(error)) from None
            raise

    return FormDialog(t("cmd.add_action"), fields, apply, dialog_id="action")


def vote_dialog(meeting: Meeting) -> FormDialog[Vote]:
    """Where the voters here come from more than one organisation (a joint meeting), the
    chair chooses who votes: all those entitled, or one organisation's members."""
    present = meeting.voters_present()  # the guests and those without a vote do not vote
    fields = [
        Field("subject", t("dialog.vote.subject"), kind="long"),
        Field("votes_for", t("meeting.field.votes_for"), kind="integer", placeholder="0"),
        Field("against", t("meeting.field.against"), kind="integer", placeholder="0"),
        Field("abstain", t("meeting.field.abstain"), kind="integer", placeholder="0"),
    ]
    organisations = meeting.vote_organisations()
    if len(organisations) > 1:
        voters = ((t("dialog.vote.all_entitled", count=present), ""),) + tuple(
            (t("dialog.vote.only", organisation=o, count=meeting.voters_present(o)), o) for o in organisations
        )
        fields.insert(1, Field("voters", t("dialog.vote.voters"), kind="select", value="", choices=voters))

    def apply(values: Values) -> Vote:
        subject = required(values, "subject")
        votes_for, against, abstain = count(values, "votes_for"), count(values, "against"), count(values, "abstain")
        if votes_for + against + abstain == 0:
            raise FieldError("votes_for", t("dialog.vote.none"))
        try:
            return meeting.record_vote(subject, votes_for, against, abstain, organisation=values.get("voters") or None)
        except MeetingError as error:
            raise FieldError("abstain", str(error)) from None  # the counts together are too many

    note = t("dialog.vote.present", present=present) if present else t("dialog.vote.no_attendance")
    return FormDialog(t("cmd.record_vote"), fields, apply, note=note, dialog_id="vote")


def speaker_dialog(meeting: Meeting) -> FormDialog[str]:
    """Closes with the name of the person who asked for the floor."""
    fields = [
        Field("name", t("dialog.speaker.name"), suggestions=_names(meeting, here_only=True)),
        Field("point_of_order", t("dialog.speaker.point_of_order"), kind="check"),
    ]
    confirmed: list[str] = []

    def apply(values: Values) -> str:
        name = known_name(meeting, required(values, "name"), here_only=True)
        name = known_name(meeting, name)
        if name in meeting.attendees:
            pass
        elif name not in confirmed:
            confirmed.append(name)  # a second Enter adds them: someone from the floor, not a typo
            raise FieldError("name", t("dialog.speaker.unknown", name=name))
        else:
            meeting.add_person(name)
        try:
            meeting.request_floor(name, point_of_order=bool(values["point_of_order"]))
        except MeetingError as error:
            raise FieldError("name", str(error)) from None
        return name

    return FormDialog(t("cmd.add_speaker"), fields, apply, dialog_id="speaker")


def item_dialog(meeting: Meeting) -> FormDialog[int]:
    """Closes with the index of the item added."""
    types = tuple((item_type_word(kind), kind.value) for kind in ItemType)
    fields = [
        Field("title", t("dialog.item.title"), kind="long"),
        Field("type", t("dialog.item.type"), kind="select", value=ItemType.DROEFTELSE.value, choices=types),
        Field("minutes", t("dialog.item.minutes"), kind="integer", placeholder="10"),
    ]

    def apply(values: Values) -> int:
        title = required(values, "title")
        minutes = count(values, "minutes") or None
        try:
            return meeting.add_item(title, values["type"], minutes)
        except MeetingError as error:
            raise FieldError("minutes" if minutes else "title", str(error)) from None

    return FormDialog(t("cmd.add_item"), fields, apply, note=t("dialog.item.note"), dialog_id="item")


def waiting_dialog(meeting: Meeting, target: int, move: Callable[[bool], object]) -> FormDialog[bool]:
    """Asked when the chair leaves an item with people still waiting for the floor: the
    list is the item's, so Enter lets them go; the check takes them along to ``target``;
    Escape stays. ``move`` goes to the item (True: keep those waiting)."""
    names = ", ".join(request.name for request in meeting.speakers.queue)
    title = meeting.items[target].item.title

    def apply(values: Values) -> bool:
        move(bool(values["keep"]))
        return True

    fields = [Field("keep", t("dialog.waiting.keep"), kind="check", value=False)]
    return FormDialog(
        t("dialog.waiting.title"), fields, apply, note=t("dialog.waiting.note", names=names, title=title), dialog_id="waiting"
    )
