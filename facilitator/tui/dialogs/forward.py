"""Send videre til: mark the item's notes, a decision or a chosen solution to be taken up
by another venue (the MED committee, the staff meeting, the managers, the politicians,
the club).

Two lists: what (the item's decisions, its chosen solutions, its notes) and where to.
Space toggles the highlighted venue for the highlighted matter, through
``Meeting.forward`` and ``Meeting.unforward``, at once; Tab goes from one list to the
other; Escape closes. Nothing to save, as in the attendance list. The next agenda of a
venue takes the marked matters up (``facilitator new KIND --forwarded``).
"""

from __future__ import annotations

from typing import NamedTuple

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Label, OptionList, Static

from facilitator.agenda.model import MeetingKind
from facilitator.errors import FacilitatorError
from facilitator.i18n import t
from facilitator.meeting.labels import VENUE_KEYS, venue_word
from facilitator.meeting.model import Meeting
from facilitator.meeting.records import ForwardKind
from facilitator.tui import literal
from facilitator.tui.commands import FORWARD_COMMANDS, bindings
from facilitator.tui.dialogs.form import AnswerButton
from facilitator.tui.dialogs.solutions import CHOSEN_MARK, OPEN_MARK
from facilitator.tui.widgets.key_footer import KeyFooter

VENUES: tuple[MeetingKind, ...] = tuple(VENUE_KEYS)


class Matter(NamedTuple):
    """One thing of the item that can be sent on, and how the list names it."""

    kind: ForwardKind
    ref: int
    words: str


def matters(meeting: Meeting, index: int) -> list[Matter]:
    """The item's decisions (the newest last), its chosen solutions, its notes: what a
    chair most often sends on comes first."""
    state = meeting.items[index]
    found = [Matter(ForwardKind.DECISION, d.id, f"{t('entry.decision')}: {d.text}") for d in state.decisions]
    found += [
        Matter(ForwardKind.SOLUTION, i, f"{t('forward.solution', number=i + 1)}: {state.item.options[i]}")
        for i in sorted(state.chosen)
    ]
    if state.notes.strip():
        first = state.notes.strip().splitlines()[0]
        found.append(Matter(ForwardKind.NOTES, 0, f"{t('forward.notes')}: {first}"))
    return found


def marks_line(meeting: Meeting, index: int, kind: ForwardKind, ref: int) -> str:
    """ " → MED-udvalg, ledelsesmøde", or nothing when the matter is not sent on."""
    venues = meeting.forwarded_to(index).get((kind, ref), ())
    return " → " + ", ".join(venue_word(v) for v in venues) if venues else ""


class ForwardDialog(ModalScreen[None]):
    BINDINGS = bindings(FORWARD_COMMANDS)
    COMMANDS_TABLE = FORWARD_COMMANDS

    def __init__(self, meeting: Meeting) -> None:
        super().__init__(id="forward-dialog")
        assert meeting.current is not None
        self.meeting = meeting
        self.index = meeting.current
        self.matters = matters(meeting, self.index)
        decisions = [i for i, m in enumerate(self.matters) if m.kind is ForwardKind.DECISION]
        self.matter_at = decisions[-1] if decisions else 0
        """The decision just made is most often what is sent on: it is highlighted first."""
        self.venue_at = 0

    def compose(self) -> ComposeResult:
        item = self.meeting.items[self.index].item
        with Vertical(classes="dialog wide"):
            yield Label(literal.line(f"{t('cmd.forward_matter')}: {self.index + 1}. {item.title}"), classes="dialog-title")
            with Horizontal(id="forward-lists"):
                with Vertical(id="forward-what"):
                    yield Label(literal.line(t("dialog.forward.what")), classes="list-label")
                    yield OptionList(*self._matter_lines(), id="matters")
                with Vertical(id="forward-where"):
                    yield Label(literal.line(t("dialog.forward.where")), classes="list-label")
                    yield OptionList(*self._venue_lines(self.matter_at), id="venues")
            yield Static(literal.block(t("dialog.forward.hint")), classes="dialog-hint")
            with Horizontal(classes="dialog-buttons"):
                yield AnswerButton(literal.line(t("cmd.close_forward")), id="answer-no", compact=True)
        yield KeyFooter(first=("toggle_venue", "forward_next_list", "close_forward"))

    def on_mount(self) -> None:
        self.query_one("#matters", OptionList).highlighted = self.matter_at  # as the keys before now left it
        self.query_one("#venues", OptionList).highlighted = self.venue_at
        self.refresh_lists()
        self.set_focus(self.query_one("#matters", OptionList))

    def _at(self) -> tuple[int, int]:
        """The highlighted matter and venue: the lists' own once they are drawn (the arrow
        keys move them at once), else where the dialog opened: a key typed right behind
        the one that opened it may act before the lists are drawn."""
        if self.is_mounted:
            matter = self.query_one("#matters", OptionList).highlighted
            venue = self.query_one("#venues", OptionList).highlighted
            self.matter_at = self.matter_at if matter is None else matter
            self.venue_at = self.venue_at if venue is None else venue
        return self.matter_at, self.venue_at

    def _matter_lines(self) -> list[Content]:
        return [
            literal.assemble(m.words, (marks_line(self.meeting, self.index, m.kind, m.ref), "bold $accent")) for m in self.matters
        ]

    def _venue_lines(self, matter_at: int) -> list[Content]:
        matter = self.matters[matter_at]
        marked = self.meeting.forwarded_to(self.index).get((matter.kind, matter.ref), ())
        return [_venue_line(venue, venue in marked) for venue in VENUES]

    def refresh_lists(self) -> None:
        """The marks as they now are, in place: the lists keep their highlight and scroll."""
        if not self.is_mounted:
            return  # on_mount draws them as they then are
        matter_at, venue_at = self._at()
        matter_list = self.query_one("#matters", OptionList)
        for position, line in enumerate(self._matter_lines()):
            matter_list.replace_option_prompt_at_index(position, line)
        matter_list.highlighted = matter_at
        self._show_venues(matter_at, venue_at)

    def _show_venues(self, matter_at: int, venue_at: int) -> None:
        venue_list = self.query_one("#venues", OptionList)
        for position, line in enumerate(self._venue_lines(matter_at)):
            venue_list.replace_option_prompt_at_index(position, line)
        venue_list.highlighted = venue_at

    @on(OptionList.OptionHighlighted, "#matters")
    def matter_highlighted(self) -> None:
        self._show_venues(*self._at())

    @on(OptionList.OptionSelected, "#matters")
    def matter_selected(self) -> None:
        """Enter on a matter goes on to where it is to be sent."""
        self.set_focus(self.query_one("#venues", OptionList))

    @on(OptionList.OptionSelected, "#venues")
    def venue_selected(self) -> None:
        self.action_toggle_venue()

    def action_toggle_venue(self) -> None:
        matter_at, venue_at = self._at()
        matter, venue = self.matters[matter_at], VENUES[venue_at]
        marked = venue in self.meeting.forwarded_to(self.index).get((matter.kind, matter.ref), ())
        try:
            if marked:
                self.meeting.unforward(matter.kind, matter.ref, venue, self.index)
            else:
                self.meeting.forward(matter.kind, matter.ref, venue, self.index)
        except FacilitatorError as error:
            self.notify(str(error), severity="warning")
        self.refresh_lists()

    def action_next_list(self) -> None:
        names = ("#matters", "#venues")
        focused = self.focused
        current = next((i for i, name in enumerate(names) if self.query_one(name) is focused), 1)
        self.set_focus(self.query_one(names[(current + 1) % 2]))

    def action_close(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#answer-no")
    async def close_pressed(self) -> None:
        await self.run_action("close")


def _venue_line(venue: MeetingKind, marked: bool) -> Content:
    mark = CHOSEN_MARK if marked else OPEN_MARK
    return literal.assemble(
        (f"{mark} ", "bold $success" if marked else "$text-muted"), (venue_word(venue), "bold" if marked else "")
    )
