"""The preview's scrolling view of the minutes, holding only the pieces that are seen.

Mounting every piece of a long meeting's minutes cost seconds of CPU after the first
screen (each batch laid out the whole view again), though nobody may ever scroll there.
The view mounts the pieces from the top down to a margin below what is shown, and more
as it is scrolled towards them, by any means (keys, wheel, scroll bar), so its work after
the first screen follows what the reader looks at, not the length of the meeting. Only a
jump to the end mounts the rest, since the end is below all of it.
"""

from __future__ import annotations

import asyncio

from textual.containers import VerticalScroll

from facilitator.tui.widgets.minutes_section import MinutesSection, Piece

MARGIN = 2
"""Screens of text kept mounted below the bottom of the view, so a page down lands on
text already drawn and there is always something below to scroll to while more comes."""


def lines_of(part: Piece) -> int:
    """The lines a piece takes at least: its source lines and the gap before it (Rich
    draws a heading with a rule and wraps long lines, so often more, never fewer)."""
    return part.text.count("\n") + 2


def fill(parts: list[Piece], start: int, lines: int) -> int:
    """The index after the pieces from ``start`` that take at least ``lines`` lines
    (at least one piece when any is left)."""
    taken = 0
    for index in range(start, len(parts)):
        taken += lines_of(parts[index])
        if taken >= lines:
            return index + 1
    return len(parts)


class MinutesView(VerticalScroll):
    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's own name
        super().__init__(id=id)
        self._parts: list[Piece] = []
        self._mounted = 0
        """How many of ``_parts``, from the first, are mounted."""
        self._lines = 0
        """The lines the mounted pieces take at least (``lines_of``): counted, not read
        from the layout, which is only known a refresh later and would let a scroll mount
        piece after piece before it caught up."""
        self._changing = asyncio.Lock()
        """Held while pieces are mounted or replaced: a scroll's mounting that ran during a
        refresh's removal would leave pieces of the old minutes among the new."""

    @property
    def pending(self) -> int:
        """Pieces not mounted yet: they wait below what has been scrolled to."""
        return len(self._parts) - self._mounted

    def _screen_lines(self) -> int:
        return self.size.height or self.app.size.height

    async def show(self, parts: list[Piece]) -> None:
        """Show ``parts`` in place of what is shown, at the same scroll position: enough
        pieces to reach it and fill the view, the rest as it scrolls."""
        keep = round(self.scroll_y)
        async with self._changing:
            await self.remove_children()
            self._parts, self._mounted, self._lines = parts, 0, 0
            await self._mount_to(keep)
        if keep:
            self.call_after_refresh(self.scroll_to, y=keep, animate=False, immediate=True)

    async def _mount_to(self, top: float) -> None:
        """Mount the next pieces if those mounted end less than ``MARGIN`` screens below
        a view scrolled to ``top``."""
        needed = round(top) + self._screen_lines() * (1 + MARGIN)
        if self._lines >= needed or not self.pending:
            return
        start = self._mounted
        self._mounted = fill(self._parts, start, needed - self._lines)
        batch = self._parts[start : self._mounted]
        self._lines += sum(lines_of(part) for part in batch)
        await self.mount_all(MinutesSection(part) for part in batch)

    async def _extend(self) -> None:
        async with self._changing:
            if self.is_attached:
                await self._mount_to(self.scroll_y)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if self.pending and new_value > old_value:
            self.call_later(self._extend)

    def on_resize(self) -> None:
        if self.pending:
            self.call_later(self._extend)

    def action_scroll_end(self) -> None:
        """The end is below every piece: mount the rest (in one go: one layout), then go."""
        if self.pending:
            self.call_later(self._mount_rest_and_end)
        else:
            super().action_scroll_end()

    async def _mount_rest_and_end(self) -> None:
        async with self._changing:
            start, self._mounted = self._mounted, len(self._parts)
            self._lines += sum(lines_of(part) for part in self._parts[start:])
            await self.mount_all(MinutesSection(part) for part in self._parts[start:])
        self.call_after_refresh(super().action_scroll_end)
