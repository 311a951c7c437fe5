"""Nothing of a closed item reaches a public output: the property, over generated meetings.

A closed item (``confidential = true``) has every field filled with text holding one
marker: title, purpose, presenter, questions, solutions, notes, decisions, votes, action
items (what and who), the questions discussed and solutions chosen, and a speaker who
spoke under it. The group's next meeting carries its action items over, and the first
records the next meeting, whose calendar invitation lists the next agenda. Every public
output of both meetings is then made (the minutes in every style, the note for members
too, also with the time appendix; the invitation), and the marker is looked for in each,
in any case and in its Markdown- and HTML-escaped forms. The restricted outputs must hold
it, so the test sees the marker where it may be and would see it where it may not. The
note for members has no restricted copy: asking for one is refused. A Word document is read
back whole: the XML of every part (the body, the page headers, the document's properties).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import html
import io
import json
import string
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from support.clock import FakeClock
from support.hostile_text import SHORT

from facilitator.agenda.model import Agenda, Item, ItemType, MeetingInfo, MeetingKind
from facilitator.cli import main
from facilitator.errors import FacilitatorError, MinutesError
from facilitator.meeting.model import Meeting
from facilitator.output.invitation import invitation
from facilitator.output.markdown_safety import cell, inline
from facilitator.output.member_context import member_context
from facilitator.output.minutes import HIDDEN_ITEM_KEYS, PUBLIC_ONLY, STYLES, context, render, to_html
from facilitator.output.next_agenda import next_agenda
from facilitator.output.word import render_docx
from facilitator.session import carry_over
from facilitator.store.archive import Archive
from facilitator.store.snapshot import to_dict
from facilitator.tui.widgets.item_view import _carried_label

PREFIX = "Qzxj"
"""Letters no template, label or style sheet holds, so a hit is the marker's own."""
LANGS = ("da", "en")
GROUP = "Klubben"
PEOPLE = ("Anne", "Bo", "Carl")


@dataclass(frozen=True)
class Scenario:
    token: str
    around: tuple[str, str]
    closed_at: int
    public_items: int
    closed_type: ItemType
    reached: bool
    carry_on: bool
    approval_first: bool
    approval_next: bool
    tick_closed: bool


@st.composite
def scenarios(draw: st.DrawFn) -> Scenario:
    public_items = draw(st.integers(1, 3))
    return Scenario(
        token=PREFIX + draw(st.text(string.ascii_letters + string.digits, min_size=4, max_size=8)),
        around=(draw(st.sampled_from(sorted(SHORT))), draw(st.sampled_from(sorted(SHORT)))),
        closed_at=draw(st.integers(0, public_items)),
        public_items=public_items,
        closed_type=draw(st.sampled_from(list(ItemType))),
        reached=draw(st.booleans()),
        carry_on=draw(st.booleans()),
        approval_first=draw(st.booleans()),
        approval_next=draw(st.booleans()),
        tick_closed=draw(st.booleans()),
    )


def marked(scenario: Scenario, field: str) -> str:
    """Text for one field: hostile text around the marker (and the field's name)."""
    before, after = (SHORT[name] for name in scenario.around)
    return f"{before} {scenario.token} {field} {after}"


def forms(token: str) -> list[str]:
    """The marker as it could appear in an output: as typed, and escaped for Markdown
    (also in a table cell) and for HTML."""
    rich = f"{token}<&\"'*_[]`|#>"
    return [token, rich, inline(rich), cell(rich), html.escape(rich), html.escape(inline(rich)), html.escape(cell(rich))]


def agenda(scenario: Scenario, *, with_closed: bool, approval: bool) -> Agenda:
    items = [
        Item(
            title=f"Åbent punkt {n}",
            minutes=10,
            purpose="Offentligt formål",
            prompts=("Offentligt spørgsmål?",),
            options=("Offentlig løsning",),
        )
        for n in range(1, scenario.public_items + 1)
    ]
    if with_closed:
        closed = Item(
            title=marked(scenario, "titel"),
            type=scenario.closed_type,
            minutes=15,
            presenter=marked(scenario, "oplæg"),
            purpose=marked(scenario, "formål"),
            prompts=(marked(scenario, "spørgsmål 1"), marked(scenario, "spørgsmål 2")),
            options=(marked(scenario, "løsning 1"), marked(scenario, "løsning 2")),
            confidential=True,
        )
        items.insert(scenario.closed_at, closed)
    if approval:
        items.insert(0, Item(title="Godkendelse af referat", type=ItemType.BESLUTNING, minutes=5))
    info = MeetingInfo(title="Klubmøde", kind=MeetingKind.KLUBMOEDE, group=GROUP, participants=PEOPLE)
    return Agenda(info, tuple(items))


def ticking_clock() -> FakeClock:
    """Two minutes pass at every look: times are real but the test needs no waiting."""
    return FakeClock(tick=dt.timedelta(minutes=2))


def hold_first(archive: Archive, scenario: Scenario) -> tuple[int, Meeting]:
    meeting = Meeting(agenda(scenario, with_closed=True, approval=scenario.approval_first), clock=ticking_clock())
    meeting_id = archive.create(meeting)
    closed = next(i for i, s in enumerate(meeting.items) if s.item.confidential)
    meeting.start()
    for index, state in enumerate(meeting.items):
        if index == closed and not scenario.reached:
            continue
        meeting.go_to(index)
        if index == closed:
            meeting.request_floor("Carl")
            meeting.next_speaker()
            meeting.stop_speaker()
        elif not state.item.confidential and state.item.prompts:
            meeting.toggle_prompt(0)
            meeting.set_notes("Offentlige noter")
            meeting.add_action("Offentlig opgave", "Anne", "2026-12-24")
            meeting.add_decision("Offentlig beslutning")
    meeting.toggle_prompt(0, closed)
    meeting.toggle_option(1, closed)
    meeting.set_notes(marked(scenario, "noter") + "\n\n# " + marked(scenario, "overskrift i noter"), closed)
    meeting.add_decision(marked(scenario, "beslutning"), ["planlægning"], index=closed)
    meeting.record_vote(marked(scenario, "afstemning"), 2, 1, 0, index=closed)
    meeting.add_action(marked(scenario, "opgave"), marked(scenario, "ansvarlig"), "2026-12-31", index=closed)
    # One text with the marker and no hostile text before it: SQLite ends a text at a NUL
    # for searching, so the restricted search is sure to find this one.
    meeting.add_action(f"{scenario.token} anden opgave", "Bo", index=closed)
    meeting.set_carry_on(closed, scenario.carry_on)
    meeting.set_next_meeting("14/1", "16", "Mødelokale 2")  # the next agenda's items go into the invitation
    meeting.end()
    archive.save(meeting_id, to_dict(meeting, notes=False), {s.id: s.notes for s in meeting.items})
    return meeting_id, meeting


def hold_next(archive: Archive, scenario: Scenario) -> tuple[int, Meeting]:
    meeting = Meeting(agenda(scenario, with_closed=False, approval=scenario.approval_next), clock=ticking_clock())
    carry_over(archive, meeting)  # as a session opens it
    meeting_id = archive.create(meeting)
    assert any(c.confidential for c in meeting.carried) and any(not c.confidential for c in meeting.carried)
    meeting.start()
    for action in meeting.carried:
        if action.confidential == scenario.tick_closed:
            meeting.set_carried_done(action.meeting_id, action.action_id)
    meeting.end()
    archive.save(meeting_id, to_dict(meeting, notes=False))
    return meeting_id, meeting


def cli(*args: str, may_fail: bool = False) -> str:
    """What a command prints, stdout and stderr together."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(list(args))
    assert status == 0 or may_fail, err.getvalue()
    return out.getvalue() + err.getvalue()


def docx_text(data: bytes) -> str:
    """Every part of a Word document as its XML: the text as Word holds it, escapes and all."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return "\n".join(package.read(name).decode("utf-8") for name in package.namelist() if name.endswith((".xml", ".rels")))


def public_outputs(path: Path, meetings: dict[int, Meeting], token: str) -> dict[str, str]:
    outputs: dict[str, str] = {}
    for meeting_id, meeting in meetings.items():
        # A Word document costs tens of milliseconds: one per meeting, its style and language
        # varying between the examples with the marker's length.
        style, lang = STYLES[(len(token) + meeting_id) % 2], LANGS[len(token) % 2]
        outputs[f"docx {meeting_id} {style} {lang}"] = docx_text(render_docx(meeting, style=style, lang=lang, times=True))
        for lang in LANGS:
            for style in STYLES:
                markdown = render(meeting, style=style, lang=lang)
                outputs[f"minutes {meeting_id} {style} {lang}"] = markdown
                outputs[f"minutes {meeting_id} {style} {lang} times"] = render(meeting, style=style, lang=lang, times=True)
                outputs[f"minutes {meeting_id} {style} {lang} html"] = to_html(markdown, title=meeting.info.title, lang=lang)
            data = context(meeting, lang=lang, times=True)
            outputs[f"context {meeting_id} {lang}"] = json.dumps(data, ensure_ascii=False)
            outputs[f"member context {meeting_id} {lang}"] = json.dumps(member_context(data), ensure_ascii=False)
            for view in data["items"]:
                if view["confidential"]:
                    assert set(view) == HIDDEN_ITEM_KEYS and view["hidden"]
        outputs[f"meeting screen {meeting_id}"] = "\n".join(_carried_label(c) for c in meeting.carried)
        try:
            outputs[f"next agenda {meeting_id}"] = next_agenda(meeting)
        except FacilitatorError as error:  # nothing left over: the message is an output too
            outputs[f"next agenda {meeting_id}"] = str(error)
        outputs[f"cli next agenda {meeting_id}"] = cli(
            "--archive", str(path), "new", "--from-meeting", str(meeting_id), "-o", "-", may_fail=True
        )
        if meeting.next_meeting is not None:  # a calendar file folds its lines: unfolded, as a calendar reads it
            for lang in LANGS:
                outputs[f"invitation {meeting_id} {lang}"] = invitation(meeting, lang=lang).decode().replace("\r\n ", "")
        outputs[f"cli minutes {meeting_id}"] = cli("--archive", str(path), "minutes", str(meeting_id), "--html")
        outputs[f"cli minutes {meeting_id} times"] = cli("--archive", str(path), "minutes", str(meeting_id), "--times")
        outputs[f"cli member note {meeting_id}"] = cli("--archive", str(path), "minutes", str(meeting_id), "--style", "medlemmer")
    for lang in LANGS:
        outputs[f"search {lang}"] = cli("--lang", lang, "--archive", str(path), "search", token, "--limit", "100")
        outputs[f"search lower {lang}"] = cli("--lang", lang, "--archive", str(path), "search", token.lower())
        outputs[f"actions {lang}"] = cli("--lang", lang, "--archive", str(path), "actions")
        outputs[f"open actions {lang}"] = cli("--lang", lang, "--archive", str(path), "actions", "--open", "--group", GROUP)
        outputs[f"meetings {lang}"] = cli("--lang", lang, "--archive", str(path), "meetings")
    return outputs


def restricted_outputs(path: Path, meetings: dict[int, Meeting], token: str) -> dict[str, str]:
    outputs: dict[str, str] = {}
    for meeting_id, meeting in meetings.items():
        for style in STYLES:
            if style in PUBLIC_ONLY:  # the member note: no restricted copy to hold the marker
                with pytest.raises(MinutesError):
                    render(meeting, style=style, restricted=True, lang="da")
                continue
            outputs[f"restricted minutes {meeting_id} {style}"] = render(meeting, style=style, restricted=True, lang="da")
        outputs[f"restricted minutes {meeting_id} times"] = render(meeting, restricted=True, lang="da", times=True)
    first = min(meetings)
    outputs["restricted docx"] = docx_text(render_docx(meetings[first], restricted=True, lang="da"))
    outputs["restricted search"] = cli("--archive", str(path), "search", token, "--restricted")
    outputs["restricted actions"] = cli("--archive", str(path), "actions", "--restricted")
    return outputs


def holds(text: str, token: str) -> bool:
    folded = text.casefold()
    return any(form.casefold() in folded for form in forms(token))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenarios())
@example(Scenario("Qzxj0000", ("nul", "bell_backspace"), 0, 1, ItemType.ORIENTERING, False, False, False, False, False))
@example(Scenario("QzxjAbCd", ("markup_valid", "newline_forge"), 1, 2, ItemType.BESLUTNING, True, True, True, True, True))
def test_no_public_output_holds_anything_of_a_closed_item(scenario: Scenario) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "arkiv.sqlite3"
        with Archive.open(path) as archive:
            first_id, first = hold_first(archive, scenario)
            next_id, following = hold_next(archive, scenario)
        meetings = {first_id: first, next_id: following}
        leaks = [name for name, text in public_outputs(path, meetings, scenario.token).items() if holds(text, scenario.token)]
        assert leaks == []
        restricted = restricted_outputs(path, meetings, scenario.token)
    missing = [name for name, text in restricted.items() if scenario.token.casefold() not in text.casefold()]
    assert missing == []
    # The carried action from the closed item: in the next meeting's restricted minutes
    # with its text and its state, ticked or not.
    carried = next(c for c in following.carried if c.confidential and c.who != "Bo")
    assert carried.done is scenario.tick_closed
    line = next(
        line
        for line in restricted[f"restricted minutes {next_id} referat"].splitlines()
        if "opgave" in line and scenario.token in line
    )
    assert ("**gjort**" in line) is scenario.tick_closed and "lukket punkt" in line
