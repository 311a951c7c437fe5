"""Attendance and roles: who is here, who sent apologies, who left, chair and referent.

A list of everyone with keys that act on the highlighted person, and a field to add
someone who was not on the agenda's list. Every change is a core method and is saved at
once, so the dialog has nothing to save or cancel: Escape just closes it.

Enter in the name field is the dialog's own key, run when the app reads it (after the
letters before it have landed, type_ahead.py): the name is added and the field emptied
before the next name's letters are given out. Left to the field, Enter went up to the app
behind the keys typed after it, and a burst of "Kim", Enter, "Per", Enter added "KimPer".
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Label, OptionList, Static

from facilitator.errors import FacilitatorError
from facilitator.i18n import t
from facilitator.meeting.model import Meeting
from facilitator.meeting.records import Presence
from facilitator.tui import literal
from facilitator.tui.commands import ATTENDANCE_COMMANDS, bindings
from facilitator.tui.dialogs.form import AnswerButton
from facilitator.tui.type_ahead import typed_so_far
from facilitator.tui.widgets.attendance_panel import person_line
from facilitator.tui.widgets.key_footer import KeyFooter
from facilitator.tui.widgets.text_entry import TextInput, field_text


class AttendanceDialog(ModalScreen[None]):
    BINDINGS = bindings(ATTENDANCE_COMMANDS)
    COMMANDS_TABLE = ATTENDANCE_COMMANDS

    def __init__(self, meeting: Meeting) -> None:
        super().__init__(id="attendance-dialog")
        self.meeting = meeting
        self.quit_warned = False
        self.organisations = known_organisations(meeting)
        """What the organisation key goes through, and the field suggests."""

    def has_typed(self) -> bool:
        return bool(self.query_one("#field-name", Input).value.strip())

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label(literal.line(t("cmd.attendance")), classes="dialog-title")
            yield Static(literal.EMPTY, id="attendance-summary")
            yield OptionList(id="people")
            if not self.organisations:
                yield Label(literal.line(t("dialog.attendance.add")), classes="field-label")
                yield TextInput(id="field-name", placeholder=t("dialog.attendance.add_placeholder"))
            else:  # a joint meeting: whom you add comes from one of its organisations, in a field beside
                yield Label(literal.line(t("dialog.attendance.add_joint")), classes="field-label")
                known = SuggestFromList([field_text(o) for o in self.organisations], case_sensitive=False)
                placeholder = t("dialog.attendance.organisation_placeholder", example=self.organisations[0])
                with Horizontal(id="add-row"):
                    yield TextInput(id="field-name", placeholder=t("dialog.attendance.add_placeholder"))
                    yield TextInput(id="field-organisation", placeholder=placeholder, suggester=known)
            yield Static(literal.EMPTY, id="error-name", classes="field-error")
            with Horizontal(classes="dialog-buttons"):
                yield AnswerButton(literal.line(t("cmd.close_attendance")), id="answer-no", compact=True)
        yield KeyFooter(first=("close_attendance",))

    def on_mount(self) -> None:
        self.refresh_people()
        people = self.query_one("#people", OptionList)
        if people.option_count:
            people.highlighted = 0
            self.set_focus(people)
        else:  # nobody listed yet: the names are what is needed first, typed the moment it opens
            self.set_focus(self.query_one("#field-name", Input))

    def refresh_people(self, keep: str | None = None) -> None:
        people = self.query_one("#people", OptionList)
        names = list(self.meeting.attendees)
        highlighted = people.highlighted
        people.set_options([person_line(self.meeting, person) for person in self.meeting.attendees.values()])
        if keep in names:
            people.highlighted = names.index(keep)
        elif highlighted is not None and names:
            people.highlighted = min(highlighted, len(names) - 1)
        here, total = self.meeting.present_count(), len(names)
        self.query_one("#attendance-summary", Static).update(literal.line(t("attendance.title", here=here, total=total)))

    def _selected(self) -> str | None:
        people = self.query_one("#people", OptionList)
        if people.highlighted is None or not self.meeting.attendees:
            return None
        return list(self.meeting.attendees)[people.highlighted]

    def _act(self, change: str) -> None:
        name = self._selected()
        if name is None:
            return
        person = self.meeting.attendees[name]
        try:
            if change == "present":
                self.meeting.set_presence(name, Presence.ABSENT if person.presence is Presence.PRESENT else Presence.PRESENT)
            elif change == "apologies":
                self.meeting.set_presence(name, Presence.APOLOGIES)
            elif change == "organisation":
                self.meeting.set_membership(name, _next(self.organisations, person.organisation), person.votes)
            elif change == "vote":
                self.meeting.set_membership(name, person.organisation, not person.votes)
            elif change == "leave":
                if person.left is not None or not person.is_here:
                    self.meeting.return_(name)
                else:
                    self.meeting.leave(name)
            else:
                current = self.meeting.chair if change == "chair" else self.meeting.secretary
                self.meeting.set_role(change, None if current == name else name)
        except FacilitatorError as error:
            self.notify(str(error), severity="warning")
        self.refresh_people(keep=name)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "cycle_organisation" and not self.organisations:
            return False  # nothing to go through: a meeting of one group without organisations
        if action in (
            "toggle_present",
            "apologies",
            "leave_return",
            "make_chair",
            "make_secretary",
            "cycle_organisation",
            "toggle_vote",
        ):
            return isinstance(self.focused, OptionList)  # in the name field the keys type and edit
        if action == "add_person":  # Enter in the list is the list's
            return isinstance(self.focused, Input)
        return True

    def action_toggle_present(self) -> None:
        self._act("present")

    def action_apologies(self) -> None:
        self._act("apologies")

    def action_leave_return(self) -> None:
        self._act("leave")

    def action_make_chair(self) -> None:
        self._act("chair")

    def action_make_secretary(self) -> None:
        self._act("secretary")

    def action_cycle_organisation(self) -> None:
        self._act("organisation")

    def action_toggle_vote(self) -> None:
        self._act("vote")

    def action_close(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#answer-no")
    async def close_pressed(self) -> None:
        await self.run_action("close")

    async def action_add_person(self) -> None:
        await typed_so_far(self.app)  # a name and its Enter in one burst: the name first
        field = self.query_one("#field-name", Input)
        error = self.query_one("#error-name", Static)
        organisation = self.query_one("#field-organisation", Input).value if self.organisations else None
        try:
            person = self.meeting.add_person(field.value, organisation)
        except FacilitatorError as problem:
            error.update(literal.block(str(problem)))
            return
        error.update(literal.EMPTY)
        field.value = ""  # the organisation stays: the next one added is often from the same
        self.refresh_people(keep=person.name)
        if person.organisation and person.organisation not in self.organisations:
            self.organisations = (*self.organisations, person.organisation)


def known_organisations(meeting: Meeting) -> tuple[str, ...]:
    """The organisations of a joint meeting, as met: those the attendees come from, then the
    meeting's groups. None for a meeting of one group whose agenda names none."""
    found = dict.fromkeys(a.organisation for a in meeting.attendees.values() if a.organisation)
    if len(meeting.info.all_groups()) > 1:
        found |= dict.fromkeys(meeting.info.all_groups())
    return tuple(found)


def _next(organisations: tuple[str, ...], current: str | None) -> str | None:
    """The organisation after ``current``; after the last, none."""
    if current not in organisations:
        return organisations[0] if organisations else None
    position = organisations.index(current) + 1
    return organisations[position] if position < len(organisations) else None
