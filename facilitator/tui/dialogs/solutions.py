"""The solutions picker: the current item's solutions, numbered, to choose fast.

In a test meeting every tick on the solutions was lost to a list far down the item view,
reached by Tab after Tab. Here one key opens them all, numbered 1..9 (and on); a digit or
Space chooses (or un-chooses) one, at once, through ``Meeting.toggle_option``; and the
chosen ones become a draft decision (b) or the highlighted one an action item (o). The
picker closes and hands what is to follow (:class:`NextStep`) to the meeting screen,
which opens that dialog: the picker itself only chooses. It hands it on in the same key's
handling, not as a result delivered later, so the keys typed after b (the draft's last
words, Enter) reach the dialog that opens, not the screen under it (key_order.py).

A list, not a form: no field to type in, so its keys are letters and digits, as the
attendance list's are.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Label, OptionList, Static
from textual.widgets.option_list import Option

from facilitator.errors import FacilitatorError
from facilitator.i18n import t
from facilitator.meeting.drafts import undecided
from facilitator.meeting.labels import venue_word
from facilitator.meeting.model import Meeting
from facilitator.meeting.records import ForwardKind
from facilitator.tui import literal
from facilitator.tui.commands import SOLUTION_COMMANDS, bindings
from facilitator.tui.dialogs.form import AnswerButton
from facilitator.tui.widgets.key_footer import KeyFooter

CHOSEN_MARK = "☑"
OPEN_MARK = "☐"


class NextStep(NamedTuple):
    """What the picker closed for: a decision drafted from ``solutions``, or an action
    item from the one solution in it."""

    kind: str  # "decision" or "action"
    solutions: tuple[int, ...]


def solution_line(meeting: Meeting, index: int, option: int) -> Content:
    """One solution as the picker lists it: its number, whether it is chosen, its text,
    and what the room knows of it (temporary; sent on where)."""
    state = meeting.items[index]
    chosen = option in state.chosen
    mark = CHOSEN_MARK if chosen else OPEN_MARK
    parts: list[tuple[str, str] | str] = [(f"{mark} {option + 1}. ", "bold $success" if chosen else "$text-muted")]
    parts.append((state.item.options[option], "bold" if chosen else ""))
    if option in state.item.temporary:
        parts.append((f" ({t('solutions.temporary')})", "$warning"))
    venues = meeting.forwarded_to(index).get((ForwardKind.SOLUTION, option), ())
    if venues:
        parts.append((" → " + ", ".join(venue_word(v) for v in venues), "$accent"))
    return literal.assemble(*parts)


def _digit(key: str, character: str | None) -> bool:
    return character is not None and len(character) == 1 and character in "123456789" and key == character


class NumberedList(OptionList):
    """The solutions, where a digit means the solution of that number.

    The list reads a digit itself, before any binding sees it, because a binding's action
    is not told which of its keys ran it; the binding of the numbers (``solution_number``)
    is there for the help screen and a person's keymap."""

    class NumberPressed(Message):
        def __init__(self, number: int) -> None:
            super().__init__()
            self.number = number

    def check_consume_key(self, key: str, character: str | None) -> bool:
        """A digit is the list's own, as a letter is a field's: the app gives it here in
        the order typed (key_order.py) instead of running the binding."""
        return _digit(key, character) or super().check_consume_key(key, character)

    async def _on_key(self, event: events.Key) -> None:
        if _digit(event.key, event.character):
            assert event.character is not None
            event.stop()
            event.prevent_default()
            self.post_message(self.NumberPressed(int(event.character)))
            return
        await super()._on_key(event)


class SolutionsDialog(ModalScreen[None]):
    """Closes with nothing to give: the choices are made at once, and a next step asked for
    goes to ``then``."""

    BINDINGS = bindings(SOLUTION_COMMANDS)
    COMMANDS_TABLE = SOLUTION_COMMANDS

    def __init__(self, meeting: Meeting, then: Callable[[NextStep], None]) -> None:
        super().__init__(id="solutions-dialog")
        assert meeting.current is not None
        self.meeting = meeting
        self.then = then
        self.index = meeting.current
        self.cursor = 0
        """The highlighted solution, kept here too: a key typed right behind the one that
        opened the picker may act before the list is drawn."""

    def compose(self) -> ComposeResult:
        item = self.meeting.items[self.index].item
        with Vertical(classes="dialog wide"):
            # One line each for the title and the keys: on a laptop's 24 rows the list of a
            # shipped item (seven solutions, some of three lines) needs the rest.
            yield Label(literal.line(f"{t('cmd.choose_solutions')}: {self.index + 1}. {item.title}"), classes="dialog-title")
            yield NumberedList(*self._options(), id="solutions")
            yield Static(self._summary(), id="solutions-summary", classes="dialog-hint")
            with Horizontal(classes="dialog-buttons"):
                yield AnswerButton(literal.line(t("cmd.close_solutions")), id="answer-no", compact=True)
        yield KeyFooter(first=("toggle_solution", "draft_decision", "solution_action", "close_solutions"))

    def _options(self) -> list[Option]:
        count = len(self.meeting.items[self.index].item.options)
        return [Option(solution_line(self.meeting, self.index, i), id=str(i)) for i in range(count)]

    def on_mount(self) -> None:
        self.refresh_solutions()
        self.set_focus(self.query_one("#solutions", OptionList))

    def refresh_solutions(self) -> None:
        if not self.is_mounted:
            return  # on_mount draws it as it then is
        solutions = self.query_one("#solutions", OptionList)
        for position, option in enumerate(self._options()):  # in place: the list keeps its scroll
            solutions.replace_option_prompt_at_index(position, option.prompt)
        solutions.highlighted = self.cursor
        self.query_one("#solutions-summary", Static).update(self._summary())

    def _summary(self) -> Content:
        """Which are chosen, and the keys the footer does not show (the numbers)."""
        chosen = sorted(self.meeting.items[self.index].chosen)
        summary = t("dialog.solutions.chosen", numbers=", ".join(str(i + 1) for i in chosen)) if chosen else ""
        return literal.line(" · ".join(x for x in (summary, t("dialog.solutions.hint")) if x))

    def _toggle(self, option: int) -> None:
        try:
            self.meeting.toggle_option(option, self.index)
        except FacilitatorError as error:
            self.notify(str(error), severity="warning")
        self.cursor = option
        self.refresh_solutions()

    def _highlighted(self) -> int:
        """The list's highlight once it is drawn (the arrow keys move it at once), else
        where the picker opened or last chose."""
        if self.is_mounted:
            highlighted = self.query_one("#solutions", OptionList).highlighted
            if highlighted is not None:
                self.cursor = highlighted
        return self.cursor

    @on(NumberedList.NumberPressed)
    def number_pressed(self, event: NumberedList.NumberPressed) -> None:
        if event.number > len(self.meeting.items[self.index].item.options):
            self.notify(t("dialog.solutions.no_number", number=event.number), severity="warning", timeout=3)
            return
        self._toggle(event.number - 1)

    def action_solution_number(self) -> None:
        """A key a person's keymap gave the numbers: the list reads the digits themselves
        (:class:`NumberedList`), so this is reached only by another key, and chooses the
        highlighted solution."""
        self.action_toggle_solution()

    def action_toggle_solution(self) -> None:
        self._toggle(self._highlighted())

    @on(OptionList.OptionSelected, "#solutions")
    def selected(self, event: OptionList.OptionSelected) -> None:
        """Enter or a click on a solution chooses it, as Space does."""
        self._toggle(int(event.option.id or 0))

    def action_draft_decision(self) -> None:
        """The chosen solutions no decision has taken up yet; when all have been, all of
        them again (a second decision on the same)."""
        state = self.meeting.items[self.index]
        if not state.chosen:
            self.notify(t("dialog.solutions.none_chosen"), severity="warning", timeout=4)
            return
        self._go_on(NextStep("decision", undecided(state) or tuple(sorted(state.chosen))))

    def action_solution_action(self) -> None:
        self._go_on(NextStep("action", (self._highlighted(),)))

    def _go_on(self, step: NextStep) -> None:
        self.dismiss(None)
        self.then(step)

    def action_close(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#answer-no")
    async def close_pressed(self) -> None:
        await self.run_action("close")
