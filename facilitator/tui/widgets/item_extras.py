"""Lines the item view shows above what was recorded: the item's attachments (bilag), its
checklist at a glance with the key that opens it, and, on the item where the group's last
meeting is followed up, the checklist's last statuses there that were not ok."""

from __future__ import annotations

from textual.content import Content

from facilitator.agenda.model import Attachment
from facilitator.i18n import t
from facilitator.meeting.checklist import CheckStatus, status_words
from facilitator.meeting.model import Meeting
from facilitator.tui import literal
from facilitator.tui.commands import key_for


def checklist_summary(meeting: Meeting, index: int) -> str:
    lines = meeting.check_lines(index)
    counts = {status: sum(1 for line in lines if line.status is status) for status in (*CheckStatus, None)}
    return t(
        "dialog.checklist.summary",
        ok=counts[CheckStatus.OK],
        missing=counts[CheckStatus.MISSING],
        agreed=counts[CheckStatus.AGREED],
        unset=counts[None],
    )


def documents_line(attachments: tuple[Attachment, ...]) -> Content:
    """Attachments (bilag) in one line: each title with where it is."""
    documents = ", ".join(f"{a.title} ({a.href})" for a in attachments)
    return literal.line(t("item.attachments", documents=documents), "$text-muted")


def item_extras(meeting: Meeting, index: int, keymap: dict[str, str]) -> list[Content]:
    item = meeting.items[index].item
    shown: list[Content] = []
    if item.attachments:
        shown.append(documents_line(item.attachments))
    if item.checklist:
        key = key_for("safety_checklist", keymap)
        shown.append(literal.line(t("item.checklist", summary=checklist_summary(meeting, index), key=key), "bold"))
    public = [check for check in meeting.carried_checks if not check.confidential]  # the screen is on the wall
    if public and index == (meeting.carried_item() or 0):
        ok = sum(1 for check in public if check.status is CheckStatus.OK)
        shown.append(literal.line(t("item.checks_carried", ok=ok), "bold"))
        for check in public:
            if check.status is not CheckStatus.OK:
                style = "$error" if check.status is CheckStatus.MISSING else "$warning"
                shown.append(literal.assemble((f"• {status_words(check.status)}: ", f"bold {style}"), check.point))
    return shown
