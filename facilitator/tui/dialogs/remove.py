"""Remove a decision, vote or action item entered by mistake, from the current item."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, OptionList, Static
from textual.widgets.option_list import Option

from facilitator.i18n import t
from facilitator.meeting.model import Meeting
from facilitator.tui import literal
from facilitator.tui.commands import DIALOG_COMMANDS, bindings
from facilitator.tui.dialogs.form import AnswerButton
from facilitator.tui.widgets.key_footer import KeyFooter


class RemoveDialog(ModalScreen[int]):
    """Enter (or a click) on an entry removes it; its footer and its one button say how to go back."""

    BINDINGS = bindings(DIALOG_COMMANDS)
    COMMANDS_TABLE = tuple(command for command in DIALOG_COMMANDS if command.id == "dialog_cancel")

    def __init__(self, meeting: Meeting) -> None:
        super().__init__(id="remove-dialog")
        self.meeting = meeting

    def compose(self) -> ComposeResult:
        assert self.meeting.current is not None
        state = self.meeting.items[self.meeting.current]
        entries = [
            *(Option(literal.assemble(f"{t('entry.decision')}: ", d.text), id=str(d.id)) for d in state.decisions),
            *(Option(literal.assemble(f"{t('entry.vote')}: ", v.subject), id=str(v.id)) for v in state.votes),
            *(Option(literal.assemble(f"{t('entry.action')}: ", a.what, " – ", a.who), id=str(a.id)) for a in state.actions),
        ]
        with Vertical(classes="dialog wide"):
            yield Label(literal.line(t("cmd.remove_entry")), classes="dialog-title")
            yield Static(literal.block(t("dialog.remove.note")), classes="dialog-note")
            yield OptionList(*entries, id="entries")
            yield Static(literal.block(t("dialog.remove.hint")), classes="dialog-hint")
            with Horizontal(classes="dialog-buttons"):
                yield AnswerButton(literal.line(t("cmd.dialog_cancel")), id="answer-no", compact=True)
        yield KeyFooter(first=("dialog_cancel",))

    def on_mount(self) -> None:
        self.query_one("#entries", OptionList).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return action == "cancel"  # Enter chooses in the list, which removes; no fields to go through

    @on(Button.Pressed, "#answer-no")
    async def no_pressed(self) -> None:
        await self.run_action("cancel")

    @on(OptionList.OptionSelected, "#entries")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        record_id = int(event.option.id or 0)
        self.meeting.remove(record_id)
        self.dismiss(record_id)

    def action_cancel(self) -> None:
        self.dismiss(None)
