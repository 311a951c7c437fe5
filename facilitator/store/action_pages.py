"""Action items in their listed order, read a batch at a time from where the last ended.

The order is deadline (none last), then meeting, then action: the order of the indexes
``actions_by_deadline`` and ``actions_open_by_deadline`` (schema.py), once for the items
with a deadline and once for those without (an index holds no deadline first, a list
shows them last). Each batch starts past the last row read (keyset pagination), so
reading the first page of a hundred thousand meetings' actions costs what it does for a
hundred, where sorting them all first, or skipping an OFFSET, costs in proportion to all.

The meeting is joined as the second table (CROSS JOIN keeps that order), so the walk
follows the index and a group is checked through each meeting's key; the open items are
few (most are ticked off at the group's next meeting), so even a group with hardly any
walks a small index.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any

BATCH = 200
"""Rows read at a time when the caller takes them all, or more than one page."""
ORDER = "ORDER BY a.deadline, a.meeting_id, a.action_id"

ActionKey = tuple[str | None, int, int]
"""(deadline, meeting id, action id) of the last row read: where the next batch begins."""


def ordered_actions(
    db: sqlite3.Connection,
    select: str,
    conditions: Sequence[str],
    parameters: Sequence[Any],
    after: ActionKey | None,
    wanted: int | None,
) -> Iterator[tuple[Any, ...]]:
    """The rows of ``select`` (the actions as ``a``, deadline eighth, meeting id first,
    action id fourth) meeting ``conditions``, in listed order from past ``after`` on.
    ``wanted`` sizes the first batch: a caller who filters further reads on."""
    batch = BATCH if wanted is None else max(1, wanted)
    dated_after = after if after is not None and after[0] is not None else None
    undated_after = after if after is not None and after[0] is None else None
    if after is None or after[0] is not None:
        yield from _phase(db, select, conditions, parameters, dated_after, batch, dated=True)
    yield from _phase(db, select, conditions, parameters, undated_after, batch, dated=False)


def _phase(
    db: sqlite3.Connection,
    select: str,
    conditions: Sequence[str],
    parameters: Sequence[Any],
    after: ActionKey | None,
    batch: int,
    *,
    dated: bool,
) -> Iterator[tuple[Any, ...]]:
    while True:
        where = [*conditions, "a.deadline IS NOT NULL" if dated else "a.deadline IS NULL"]
        start: list[Any] = []
        if after is not None and dated:
            where.append("(a.deadline, a.meeting_id, a.action_id) > (?, ?, ?)")
            start = [after[0], after[1], after[2]]
        elif after is not None:
            where.append("(a.meeting_id, a.action_id) > (?, ?)")
            start = [after[1], after[2]]
        rows = db.execute(f"{select} WHERE {' AND '.join(where)} {ORDER} LIMIT ?", [*parameters, *start, batch]).fetchall()
        yield from rows
        if len(rows) < batch:
            return
        last = rows[-1]
        after = (last[7], last[0], last[3])
        batch = max(batch, BATCH)
