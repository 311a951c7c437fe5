"""Nasty text: emoji, right-to-left scripts, combining and zero-width characters, bidi
controls, CJK and a 100,000-character line go through the meeting, the archive, the
minutes and the screen without harm.

One list of samples serves every test, so a sample added here is checked everywhere.
What "without harm" means:

- the meeting and the archive keep every character exactly as typed;
- the minutes carry every sample exactly (isolated where it needs it, see below, and with
  the backslash markdown_safety puts before a "#" that begins one-line text),
  markdown-it-py reads the text back out of them, and the template's headings stay the
  template's;
- a bidi control in someone's text is closed where that text ends, so it cannot reverse
  the template's words after it (a ``U+202E`` in an action item must not turn "– Bo,
  deadline 2026-12-15" around), and one-line text with right-to-left letters or bidi
  controls is isolated (``U+2068`` … ``U+2069``), so it orders as one unit;
- the app takes the characters as they are typed or pasted, keeps them as it moves
  between items, draws them with every screen row exactly as wide as the terminal, and
  shows them in the minutes preview.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from rich.cells import cell_len
from support.app import SIZE, MakeApp
from support.clock import FakeClock
from textual import events
from textual.widgets import Input, TextArea

from facilitator.agenda.loader import parse_agenda
from facilitator.meeting.model import Meeting
from facilitator.output.markdown_safety import parser
from facilitator.output.minutes import render, to_html
from facilitator.store.archive import Archive
from facilitator.store.snapshot import to_dict
from facilitator.tui.widgets.long_entry import LongInput
from facilitator.tui.widgets.minutes_section import MinutesSection, pieces

FSI, PDI, PDF = "\u2068", "\u2069", "\u202c"
EMBEDDINGS = frozenset("\u202a\u202b\u202d\u202e")
"""LRE, RLE, LRO, RLO: each lasts until a PDF (U+202C) or the end of the paragraph."""
ISOLATES = frozenset("\u2066\u2067\u2068")
"""LRI, RLI, FSI: each lasts until a PDI (U+2069) or the end of the paragraph."""
BIDI_CONTROLS = EMBEDDINGS | ISOLATES | {PDF, PDI}

SAMPLES: dict[str, str] = {
    # A skin tone; ZWJ sequences (👩🏽‍💻 👨‍👩‍👧 🏳️‍🌈); the flags 🇩🇰 and Scotland's (tag
    # characters, U+E0067…); two emoji of Unicode 15, newer than Python 3.11's tables.
    "emoji": "Tak 🙂 👍🏿 👩🏽\u200d💻 🇩🇰 👨\u200d👩\u200d👧 🏳\ufe0f\u200d🌈 "
    "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f \U0001fae8\U0001fa77",
    "arabic": "تمت الموافقة على الميزانية 2026 بأغلبية 7 أصوات",
    "hebrew": "ההחלטה התקבלה 12 נגד 3 בישיבה",
    "persian": "می\u200cخواهم کتاب\u200cها را",  # the zero-width non-joiner is part of Persian spelling
    "combining": "Ame\u0301lie e\u0301 n\u0303 a\u0308\u0304 q\u0307\u0323",
    "zalgo": "Z" + "\u0351\u0315\u035d\u0336\u0489" * 6 + "algo",
    "zero_width": "nul\u200bbredde\u200cikke\u200dsammen\ufeffbom\u2060ord\u00adbindestreg",
    "bidi_closed": "før \u202eomvendt\u202c efter",
    "bidi_open_override": "mål \u202eresten vendt",
    "bidi_isolates": "\u2066LRI\u2069 \u2067RLI\u2069 \u2068FSI\u2069 \u2067åben isolering",
    "bidi_stray_closers": "\u2069\u202c løse lukkere",
    "danish": "Æblegrød på Ærø: søsterbørn, blåbær og kl.\u00a015 – ÆØÅ æøå",
    "cjk": "会議の決定\u3000全角テキスト 한국어 中文字符",
    "keycap": "#\ufe0f\u20e3 1\ufe0f\u20e3 *\ufe0f\u20e3 tegn",  # #️⃣ begins with "#": one-line text escapes it
}
"""One line each, none starting or ending in white space (the core strips that)."""

RTL = ("arabic", "hebrew", "persian")
BIDI = ("bidi_closed", "bidi_open_override", "bidi_isolates", "bidi_stray_closers")

_LONG_UNIT = " ".join(SAMPLES[k] for k in ("danish", "emoji", "arabic", "combining", "zero_width", "cjk", "hebrew")) + " "
LONG_LINE = (_LONG_UNIT * (100_000 // len(_LONG_UNIT) + 1))[:99_999] + "."
"""100,000 characters and no line break: a pasted text that was never cut into lines."""

assert len(LONG_LINE) == 100_000 and "\n" not in LONG_LINE

WHERE = ("notes", "decision", "vote", "action_what", "action_who", "attendee", "item_title", "meeting_title")
"""Every place a meeting takes text from people."""


# --- helpers --------------------------------------------------------------------------


def open_controls(text: str) -> list[str]:
    """The embeddings, overrides and isolates still open at the end of ``text``.

    Paired as UAX #9 pairs them (rules X1–X8): a PDF closes the innermost embedding only
    inside the current isolate, a PDI closes the innermost isolate and everything opened
    within it, and a closer with nothing to close does nothing. Written here rather than
    taken from markdown_safety, so the test does not check the code with itself.
    """
    stack: list[str] = []
    for char in text:
        if char in EMBEDDINGS or char in ISOLATES:
            stack.append(char)
        elif char == PDF:
            if stack and stack[-1] in EMBEDDINGS:
                stack.pop()
        elif char == PDI and any(c in ISOLATES for c in stack):
            while stack.pop() not in ISOLATES:
                pass
    return stack


def agenda_bytes(title: str = "Klubmøde", participants: tuple[str, ...] = ()) -> bytes:
    """An agenda with its title and people as given; JSON strings are TOML strings."""
    people = ", ".join(json.dumps(p, ensure_ascii=False) for p in participants)
    return (
        f'[meeting]\ntitle = {json.dumps(title, ensure_ascii=False)}\nkind = "klubmøde"\nparticipants = [{people}]\n'
        '[[item]]\ntitle = "Et"\nminutes = 5\n[[item]]\ntitle = "To"\nminutes = 5\n'
    ).encode()


def meeting_with(text: str, where: str) -> Meeting:
    """A held meeting with ``text`` in one place (``WHERE``) and plain words elsewhere.

    The action's deadline and the decision's principles put template text right after
    the user's text on the same line: the words a bidi control must not reach.
    """
    clock = FakeClock()
    meeting = Meeting(
        parse_agenda(
            agenda_bytes(
                text if where == "meeting_title" else "Klubmøde",
                (text if where == "attendee" else "Anne", "Bo"),
            )
        ),
        clock=clock,
    )
    meeting.start()
    meeting.set_notes(text if where == "notes" else "Noter")
    meeting.add_decision(text if where == "decision" else "Vedtaget", ["planlægning"])
    meeting.record_vote(text if where == "vote" else "Forslaget", 2, 0, 0)
    meeting.add_action(
        text if where == "action_what" else "Ring til HR",
        text if where == "action_who" else "Bo",
        "2026-12-15",
    )
    if where == "item_title":
        meeting.add_item(text)
    meeting.next_item()
    meeting.end()
    return meeting


def in_markdown(name: str, where: str) -> str:
    """How a sample stands in the Markdown: as typed, but for the escape markdown_safety
    adds on purpose, a backslash before a "#" that begins one-line text."""
    text = SAMPLES[name]
    return "\\" + text if where != "notes" and text.startswith("#") else text


def read_back(markdown: str) -> str:
    """The text markdown-it-py finds in the minutes: escapes undone, markup gone."""
    parts: list[str] = []
    for token in parser().parse(markdown):
        if token.type == "inline":
            for child in token.children or []:
                if child.type in ("text", "code_inline"):
                    parts.append(child.content)
                elif child.type in ("softbreak", "hardbreak"):
                    parts.append("\n")
            parts.append("\n")
    return "".join(parts)


def heading_levels(markdown: str) -> list[int]:
    """The level of every heading markdown-it-py finds, in order."""
    return [int(token.tag[1]) for token in parser().parse(markdown) if token.type == "heading_open"]


def lines_with(markdown: str, text: str) -> list[str]:
    """The lines of the minutes that hold ``text``; at least one, or the test is void."""
    lines = [line for line in markdown.split("\n") if text in line]
    assert lines, f"{text!r} is not in the minutes"
    return lines


# --- the core: meeting, archive, minutes -----------------------------------------------


def test_every_sample_survives_the_archive_exactly(tmp_path: Path) -> None:
    """What is saved during the meeting is what the minutes are made from months later:
    SQLite and JSON must give back every code point, the long line included."""
    clock = FakeClock()
    names = tuple(SAMPLES.values())
    meeting = Meeting(parse_agenda(agenda_bytes(" · ".join(SAMPLES.values()), names)), clock=clock)
    meeting.start()
    meeting.set_notes("\n\n".join([*SAMPLES.values(), LONG_LINE]))
    for text in SAMPLES.values():
        meeting.add_decision(text)
        meeting.record_vote(text, 1, 0, 0)
        meeting.add_action(text, text)
        meeting.add_item(text)
    meeting.next_item()
    meeting.set_notes(LONG_LINE)
    with Archive.open(tmp_path / "arkiv.sqlite3") as archive:
        meeting_id = archive.create(meeting)
        archive.save(meeting_id, to_dict(meeting, notes=False), {s.id: s.notes for s in meeting.items})
    with Archive.open(tmp_path / "arkiv.sqlite3", read_only=True) as archive:
        loaded = archive.load(meeting_id)
    assert to_dict(loaded) == to_dict(meeting)
    first = loaded.items[0]
    assert [d.text for d in first.decisions] == list(SAMPLES.values())
    assert [v.subject for v in first.votes] == list(SAMPLES.values())
    assert [(a.what, a.who) for a in first.actions] == [(s, s) for s in SAMPLES.values()]
    assert list(loaded.attendees) == list(names)
    assert loaded.info.title == " · ".join(SAMPLES.values())
    assert loaded.items[1].notes == LONG_LINE


@pytest.mark.parametrize("where", WHERE)
@pytest.mark.parametrize("name", list(SAMPLES))
def test_the_minutes_carry_every_sample_and_keep_their_headings(name: str, where: str) -> None:
    """Each sample in each place: in the Markdown as typed (or escaped on purpose), read
    back by markdown-it-py as typed, in the HTML page, and the headings are the same as
    with plain words."""
    text = SAMPLES[name]
    plain = render(meeting_with("Almindelig tekst", where), lang="da")
    for style in ("referat", "beslutning"):
        minutes = render(meeting_with(text, where), style=style, lang="da")
        if where == "notes" and style == "beslutning":
            assert text not in minutes  # that style leaves notes out
            continue
        assert in_markdown(name, where) in minutes
        assert text in read_back(minutes)
        assert text in to_html(minutes, title="x")
        if style == "referat":
            assert heading_levels(minutes) == heading_levels(plain)


@pytest.mark.parametrize("where", WHERE)
@pytest.mark.parametrize("name", BIDI)
def test_a_bidi_control_cannot_reach_the_text_after_it(name: str, where: str) -> None:
    """An override or isolate left open runs to the end of its paragraph: in a plain-text
    view of the Markdown that is the rest of the line (the template's "– Bo, frist …" after
    an action, the next cell of a table row), in HTML the rest of a paragraph over several
    source lines. Every line of the minutes must therefore close what it opens, and the
    first character after the user's text must be outside all of it."""
    text = SAMPLES[name]
    minutes = render(meeting_with(text, where), lang="da")
    for line in minutes.split("\n"):
        assert open_controls(line) == [], line
    for line in lines_with(minutes, text):
        after = line.index(text) + len(text)
        while after < len(line) and line[after] in BIDI_CONTROLS:
            after += 1
        assert open_controls(line[:after]) == [], line


@pytest.mark.parametrize("where", [w for w in WHERE if w != "notes"])
@pytest.mark.parametrize("name", RTL + BIDI)
def test_one_line_text_with_rtl_letters_or_bidi_controls_is_isolated(name: str, where: str) -> None:
    """A Hebrew name before the template's " (15:30)" takes the time along (UAX #9, rule
    N1 makes the parenthesis right-to-left) and shows it in front of the name; two such
    names in "Til stede: A, B" swap places. Between an isolate's FSI and PDI the text is
    one neutral character to the line around it (checked with FriBidi while writing this)."""
    text = SAMPLES[name]
    minutes = render(meeting_with(text, where), lang="da")
    for line in lines_with(minutes, text):
        start = line.index(text)
        assert open_controls(line[:start])[:1] == [FSI], line  # an isolate opens before the text
        assert open_controls(line[: start + len(text)])[:1] == [FSI], line  # and holds to its end
        after = start + len(text)
        while after < len(line) and line[after] in BIDI_CONTROLS:
            after += 1
        assert open_controls(line[:after]) == [], line  # and it ends where the text ends


@pytest.mark.parametrize("name", ["emoji", "danish", "cjk", "combining", "zero_width"])
def test_left_to_right_text_goes_in_unchanged(name: str) -> None:
    """Isolation is for text that needs it: Danish minutes do not fill up with invisible
    characters (and the golden files stay as they are)."""
    minutes = render(meeting_with(SAMPLES[name], "decision"), lang="da")
    (line,) = lines_with(minutes, SAMPLES[name])
    assert not BIDI_CONTROLS & set(line)


def test_the_long_line_reaches_the_minutes_whole() -> None:
    """A 100,000-character note is one paragraph of the minutes, neither cut nor wrapped."""
    minutes = render(meeting_with(LONG_LINE, "notes"), lang="da")
    assert LONG_LINE in minutes.split("\n")
    assert LONG_LINE in read_back(minutes)
    assert heading_levels(minutes) == heading_levels(render(meeting_with("x", "notes"), lang="da"))


def test_a_note_closes_its_overrides_line_by_line_and_keeps_its_table() -> None:
    """In HTML a note's lines run together into one paragraph, so an override left open
    on one line would turn the next around: each line closes its own. In a table row the
    closers go inside the last cell; after the final pipe they would make a cell of their
    own, and a header row one cell longer than its delimiter row is no table at all."""
    note = "før \u202eomvendt\nnæste linje\n\n| a\u202e | b\u2067 |\n|---|---|\n| 1 | 2 |"
    minutes = render(meeting_with(note, "notes"), lang="da")
    for line in minutes.split("\n"):
        assert open_controls(line) == [], line
    assert "før \u202eomvendt" in minutes and "| a\u202e | b\u2067" in minutes
    tokens = parser().parse(minutes)
    notes_table = [t for t in tokens if t.type == "th_open"][:2]  # the notes' table comes first
    assert len(notes_table) == 2 and "a\u202e" in read_back(minutes)
    assert [t.type for t in tokens].count("table_open") == 2  # the notes' and the actions'


def test_line_separators_in_notes_stay_inside_their_paragraph() -> None:
    """U+2028, U+2029 and NEL end a line for Python's splitlines() but not for Markdown.
    The preview's pieces must cut where markdown-it does, or a note's "## …" after a line
    separator shows as a heading in the preview while the minutes have a paragraph."""
    note = "Første linje\u2028## Ikke en overskrift\u2029og\u0085mere"
    minutes = render(meeting_with(note, "notes"), lang="da")
    kept = note.replace("\u0085", "\\x85")  # NEL is a C1 control: the minutes show it, never carry it raw
    assert kept in minutes and kept in read_back(minutes)
    assert heading_levels(minutes) == heading_levels(render(meeting_with("x", "notes"), lang="da"))
    parts = pieces(minutes)
    assert "".join(part.text for part in parts).replace("\n", "") == minutes.replace("\n", "")  # nothing lost
    assert not any(part.text.startswith("## Ikke") for part in parts)


# --- the app --------------------------------------------------------------------------


async def type_as_a_terminal(pilot: Any, text: str) -> None:
    """Send ``text`` as a terminal sends typed keys (no bracketed paste): one key event per
    code point, made by Textual's own input parser. An emoji picker, an input method or a
    Persian keyboard's ZWNJ key reaches the app this way."""
    from textual._xterm_parser import XTermParser

    for event in XTermParser().feed(text):
        event.set_sender(pilot.app)
        pilot.app.post_message(event)
    await pilot.pause()


def screen_rows(app: Any) -> list[str]:
    """The whole screen as drawn, one string per terminal row."""
    strips = app.screen._compositor.render_strips()
    return ["".join(segment.text for segment in strip) for strip in strips]


def check_screen(app: Any) -> None:
    """Every row is exactly as wide as the terminal by Rich's measure: a row one cell too
    wide wraps on a real terminal and shifts everything below it."""
    rows = screen_rows(app)
    assert len(rows) == SIZE[1]
    assert [cell_len(row) for row in rows] == [SIZE[0]] * SIZE[1]
    assert app.export_screenshot().startswith("<svg")


def nasty_agenda(tmp_path: Path) -> Path:
    """The klubmøde's shape with samples for the meeting's title, the items and the people."""
    joined = " · ".join(SAMPLES.values())
    items = "".join(
        f"[[item]]\ntitle = {json.dumps(text, ensure_ascii=False)}\nminutes = 5\n"
        f"purpose = {json.dumps(text, ensure_ascii=False)}\nprompts = [{json.dumps(text, ensure_ascii=False)}]\n"
        for text in SAMPLES.values()
    )
    path = tmp_path / "nasty.toml"
    path.write_text(
        f'format = 1\n[meeting]\ntitle = {json.dumps(joined, ensure_ascii=False)}\nkind = "klubmøde"\n'
        f'participants = ["Anne", "Bo"]\n{items}',
        encoding="utf-8",
    )
    return path


async def test_typed_samples_are_kept_exactly(make_app: MakeApp, tmp_path: Path) -> None:
    """Typed into the notes and into the decision and action dialogs, each sample arrives
    in the meeting as typed: no joiner, no direction mark, no no-break space dropped."""
    app = make_app(nasty_agenda(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        meeting = app.session.meeting
        await pilot.press("ctrl+n")
        await pilot.pause()
        typed = "\n".join(SAMPLES.values())
        await type_as_a_terminal(pilot, typed.replace("\n", "\r"))  # a terminal sends Enter as CR
        assert app.screen.query_one("#notes", TextArea).text == typed
        assert meeting.items[0].notes == typed
        line = " ".join(SAMPLES.values())
        await pilot.press("f2")
        await type_as_a_terminal(pilot, line)
        assert app.screen.query_one("#field-text", LongInput).value == line
        await pilot.press("enter", "f3")
        await type_as_a_terminal(pilot, line)
        await pilot.press("tab")
        await type_as_a_terminal(pilot, SAMPLES["persian"])
        await pilot.press("enter")
        await pilot.pause()
        state = meeting.items[0]
        assert [d.text for d in state.decisions] == [line]
        assert [(a.what, a.who) for a in state.actions] == [(line, SAMPLES["persian"])]
        check_screen(app)
        name = f"{SAMPLES['persian']} 👩🏽\u200d💻"
        await pilot.press("ctrl+l")
        app.screen.query_one("#field-name", Input).focus()
        await type_as_a_terminal(pilot, name)
        await pilot.press("enter")
        await pilot.pause()
        assert name in meeting.attendees
        check_screen(app)


@pytest.mark.slow
async def test_the_app_shows_and_keeps_samples_and_the_long_line(make_app: MakeApp, tmp_path: Path) -> None:
    """The whole path: samples in the agenda, the long line pasted into the notes, a decision
    and an action through the dialogs, away to the next item and back, the archive, the
    preview scrolled to its end; the screen stays whole at every step."""
    app = make_app(nasty_agenda(tmp_path))
    async with app.run_test(size=SIZE) as pilot:
        session = app.session
        meeting = session.meeting
        await pilot.press("ctrl+n")
        await pilot.pause()
        check_screen(app)
        status = screen_rows(app)[0]
        assert status.rstrip().endswith("5:00 left")  # the timer is not pushed off by the long title
        decision, action = SAMPLES["emoji"], SAMPLES["bidi_open_override"]
        await pilot.press("f2")
        app.screen.query_one("#field-text", LongInput).value = decision
        await pilot.press("enter", "f3")
        app.screen.query_one("#field-what", LongInput).value = action
        app.screen.query_one("#field-who", Input).value = SAMPLES["arabic"]
        await pilot.press("enter")
        await pilot.pause()
        pilot.app.post_message(events.Paste(LONG_LINE))  # a terminal's bracketed paste
        await pilot.pause()
        await pilot.press("!")
        notes = LONG_LINE + "!"
        assert meeting.items[0].notes == notes
        check_screen(app)
        await pilot.press("ctrl+n")
        await pilot.pause()
        check_screen(app)
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert app.screen.query_one("#notes", TextArea).text == notes
        assert meeting.current == 0 and meeting.items[0].notes == notes
        assert [d.text for d in meeting.items[0].decisions] == [decision]
        assert [(a.what, a.who) for a in meeting.items[0].actions] == [(action, SAMPLES["arabic"])]
        assert session.recorder.flush()
        assert to_dict(session.archive.load(session.meeting_id)) == to_dict(meeting)

        await pilot.press("ctrl+r")
        await app.workers.wait_for_complete()
        await pilot.pause(0.3)
        assert app.screen.id == "preview-screen"
        check_screen(app)
        await pilot.press("end")  # mounts every piece the view left below the first screens
        await pilot.pause()
        assert app.screen.query_one("#minutes").pending == 0
        shown = "\n".join(section.source for section in app.screen.query(MinutesSection))
        assert LONG_LINE in shown and decision in shown and action in shown
        assert all(text in read_back(shown) for text in SAMPLES.values())
        check_screen(app)
        assert app.screen.query_one("#minutes").scroll_y > 0


def test_meeting_screen_with_samples(snap_compare: Any, make_app: MakeApp, clock: FakeClock) -> None:
    """What the meeting screen looks like with emoji, Arabic, combining marks, CJK and Danish
    in the notes and a decision: wide characters take two cells and the borders stay put.
    (No bidi controls here: how a terminal shows them is the terminal's business.)"""
    app = make_app()

    async def run_before(pilot: Any) -> None:
        meeting = app.session.meeting
        meeting.start()
        clock.advance(1)
        meeting.add_decision(f"{SAMPLES['emoji']} {SAMPLES['cjk']}")
        meeting.add_action(SAMPLES["danish"], "Åse 👩🏽‍💻")
        meeting.set_notes("\n".join(SAMPLES[k] for k in ("danish", "emoji", "arabic", "hebrew", "combining", "cjk")))
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
