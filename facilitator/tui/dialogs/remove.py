"""Remove a decision, vote or action item entered by mistake, from the current item.

Enter is the dialog's own key (as in every dialog), run when the app reads it: the entry
goes and the dialog closes before the keys typed after Enter are given out. Left to the
list, Enter reached the app behind them, and they went to the closing list and were lost.
A click on an entry removes it too. A decision with a review date says that its review
action goes with it (``Meeting.remove``), so nobody is surprised by an action gone.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, OptionList, Static
from textual.widgets.option_list import Option

from facilitator.i18n import t
from facilitator.meeting.model import Meeting
from facilitator.meeting.records import Decision
from facilitator.tui import literal
from facilitator.tui.commands import DIALOG_COMMANDS, bindings
from facilitator.tui.dates_shown import compact
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
            *(
                Option(literal.assemble(f"{t('entry.decision')}: ", d.text, self._review_note(d)), id=str(d.id))
                for d in state.decisions
            ),
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
        yield KeyFooter(first=("dialog_save", "dialog_cancel"), words={"save": t("cmd.remove_entry")})

    def _review_note(self, decision: Decision) -> tuple[str, str] | str:
        review = self.meeting.review_action(decision)
        if review is None or review.deadline is None:
            return ""
        return (" " + t("dialog.remove.with_review", date=compact(review.deadline)), "$text-muted")

    def on_mount(self) -> None:
        self.query_one("#entries", OptionList).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Enter removes the highlighted entry (at once: keys typed after it must not reach a
        # closing list); there are no fields to go through.
        return action in ("save", "cancel")

    @on(Button.Pressed, "#answer-no")
    async def no_pressed(self) -> None:
        await self.run_action("cancel")

    def action_save(self) -> None:
        option = self.query_one("#entries", OptionList).highlighted_option
        if option is not None:
            self._remove(option)

    @on(OptionList.OptionSelected, "#entries")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self._remove(event.option)

    def _remove(self, option: Option) -> None:
        record_id = int(option.id or 0)
        self.meeting.remove(record_id)
        self.dismiss(record_id)

    def action_cancel(self) -> None:
        self.dismiss(None)
