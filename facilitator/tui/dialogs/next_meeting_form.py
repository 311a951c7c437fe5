"""The dialog of the next meeting: its date, start and place, as the room says them.

The date is typed as a deadline is ("14/1", "14.1.2027"), the start as a time is said
("16", "kl. 16", "16.30"); a date or time the core cannot read is told beside its field.
Emptying both date and start removes a next meeting recorded earlier.
"""

from __future__ import annotations

from facilitator.errors import FieldError, MeetingError
from facilitator.i18n import t
from facilitator.meeting.model import Meeting
from facilitator.meeting.next_meeting import NextMeeting, next_meeting_date, next_meeting_start
from facilitator.meeting.written_dates import clock_time
from facilitator.tui.dates_shown import compact
from facilitator.tui.dialogs.form import Field, FormDialog, Values, required


def next_meeting_dialog(meeting: Meeting) -> FormDialog[tuple[NextMeeting | None]]:
    """Closes with the next meeting now recorded, in a tuple: ``(None,)`` when it was
    removed, as None alone is a dialog cancelled."""
    planned = meeting.next_meeting
    fields = [
        Field(
            "date",
            t("dialog.next_meeting.date"),
            value=compact(planned.date) if planned else "",
            placeholder=t("dialog.next_meeting.date_placeholder"),
        ),
        Field(
            "start",
            t("dialog.next_meeting.start"),
            value=clock_time(planned.start) if planned else "",
            placeholder=t("dialog.next_meeting.start_placeholder"),
        ),
        Field("place", t("dialog.next_meeting.place"), kind="long", value=(planned.place or "") if planned else ""),
    ]

    def apply(values: Values) -> tuple[NextMeeting | None]:
        if not values["date"] and not values["start"] and meeting.next_meeting is not None:
            meeting.clear_next_meeting()
            return (None,)
        date, start = required(values, "date"), required(values, "start")
        try:
            next_meeting_date(date, today=meeting.clock().date())
        except MeetingError as error:
            raise FieldError("date", str(error)) from None
        try:
            next_meeting_start(start)
        except MeetingError as error:
            raise FieldError("start", str(error)) from None
        return (meeting.set_next_meeting(date, start, values["place"] or None),)

    return FormDialog(t("cmd.next_meeting"), fields, apply, note=t("dialog.next_meeting.note"), dialog_id="next-meeting")
