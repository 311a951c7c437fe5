"""The approval of minutes: a referat is a draft (udkast) until the group approves it.

Two sides of one act, both plain values. ``MinutesApproval`` is what a meeting's own
minutes know of their approval (the archive keeps it, with the approved text frozen);
``PreviousMinutes`` is what the next meeting of the group records under its item
"Godkendelse af referat": which referat it was, and whether and how it was approved.
They live here, below both the archive and the output, so that each can speak of an
approval without knowing the other.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple


class MinutesApproval(NamedTuple):
    """A meeting's minutes approved: on which day, with which remarks, and by which meeting
    (None: approved outside a meeting, from the command line, as a group approving by e-mail)."""

    on: dt.date
    remark: str = ""
    by_meeting: int | None = None


class PreviousMinutes(NamedTuple):
    """The group's previous referat, as the next meeting names it and records its approval."""

    meeting_id: int
    title: str
    held: dt.date | None
    approved: bool = False
    remark: str = ""


def checked_remark(remark: str | None) -> str:
    """The remarks of "godkendt med bemærkninger": None or blank means approved as it stands.

    Remarks are one paragraph of text (line breaks become spaces): a line in the minutes,
    not a document of their own."""
    return " ".join(remark.split()) if remark else ""
