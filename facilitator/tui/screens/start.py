"""The start screen of a bare ``facilitator``: new meetings, meetings to go on with, and
recent ones to read and export."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from facilitator.agenda.loader import load_agenda
from facilitator.agenda.shipped import shipped_agendas
from facilitator.errors import FacilitatorError
from facilitator.i18n import t
from facilitator.tui import literal
from facilitator.tui.commands import START_COMMANDS, localised
from facilitator.tui.widgets.key_footer import KeyFooter

RECENT = 10


class StartScreenBase(Screen[None]):
    COMMANDS_TABLE = START_COMMANDS

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
        local = sorted(self.folder.glob("*.toml"))
        if local:
            options.append(Option(literal.line(t("start.local", folder=self.folder)), disabled=True))
            for path in local:
                options.append(Option(literal.line("  " + self._agenda_label(path.name, path)), id=f"agenda:{path}"))
        if recent:
            options.append(Option(literal.line(t("start.recent")), disabled=True))
            for m in recent:
                label = t("start.meeting_line", id=m.id, date=m.date or "", title=m.title)
                options.append(Option(literal.line("  " + label), id=f"view:{m.id}"))
        return options

    @staticmethod
    def _agenda_label(name: str, path: Path) -> str:
        try:
            agenda = load_agenda(path)
        except FacilitatorError:
            return t("start.broken_agenda", name=name)
        return f"{name} – {agenda.meeting.title}"

    def _history(self) -> tuple[list, list]:
        if not self.archive_path.exists():
            return [], []
        from facilitator.store.archive import Archive

        try:
            with Archive.open(self.archive_path, read_only=True) as archive:
                meetings = archive.meetings()
        except FacilitatorError as error:
            self.notify(str(error), severity="error", timeout=10)
            return [], []
        unfinished = [m for m in meetings if not m.finished]
        recent = [m for m in meetings if m.finished][:RECENT]
        return unfinished, recent

    def action_open_selected(self) -> None:
        choices = self.query_one("#choices", OptionList)
        option = choices.highlighted_option
        if option is not None and option.id:
            self._open(option.id)

    @on(OptionList.OptionSelected, "#choices")
    def chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self._open(event.option.id)

    def _open(self, choice: str) -> None:
        kind, _, value = choice.partition(":")
        app = self.app
        if kind == "agenda":
            app.start_meeting(value)  # type: ignore[attr-defined]
        elif kind == "resume":
            app.resume_meeting(int(value))  # type: ignore[attr-defined]
        elif kind == "view":
            app.view_meeting(int(value))  # type: ignore[attr-defined]


def StartScreen(archive_path: Path, folder: Path) -> StartScreenBase:  # noqa: N802
    return localised(StartScreenBase, START_COMMANDS)(archive_path, folder)
