"""What the app does with the shared archive's background sync: it reads, it never waits.

The sync runs on a thread of the session's (``shared/live.py``) and never calls the UI; the
app reads its state twice a second. The status bar shows it (``StatusBar.show``); here, the
two things that need more than a word there: a meeting another laptop holds is closed and
refused in one line, and a failure that is not just being offline (a password, a server
too new) is told once, quietly, as a notification, never a dialog.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from facilitator.tui.app import FacilitatorApp

CHECK_SECONDS = 0.5
"""How soon a refusal is acted on: the server's first answer comes in moments."""


class SharingWatch:
    def __init__(self, app: FacilitatorApp) -> None:
        self.app = app
        self._told: str | None = None

    def check(self) -> None:
        session = self.app.session
        if session is None or session.sharing is None or session.closed:
            return
        refusal = session.refused
        if refusal is not None:
            if self.app.screen.is_mounted:  # never while the meeting's screen is still being built
                self._refuse(refusal)
            return
        state = session.sharing.state
        problem = state.shown() if state.kind == "conflict" else state.problem if state.needs_look else None
        if problem is not None and problem != self._told:
            self.app.notify(problem, severity="warning", timeout=15)
        self._told = problem

    def _refuse(self, refusal: str) -> None:
        """The meeting is held on another laptop: closed here (what was typed is saved in this
        archive), back to the start screen with the reason, or, opened from the command line,
        out of the app, which prints the reason (``cli``)."""
        from facilitator.tui.screens.start import StartScreen

        app = self.app
        app.close_session()
        if not any(isinstance(screen, StartScreen) for screen in app.screen_stack):
            app.exit()
            return
        app.session = None
        while not isinstance(app.screen, StartScreen):
            app.pop_screen()
        app.notify(refusal, severity="error", timeout=20)
