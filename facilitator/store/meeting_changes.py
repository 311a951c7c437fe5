"""What of a meeting waits to be saved: the whole of it, its head, its order, some items, notes.

The recorder gathers changes here as the meeting tells them and its thread saves them
(``SnapshotWriter.save_changes``). Gathering is cheap and keeps only the newest of each
part; a save that failed is put back under what arrived meanwhile, so nothing newer is
overwritten by something older.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class MeetingChanges:
    whole: dict[str, Any] | None = None
    """The whole snapshot (without notes), when a change did not say what it touched."""
    head: dict[str, Any] | None = None
    """The snapshot's head (``meeting_rows.split``), when it changed."""
    order: list[int] | None = None
    """The items' ids in agenda order, when it changed."""
    items: dict[int, dict[str, Any] | None] = field(default_factory=dict)
    """Items by id as they are now; None for an item no longer in the meeting."""
    notes: dict[int, str] = field(default_factory=dict)
    titles: dict[int, str] = field(default_factory=dict)
    """The titles of the items whose notes wait, for the full-text index."""

    @property
    def structural(self) -> bool:
        return self.whole is not None or self.head is not None or self.order is not None or bool(self.items)

    def __bool__(self) -> bool:
        return self.structural or bool(self.notes)

    def take_whole(self, snapshot: dict[str, Any]) -> None:
        """Everything before is in ``snapshot``: it replaces every part waiting."""
        self.whole, self.head, self.order, self.items = snapshot, None, None, {}

    def under(self, newer: MeetingChanges) -> MeetingChanges:
        """These changes (a save that failed) with ``newer`` ones on top."""
        notes, titles = {**self.notes, **newer.notes}, {**self.titles, **newer.titles}
        if newer.whole is not None:
            return MeetingChanges(newer.whole, newer.head, newer.order, newer.items, notes, titles)
        head = newer.head if newer.head is not None else self.head
        order = newer.order if newer.order is not None else self.order
        return MeetingChanges(self.whole, head, order, {**self.items, **newer.items}, notes, titles)
