"""The footer of keys, rebuilt once for a burst of changes instead of once for each.

Textual's footer builds all its keys again every time the screen says its bindings may
have changed, and a screen says so several times while it opens (focus given, screen
resumed, the first idle moment). With some twenty keys each rebuild costs as much as the
rest of a frame, and the rebuilds queue up before the first frame that shows the footer
(docs/performance.md). Here a request that comes while one is waiting is dropped: the
waiting one reads the bindings as they are when it runs, so it shows the last change too.

A compact footer's keys are also born compact: Textual gives each key its compact class
just after mounting it, which styles every key a second time.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widgets import Footer


class KeyFooter(Footer):
    def __init__(self, *, compact: bool = False, id: str | None = None) -> None:
        super().__init__(compact=compact, id=id)
        self._change_waiting = False
        self._composed = False

    def bindings_changed(self, screen: Screen) -> None:
        if self._change_waiting:
            return
        self._change_waiting = True
        self.call_after_refresh(self._bindings_changed, screen)

    def _bindings_changed(self, screen: Screen) -> None:
        self._change_waiting = False
        super().bindings_changed(screen)

    def compose(self) -> ComposeResult:
        if not self._composed:
            # Textual's footer stays empty until the screen first says its bindings changed,
            # which comes two frames after the screen is drawn; the screen's own keys are
            # known now. Saying it here draws them with the first frame; Textual rebuilds
            # the footer after that frame, with the keys of the widget that has the focus.
            self._composed = True
            super().bindings_changed(self.screen)
        for widget in super().compose():
            # The keys have a compact switch, a group's label has none. Read on the class:
            # on the widget, reading it would set the class and style the key at once.
            if self.compact and isinstance(getattr(type(widget), "compact", None), Reactive):
                widget.add_class("-compact", update=False)
            yield widget
