"""Remove a decision, vote or action item entered by mistake, from the current item.

Enter is the dialog's own key (as in every dialog), run when the app reads it: the entry
goes and the dialog closes before the keys typed after Enter are given out. Left to the
list, Enter reached the app behind them, and they went to the closing list and were lost.
A click on an entry removes it too.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from facilitator.i18n import t
from facilitator.meeting.model import Meeting
from facilitator.tui import literal
from facilitator.tui.commands import DIALOG_COMMANDS, bindings


class RemoveDialog(ModalScreen[int]):
    BINDINGS = bindings(DIALOG_COMMANDS)

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

    def on_mount(self) -> None:
        self.query_one("#entries", OptionList).focus()

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
