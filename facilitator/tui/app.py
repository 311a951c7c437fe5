"""The app: one factory builds it for the CLI and the tests.

The app owns the session (the meeting, its archive and recorder) while a meeting is open
and closes it on quit (``close_session``, the one way it does), so ``ctrl+q`` at any
moment leaves everything saved. Whether saving works is the session's ``save_health``,
one value the app's one-second tick reads; the recorder's thread never calls into the UI
(which could wait on a UI that is itself waiting for the recorder).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.dom import DOMNode
from textual.notifications import SeverityLevel
from textual.screen import Screen

from facilitator.errors import FacilitatorError
from facilitator.files.config import Config, remember
from facilitator.i18n import t
from facilitator.meeting.model import Clock, system_clock
from facilitator.session import MeetingPlan, Resumption, Session
from facilitator.text.visible import one_line, visible
from facilitator.tui import literal, startup
from facilitator.tui.commands import APP_COMMANDS, BINDING_IDS, Command, bindings, key_for
from facilitator.tui.key_order import bound_in_order
from facilitator.tui.protocols import HoldsTyping, KeepsNotes, OffersCommands
from facilitator.tui.sharing_watch import CHECK_SECONDS, SharingWatch
from facilitator.tui.textual_words import key_display
from facilitator.tui.type_ahead import typed_so_far

if TYPE_CHECKING:
    from facilitator.tui.screens.start import Choice, StartScreen


class Launch(NamedTuple):
    """What the app opens with: the start screen, a prepared session, or a meeting to read."""

    session: Session | None = None
    view_meeting: int | None = None


NOTIFICATION_LINES = 3
"""The longest message a notification carries; a longer one opens a dialog (tell_refusal)."""

START_SCREEN = Launch()
"""Open on the start screen, nothing prepared: what the app does unless told otherwise."""


class FacilitatorApp(App[None]):
    BINDINGS = bindings(APP_COMMANDS)
    CSS_PATH = "facilitator.tcss"
    TITLE = "facilitator"
    ENABLE_COMMAND_PALETTE = True

    def __init__(
        self,
        *,
        archive_path: Path,
        config: Config,
        launch: Launch = START_SCREEN,
        folder: Path | None = None,
        clock: Clock = system_clock,
        blink_cursors: bool = True,
    ) -> None:
        super().__init__()
        self.blink_cursors = blink_cursors
        """Whether the text fields' cursors blink (cursor_blink.py)."""
        self.archive_path = archive_path
        self.config = config
        self.folder = folder or Path.cwd()
        self.clock = clock
        self.session: Session | None = launch.session
        self._launch = launch
        self._told_saving = (0, 0)
        """The save failures and recoveries of the session already told: (failures, recoveries)."""
        self._theme_ready = False
        self._clashes_told: set[tuple[str, ...]] = set()
        self._theme_warned = False
        # Before any screen is built, so the first frame's footer shows the person's keys.
        self.set_keymap({k: v for k, v in config.keymap.items() if k in BINDING_IDS})

    # --- start ------------------------------------------------------------------------------

    def on_mount(self) -> None:
        self.call_after_refresh(startup.resume)  # the first frame is drawn (startup.py)
        if self.config.theme and self.config.theme in self.available_themes:
            self.theme = self.config.theme
        self._theme_ready = True
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        unknown = sorted(set(self.config.keymap) - BINDING_IDS)
        for problem in self.config.problems:
            self.notify(problem, severity="warning", timeout=15)
        if unknown:
            self.notify(t("config.unknown_ids", path=self.config.path, ids=", ".join(unknown)), severity="warning", timeout=15)
        self.set_interval(1.0, self._report_saving)
        self.set_interval(CHECK_SECONDS, SharingWatch(self).check)
        if self.session is not None:
            self._watch_saving(self.session)  # its screen is the default screen, already there
            self.call_after_refresh(self._ask_group, self.session)  # over the meeting's first frame
        elif self._launch.view_meeting is not None:
            self.view_meeting(self._launch.view_meeting, alone=True)
        else:
            from facilitator.tui.screens.start import StartScreen

            self.push_screen(StartScreen(self.archive_path, self.folder))

    def get_default_screen(self) -> Screen[Any]:
        """A meeting given on the command line is the first screen itself, not one pushed
        over an empty default screen: that one would be composed, shown and put away again
        before the meeting showed, some 35 ms of a start of 290 (docs/performance.md)."""
        if self._launch.session is not None:
            from facilitator.tui.screens.meeting import MeetingScreen

            return MeetingScreen(self._launch.session, keymap=self.config.keymap)
        return super().get_default_screen()

    def _open_meeting_screen(self, session: Session) -> None:
        from facilitator.tui.screens.meeting import MeetingScreen

        self.push_screen(MeetingScreen(session, keymap=self.config.keymap))
        self._ask_group(session)

    def _ask_group(self, session: Session) -> None:
        """The session's question, when it has one: the new meeting's group (dialogs/group_form.py).
        Cancelled, the meeting goes on without one; a settings file that would not take the
        answer is told."""
        if session.group_question is None or session is not self.session:
            return
        from facilitator.tui.dialogs.group_form import GroupAnswer, group_dialog

        def answered(answer: GroupAnswer | None) -> None:
            if answer is None:
                session.answer_group(None)
            elif answer.warning:
                self.notify(answer.warning, severity="warning", timeout=15)

        self.push_screen(group_dialog(session), answered)

    def on_start_screen_chosen(self, message: StartScreen.Chosen) -> None:
        self.open_choice(message.choice)

    def open_choice(self, choice: Choice) -> None:
        """What was chosen on the start screen; it stays under what opens (or in front,
        when opening is refused)."""
        from facilitator.tui.screens.start import NewMeeting, Resume, View

        if isinstance(choice, NewMeeting):
            self.start_meeting(choice.agenda)
        elif isinstance(choice, Resume):
            self.resume_meeting(choice.meeting_id)
        elif isinstance(choice, View):
            self.view_meeting(choice.meeting_id)

    def start_meeting(self, agenda: str) -> None:
        """From the start screen: a new meeting from an agenda file."""
        plan = partial(MeetingPlan.find, self.archive_path, agenda, settings=self.config)
        self._take(lambda: Session.open_new(plan(), clock=self.clock))

    def resume_meeting(self, meeting_id: int) -> None:
        self._take(lambda: Session.resume(Resumption.find(self.archive_path, meeting_id), clock=self.clock))

    def _take(self, open_session: Callable[[], Session]) -> None:
        """Open a session and its screen; a refusal (a bad agenda, a meeting in use) is told."""
        try:
            session = open_session()
        except FacilitatorError as error:
            self.tell_refusal(t("app.cannot_open"), str(error))
            return
        self.close_session()
        self.session = session
        self._watch_saving(session)
        self._open_meeting_screen(session)

    def view_meeting(self, meeting_id: int, *, alone: bool = False) -> None:
        """A meeting from the archive, read only: its minutes to read and export."""
        from facilitator.store.archive import Archive
        from facilitator.tui.screens.preview import PreviewScreen

        try:
            with Archive.open(self.archive_path, read_only=True) as archive:
                meeting = archive.load(meeting_id)
        except FacilitatorError as error:
            self.tell_refusal(t("app.cannot_open"), str(error))
            return
        self.push_screen(PreviewScreen(meeting, live=False), (lambda _: self.exit()) if alone else None)

    def tell_refusal(self, title: str, message: str) -> None:
        """Why something would not open: a line or two as a notification; an agenda's list
        of mistakes (one per line, twenty for a file gone wrong) in a dialog that stays
        until it is closed and scrolls (dialogs/message.py)."""
        if len(message.splitlines()) <= NOTIFICATION_LINES:
            self.notify(message, severity="error", timeout=15)
            return
        from facilitator.tui.dialogs.message import MessageDialog

        self.push_screen(MessageDialog(title, message, self.config.keymap))

    # --- saving -----------------------------------------------------------------------------

    def _watch_saving(self, session: Session) -> None:
        health = session.save_health
        # A save may have failed before the app was there to hear it (the first save of
        # a resumed meeting happens before the screen opens): a failure going on is told.
        self._told_saving = (health.failures - health.failing, health.recoveries)

    def _report_saving(self) -> None:
        if self.session is None:
            return
        health = self.session.save_health
        failures, recoveries = self._told_saving
        self._told_saving = (health.failures, health.recoveries)
        if health.failures > failures and health.began_with:
            self.notify(t("app.save_failed", problem=health.began_with), severity="error", timeout=20)
        if health.recoveries > recoveries and not health.failing:  # not failing again meanwhile
            self.notify(t("app.save_recovered"), timeout=8)

    # --- settings ---------------------------------------------------------------------------

    def _remember_theme(self, theme: object) -> None:
        if not self._theme_ready:
            return
        try:
            remember(self.config.path, "theme", self.theme)
        except FacilitatorError as error:
            if not self._theme_warned:  # browsing themes changes it once per step
                self._theme_warned = True
                self.notify(str(error), severity="warning")

    # --- text -------------------------------------------------------------------------------

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification is literal text, controls shown as signs (tui/literal.py).

        Notifications carry error messages that quote a value (a title, a path, a name);
        Textual would read them as markup. Every ``notify`` in the app, a screen's or a
        widget's, comes here, so there is no way to send one as markup."""
        super().notify(visible(str(message)), title=one_line(title), severity=severity, timeout=timeout, markup=False)

    def get_key_display(self, binding: Binding) -> str:
        """A key from the person's keymap is text from a file: the footer shows it with its
        controls as signs (the footer draws it as Rich text, never as markup). Textual's one
        English key name is said in the UI's language (textual_words.py)."""
        return one_line(key_display(super().get_key_display(binding)))

    # --- commands ---------------------------------------------------------------------------

    async def on_event(self, event: events.Event) -> None:
        """A bound key (Tab, Backspace, Enter in a list) acts before the keys typed after it
        are given out (key_order.py)."""
        if isinstance(event, events.Key) and await bound_in_order(self, event):
            return
        await super().on_event(event)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """The palette: the screen's actions, then help, theme and quit, in the UI's language."""
        table = screen.COMMANDS_TABLE if isinstance(screen, OffersCommands) else ()
        for command in table:
            yield SystemCommand(command.title(), self._with_keys(command), partial(self._run_command, screen, command))
        help_command, quit_command = APP_COMMANDS
        yield SystemCommand(help_command.title(), self._with_keys(help_command), self.action_help)
        yield SystemCommand(t("cmd.theme"), literal.markup_line(t("cmd.theme.help")), self.action_change_theme)
        yield SystemCommand(quit_command.title(), self._with_keys(quit_command), self.action_quit)

    def _with_keys(self, command: Command) -> str:
        """A command's help line in the palette, with its keys after the person's keymap:
        the palette is where a new user looks for a command, and learns its key there."""
        keys = self.config.keymap.get(command.id, command.key)
        return literal.markup_line(f"{command.help()} · {', '.join(key_display(key.strip()) for key in keys.split(','))}")

    async def _run_command(self, screen: Screen[Any], command: Command) -> None:
        if screen.check_action(command.action, ()) is not True:
            self.notify(t("app.not_now", command=command.title()), severity="warning")
            return
        await screen.run_action(command.action)

    def action_command_palette(self) -> None:
        """Textual's palette, with its search field asking in the UI's language."""
        from textual.command import CommandPalette

        from facilitator.tui.palette import LocalPalette

        # Textual annotates is_open's app as App[object], which no App[None] is (App is
        # invariant in its result); it only reads app.screen.
        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            self.push_screen(LocalPalette(id="--command-palette", placeholder=t("app.palette_placeholder")))

    def action_change_theme(self) -> None:
        """Textual's theme picker, with its search field in the UI's language."""
        self.search_themes_in_language()

    def search_themes_in_language(self) -> None:
        from textual.theme import ThemeProvider

        from facilitator.tui.palette import LocalPalette

        self.push_screen(
            LocalPalette(
                providers=[ThemeProvider],
                placeholder=t("app.theme_placeholder"),
                id="--command-palette",
            )
        )

    def action_help(self) -> None:
        from facilitator.tui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):  # F1 again closes it, as its own keys say
            self.screen.dismiss(None)
        else:
            self.push_screen(HelpScreen(self.config.keymap, self.config.path))

    async def action_quit(self) -> None:
        """Everything is saved as it happens; this only waits for the last moment of typing.

        Only an open dialog holds text that is not saved yet; quitting from one that has
        something typed in it asks first (a second ctrl+q quits anyway).
        """
        await typed_so_far(self)  # the last words typed before ctrl+q are saved too
        dialog = self.screen
        if isinstance(dialog, HoldsTyping) and dialog.has_typed() and not dialog.quit_warned:
            dialog.quit_warned = True
            self.notify(t("app.dialog_open", key=key_for("quit", self.config.keymap)), severity="warning", timeout=10)
            return
        self.close_session()
        self.exit()

    def action_help_quit(self) -> None:
        """ctrl+c, which quits many programs: Textual's notice of the key that does, in the
        UI's language (Textual's own says it in English)."""
        self.notify(t("app.quit_hint", key=key_for("quit", self.config.keymap)), title=t("app.quit_hint.title"))

    def handle_bindings_clash(self, clashed_bindings: set[Binding], node: DOMNode) -> None:
        """A keymap that puts two commands on one key: say so once, naming the commands."""
        ids = sorted(b.id or b.action for b in clashed_bindings)
        if tuple(ids) not in self._clashes_told:
            self._clashes_told.add(tuple(ids))
            keys = ", ".join(sorted({b.key for b in clashed_bindings}))
            self.notify(t("config.clash", path=self.config.path, keys=keys, ids=", ".join(ids)), severity="warning", timeout=15)

    def close_session(self) -> None:
        """The one way the app (and the command line after it) closes a meeting: the notes
        typed on its screens first, then ``Session.close``."""
        if self.session is not None:
            try:
                for screen in self.screen_stack:
                    if isinstance(screen, KeepsNotes):
                        screen.save_notes_now()
            finally:  # a screen that fails must not keep the meeting from being saved
                self.session.close()

    def on_unmount(self) -> None:
        self.close_session()


def build_app(
    *,
    archive_path: Path,
    config: Config,
    launch: Launch = START_SCREEN,
    folder: Path | None = None,
    clock: Clock = system_clock,
    blink_cursors: bool = True,
) -> FacilitatorApp:
    """The app; its footer, palette and help speak the language in use when they are drawn."""
    return FacilitatorApp(
        archive_path=archive_path, config=config, launch=launch, folder=folder, clock=clock, blink_cursors=blink_cursors
    )
