"""A group's choice to share its closed items, and what a sync then sends of them.

Closed items (``confidential = true``) stay on the laptop unless the archive holds a choice
for the meeting's group, made in words (``facilitator share --closed-items GROUP``): the
sentence the person typed back is the setting's value, a record of what was agreed. A joint
meeting's closed items go only when every one of its groups has chosen. Taking the choice
back leaves a mark until the next sync has deleted what the server's restricted table holds
of the group; then the mark goes too.

What is sent is the complement of ``sharing.public_snapshot``: the closed items whole (notes,
decisions, votes, actions), their speeches, the closed actions carried into the meeting, and
the closed actions as the archive projects them.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from facilitator.errors import ArchiveError
from facilitator.i18n import t
from facilitator.store.connection import ArchiveConnection
from facilitator.store.notes_index import now_text
from facilitator.store.schema import SHARED_KEPT, is_closed
from facilitator.store.snapshot import to_dict

CHOSEN = "closed_items:"
TAKEN_BACK = "closed_items_taken_back:"


class ClosedChoices(NamedTuple):
    """Groups whose closed items are sent (with the sentence that chose it), and groups whose
    choice was taken back and whose closed items the next sync deletes from the server."""

    chosen: dict[str, str]
    taken_back: frozenset[str]


class ClosedSharing(ArchiveConnection):
    def closed_choices(self) -> ClosedChoices:
        if self.schema_version < SHARED_KEPT:
            return ClosedChoices({}, frozenset())
        with self._read() as db:
            rows = db.execute(
                "SELECT key, value FROM settings WHERE substr(key, 1, ?) = ? OR substr(key, 1, ?) = ?",
                (len(CHOSEN), CHOSEN, len(TAKEN_BACK), TAKEN_BACK),
            ).fetchall()
        chosen = {key[len(CHOSEN) :]: value for key, value in rows if key.startswith(CHOSEN)}
        taken_back = frozenset(key[len(TAKEN_BACK) :] for key, _ in rows if key.startswith(TAKEN_BACK))
        return ClosedChoices(chosen, taken_back)

    def choose_closed_items(self, group: str, sentence: str) -> None:
        """Send ``group``'s closed items from the next sync on; ``sentence`` is what was said."""
        self._require_settings()
        with self._write() as db:
            db.execute("DELETE FROM settings WHERE key = ?", (TAKEN_BACK + group,))
            db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", (CHOSEN + group, sentence))

    def take_back_closed_items(self, group: str) -> bool:
        """Send no more of ``group``'s closed items, and have the next sync delete what was
        sent. False when there was no choice to take back (nothing changes)."""
        self._require_settings()
        with self._write() as db:
            gone = db.execute("DELETE FROM settings WHERE key = ?", (CHOSEN + group,)).rowcount
            if gone:
                db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", (TAKEN_BACK + group, now_text()))
        return bool(gone)

    def closed_taken_back(self, group: str) -> None:
        """The server no longer holds ``group``'s closed items: the mark is done with."""
        with self._write() as db:
            db.execute("DELETE FROM settings WHERE key = ?", (TAKEN_BACK + group,))

    def closed_meeting(self, meeting_id: int) -> dict[str, Any]:
        """What the meeting's closed items recorded, for the restricted table."""
        meeting = self.load(meeting_id)  # type: ignore[attr-defined]  # History's, beside this in Archive
        part = closed_part(to_dict(meeting, notes=True))
        with self._read() as db:
            rows = db.execute(
                "SELECT action_id, item_title, what, who, deadline, done FROM actions"
                " WHERE meeting_id = ? AND confidential = 1 ORDER BY action_id",
                (meeting_id,),
            ).fetchall()
        keys = ("action_id", "item_title", "what", "who", "deadline", "done")
        part["actions"] = [dict(zip(keys, (*row[:5], bool(row[5])), strict=True)) for row in rows]
        return part

    def _require_settings(self) -> None:
        if self.schema_version < SHARED_KEPT:
            raise ArchiveError(t("share.old_archive", path=self.path), permanent=True)


def closed_part(snapshot: dict[str, Any]) -> dict[str, Any]:
    """Everything ``public_snapshot`` leaves out of a snapshot, and nothing else."""
    closed = {item["id"] for item in snapshot["items"] if is_closed(item)}
    speeches = snapshot.get("speakers", {}).get("speeches", [])
    return {
        "items": [item for item in snapshot["items"] if item["id"] in closed],
        "speeches": [s for s in speeches if s.get("item") in closed],
        "carried": [c for c in snapshot.get("carried", []) if c.get("confidential")],
        "carried_checks": [c for c in snapshot.get("carried_checks", []) if c.get("confidential")],
    }
