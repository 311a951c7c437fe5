"""What a change of a meeting touched: told to its listeners (the archive's recorder, the screen).

Apart from the meeting itself so the parts of a meeting (its mixins) can name what they
change without importing the meeting.
"""

from __future__ import annotations

from typing import NamedTuple


class Change(NamedTuple):
    """What changed, so the archive knows what to save and how soon.

    Notes are typed continuously and saved a moment after the typing stops; everything
    else is structural and saved at once. A structural change may name what it touched,
    so that saving it costs what was touched, not the whole meeting: ``items`` are the
    ids of the items whose state changed (added and dropped ones included), ``head``
    whether anything outside the items changed (info, people, the current item, ids
    given, carried actions, speakers), ``order`` whether the items' order changed (an
    item added, moved or dropped): the order is stored apart from the head, since it
    grows with the meeting and changes seldom. ``items=None``, the default, means
    "anything may have changed": a change that does not say is never saved wrong, only
    slowly.
    """

    kind: str  # "structure" or "notes"
    item_id: int | None = None
    items: tuple[int, ...] | None = None
    head: bool = True
    order: bool = False


STRUCTURE = Change("structure")
HEAD = Change("structure", items=())
"""Only the meeting's head changed (people, speakers, carried actions, its information)."""


def touched(*item_ids: int, head: bool = False) -> Change:
    """A structural change of these items only, and of the head when ``head``."""
    return Change("structure", items=item_ids, head=head)


def reordered(*item_ids: int) -> Change:
    """Items added, moved or dropped: these items, the head (the current item's index)
    and the items' order."""
    return Change("structure", items=item_ids, head=True, order=True)
