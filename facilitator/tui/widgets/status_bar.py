"""The line at the top: the meeting's clock, planned and projected end, and the item's timer.

The timer counts down from the item's planned minutes; it turns to the warning colour in
the last minute and to the error colour when the item is over time, so the chair sees it
from across the room.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from facilitator.i18n import t
from facilitator.meeting import Meeting
from facilitator.tui.timefmt import clock, duration

WARNING_SECONDS = 60


class StatusBar(Horizontal):
    def compose(self) -> ComposeResult:
        yield Static(id="meeting-title", markup=False)
        yield Static(id="meeting-clock", markup=False)
        yield Static(id="item-timer", markup=False)

    def show(self, meeting: Meeting) -> None:
        self.query_one("#meeting-title", Static).update(meeting.info.title)
        now = meeting.ended_at or meeting.clock()
        times = [t("status.now", time=clock(now))]
        if meeting.planned_end() is not None:
            times.append(t("status.planned_end", time=clock(meeting.planned_end())))
        if meeting.started:
            times.append(t("status.projected_end", time=clock(meeting.projected_end())))
        self.query_one("#meeting-clock", Static).update("  ".join(times))
        timer = self.query_one("#item-timer", Static)
        timer.remove_class("-warning", "-over", "-paused")
        if meeting.ended:
            timer.update(t("status.ended"))
            return
        if meeting.current is None:
            timer.update(t("status.not_started"))
            return
        state = meeting.items[meeting.current]
        left = meeting.seconds_left(meeting.current)
        if left is None:
            text = t("status.used", used=duration(meeting.seconds_used(meeting.current)))
        elif left >= 0:
            text = t("status.left", left=duration(left))
            timer.set_class(left <= WARNING_SECONDS, "-warning")
        else:
            text = t("status.over", over=duration(-left))
            timer.add_class("-over")
        if state.paused:
            text = t("status.paused", timer=text)
            timer.add_class("-paused")
        timer.update(text)
