"""The one question a meeting from an agenda without a group asks: whose meeting is this?

The session decides whether to ask (``Session.group_question``) and what to do with the
answer (``Session.answer_group``: the group set, the earlier actions carried over, the
group remembered for the agenda file). Here it is only asked, once, as the meeting
opens, with the group the archive met as most lately filled in and the others offered as
you type. Escape goes on without a group; the question comes again at the next meeting
from the agenda.
"""

from __future__ import annotations

from typing import NamedTuple

from facilitator.i18n import t
from facilitator.session import Session
from facilitator.tui.dialogs.form import Field, FormDialog, Values, required


class GroupAnswer(NamedTuple):
    group: str
    warning: str | None
    """Why the settings file did not take it (the meeting has the group all the same)."""


def group_dialog(session: Session) -> FormDialog[GroupAnswer]:
    question = session.group_question
    known = question.known if question is not None else ()
    default = question.default if question is not None else ""
    fields = [
        Field("group", t("dialog.group.name"), value=default, placeholder=t("dialog.group.placeholder"), suggestions=known),
    ]

    def apply(values: Values) -> GroupAnswer:
        group = required(values, "group")
        return GroupAnswer(group, session.answer_group(group))

    return FormDialog(t("dialog.group.title"), fields, apply, note=t("dialog.group.note"), dialog_id="group")
