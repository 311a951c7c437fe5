"""The start screen of a bare ``facilitator``: new meetings, meetings to go on with, and
recent ones to read and export.

The screen opens nothing itself. It tells the app what was chosen, as a typed
:class:`Choice`, and stays where it is: under the meeting it leads to, under a meeting
opened to read (Escape comes back here), and in front when the app refuses (a meeting in
use elsewhere), still on the line chosen. Enter asks the app at once, in the turn of the
key (:class:`OpensChoices`): a message would reach the app behind the keys typed after
Enter, and those ("ctrl+n", the first words) went to this list and were lost. A click
tells it in a :class:`StartScreen.Chosen` message.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from facilitator.agenda.loader import load_agenda
from facilitator.agenda.shipped import shipped_agendas
from facilitator.agenda.sniff import agendas_in
from facilitator.errors import FacilitatorError
from facilitator.i18n import t
from facilitator.tui import literal
from facilitator.tui.commands import START_COMMANDS, bindings
from facilitator.tui.protocols import OpensChoices
from facilitator.tui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:  # the archive is imported when the list is drawn, not at start
    from collections.abc import Callable

    from facilitator.store.archive import Archive
    from facilitator.store.history import MeetingSummary

Found = TypeVar("Found")

RECENT = 10
"""Past meetings listed at a time: the newest first, the next ten on "More meetings …"."""
MORE = "more:"
"""The id of the "More meetings …" line begins so, followed by the id the next page is older than."""


@dataclass(frozen=True)
class NewMeeting:
    """Hold a new meeting from this agenda (a file's path or a shipped agenda's name)."""

    agenda: str


@dataclass(frozen=True)
class Resume:
    """Go on with this unfinished meeting."""

    meeting_id: int


@dataclass(frozen=True)
class View:
    """Read this meeting's minutes, and export them."""

    meeting_id: int


Choice = NewMeeting | Resume | View
"""What the start screen hands the app."""


class StartScreen(Screen[None]):
    BINDINGS = bindings(START_COMMANDS)
    COMMANDS_TABLE = START_COMMANDS

    class Chosen(Message):
        """A line was chosen: the app opens it (or says why it cannot)."""

        def __init__(self, choice: Choice) -> None:
            super().__init__()
            self.choice = choice

    def __init__(self, archive_path: Path, folder: Path) -> None:
        super().__init__(id="start-screen")
        self.archive_path = archive_path
        self.folder = folder

    def compose(self) -> ComposeResult:
        yield Label(literal.line(t("start.title")), id="start-title")
        yield Static(literal.block(t("start.hint")), id="start-hint")
        yield OptionList(id="choices")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.action_refresh()

    def action_refresh(self) -> None:
        choices = self.query_one("#choices", OptionList)
        choices.set_options(self._options())
        choices.focus()
        choices.highlighted = next((i for i, o in enumerate(choices.options) if not o.disabled), None)

    def _options(self) -> list[Option]:
        options: list[Option] = []
        unfinished, recent = self._history()
        if unfinished:
            options.append(Option(literal.line(t("start.resume")), disabled=True))
            for m in unfinished:
                label = t("start.meeting_line", id=m.id, date=m.date or "", title=m.title)
                options.append(Option(literal.line("  " + label), id=f"resume:{m.id}"))
        options.append(Option(literal.line(t("start.new")), disabled=True))
        for name, path in shipped_agendas().items():
            options.append(Option(literal.line("  " + self._agenda_label(name, path)), id=f"agenda:{path}"))
        local = agendas_in(self.folder)
        if local:
            options.append(Option(literal.line(t("start.local", folder=self.folder)), disabled=True))
            for path in local:
                options.append(Option(literal.line("  " + self._agenda_label(path.name, path)), id=f"agenda:{path}"))
        if recent:
            options.append(Option(literal.line(t("start.recent")), disabled=True))
            options.extend(self._past_lines(recent))
        return options

    @staticmethod
    def _past_lines(page: list[MeetingSummary]) -> list[Option]:
        """A page of past meetings (one more than shown when there are more), then the
        line that lists the next page."""
        lines = [
            Option(literal.line("  " + t("start.meeting_line", id=m.id, date=m.date or "", title=m.title)), id=f"view:{m.id}")
            for m in page[:RECENT]
        ]
        if len(page) > RECENT:
            lines.append(Option(literal.line("  " + t("start.more")), id=f"{MORE}{page[RECENT - 1].id}"))
        return lines

    @staticmethod
    def _agenda_label(name: str, path: Path) -> str:
        try:
            agenda = load_agenda(path)
        except FacilitatorError:
            return t("start.broken_agenda", name=name)
        return f"{name} – {agenda.meeting.title}"

    def _history(self) -> tuple[list[MeetingSummary], list[MeetingSummary]]:
        """The unfinished meetings, and the newest page of past ones (one more than
        shown, when there are more): each read through its index, so the list comes as
        quickly from a hundred thousand meetings as from a hundred."""
        found = self._read(lambda archive: (archive.meetings(unfinished=True), archive.meetings(finished=True, limit=RECENT + 1)))
        return found or ([], [])

    def _read(self, query: Callable[[Archive], Found]) -> Found | None:
        """What ``query`` finds in the archive; None when there is none yet, or (with a
        note) when it cannot be read."""
        if not self.archive_path.exists():
            return None
        from facilitator.store.archive import Archive

        try:
            with Archive.open(self.archive_path, read_only=True) as archive:
                return query(archive)
        except FacilitatorError as error:
            self.notify(str(error), severity="error", timeout=10)
            return None

    def _more(self, option_id: str) -> None:
        """The "More meetings …" line gives way to the next page of past meetings, the
        first of them highlighted."""
        before = int(option_id.removeprefix(MORE))
        page = self._read(lambda archive: archive.meetings(finished=True, before=before, limit=RECENT + 1))
        if not page:
            return
        choices = self.query_one("#choices", OptionList)
        at = choices.get_option_index(option_id)
        choices.remove_option(option_id)
        choices.add_options(self._past_lines(page))
        choices.highlighted = at

    def action_open_selected(self) -> None:
        choices = self.query_one("#choices", OptionList)
        option = choices.highlighted_option
        if option is None or not option.id:
            return
        if option.id.startswith(MORE):
            self._more(option.id)
        elif isinstance(self.app, OpensChoices):
            self.app.open_choice(choice_of(option.id))
        else:
            self._open(option.id)

    @on(OptionList.OptionSelected, "#choices")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id and event.option.id.startswith(MORE):
            self._more(event.option.id)
        elif event.option.id:
            self._open(event.option.id)

    def _open(self, option_id: str) -> None:
        self.post_message(self.Chosen(choice_of(option_id)))


def choice_of(option_id: str) -> Choice:
    """The choice a line of the list stands for, from the id it was given."""
    kind, _, value = option_id.partition(":")
    if kind == "agenda":
        return NewMeeting(value)
    if kind == "resume":
        return Resume(int(value))
    if kind == "view":
        return View(int(value))
    raise ValueError(f"not a choice: {option_id!r}")
