"""The footer of keys: drawn with the screen's first frame, and built once for a burst.

Textual's footer stays empty until the screen first says its bindings changed, and that
comes two frames after the screen is drawn: on the meeting screen, 60 ms of a start of
250 went to waiting for the footer (docs/performance.md). Here the keys are built with
the screen, from the bindings the screen already has.

Textual's footer also builds all its keys again every time the screen says its bindings
may have changed, and a screen says so several times in a row (focus given, a dialog
closed, the first idle moment), some twenty keys each time. Here a request that comes
while one is waiting is dropped: the waiting one reads the bindings as they are when it
runs, so it shows the last change too.

A compact footer's keys are also born compact: Textual gives each key its compact class
just after mounting it, which styles every key a second time.

The bindings carry message keys (commands.py); the footer says them in the language in
use as it builds its keys, so no screen needs a class per language.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from facilitator.tui import literal
from facilitator.tui.commands import spoken


class KeyFooter(Footer):
    def __init__(self, *, compact: bool = False, id: str | None = None) -> None:
        super().__init__(compact=compact, id=id)
        self._change_waiting = False
        self._composed = False

    def bindings_changed(self, screen: Screen[object]) -> None:
        if self._change_waiting:
            return
        self._change_waiting = True
        self.call_after_refresh(self._bindings_changed, screen)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        self._change_waiting = False
        super().bindings_changed(screen)

    def compose(self) -> ComposeResult:
        if not self._composed:
            # Ready now: the first frame has the screen's keys. Textual rebuilds the footer
            # after that frame, with the keys of the widget that has the focus by then.
            self._composed = True
            super().bindings_changed(self.screen)
        for widget in super().compose():
            if isinstance(widget, FooterKey):  # a group's label is not a key
                widget.description = spoken(widget.description)
                if isinstance(widget.tooltip, str):  # Textual's would read a str as markup
                    widget.tooltip = literal.line(spoken(widget.tooltip))
                if self.compact:
                    widget.add_class("-compact", update=False)
            yield widget
