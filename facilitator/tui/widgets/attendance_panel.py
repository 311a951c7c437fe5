"""Who is here: present, late arrivals, departures and apologies, with the two roles."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from facilitator.i18n import t
from facilitator.meeting.model import Meeting
from facilitator.meeting.records import Attendee, Presence
from facilitator.tui import literal
from facilitator.tui.timefmt import clock


def person_line(meeting: Meeting, person: Attendee) -> Content:
    roles = [
        word
        for word, holder in ((t("role.chair"), meeting.chair), (t("role.secretary"), meeting.secretary))
        if holder == person.name
    ]
    roles += [person.organisation] if person.organisation else []
    roles += [t("minutes.no_vote")] if not person.votes and person.name not in meeting.info.guests else []
    suffix = f" ({', '.join(roles)})" if roles else ""
    if person.left is not None:
        return literal.line(f"↗ {person.name}{suffix} " + t("attendance.left_at", time=clock(person.left)), "$text-muted")
    if person.presence is Presence.PRESENT:
        late = " " + t("attendance.arrived_at", time=clock(person.arrived)) if person.arrived else ""
        return literal.assemble(("✓ ", "$success"), f"{person.name}{suffix}{late}")
    label = t("presence.apologies") if person.presence is Presence.APOLOGIES else t("presence.absent")
    return literal.line(f"– {person.name}{suffix} ({label})", "$text-muted")


def attendance_content(meeting: Meeting) -> Content:
    header = literal.line(t("attendance.title", here=meeting.present_count(), total=len(meeting.attendees)), "bold")
    lines = [header, *(person_line(meeting, p) for p in meeting.attendees.values())]
    if not meeting.attendees:
        lines.append(literal.line(t("attendance.empty"), "$text-muted"))
    return literal.join("\n", lines)


class AttendancePanel(Static):
    def show(self, meeting: Meeting) -> None:
        shown = attendance_content(meeting)
        if shown != self.content:  # the same text again would lay the screen out again
            self.update(shown)
