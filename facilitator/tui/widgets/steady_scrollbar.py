"""A scrollbar that is drawn again only when what it shows changed.

Textual's scroll views tell their scrollbar to draw itself again at every layout of the
screen, whether or not the bar moved: a scroll view compares the size the layout gives it
with its own scrolled size, which differ for every scroll view, and takes that for a
change (``Widget._scroll_update``). The agenda list's bar runs the height of the screen,
and moving to the next item lays the screen out two or three times: drawing that bar
again was 2 ms of every move at 200 items, nearly a tenth of it, for a bar that had not
moved (docs/performance.md).

A change the bar shows still draws it: its position, the sizes it stands for, its own
size, the mouse over it, a grab, its view's styles (where its colours come from: a new
theme, a focus that recolours it); most come as changes of its reactives or through
other paths, which are let through. Only the scroll view's own call, made with
nothing changed since the bar was last drawn, is skipped.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from rich.console import RenderableType
from textual.geometry import Region
from textual.scrollbar import ScrollBar

if TYPE_CHECKING:
    from typing_extensions import Self  # Textual's own: typing.Self is 3.11 and later

Looks = tuple[object, ...]


class SteadyScrollBar(ScrollBar):
    _drawn: Looks | None = None
    """What the bar showed when last drawn (None before it was)."""

    _skip_unchanged = False
    """True while its scroll view updates it: a refresh with nothing changed is skipped."""

    def _looks(self) -> Looks:
        return (
            self.window_virtual_size,
            self.window_size,
            self.position,
            self.mouse_over,
            self.grabbed,
            self.size,
            self.display,
            self.styles._cache_key,
            None if self.parent is None else self.parent.styles._cache_key,  # its colours are its view's
        )

    def render(self) -> RenderableType:
        self._drawn = self._looks()
        return super().render()

    @contextmanager
    def unchanged_skipped(self) -> Iterator[None]:
        """While the scroll view updates the bar: only a change draws it again."""
        self._skip_unchanged = True
        try:
            yield
        finally:
            self._skip_unchanged = False

    def refresh(self, *regions: Region, repaint: bool = True, layout: bool = False, recompose: bool = False) -> Self:
        if self._skip_unchanged and not (regions or layout or recompose) and self._drawn == self._looks():
            return self
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)
