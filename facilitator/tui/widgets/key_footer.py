"""The footer of keys: drawn with the screen's first frame, built once for a burst, and in
an order that keeps the keys that matter in sight.

Textual's footer stays empty until the screen first says its bindings changed, and that
comes two frames after the screen is drawn: on the meeting screen, 60 ms of a start of
250 went to waiting for the footer (docs/performance.md). Here the keys are built with
the screen, from the bindings the screen already has.

Textual's footer also builds all its keys again every time the screen says its bindings
may have changed, and a screen says so several times in a row (focus given, a dialog
closed, the first idle moment), some twenty keys each time. Here a request that comes
while one is waiting is dropped: the waiting one reads the bindings as they are when it
runs, so it shows the last change too.

Most of those changes change nothing but which keys may be pressed now (the meeting
started, a dialog's field took the focus): the keys are the same, in the same words. Then
the keys built are kept and only their enabled state is set, where Textual would build
every key again (three times at a screen's start, four when a dialog opens).

A compact footer's keys are also born compact: Textual gives each key its compact class
just after mounting it, which styles every key a second time.

The bindings carry message keys (commands.py); the footer says them in the language in
use as it builds its keys, so no screen needs a class per language.

Textual's footer lays out every key in one row and lets the row run off the screen: on
the meeting screen "end meeting", "help" and "quit" were out of sight even at 200
columns, and the last cell showed a letter of a key cut under the palette's. Here the
keys a screen names as its ``first`` (the chair's keys, a dialog's save, cancel and next
field) come first and are always shown; the others follow in their table's order as long
as they fit whole, and the rest are hidden, not cut (they are all on F1 and in the
palette). Our tables use no binding groups, so every key stands alone in the row.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from facilitator.i18n import get_language
from facilitator.tui import literal
from facilitator.tui.commands import ALL_COMMANDS, footer_words, spoken

_ACTIONS: dict[str, str] = {command.id: command.action for command in ALL_COMMANDS}
_TABLE_ORDER: dict[str, int] = {}
for _command in ALL_COMMANDS:
    _TABLE_ORDER.setdefault(_command.action, len(_TABLE_ORDER))

Shown = tuple[str, tuple[tuple[str, str, str, str], ...]]
"""The language, and each shown binding's key, action, description and tooltip."""


def _shown(screen: Screen[object]) -> Shown:
    """What the footer's keys are built from, apart from whether each may be pressed now."""
    return (
        get_language(),
        tuple(
            (binding.key, binding.action, binding.description, tooltip)
            for _, binding, _, tooltip in screen.active_bindings.values()
            if binding.show
        ),
    )


def _enabled(screen: Screen[object]) -> dict[str, bool]:
    """Whether each action's key may be pressed now; as Textual's footer, its first binding's."""
    enabled: dict[str, bool] = {}
    for _, binding, on, _ in screen.active_bindings.values():
        if binding.show:
            enabled.setdefault(binding.action, on)
    return enabled


PALETTE_CLASS = "-command-palette"
"""The class Textual gives the palette's key, docked at the right end of the row."""


class KeyFooter(Footer):
    def __init__(
        self,
        *,
        compact: bool = False,
        id: str | None = None,
        first: tuple[str, ...] = (),
        words: dict[str, str] | None = None,
    ) -> None:
        super().__init__(compact=compact, id=id)
        self._first = {_ACTIONS[command_id]: place for place, command_id in enumerate(first)}
        """The actions of the keys always shown, by binding id, to their place in the row."""
        self.words = words or {}
        """Words for keys by their action, instead of their title: a question's own yes and no."""
        self._change_waiting = False
        self._composed = False
        self._keys: list[FooterKey] = []
        """The keys in the row, in their order (the palette's apart)."""
        self._palette: FooterKey | None = None
        self._palette_words = ""
        self._mounted: tuple[str, ...] = ()
        """The actions of the keys mounted, in their order."""
        self._built: Shown | None = None
        """The keys the row was built for, to tell a change of keys from one of their state."""

    def bindings_changed(self, screen: Screen[object]) -> None:
        if self._change_waiting:
            return
        self._change_waiting = True
        self.call_after_refresh(self._bindings_changed, screen)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        self._change_waiting = False
        if not self.is_attached:  # the dialog it belonged to has closed meanwhile
            return
        if self._built and screen is self.screen and _shown(screen) == self._built:
            self._enable(_enabled(screen))
            return
        super().bindings_changed(screen)

    def _enable(self, enabled: dict[str, bool]) -> None:
        """The keys as built, each enabled or not as the screen's bindings now say."""
        for key in self.keys:
            off = not enabled.get(key.action, True)
            key._disabled = off  # what a click on the key reads
            key.set_class(off, "-disabled")

    def compose(self) -> ComposeResult:
        if not self._composed:
            # Ready now: the first frame has the screen's keys. Textual's own way there
            # (its bindings_changed) would also build every key again just after that
            # frame, on every screen and dialog opened; a change of keys that the focus
            # brings is heard like any other (_bindings_changed) and rebuilds only then.
            self._composed = True
            self._bindings_ready = True
        keys: list[FooterKey] = []
        self._palette = None
        for widget in super().compose():
            if isinstance(widget, FooterKey):  # a group's label is not a key
                if widget.has_class(PALETTE_CLASS):
                    widget.description = spoken(widget.description)
                    self._palette, self._palette_words = widget, widget.description
                else:
                    widget.description = self.words.get(widget.action) or footer_words(widget.description)
                    keys.append(widget)
                if isinstance(widget.tooltip, str):  # Textual's would read a str as markup
                    widget.tooltip = literal.line(spoken(widget.tooltip))
                if self.compact:
                    widget.add_class("-compact", update=False)
            else:
                yield widget
        self._keys = sorted(keys, key=self._rank)
        self._built = _shown(self.screen) if self._bindings_ready else None
        # The first build comes before the footer has a size: the screen's is its width.
        self._fit(self.size.width or self.app.size.width)
        self._mounted = self._in_sight()
        yield from (key for key in self._keys if key.display)
        if self._palette is not None:
            yield self._palette

    @property
    def keys(self) -> list[FooterKey]:
        """Every key built for the screen's bindings, in their order, the palette's last:
        those in sight and those that did not fit (and so are not mounted)."""
        return [*self._keys, *([self._palette] if self._palette is not None else [])]

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.width)
        if self._in_sight() != self._mounted:
            self.refresh(recompose=True)

    def _in_sight(self) -> tuple[str, ...]:
        """The actions of the keys that fit, which are the only ones mounted: a key out of
        sight would be styled all the same, three times at a start (some 40 % of the
        styling of the meeting screen's first frame went to the footer's keys)."""
        return tuple(key.action for key in self._keys if key.display)

    # --- what fits ---------------------------------------------------------------------------

    def _fit(self, width: int) -> None:
        """Shows the first keys always, then the others in order while each fits whole.

        The palette's key is docked over the row's right end, one cell short of it; when
        the first keys leave it no room for its word it shows its key alone."""
        room = width - 1
        first = [key for key in self._keys if key.action in self._first]
        used = sum(self._width(key) for key in first)
        palette = self._palette
        if palette is not None:
            palette.description = self._palette_words
            if used + self._width(palette) > room:
                palette.description = ""
            room -= self._width(palette)
            palette.refresh(layout=True)
        fitting = True
        for key in self._keys:
            if key in first:
                key.display = True
                continue
            fitting = fitting and used + self._width(key) <= room
            key.display = fitting
            if fitting:
                used += self._width(key)

    def _rank(self, key: FooterKey) -> tuple[int, int]:
        if key.action in self._first:
            return (0, self._first[key.action])
        return (1, _TABLE_ORDER.get(key.action, len(_TABLE_ORDER)))

    def _width(self, key: FooterKey) -> int:
        """The cells a key takes in the row, as Textual's footer styles it: its key padded
        by a cell each side (none when compact) and its words, if any; then one cell after
        it when compact, or for the palette's key its border (and, when not compact, a cell
        of padding)."""
        key_cells, words = cell_len(key.key_display), cell_len(key.description)
        if words:
            inner = key_cells + 1 + words if self.compact else key_cells + 2 + words + 1
        else:
            inner = key_cells
        return inner + (1 if self.compact else 2 if key.has_class(PALETTE_CLASS) else 0)
