"""The speakers list: who has the floor and for how long, who is waiting, time per person.

The list and the times are the current item's: each item has its debate (``Meeting.go_to``)."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from facilitator.i18n import t
from facilitator.meeting.model import Meeting
from facilitator.tui import literal
from facilitator.tui.timefmt import duration


def speakers_content(meeting: Meeting) -> Content:
    speakers = meeting.speakers
    now = meeting.clock()
    state = t("speakers.state_closed") if speakers.closed else t("speakers.state_open")
    lines: list[Content] = [literal.line(t("speakers.title", state=state), "bold")]
    if speakers.current is not None:
        speech = speakers.current
        lines.append(literal.assemble(("▶ ", "$accent"), (speech.name, "bold"), f"  {duration(speech.span.seconds(now))}"))
    for number, request in enumerate(speakers.queue, 1):
        order = literal.line(" " + t("speakers.point_of_order"), "$warning") if request.point_of_order else literal.EMPTY
        lines.append(literal.line(f"{number}. {request.name}") + order)
    if speakers.current is None and not speakers.queue:
        lines.append(literal.line(t("speakers.empty"), "$text-muted"))
    totals = meeting.speaking_seconds(meeting.current)
    if totals:
        lines.append(literal.line(t("speakers.totals"), "bold"))
        lines.extend(literal.line(f"{name}  {duration(seconds)}") for name, seconds in totals.items())
    return literal.join("\n", lines)


class SpeakersPanel(Static):
    def show(self, meeting: Meeting) -> None:
        shown = speakers_content(meeting)
        if shown != self.content:  # the same text again would lay the screen out again
            self.update(shown)


def speakers_line(meeting: Meeting) -> Content:
    """The room in one line, for terminals too narrow for the side panel."""
    speakers = meeting.speakers
    parts: list[Content] = []
    if speakers.current is not None:
        seconds = speakers.current.span.seconds(meeting.clock())
        parts.append(
            literal.assemble((t("speakers.floor") + " ", "$text-muted"), (speakers.current.name, "bold"), f" {duration(seconds)}")
        )
    if speakers.queue:
        waiting = ", ".join(r.name + (" §" if r.point_of_order else "") for r in speakers.queue)
        parts.append(literal.line(t("speakers.waiting", names=waiting)))
    if speakers.closed:
        parts.append(literal.line(t("speakers.state_closed"), "$warning"))
    parts.append(literal.line(t("attendance.title", here=meeting.present_count(), total=len(meeting.attendees)), "$text-muted"))
    return literal.join(" · ", parts)


class RoomLine(Static):
    def show(self, meeting: Meeting) -> None:
        shown = speakers_line(meeting)
        if shown != self.content:  # the same text again would lay the screen out again
            self.update(shown)
