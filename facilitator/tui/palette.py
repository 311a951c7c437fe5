"""Textual's command palette, saying "nothing found" in the language in use.

Textual writes "No matches found" into the palette's list itself, in English, from inside
a method with no hook for the words (``CommandPalette._start_no_matches_countdown``). Here
that one method is written again with the same timing, state and option id, and our
words; tests/tui/test_textual_internals.py names every private part of the palette it
relies on, so a Textual that changes them fails there, loudly, and not on a Danish screen.
"""

from __future__ import annotations

from rich.align import Align
from textual.command import CommandList, CommandPalette
from textual.widgets.option_list import Option

from facilitator.i18n import t
from facilitator.tui import literal


class LocalPalette(CommandPalette):
    """The command palette and the theme picker (app.py opens both as this)."""

    NO_MATCHES_DELAY: float = CommandPalette._NO_MATCHES_COUNTDOWN
    """Textual's wait before saying nothing was found (while the providers still search)."""

    def _start_no_matches_countdown(self, search_value: str) -> None:
        if not search_value:  # discovery: Textual hides the empty list and says nothing
            super()._start_no_matches_countdown(search_value)
            return
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            prompt = Align.center(literal.rich_line(t("app.palette_no_matches")))
            option = Option(prompt, disabled=True, id=self._NO_MATCHES)
            self.query_one(CommandList).add_option(option)
            self._list_visible = True

        self._no_matches_timer = self.set_timer(self.NO_MATCHES_DELAY, show_no_matches)
