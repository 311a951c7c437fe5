"""The agenda down the side: number, state, title, type, planned minutes and time used.

While the list has the focus, the item chosen in it stays chosen through a redraw, even
when it moves (the chair moves an item a few places with the keys); otherwise, and when
the meeting moves on, the current item is the one chosen."""

from __future__ import annotations

from textual import on
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList

from facilitator.i18n import t
from facilitator.meeting.labels import item_type_word
from facilitator.meeting.model import Meeting
from facilitator.tui import literal
from facilitator.tui.timefmt import duration

KIND_FROM_WIDTH = 26
"""Narrower columns (an 80-column terminal) leave out the type word: it took a row of its
own under every item, and the item's heading says it for the current one."""


def item_line(meeting: Meeting, index: int, *, with_kind: bool = True) -> Content:
    """Two lines per item: what it is, then how it stands in time."""
    state = meeting.items[index]
    item = state.item
    current = index == meeting.current
    if current:
        mark, style = "▶", "bold $accent"
    elif state.visited:
        mark, style = "✓", "$text-muted"
    else:
        mark, style = "·", ""
    title = literal.assemble((f"{mark} {index + 1}. ", style), (item.title, "bold" if current else style))
    if state.carry_on:
        title = title + literal.line(" ↻", "$warning")
    planned = t("agenda.planned", minutes=item.minutes) if item.minutes is not None else ""
    kind = f" · {item_type_word(item.type)}" if with_kind else ""
    if state.skipped:  # said at every width: the room must see that it is passed over
        kind = f"{kind} · {t('agenda.skipped')}"
    if state.visited:
        used = state.seconds_used(meeting.clock())
        over = item.minutes is not None and used > item.minutes * 60
        # The times first, the type word last: in a narrow column the line wraps before
        # the word, which goes whole onto the next row, instead of leaving "min" alone.
        second = literal.assemble(
            ("   ", ""),
            (duration(used), "bold $error" if over else "$text-muted"),
            ((f" / {planned}" if planned else "") + kind, "$text-muted"),
        )
    else:
        words = f"{planned}{kind}" if planned else kind.removeprefix(" · ")
        if not words:
            return title
        second = literal.line(f"   {words}", "$text-muted")
    return literal.join("\n", [title, second])


class AgendaList(OptionList):
    """Choosing an item (Enter or a click) makes it the current one: the list says which
    (:class:`AgendaList.ItemChosen`), and the screen does that."""

    class ItemChosen(Message):
        """The person chose the item at ``index`` of the agenda."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.ItemChosen(event.option_index))

    _meeting: Meeting | None = None
    _shown_with_kind = True
    _shown_ids: tuple[int, ...] = ()
    """The items' ids in the order last shown, to find the chosen one after a move."""
    _shown_current: int | None = None
    """The id of the current item when last shown."""

    def _with_kind(self) -> bool:
        return self.size.width == 0 or self.size.width >= KIND_FROM_WIDTH

    def on_resize(self) -> None:
        if self._meeting is not None and self._shown_with_kind != self._with_kind():
            self.show(self._meeting)

    def show(self, meeting: Meeting) -> None:
        self._meeting = meeting
        self._shown_with_kind = with_kind = self._with_kind()
        highlighted = self.highlighted
        chosen = self._shown_ids[highlighted] if highlighted is not None and highlighted < len(self._shown_ids) else None
        ids = tuple(state.id for state in meeting.items)
        current = ids[meeting.current] if meeting.current is not None else None
        self.set_options([item_line(meeting, i, with_kind=with_kind) for i in range(len(meeting.items))])
        if self.has_focus and current == self._shown_current and chosen in ids:
            self.highlighted = ids.index(chosen)
        elif meeting.current is not None:
            self.highlighted = meeting.current
        elif highlighted is not None and highlighted < len(meeting.items):
            self.highlighted = highlighted
        self._shown_ids, self._shown_current = ids, current

    def tick(self, meeting: Meeting) -> None:
        """Once a second: only the current item's time changes."""
        if meeting.current is not None and meeting.current < self.option_count:
            prompt = item_line(meeting, meeting.current, with_kind=self._shown_with_kind)
            self.replace_option_prompt_at_index(meeting.current, prompt)
