"""The agenda down the side: number, state, title, type, planned minutes and time used.

While the list has the focus, the item chosen in it stays chosen through a redraw, even
when it moves (the chair moves an item a few places with the keys); otherwise, and when
the meeting moves on, the current item is the one chosen.

It draws what is seen. Textual's OptionList builds and wraps every option to count its
rows, and again after any option changes: a 2,000-item agenda took half a second to open
and as long again at every key (docs/performance.md). Here an option's rows are counted
from its plain text (agenda_lines.py) and its ``Content`` is made when it is first drawn;
a redraw replaces only the options whose lines changed (moving on changes two), and
counts the rows again only where an item's height changed.
"""

from __future__ import annotations

from contextlib import nullcontext
from typing import cast

from textual import on
from textual.content import Content
from textual.css.styles import RulesMap
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scrollbar import ScrollBar
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from facilitator.meeting.model import Meeting
from facilitator.meeting.records import ItemState
from facilitator.tui.widgets.agenda_lines import Lines, item_content, item_pieces, rows
from facilitator.tui.widgets.steady_scrollbar import SteadyScrollBar

KIND_FROM_WIDTH = 26
"""Narrower columns (an 80-column terminal) leave out the type word: it took a row of its
own under every item, and the item's heading says it for the current one."""


def item_line(meeting: Meeting, index: int, *, with_kind: bool = True) -> Content:
    """Two lines per item: what it is, then how it stands in time."""
    return item_content(item_pieces(meeting, index, with_kind=with_kind))


class ItemOption(Option):
    """An item's option: its lines are known at once, its ``Content`` made when drawn."""

    def __init__(self, lines: Lines) -> None:
        super().__init__("")
        self.lines = lines
        self._made = False

    @property
    def prompt(self) -> Content:
        if not self._made:
            self._prompt, self._made = item_content(self.lines), True
        return self._prompt  # type: ignore[return-value]


def item_options(meeting: Meeting, *, with_kind: bool) -> list[Option]:
    return [ItemOption(item_pieces(meeting, i, with_kind=with_kind)) for i in range(len(meeting.items))]


Shown = tuple[object, ...]
"""What an item's line depends on besides the clock, to tell cheaply whether it changed."""


def shown_as(meeting: Meeting, index: int, state: ItemState) -> Shown | None:
    """None for the current item: its time runs, so it is written again at every redraw."""
    if index == meeting.current:
        return None
    return (state.item, index, len(state.visits), len(state.pauses), state.carry_on, state.skipped)


class AgendaList(OptionList):
    """Choosing an item (Enter or a click) makes it the current one: the list says which
    (:class:`AgendaList.ItemChosen`), and the screen does that."""

    class ItemChosen(Message):
        """The person chose the item at ``index`` of the agenda."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    highlighted: reactive[int | None] = reactive(None, repaint=False)
    """Textual's, but a new highlight draws again only the rows of the items that lose it
    and get it: Textual's drew the whole list again at every move."""

    def _watch_highlighted(self, before: int | None, highlighted: int | None) -> None:
        """Before Textual's own watcher (which scrolls to the highlight, and says so)."""
        for index in (before, highlighted):
            if index is not None and index < self.option_count:
                self._refresh_item(index)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.ItemChosen(event.option_index))

    _meeting: Meeting | None = None
    _shown_with_kind = True
    _shown_ids: tuple[int, ...] = ()
    """The items' ids in the order last shown, to find the chosen one after a move."""
    _shown_current: int | None = None
    """The id of the current item when last shown."""
    _shown: tuple[Shown | None, ...] = ()
    """Each option's :func:`shown_as` when it was made."""
    _counted: tuple[int, list[int]] = (-1, [])
    """The width the options' rows were counted at, and each option's rows."""

    _unshown = False
    """A meeting was given before the list had a width: it is shown at the first layout."""

    def _with_kind(self) -> bool:
        return self.size.width >= KIND_FROM_WIDTH

    def show(self, meeting: Meeting) -> None:
        """Show ``meeting``; before the list is laid out, only note it: what an item says
        depends on the list's width, which the narrow layout sets as the screen is first
        laid out, and options made at a guessed width were all made and counted again."""
        self._meeting = meeting
        self._unshown = not self.size.width
        if self._unshown:
            return
        with_kind = self._with_kind()
        highlighted = self.highlighted
        chosen = self._shown_ids[highlighted] if highlighted is not None and highlighted < len(self._shown_ids) else None
        ids = tuple(state.id for state in meeting.items)
        current = ids[meeting.current] if meeting.current is not None else None
        shown = tuple(shown_as(meeting, i, state) for i, state in enumerate(meeting.items))
        if ids == self._shown_ids and with_kind == self._shown_with_kind and self.option_count == len(ids):
            for index, (now, before) in enumerate(zip(shown, self._shown, strict=True)):
                if now is None or now != before:
                    self._replace(index, item_pieces(meeting, index, with_kind=with_kind))
        else:
            self._counted = (-1, [])
            self._shown_with_kind = with_kind  # before the options are laid out: they are made so
            self.set_options(item_options(meeting, with_kind=with_kind))
        self._shown_with_kind = with_kind
        if self.has_focus and current == self._shown_current and chosen in ids:
            self.highlighted = ids.index(chosen)
        elif meeting.current is not None:
            if current != self._shown_current:
                self._turn_page_to(meeting.current)
            self.highlighted = meeting.current
        elif highlighted is not None and highlighted < len(meeting.items):
            self.highlighted = highlighted
        self._shown_ids, self._shown_current, self._shown = ids, current, shown

    def _turn_page_to(self, index: int) -> None:
        """The meeting moved on past the bottom of the list: the list turns a page, the item
        before the current one at the top and the ones to come under it. Scrolled a row at a
        time, to just show the current item, it showed nothing of what comes next, and drew
        all its rows again at every move (docs/performance.md)."""
        self._update_lines()
        first_line = self._line_cache.index_to_line
        if index not in first_line or not self.scrollable_content_region.height:
            return
        top = first_line[index]
        bottom = top + self._line_cache.heights[index]
        if top < self.scroll_offset.y or bottom <= self.scroll_offset.y + self.scrollable_content_region.height:
            return  # seen already, or above: Textual scrolls just enough
        self.scroll_to(y=first_line.get(index - 1, top), animate=False, immediate=True)

    def tick(self, meeting: Meeting) -> None:
        """Once a second: only the current item's time changes."""
        if meeting.current is not None and meeting.current < self.option_count:
            self._replace(meeting.current, item_pieces(meeting, meeting.current, with_kind=self._shown_with_kind))

    def _replace(self, index: int, lines: Lines) -> None:
        """A new option in place of the one at ``index``, unless its lines are the same: a
        new option, not a new prompt for the old one, because Textual keeps each option's
        drawn rows by the option; and the rows of the others are counted again only when
        this one's height changed. Only its rows are drawn again."""
        old = self._options[index]
        if isinstance(old, ItemOption) and old.lines == lines:
            return
        option = ItemOption(lines)
        option._divider = old._divider
        self._options[index] = option
        del self._option_to_index[old]
        self._option_to_index[option] = index
        width, heights = self._counted
        if width >= 0 and index < len(heights):
            height = rows(lines, width)
            if height != heights[index]:
                heights[index] = height
                self._line_cache.clear()
        self._refresh_item(index)  # the clock's tick drew the whole list again every second

    def _refresh_item(self, index: int) -> None:
        """Draw again only the rows of the item at ``index``; all, when it is not laid out."""
        first_line = self._line_cache.index_to_line.get(index)
        if first_line is None:  # laid out again: all is drawn again
            self.refresh()
        else:
            self.refresh_lines(first_line, self._line_cache.heights[index])

    def _update_lines(self) -> None:
        """Textual's own builds every option to count its rows; this counts them from the
        options' plain lines, once per width, and lays them out again only when one changed."""
        region = self.scrollable_content_region
        if not region:
            return
        if self._meeting is not None and (self._unshown or self._with_kind() != self._shown_with_kind):
            self.show(self._meeting)  # made at the width they are drawn at, and laid out in there
            return
        padding = self.get_component_styles("option-list--option").padding
        width = region.width - self._get_left_gutter_width() - padding.width
        if not self.show_vertical_scrollbar and self.styles.overflow_y == "auto" and len(self._options) > region.height:
            # Each option takes a row at least, so the scrollbar is coming: count at the width
            # left beside it, once, not first without it and then again.
            width -= self.styles.scrollbar_size_vertical
        counted_at, heights = self._counted
        options = self._options
        if counted_at != width or len(heights) != len(options):
            heights = [self._rows(option, width) for option in options]
            self._counted = (width, heights)
            self._line_cache.clear()
        cache = self._line_cache
        laid_out = len(cache.heights) != len(options)
        if laid_out:
            cache.clear()
            lines = cache.lines
            for index, (option, height) in enumerate(zip(options, heights, strict=True)):
                cache.index_to_line[index] = len(lines)
                cache.heights[index] = height + option._divider
                lines.extend([(index, row) for row in range(height + option._divider)])
        last_divider = bool(options) and options[-1]._divider
        virtual_size = Size(region.width - self._get_left_gutter_width(), len(cache.lines) - (1 if last_divider else 0))
        if virtual_size != self.virtual_size:
            self.virtual_size = virtual_size
            self._scroll_update(virtual_size)
        if laid_out and self.highlighted is not None:
            # Before the frame that needed the rows is drawn: Textual scrolls to the chosen
            # item only when the list is shown, a frame late, and the list jumped.
            self.scroll_to_highlight()

    @property
    def vertical_scrollbar(self) -> ScrollBar:
        """Textual's property, making a bar that is drawn again only when it changed
        (steady_scrollbar.py): the list's bar runs the screen's height."""
        if self._vertical_scrollbar is None:
            self._vertical_scrollbar = bar = SteadyScrollBar(
                vertical=True, name="vertical", thickness=self.scrollbar_size_vertical
            )
            bar.display = False
            self.app._start_widget(self, bar)
        return self._vertical_scrollbar

    def _scroll_update(self, virtual_size: Size) -> None:
        """Textual's, called at every layout, draws the bar again: here only if it changed.
        The bar is not made here: a list that fits has none."""
        bar = self._vertical_scrollbar
        with bar.unchanged_skipped() if isinstance(bar, SteadyScrollBar) else nullcontext():
            super()._scroll_update(virtual_size)

    def _rows(self, option: Option, width: int) -> int:
        if isinstance(option, ItemOption):
            return rows(option.lines, width)
        return self._get_visual(option).get_height(cast(RulesMap, self.styles), width)
