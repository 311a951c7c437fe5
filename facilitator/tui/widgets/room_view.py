"""The room mode: the meeting screen as the wall sees it, for a laptop mirrored to a projector.

It shows what the room view's page shows (``output/room_state.py``, the same allow-list):
no notes unless the chair let the room see them, no attendance, and a closed item only as
"Lukket punkt". A terminal has one size of letter, so "large" is made of space and
weight: the timer in big digits, the item and the question in bold with room around them,
and nothing else on the line. The meeting's keys all still work: it is the same screen.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Digits, Static

from facilitator.i18n import t
from facilitator.meeting.model import Meeting
from facilitator.output.room_state import room_state
from facilitator.tui import literal
from facilitator.tui.timefmt import duration


def _clock(seconds: float) -> str:
    whole = int(abs(seconds))
    return ("-" if seconds < 0 else "") + f"{whole // 60}:{whole % 60:02d}"


class RoomView(Vertical):
    """The wall's view of the meeting, drawn from the room's data; shown in room mode only."""

    _shown: dict[str, Any] | None = None

    def compose(self) -> ComposeResult:
        with Horizontal(id="room-head"):
            yield Static(id="room-meeting")
            yield Static(id="room-progress")
        with Horizontal(id="room-top"):
            yield Static(id="room-item")
            yield Digits(id="room-timer")
        with Horizontal(id="room-middle"):
            yield VerticalScroll(Static(id="room-content"), id="room-content-box", can_focus=False)
            yield Static(id="room-floor")

    def show(self, meeting: Meeting) -> None:
        state = room_state(meeting)
        if state == self._shown:
            return
        self._shown = state
        self.query_one("#room-meeting", Static).update(literal.line(state["meeting"]["title"], "bold"))
        progress = state["progress"]
        where = f"{t('room.word.item')} {progress['position']} / {progress['count']}" if progress["position"] else ""
        self.query_one("#room-progress", Static).update(literal.line(where, "$text-muted"))
        self.query_one("#room-item", Static).update(self._item_title(state))
        self._show_timer(state)
        self.query_one("#room-content", Static).update(self._content(state))
        self.query_one("#room-floor", Static).update(self._floor(state))

    @staticmethod
    def _item_title(state: dict[str, Any]) -> Content:
        item = state["item"]
        words = {"waiting": "room.word.waiting", "ended": "room.word.ended"}
        if item is None:
            return literal.line(t(words.get(state["status"], "room.word.none")), "bold")
        title = t("room.word.closed") if item["closed"] else item["title"]
        return literal.line(f"{item['number']}. {title}", "bold")

    def _show_timer(self, state: dict[str, Any]) -> None:
        digits = self.query_one("#room-timer", Digits)
        item = state["item"]
        timer = item.get("timer") if item else None
        digits.display = timer is not None
        if timer is None:
            return
        planned, used = timer["planned"], timer["used"]
        left = None if planned is None else planned - used
        shown = _clock(used if left is None else left)  # digits and a colon, made here from numbers
        digits.update(shown)
        digits.set_class(left is not None and 0 <= left <= 60, "-warning")
        digits.set_class(left is not None and left < 0, "-over")
        digits.set_class(not timer["running"], "-paused")

    @staticmethod
    def _content(state: dict[str, Any]) -> Content:
        item = state["item"]
        if item is None or item["closed"]:
            return literal.EMPTY
        parts: list[Content] = []
        question = item["question"]
        if question is not None:
            label = f"{t('room.word.question')} {question['number']} / {question['count']}"
            parts += [literal.line(label, "$text-muted"), literal.block(question["text"], "bold"), literal.EMPTY]
        for heading, values in ((t("room.word.solutions"), item["solutions"]), (t("room.word.decisions"), item["decisions"])):
            if values:
                parts.append(literal.line(heading, "$text-muted"))
                parts.extend(literal.assemble("• ", (value, "")) for value in values)
                parts.append(literal.EMPTY)
        if item["votes"]:
            parts.append(literal.line(t("room.word.votes"), "$text-muted"))
            for vote in item["votes"]:
                outcome = t("room.word.carried" if vote["carried"] else "room.word.rejected")
                counts = f": {vote['for']} {t('room.word.for')}, {vote['against']} {t('room.word.against')}, "
                counts += f"{vote['abstain']} {t('room.word.abstain')} — {outcome}"
                parts.append(literal.assemble("• ", (vote["subject"], ""), counts))
            parts.append(literal.EMPTY)
        if item["actions"]:
            parts.append(literal.line(t("room.word.actions"), "$text-muted"))
            for action in item["actions"]:
                deadline = f" ({t('room.word.deadline')} {action['deadline']})" if action["deadline"] else ""
                parts.append(literal.assemble("• ", (action["what"], ""), " — ", (action["who"], ""), deadline))
            parts.append(literal.EMPTY)
        if item["notes"]:
            parts += [literal.line(t("room.word.notes"), "$text-muted"), literal.block(item["notes"])]
        return literal.join("\n", parts)

    @staticmethod
    def _floor(state: dict[str, Any]) -> Content:
        speaker, queue = state["speaker"], state["queue"]
        if speaker is None and not queue:
            return literal.EMPTY
        lines = [literal.line(t("room.word.floor"), "$text-muted")]
        if speaker is not None:
            order = (
                literal.line(f" — {t('room.word.point_of_order')}", "$warning") if speaker["point_of_order"] else literal.EMPTY
            )
            lines.append(
                literal.assemble(("▶ ", "$accent"), (speaker["name"], "bold"), f"  {duration(speaker['seconds'])}") + order
            )
        if queue:
            lines += [literal.EMPTY, literal.line(t("room.word.queue"), "$text-muted")]
            for number, request in enumerate(queue, 1):
                order = (
                    literal.line(f" — {t('room.word.point_of_order')}", "$warning")
                    if request["point_of_order"]
                    else literal.EMPTY
                )
                lines.append(literal.line(f"{number}. {request['name']}") + order)
        return literal.join("\n", lines)
