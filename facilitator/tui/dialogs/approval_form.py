"""The approval of the previous referat, asked under "Godkendelse af referat": one choice,
"godkendt" or "godkendt med bemærkninger", and the remarks.

The session does the approving (``Session.approve_previous``: the referat frozen in the
archive, the approval recorded in this meeting); here it is only asked. The dialog names
the referat it approves, so nobody approves the wrong one.
"""

from __future__ import annotations

from facilitator.errors import FieldError
from facilitator.i18n import t
from facilitator.meeting.approval import PreviousMinutes
from facilitator.meeting.written_dates import written_date
from facilitator.session import Session
from facilitator.tui.dialogs.form import Field, FormDialog, Values

APPROVED = "approved"
WITH_REMARKS = "remarks"


def approval_dialog(session: Session, previous: PreviousMinutes) -> FormDialog[PreviousMinutes]:
    fields = [
        Field(
            "choice",
            t("dialog.approval.choice"),
            kind="select",
            value=WITH_REMARKS if previous.remark else APPROVED,
            choices=((t("dialog.approval.approved"), APPROVED), (t("dialog.approval.with_remarks"), WITH_REMARKS)),
        ),
        Field("remark", t("dialog.approval.remark"), kind="long", value=previous.remark),
    ]

    def apply(values: Values) -> PreviousMinutes:
        remark = values["remark"]
        if values["choice"] == WITH_REMARKS and not remark:
            raise FieldError("remark", t("approval.remark_required"))
        if values["choice"] == APPROVED and remark:
            raise FieldError("choice", t("approval.remark_unchosen"))
        return session.approve_previous(remark or None)

    day = written_date(previous.held) if previous.held else ""
    note = t("dialog.approval.note", title=previous.title, date=day, id=previous.meeting_id)
    return FormDialog(t("cmd.approve_minutes"), fields, apply, note=note, dialog_id="approval")
