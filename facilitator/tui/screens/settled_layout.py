"""A screen whose layout settles before it is drawn: one frame per change, the final one.

Textual lays a screen out, draws it, and only then hears from the widgets whose sizes the
layout changed: a box whose content grew asks for its scrollbar, the scrollbar narrows
the text inside, the text wraps onto another row, and each of these asks for a layout of
its own, which Textual does a frame later, drawing each time. Moving to the next item
changes the size of nearly everything in the item view (the heading, the questions, the
decisions), and the screen was drawn four times over 60 ms or more before it held still:
the last of them is when a person sees the item (docs/performance.md).

Here the requests that a layout itself raised are taken at once, as Textual would take
them on the widgets' next idle, and the layout is done again (a few times at most)
before anything is drawn; then the screen is drawn once. A request for a layout or a
scroll made before a whole layout began was met by it, and is not done again a frame
later. What the widgets ask for after a layout takes Textual's usual way.
"""

from __future__ import annotations

from textual import _time, messages
from textual.geometry import Size
from textual.screen import Screen
from textual.scroll_view import ScrollView
from textual.scrollbar import ScrollBar
from textual.widget import Widget

SETTLE_PASSES = 4
"""Layouts at most after the first before drawing: a box, its scrollbar, the text
narrowed by it, and one to spare; past that the rest is left to the next frames."""


class SettledLayout(Screen[None]):
    _holding = False
    """True while a layout is being settled: its frames are not drawn yet."""

    _whole_layout_at = float("-inf")
    """When the last whole layout began (Textual's clock, which stamps its messages)."""

    def _refresh_layout(self, size: Size | None = None, scroll: bool = False) -> None:
        held = self._holding
        self._holding = True
        scrolled: list[Widget] = []
        try:
            if not scroll or self._layout_widgets:  # Textual lays out the whole screen then
                self._whole_layout_at = _time.get_time()
                scrolled = [widget for widget in self._laid_out() if widget._scroll_required]
            bars = self._bars_shown()
            super()._refresh_layout(size, scroll)
            for _ in range(SETTLE_PASSES):
                before, bars = bars, self._bars_shown()
                if not self._take_layout_requests(_bars_changed(before, bars)):
                    break
                super()._refresh_layout(size, scroll=False)
        finally:
            self._holding = held
        for widget in scrolled:  # placed as scrolled by the whole layout just done
            widget._scroll_required = False
        if held or not self.is_current:
            return
        self._take_repaint_requests()
        if self.app._batch_count:
            self.call_later(self._compositor_refresh)
        else:
            self._compositor_refresh()

    def _compositor_refresh(self) -> None:
        if not self._holding:
            super()._compositor_refresh()

    async def _on_layout(self, message: messages.Layout) -> None:
        if message.time < self._whole_layout_at:  # asked before a whole layout: done
            message.stop()
            message.prevent_default()

    async def _on_update_scroll(self, message: messages.UpdateScroll) -> None:
        if message.time < self._whole_layout_at:  # the layout placed everything as scrolled
            message.stop()
            message.prevent_default()

    def _laid_out(self) -> list[Widget]:
        """Every widget of the screen and their scrollbars, which are no children of theirs:
        a box's scrollbar shown or hidden by the layout asks for a layout of its own."""
        found: list[Widget] = []
        for widget in self.walk_children(Widget):
            found.append(widget)
            found.extend(bar for bar in (widget._vertical_scrollbar, widget._horizontal_scrollbar) if bar is not None)
        return found

    def _bars_shown(self) -> dict[Widget, tuple[bool, bool]]:
        """Which scrollbars each scrollable widget shows."""
        return {
            widget: (widget.show_vertical_scrollbar, widget.show_horizontal_scrollbar)
            for widget in self.walk_children(Widget)
            if widget.is_scrollable
        }

    def _take_layout_requests(self, bars_changed: set[Widget]) -> bool:
        """Take, as Textual would on the widgets' next idle, the layouts the widgets laid
        out just now asked for; whether one of them needs another layout.

        Most ask only because the layout gave them a new size, which it did knowing their
        content: another pass places them where they are (each pass is a walk of the whole
        screen, and this was one pass in two). A layout is needed again where a scrollbar
        came or went (``bars_changed``: what is beside it is narrower or wider now), and
        for a scroll view, which counts its own rows, and may have counted them at a width
        the layout has since changed."""
        asked = [widget for widget in self._laid_out() if widget._layout_required]
        again = any(_needs_another(widget, bars_changed) for widget in asked)
        for widget in asked:
            widget._layout_required = False
            for ancestor in widget.ancestors:
                if not isinstance(ancestor, Widget):
                    break
                ancestor._clear_arrangement_cache()
                ancestor._layout_updates += 1
                if not ancestor.styles.auto_dimensions:
                    break
        return again

    def _take_repaint_requests(self) -> None:
        """What the layouts left to be drawn again is drawn in this frame, not the next."""
        for widget in self._laid_out():
            if widget._repaint_required:
                widget._repaint_required = False
                if widget.display:
                    self._dirty_widgets.add(widget)
        if self._dirty_widgets:
            self._compositor.update_widgets(self._dirty_widgets)


def _bars_changed(before: dict[Widget, tuple[bool, bool]], after: dict[Widget, tuple[bool, bool]]) -> set[Widget]:
    return {widget for widget, shown in after.items() if before.get(widget, shown) != shown}


def _needs_another(widget: Widget, bars_changed: set[Widget]) -> bool:
    """Whether the layout ``widget`` asked for may place something elsewhere."""
    if isinstance(widget, ScrollBar):
        return widget.parent in bars_changed
    return widget in bars_changed or isinstance(widget, ScrollView)
