"""The AMiR's safety checklist of the current item: a status for each point, from the keyboard.

The points are a list; the arrows move, and o, m and a set the highlighted point ok,
mangler or aftalt and go on to the next point, so a walk round the workplace is a key a
point (Space steps through the statuses and stays, Backspace takes the status off). Each key is
one core change, saved at once like a tick, so the dialog has nothing to save or cancel:
Escape closes it. Beside each point stands its last status at the group's previous
meeting, so that what was missing then is asked about now.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Label, OptionList, Static

from facilitator.errors import FacilitatorError
from facilitator.i18n import t
from facilitator.meeting.checklist import CheckLine, CheckStatus, status_words
from facilitator.meeting.model import Meeting
from facilitator.tui import literal
from facilitator.tui.commands import CHECKLIST_COMMANDS, bindings
from facilitator.tui.dialogs.form import AnswerButton
from facilitator.tui.widgets.key_footer import KeyFooter

CYCLE: tuple[CheckStatus | None, ...] = (None, CheckStatus.OK, CheckStatus.MISSING, CheckStatus.AGREED)
"""Space steps through the statuses in this order, and round again."""

_MARKS: dict[CheckStatus | None, tuple[str, str]] = {
    None: ("·", "$text-muted"),
    CheckStatus.OK: ("✓", "$success"),
    CheckStatus.MISSING: ("✗", "$error"),
    CheckStatus.AGREED: ("→", "$warning"),
}
"""A sign beside the word, so the status reads at a glance on the wall (and without colour)."""


def check_line(line: CheckLine, *, closed: bool = False) -> Content:
    """One point: its sign and status, the point, and its last status before if it had one.
    A status set under a closed item shows on a ``closed`` item only: the dialog is on the
    wall as the follow-up is, which leaves such statuses out too."""
    sign, style = _MARKS[line.status]
    parts: list[tuple[str, str] | str] = [(f"{sign} {status_words(line.status)}", f"bold {style}"), f"  {line.point}"]
    if line.before is not None and (closed or not line.before.confidential):
        parts.append((" (" + t("dialog.checklist.before", status=status_words(line.before.status)) + ")", "$text-muted"))
    return literal.assemble(*parts)


class ChecklistDialog(ModalScreen[None]):
    BINDINGS = bindings(CHECKLIST_COMMANDS)
    COMMANDS_TABLE = CHECKLIST_COMMANDS

    def __init__(self, meeting: Meeting, index: int) -> None:
        super().__init__(id="checklist-dialog")
        self.meeting = meeting
        self.index = index

    def compose(self) -> ComposeResult:
        title = self.meeting.items[self.index].item.title
        with Vertical(classes="dialog wide"):
            yield Label(literal.line(t("dialog.checklist.title", title=title)), classes="dialog-title")
            yield Static(literal.EMPTY, id="checklist-summary")
            yield OptionList(id="checklist-points")
            with Horizontal(classes="dialog-buttons"):
                yield AnswerButton(literal.line(t("cmd.close_checklist")), id="answer-no", compact=True)
        yield KeyFooter(first=("check_ok", "check_missing", "check_agreed", "check_cycle", "close_checklist"))

    def on_mount(self) -> None:
        self.refresh_points()
        points = self.query_one("#checklist-points", OptionList)
        points.highlighted = 0
        self.set_focus(points)

    def refresh_points(self) -> None:
        points = self.query_one("#checklist-points", OptionList)
        lines = self.meeting.check_lines(self.index)
        highlighted = points.highlighted
        closed = self.meeting.items[self.index].item.confidential
        points.set_options([check_line(line, closed=closed) for line in lines])
        if highlighted is not None and lines:
            points.highlighted = min(highlighted, len(lines) - 1)
        counts = {status: sum(1 for line in lines if line.status is status) for status in CYCLE}
        summary = t(
            "dialog.checklist.summary",
            ok=counts[CheckStatus.OK],
            missing=counts[CheckStatus.MISSING],
            agreed=counts[CheckStatus.AGREED],
            unset=counts[None],
        )
        self.query_one("#checklist-summary", Static).update(literal.line(summary, "$text-muted"))

    def _set(self, status: CheckStatus | None, *, cycle: bool = False, then_next: bool = False) -> None:
        points = self.query_one("#checklist-points", OptionList)
        point = points.highlighted
        if point is None:
            return
        if cycle:
            now = self.meeting.items[self.index].checks.get(point)
            status = CYCLE[(CYCLE.index(now) + 1) % len(CYCLE)]
        try:
            self.meeting.set_check(point, status, self.index)
        except FacilitatorError as error:
            self.notify(str(error), severity="warning")
            then_next = False
        self.refresh_points()
        if then_next and point + 1 < points.option_count:
            points.highlighted = point + 1

    def action_check_ok(self) -> None:
        self._set(CheckStatus.OK, then_next=True)

    def action_check_missing(self) -> None:
        self._set(CheckStatus.MISSING, then_next=True)

    def action_check_agreed(self) -> None:
        self._set(CheckStatus.AGREED, then_next=True)

    def action_check_cycle(self) -> None:
        self._set(None, cycle=True)

    def action_check_clear(self) -> None:
        self._set(None)

    def action_close(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#answer-no")
    async def close_pressed(self) -> None:
        await self.run_action("close")

    @on(OptionList.OptionSelected, "#checklist-points")
    def point_chosen(self, event: OptionList.OptionSelected) -> None:
        """Enter (or a click) on a point steps its status on, as Space does."""
        event.stop()
        self._set(None, cycle=True)
