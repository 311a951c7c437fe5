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


def item_line(meeting: Meeting, index: int) -> Content:
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
    kind = item_type_word(item.type)
    if state.skipped:
        kind = f"{kind} · {t('agenda.skipped')}"
    if state.visited:
        used = state.seconds_used(meeting.clock())
        over = item.minutes is not None and used > item.minutes * 60
        second = literal.assemble(
            (f"   {kind} · ", "$text-muted"),
            (duration(used), "bold $error" if over else "$text-muted"),
            (f" / {planned}" if planned else "", "$text-muted"),
        )
    else:
        second = literal.line(f"   {kind}" + (f" · {planned}" if planned else ""), "$text-muted")
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

    _shown_ids: tuple[int, ...] = ()
    """The items' ids in the order last shown, to find the chosen one after a move."""
    _shown_current: int | None = None
    """The id of the current item when last shown."""

    def show(self, meeting: Meeting) -> None:
        highlighted = self.highlighted
        chosen = self._shown_ids[highlighted] if highlighted is not None and highlighted < len(self._shown_ids) else None
        ids = tuple(state.id for state in meeting.items)
        current = ids[meeting.current] if meeting.current is not None else None
        self.set_options([item_line(meeting, i) for i in range(len(meeting.items))])
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
            self.replace_option_prompt_at_index(meeting.current, item_line(meeting, meeting.current))
