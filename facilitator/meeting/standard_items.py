"""The items every Danish referat expects, recognised by their titles.

They recur at every meeting, so the next meeting's agenda keeps them; and the approval of
the last minutes is where the open action items of earlier meetings are followed up.
"""

from __future__ import annotations

MINUTES_APPROVAL = "godkendelse af referat"
NEXT_MEETING = "næste møde"

STANDARD_TITLES = (
    "godkendelse af dagsorden",
    MINUTES_APPROVAL,
    "meddelelser",
    "eventuelt",
    NEXT_MEETING,
)


def _normal(title: str) -> str:
    return " ".join(title.casefold().split())


def is_standard(title: str) -> bool:
    """True for the recurring items, also when they carry a suffix ("… fra sidste møde")."""
    return _normal(title).startswith(STANDARD_TITLES)


def is_minutes_approval(title: str) -> bool:
    return _normal(title).startswith(MINUTES_APPROVAL)


def is_next_meeting(title: str) -> bool:
    """The item where the room settles when it meets next (the key of the next meeting is
    offered there)."""
    return _normal(title).startswith(NEXT_MEETING)
