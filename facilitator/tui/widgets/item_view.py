"""The current item: what it is, its prompts and options, what was decided, and the notes.

The notes editor takes most of the height and has the focus whenever an item is shown,
so the referent can type the moment the chair moves on. The lists above it are rebuilt
only when another item is shown; ticks on the same item are applied in place, so a
keyboard user's cursor in a list stays where it was.

The view changes nothing itself. It tells its screen what the person did, in messages of
its own (:class:`ItemView.NotesEdited`, :class:`ItemView.PromptTicked`,
:class:`ItemView.OptionTicked`, :class:`ItemView.CarriedTicked`); the screen asks the core,
and shows the result by calling :meth:`ItemView.show` again.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Collapsible, SelectionList, Static, TextArea
from textual.widgets.selection_list import Selection

from facilitator.i18n import t
from facilitator.meeting.labels import item_type_word, principle_words
from facilitator.meeting.model import Meeting
from facilitator.meeting.next_meeting import written_plan
from facilitator.meeting.planned_day import other_day_planned
from facilitator.meeting.records import CarriedAction, ItemState
from facilitator.meeting.standard_items import is_next_meeting
from facilitator.tui import literal
from facilitator.tui.commands import ITEM_COMMANDS, bindings, key_for
from facilitator.tui.dates_shown import compact, compact_written, other_day_warning, spelled
from facilitator.tui.widgets.chain_marks import decision_extras, notes_sent, option_label
from facilitator.tui.widgets.item_extras import documents_line, item_extras
from facilitator.tui.widgets.notes_area import NotesArea
from facilitator.tui.widgets.tick_list import TickList

FOLD_PURPOSE_AT = 160
"""Longer purposes (the shipped agendas carry whole paragraphs) start folded."""


def heading(meeting: Meeting, index: int) -> Content:
    state = meeting.items[index]
    item = state.item
    details = [item_type_word(item.type)]
    if item.minutes is not None:
        details.append(t("agenda.planned", minutes=item.minutes))
    if item.presenter:
        details.append(t("item.presenter", name=item.presenter))
    line = literal.line(f"{index + 1}. {item.title}", "bold $accent")
    extra = [literal.line(" · ".join(details), "$text-muted")]
    if item.confidential:
        extra.append(literal.line(t("item.confidential"), "$warning"))
    if state.carry_on:
        extra.append(literal.line(t("item.carry_on"), "$warning"))
    if state.skipped:
        extra.append(literal.line(t("agenda.skipped"), "$warning"))
    return literal.join("\n", [line, literal.join("  ", extra)])


def records(meeting: Meeting, index: int) -> Content:
    state = meeting.items[index]
    lines: list[Content] = []
    if state.decisions:
        lines.append(literal.line(t("minutes.decisions"), "bold"))
        for decision in state.decisions:
            principles = ", ".join(principle_words(p) for p in decision.principles)
            lines.append(
                literal.line(f"• {decision.text}")
                + (literal.line(f" ({principles})", "$text-muted") if principles else literal.EMPTY)
                + decision_extras(meeting, index, decision)
            )
    if state.votes:
        lines.append(literal.line(t("minutes.votes"), "bold"))
        for vote in state.votes:
            counts = t(
                "minutes.vote_counts", votes_for=vote.votes_for, against=vote.against, abstain=vote.abstain, present=vote.present
            )
            lines.append(literal.line(f"• {vote.subject}: {counts}"))
    if state.actions:
        lines.append(literal.line(t("minutes.actions"), "bold"))
        for action in state.actions:
            deadline = f" – {t('minutes.deadline')} {compact(action.deadline)}" if action.deadline else ""
            lines.append(literal.line(f"• {action.what} – {action.who}{deadline}"))
    notes = notes_sent(meeting, index)
    if notes is not None:
        lines.append(notes)
    return literal.join("\n", lines)


class ItemView(Vertical):
    class NotesEdited(Message):
        """The notes in the editor changed.

        It carries no text: the screen reads :attr:`ItemView.notes` and
        :attr:`ItemView.item_id` when it handles the message. A message still on its way
        when the meeting moved on must not write back words older than the ones saved
        before moving (``save_notes_now``); read on arrival, the two always belong together.
        """

        def __init__(self, item_view: ItemView) -> None:
            super().__init__()
            self.item_view = item_view

    class Ticked(Message):
        """An entry of one of the lists was ticked or unticked: ``index`` is its place in
        the list, which is its index in the meeting's own list of the same things."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    class PromptTicked(Ticked):
        """A question to discuss was ticked as discussed, or unticked."""

    class OptionTicked(Ticked):
        """A proposed solution was ticked as chosen, or unticked."""

    class CarriedTicked(Ticked):
        """An action item carried over from an earlier meeting was ticked done, or unticked."""

    BINDINGS = bindings(ITEM_COMMANDS)
    """Tab from the notes reaches the item's lists in the order a chair works through them:
    the questions, then the solutions (then earlier meetings' action items), and from the
    last list back to the notes. The lists sit above the notes, so the screen's own order
    (the order of the widgets) would go from the notes round to the agenda and reach them
    last. Shift+Tab keeps that order: from the notes it reaches the last list."""

    def __init__(self, *, keymap: dict[str, str] | None = None, id: str | None = None) -> None:
        super().__init__(id=id)
        self.keymap = keymap or {}
        self.item_id: int | None = None
        """The id of the item whose notes are in the editor (None before the meeting starts)."""
        self._recorded = 0
        """How many records (decisions, votes, actions, forwards) the item had when last shown."""

    def compose(self) -> ComposeResult:
        yield Static(literal.EMPTY, id="item-heading")
        with VerticalScroll(id="item-details", can_focus=False):
            # Textual annotates Collapsible's title as str, but hands it to CollapsibleTitle,
            # whose label takes Content too: the title is Content so markup in it stays text.
            with Collapsible(id="item-purpose", title=literal.line(t("item.purpose"))):  # type: ignore[arg-type]
                yield Static(literal.EMPTY, id="item-purpose-text")
            yield Static(literal.line(t("item.prompts")), id="prompts-label", classes="list-label")
            yield TickList(id="prompts", compact=True)
            yield Static(literal.line(t("item.options")), id="options-label", classes="list-label")
            yield TickList(id="options", compact=True)
            yield Static(literal.line(t("item.carried")), id="carried-label", classes="list-label")
            yield TickList(id="carried", compact=True)
        yield Static(literal.EMPTY, id="current-prompt")
        with VerticalScroll(id="records-box", can_focus=False):
            yield Static(literal.EMPTY, id="records")
        # A title on the border rather than a placeholder: Textual's TextArea joins the
        # whole text on every drawn line to decide whether to show a placeholder, which
        # made typing in long notes twice as costly (docs/performance.md).
        notes = NotesArea(id="notes")
        notes.border_title = literal.line(t("item.notes_title"))
        yield notes

    # --- telling the screen ---------------------------------------------------------------

    @on(TextArea.Changed, "#notes")
    def _notes_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self.post_message(self.NotesEdited(self))

    @on(SelectionList.SelectionToggled, "#prompts")
    def _prompt_toggled(self, event: SelectionList.SelectionToggled[int]) -> None:
        event.stop()
        self.post_message(self.PromptTicked(event.selection.value))

    @on(SelectionList.SelectionToggled, "#options")
    def _option_toggled(self, event: SelectionList.SelectionToggled[int]) -> None:
        event.stop()
        self.post_message(self.OptionTicked(event.selection.value))

    @on(SelectionList.SelectionToggled, "#carried")
    def _carried_toggled(self, event: SelectionList.SelectionToggled[int]) -> None:
        event.stop()
        self.post_message(self.CarriedTicked(event.selection.value))

    @property
    def notes(self) -> str:
        """The text in the notes editor now."""
        return self.query_one("#notes", TextArea).text

    def focus_notes(self) -> None:
        """At once, not when the app next gets round to it: the keys typed behind the one
        that moved the meeting on go into the notes (key_order.py)."""
        self.screen.set_focus(self.query_one("#notes", TextArea))

    def focus_carried(self) -> bool:
        """The earlier meetings' actions get the focus, where space ticks one done; False
        when this item does not show them."""
        carried = self.query_one("#carried", SelectionList)
        if carried not in self._lists_shown():
            return False
        carried.focus()
        return True

    def _lists_shown(self) -> list[SelectionList[int]]:
        """The item's lists that are on screen, in the order they are worked through."""
        lists = [self.query_one(f"#{name}", SelectionList) for name in ("prompts", "options", "carried")]
        return [selection for selection in lists if selection.display and selection.focusable]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "lists_from_notes":  # else Tab moves on as everywhere
            return self.screen.focused is self.query_one("#notes", TextArea) and bool(self._lists_shown())
        return True

    def action_lists_from_notes(self) -> None:
        self._lists_shown()[0].focus()

    # --- showing ------------------------------------------------------------------------

    def show(self, meeting: Meeting) -> None:
        """Show the current item, or the meeting itself before it starts."""
        notes = self.query_one("#notes", TextArea)
        if meeting.current is None:
            self._show_meeting(meeting)
            notes.disabled = True
            self.item_id = None
            return
        state = meeting.items[meeting.current]
        notes.disabled = False
        count = len(state.decisions) + len(state.votes) + len(state.actions) + len(state.forwards)
        new_item = state.id != self.item_id
        added, self._recorded = not new_item and count > self._recorded, count
        if new_item:
            self.item_id = state.id
            self._rebuild(meeting)
            notes.load_text(state.notes)
            notes.scroll_end(animate=False)
            notes.move_cursor(notes.document.end)
        else:
            self._update(meeting)
        self.query_one("#item-heading", Static).update(heading(meeting, meeting.current))
        plan = self._next_meeting_line(meeting, state)
        recorded = bool(state.decisions or state.votes or state.actions or state.forwards)
        extras = item_extras(meeting, meeting.current, self.keymap)
        shown = [*([plan] if plan is not None else []), *extras, *([records(meeting, meeting.current)] if recorded else [])]
        self.query_one("#records", Static).update(literal.join("\n", shown))
        box = self.query_one("#records-box", VerticalScroll)
        box.display = bool(shown)
        if added:  # the newest record is at the end: shown, though a narrow box holds three rows
            box.anchor()  # kept at the end as the layout learns the new height (a scroll now would not know it)
        elif new_item:
            box.anchor(False)
            box.scroll_home(animate=False, immediate=True)
        self._show_current_prompt(meeting)

    def _next_meeting_line(self, meeting: Meeting, state: ItemState) -> Content | None:
        """On the item "Næste møde": the next meeting as recorded, or the key that records it."""
        if not is_next_meeting(state.item.title):
            return None
        if meeting.next_meeting is None:
            return literal.line(t("item.next_meeting_key", key=key_for("next_meeting", self.keymap)), "$text-muted")
        return literal.line(t("item.next_meeting", when=written_plan(meeting.next_meeting)), "bold")

    def _show_current_prompt(self, meeting: Meeting) -> None:
        """The question the room is on, whole and in bold: the list above may cut it short."""
        banner = self.query_one("#current-prompt", Static)
        current = meeting.current
        prompt = meeting.current_prompt() if current is not None else None
        if current is None or prompt is None:
            banner.display = False
            return
        prompts = meeting.items[current].item.prompts
        banner.display = True
        banner.update(
            literal.assemble(
                (t("item.current_prompt", number=prompt + 1, count=len(prompts)) + " ", "$text-muted"),
                (prompts[prompt], "bold"),
            )
        )

    def _show_meeting(self, meeting: Meeting) -> None:
        info = meeting.info
        lines = [literal.line(info.title, "bold $accent")]
        where = " · ".join(x for x in (spelled(info.date) if info.date else "", info.location or "") if x)
        if where:
            lines.append(literal.line(where, "$text-muted"))
        if info.attachments:
            lines.append(documents_line(info.attachments))
        if meeting.ended:
            lines.append(literal.line(t("item.meeting_ended"), "$warning"))
        else:
            lines.append(
                literal.line(
                    t(
                        "item.press_to_start",
                        next=key_for("next_item", self.keymap),
                        attendance=key_for("attendance", self.keymap),
                    ),
                    "bold $warning",
                )
            )
            planned = other_day_planned(meeting)
            if planned is not None:
                lines.append(literal.line(other_day_warning(planned, meeting), "$warning"))
            if not info.group:
                lines.append(literal.line(t("item.no_group"), "$text-muted"))
        self.query_one("#item-heading", Static).update(literal.join("\n", lines))
        self._set_purpose(info.purpose or "")
        for name in ("prompts", "options", "carried"):
            self.query_one(f"#{name}").display = False
            self.query_one(f"#{name}-label").display = False
        self.query_one("#records-box").display = False
        self.query_one("#current-prompt").display = False

    def _set_purpose(self, purpose: str) -> None:
        fold = self.query_one("#item-purpose", Collapsible)
        fold.display = bool(purpose)
        self.query_one("#item-purpose-text", Static).update(literal.block(purpose))
        fold.collapsed = len(purpose) > FOLD_PURPOSE_AT
        short = " ".join(purpose.split())
        # Content, not str, though Textual's reactive says str: see compose.
        # The whole text: the title is one row that ends in "…" where the column ends, so a
        # wide screen shows more of it than a laptop (facilitator.tcss).
        fold.title = literal.line(t("item.purpose") + (f": {short}" if fold.collapsed else ""))  # type: ignore[assignment]

    def _rebuild(self, meeting: Meeting) -> None:
        assert meeting.current is not None
        state = meeting.items[meeting.current]
        self._set_purpose(state.item.purpose or "")
        current_prompt = meeting.current_prompt()
        prompts = [
            Selection(_prompt_label(text, i == current_prompt), i, i in state.discussed)
            for i, text in enumerate(state.item.prompts)
        ]
        options = [
            Selection(option_label(meeting, meeting.current, i), i, i in state.chosen) for i in range(len(state.item.options))
        ]
        carried: list[Selection[int]] = []
        if meeting.carried:  # only then look for their item: finding it reads the whole agenda
            follow_up = meeting.carried_item()
            if follow_up == meeting.current or (follow_up is None and meeting.current == 0):
                carried = [Selection(literal.line(_carried_label(a)), i, a.done) for i, a in enumerate(meeting.carried)]
        for name, entries in (("prompts", prompts), ("options", options), ("carried", carried)):
            selection = self.query_one(f"#{name}", SelectionList)
            if entries or selection.option_count:  # an empty list stays as it is: most items have no solutions
                selection.clear_options()
                selection.add_options(entries)
            selection.display = bool(entries)
            self.query_one(f"#{name}-label").display = bool(entries)

    def _update(self, meeting: Meeting) -> None:
        """Same item: bring ticks and the current-prompt mark in line, in place."""
        assert meeting.current is not None
        state = meeting.items[meeting.current]
        prompts = self.query_one("#prompts", SelectionList)
        if prompts.option_count != len(state.item.prompts):
            self._rebuild(meeting)
            return
        current_prompt = meeting.current_prompt()
        for i, text in enumerate(state.item.prompts):
            prompts.replace_option_prompt_at_index(i, _prompt_label(text, i == current_prompt))
        _sync(prompts, state.discussed)
        options = self.query_one("#options", SelectionList)
        for i in range(options.option_count):  # where each is sent changes without a new item
            options.replace_option_prompt_at_index(i, option_label(meeting, meeting.current, i))
        _sync(options, state.chosen)
        carried = self.query_one("#carried", SelectionList)
        if carried.option_count:
            _sync(carried, {i for i, a in enumerate(meeting.carried) if a.done})


def _prompt_label(text: str, current: bool) -> Content:
    return literal.assemble(("▶ ", "bold $accent"), (text, "bold")) if current else literal.line("  " + text)


def _carried_label(action: CarriedAction) -> str:
    """One carried action as a tickable line. One from a closed item says only that: the
    meeting screen is often on the wall, and its what, who and deadline are for the
    restricted minutes; it can still be ticked done here."""
    source = f" – {action.meeting_title}" + (f", {compact_written(action.meeting_date)}" if action.meeting_date else "")
    if action.confidential:
        return t("item.carried_closed", id=action.meeting_id) + source
    deadline = f" ({compact(action.deadline)})" if action.deadline else ""
    return f"{action.what} – {action.who}{deadline}{source}"


def _sync(selection: SelectionList[int], chosen: set[int]) -> None:
    for index in range(selection.option_count):
        value = selection.get_option_at_index(index).value
        if (value in chosen) != (value in selection.selected):
            if value in chosen:
                selection.select(value)
            else:
                selection.deselect(value)
