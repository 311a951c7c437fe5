"""The line at the top: the meeting's clock, planned and projected end, and the item's timer.

The timer counts down from the item's planned minutes; it turns to the warning colour in
the last minute and to the error colour when the item is over time, so the chair sees it
from across the room.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Static

from facilitator.i18n import t
from facilitator.meeting.model import Meeting
from facilitator.tui import literal
from facilitator.tui.timefmt import clock, duration

WARNING_SECONDS = 60

TIME_KEYS = {
    False: ("status.now", "status.planned_end", "status.projected_end"),
    True: ("status.short.now", "status.short.planned_end", "status.short.projected_end"),
}
"""The clock's, the planned end's and the projected end's words, wide and narrow (``-narrow``)."""


class StatusBar(Horizontal):
    def compose(self) -> ComposeResult:
        yield Static(literal.EMPTY, id="meeting-title")
        yield Static(literal.EMPTY, id="shared-state")
        yield Static(literal.EMPTY, id="meeting-clock")
        yield Static(literal.EMPTY, id="item-timer")

    def show(self, meeting: Meeting, *, unsaved: bool = False, shared: tuple[str, bool] | None = None) -> None:
        """Called every second: only what changed is redrawn, and the screen is laid out
        again only when a text changes length (the widths are automatic).

        ``unsaved``: the last save failed and is being retried. ``shared``: how the shared
        archive's background sync goes, and whether that needs a look (a quiet word, or
        nothing when the archive is not shared)."""
        if shared is not None or self.has_class("-shared"):
            self._show_shared(shared)
        title = self.query_one("#meeting-title", Static)
        title.set_class(unsaved, "-unsaved")
        _put(title, t("status.unsaved", title=meeting.info.title) if unsaved else meeting.info.title)
        now = meeting.ended_at or meeting.clock()
        # Narrow, the times take their short words, so the meeting's title keeps some room
        # beside them (at 80 columns it was cut to its first letter).
        now_key, planned_key, projected_key = TIME_KEYS[self.screen.has_class("-narrow")]
        times = [t(now_key, time=clock(now))]
        if meeting.planned_end() is not None:
            times.append(t(planned_key, time=clock(meeting.planned_end())))
        if meeting.started:
            times.append(t(projected_key, time=clock(meeting.projected_end())))
        _put(self.query_one("#meeting-clock", Static), "  ".join(times))
        timer = self.query_one("#item-timer", Static)
        text, left, paused = self._timer_text(meeting)
        timer.set_class(left is not None and 0 <= left <= WARNING_SECONDS, "-warning")
        timer.set_class(left is not None and left < 0, "-over")
        timer.set_class(paused, "-paused")
        _put(timer, text)

    def _show_shared(self, shared: tuple[str, bool] | None) -> None:
        self.set_class(shared is not None, "-shared")
        state = self.query_one("#shared-state", Static)
        state.set_class(shared is not None and shared[1], "-warning")
        _put(state, shared[0] if shared is not None else "")

    @staticmethod
    def _timer_text(meeting: Meeting) -> tuple[str, float | None, bool]:
        """The item timer's text, the seconds left (None without a plan) and pause."""
        if meeting.ended:
            return t("status.ended"), None, False
        if meeting.current is None:
            return t("status.not_started"), None, False
        state = meeting.items[meeting.current]
        left = meeting.seconds_left(meeting.current)
        if left is None:
            text = t("status.used", used=duration(meeting.seconds_used(meeting.current)))
        elif left >= 0:
            text = t("status.left", left=duration(left))
        else:
            text = t("status.over", over=duration(-left))
        if state.paused:
            text = t("status.paused", timer=text)
        return text, left, state.paused


def _put(static: Static, text: str) -> None:
    old = static.content
    old_text = old.plain if isinstance(old, Content) else None
    shown = literal.line(text)
    if shown.plain != old_text:
        static.update(shown, layout=old_text is None or cell_len(old_text) != cell_len(shown.plain))
