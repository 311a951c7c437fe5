"""Hostile text through every screen, dialog and notification of the app.

Every entry of tests/support/hostile_text.py goes into every place text enters the app: the
agenda's fields, carried actions from an earlier meeting, names, decisions, votes, action
items, added items, speakers, the notes, the settings file, file names and paths, and the
error messages that quote them. After each step:

- the app has neither crashed nor frozen (each step runs under a timeout, and a watchdog
  ends the test process if the event loop itself is stuck);
- the text is shown literally: its visible form (tui/literal.py) is in what the widgets
  draw, so ``[/s]`` shows as ``[/s]`` and ``[udkast]`` does not vanish;
- no raw control character is on the screen, nor in what the app wrote to the terminal.

To keep the run short, one app run puts all the short entries into one kind of place at
once (each is still checked on its own), and the 100,000-character entry gets its own run.
"""

from __future__ import annotations

import asyncio
import faulthandler
import re
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
from support.app import SIZE, MakeApp
from support.clock import FakeClock
from support.hostile_text import HOSTILE, SHORT, raw_controls
from textual import events
from textual.content import Content
from textual.drivers import headless_driver
from textual.widgets import DataTable, Input, OptionList, Static, TextArea
from textual.widgets._toggle_button import ToggleButton

from facilitator.agenda.loader import parse_agenda
from facilitator.files.config import load_config
from facilitator.meeting.model import Meeting
from facilitator.session import Resumption, Session
from facilitator.store.archive import Archive
from facilitator.store.snapshot import to_dict
from facilitator.text.visible import has_control, one_line, visible
from facilitator.tui.app import Launch, build_app
from facilitator.tui.literal import LINE_MAX
from facilitator.tui.widgets.text_entry import field_text, notes_text

T = TypeVar("T")

STEP_SECONDS = 60.0
"""Generous: a step takes well under a second; only a hang comes near this."""
WATCHDOG_SECONDS = 600
"""A step stuck inside the event loop (a loop that never yields) cannot be timed out
from that loop; then the process is ended with every thread's traceback."""

SETS = {"short": SHORT, "long": {"long": HOSTILE["long"]}}
"""One app run with all the short entries at once, one with the 100,000-character one."""

ONE_LINE_OK = {name: text for name, text in HOSTILE.items() if "\n" not in text}
"""What an agenda's one-line fields accept (the loader refuses a line break there)."""


# --- what the app writes and shows ------------------------------------------------------


class Terminal:
    """What the app wrote to its terminal, and how much of it has been checked."""

    def __init__(self) -> None:
        self.written: list[str] = []
        self.checked = 0

    def new_leaks(self) -> set[str]:
        """Raw controls in what was written since the last look (not in Textual's own sequences)."""
        fresh, self.checked = self.written[self.checked :], len(self.written)
        return leaked_to_terminal(fresh)

    def leaks(self) -> set[str]:
        return leaked_to_terminal(self.written)


class CapturingDriver(headless_driver.HeadlessDriver):
    """The test driver, but it draws as a terminal's driver does and keeps what it writes."""

    terminal = Terminal()

    @property
    def is_headless(self) -> bool:
        return False

    def write(self, data: str) -> None:
        CapturingDriver.terminal.written.append(data)


@pytest.fixture(autouse=True)
def terminal(monkeypatch: pytest.MonkeyPatch) -> Iterator[Terminal]:
    """What the app writes to its terminal during the test (run_test's driver, capturing)."""
    terminal = Terminal()
    monkeypatch.setattr(CapturingDriver, "terminal", terminal)
    monkeypatch.setattr(headless_driver, "HeadlessDriver", CapturingDriver)
    faulthandler.dump_traceback_later(WATCHDOG_SECONDS, exit=True)
    yield terminal
    faulthandler.cancel_dump_traceback_later()


TEXTUAL_OWN = re.compile(
    r"\x1b\[[0-9;]*m"  # colours and styles
    r"|\x1b\[\d+;\d+H"  # cursor moves
    r"|\x1b\[\?[0-9;]+[hl]"  # terminal modes
    r"|\x1b\]22;[a-z-]*\x07"  # the mouse pointer's shape
)
"""The sequences Textual itself writes around the text it draws."""


def leaked_to_terminal(written: list[str]) -> set[str]:
    """Raw control characters in the output that are not part of Textual's own sequences."""
    stream = "".join(chunk for chunk in written if chunk != "\x07")  # App.bell() rings on purpose
    return raw_controls(TEXTUAL_OWN.sub("", stream))


def screen_segments(app: Any) -> str:
    """The text of every cell the screen draws (the composed screen, before encoding)."""
    strips = app.screen._compositor.render_strips()
    return "".join(segment.text for strip in strips for segment in strip)


def _plain(visual: object) -> str:
    return visual.plain if isinstance(visual, Content) else str(visual)


def shown_text(app: Any) -> str:
    """Everything the widgets of the screen on top hold to draw, as plain text: what a
    person would read, scrolled or unfolded, before the layout cuts it to size."""
    parts: list[str] = []
    for widget in app.screen.query("*"):
        if widget._border_title is not None:
            parts.append(widget._border_title.plain)
        if isinstance(widget, Static):
            parts.append(_plain(widget.render()))  # a toast draws its own
        elif isinstance(widget, OptionList):
            parts.extend(_plain(widget._get_visual(widget.get_option_at_index(i))) for i in range(widget.option_count))
        elif isinstance(widget, ToggleButton):
            parts.append(widget.label.plain)
        elif isinstance(widget, Input):
            parts.append(widget.value)
        elif isinstance(widget, TextArea):
            parts.append(widget.text)
        elif isinstance(widget, DataTable):
            for row in range(widget.row_count):
                parts.extend(str(cell) for cell in widget.get_row_at(row))
    return "\n".join(parts)


def check(app: Any, terminal: Terminal, *texts: str) -> None:
    """Each text shown in a visible form; no raw control on the screen or the terminal."""
    assert app.is_running, "the app has stopped"
    assert not raw_controls(screen_segments(app)), "a raw control character is on the screen"
    assert not terminal.new_leaks(), "a raw control character reached the terminal"
    shown = shown_text(app)
    for text in texts:
        forms = {form(text)[: LINE_MAX // 2] for form in (one_line, visible, field_text, notes_text)}  # a line is cut at LINE_MAX
        forms |= {form.strip() for form in forms}
        assert any(form in shown for form in forms), f"not shown literally: {text[:80]!r}"


async def step(awaitable: Awaitable[T]) -> T:
    return await asyncio.wait_for(awaitable, STEP_SECONDS)


async def press(pilot: Any, *keys: str) -> None:
    await step(pilot.press(*keys))
    await step(pilot.pause())


async def paste(pilot: Any, text: str) -> None:
    """A terminal's bracketed paste: the app hands it to the widget that has the focus."""
    pilot.app.post_message(events.Paste(text))
    await step(pilot.pause())


# --- agendas and archives ---------------------------------------------------------------


def toml_string(text: str) -> str:
    """A TOML basic string holding ``text`` exactly (controls escaped, the rest as is)."""
    out = []
    for char in text:
        if char in '\\"':
            out.append("\\" + char)
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def toml_list(texts: list[str]) -> str:
    return "[" + ", ".join(toml_string(text) for text in texts) + "]"


def one_line_texts(texts: dict[str, str]) -> list[str]:
    return [text for name, text in texts.items() if name in ONE_LINE_OK]


def hostile_agenda(path: Path, texts: dict[str, str], *, group: str = "Klubben") -> Path:
    """Every field of the agenda with the texts in it. A field with one value holds them
    all, joined (with spaces, or line breaks where the field allows them); a list (the
    participants, the first item's questions and options) holds each on its own."""
    lines = one_line_texts(texts)
    joined, block = " | ".join(lines), "\n".join(texts.values())
    path.write_text(
        f'format = 1\n[meeting]\ntitle = {toml_string(joined)}\nkind = "klubmøde"\n'
        f"group = {toml_string(group)}\nlocation = {toml_string(joined)}\npurpose = {toml_string(block)}\n"
        f"participants = {toml_list([*lines, 'Bo'])}\n"
        f"[[item]]\ntitle = {toml_string(joined)}\nminutes = 5\npurpose = {toml_string(block)}\n"
        f"presenter = {toml_string(joined)}\nprompts = {toml_list(lines)}\noptions = {toml_list(lines)}\n"
        '[[item]]\ntitle = "To"\nminutes = 5\n',
        encoding="utf-8",
    )
    return path


def earlier_meeting(archive_path: Path, texts: dict[str, str], *, group: str = "Klubben") -> None:
    """A held meeting of the same group that leaves an action open for each text, under a
    title made of the texts: its actions are carried into the next meeting."""
    agenda = (
        f"[meeting]\ntitle = {toml_string(' | '.join(one_line_texts(texts)))}\n"
        f'kind = "klubmøde"\ngroup = {toml_string(group)}\nparticipants = ["Bo"]\n'
        '[[item]]\ntitle = "Et"\n'
    )
    meeting = Meeting(parse_agenda(agenda.encode()), clock=FakeClock())
    with Archive.open(archive_path) as archive:
        meeting_id = archive.create(meeting)
        meeting.start()
        for text in texts.values():
            meeting.add_action(text, text, "2026-12-15")
        meeting.end()
        archive.save(meeting_id, to_dict(meeting))


def safe_file_name(text: str) -> str:
    """As much of ``text`` as a file name can hold: no slash or NUL, at most 60 characters,
    no space at either end (a field's value is taken without them)."""
    return text.replace("/", "∕").replace("\x00", "")[:60].strip()


# --- the meeting, from its agenda ------------------------------------------------------


@pytest.mark.parametrize("which", SETS)
async def test_agenda_and_carried_actions_are_shown_literally(
    which: str,
    make_app: MakeApp,
    archive_path: Path,
    tmp_path: Path,
    terminal: Terminal,
) -> None:
    """Before the start, at the first item (it carries the open actions of the group's
    last meeting: ``Ring til HR [/s] i morgen`` froze the meeting at its first ctrl+n),
    with the current question, the attendance, the preview and the help; then after a
    resume (which froze the same way).

    The preview is left out for the 100,000-character text: markdown-it looks for a link
    at every "[" of it, and the preview's pieces are parsed on the UI thread, so it takes
    many seconds (a known limit, not a check of this test)."""
    texts = SETS[which]
    lines = one_line_texts(texts)
    earlier_meeting(archive_path, texts)
    app = make_app(hostile_agenda(tmp_path / "hostile.toml", texts))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        meeting = app.session.meeting
        meeting_id = app.session.meeting_id
        assert len(meeting.carried) == len(texts)
        await step(pilot.pause())
        check(app, terminal, " | ".join(lines), "\n".join(texts.values()))  # title and location; purpose
        await press(pilot, "ctrl+n")  # the first item: title, purpose, presenter, questions, options, carried
        check(app, terminal, " | ".join(lines), "\n".join(texts.values()), *lines)
        check(app, terminal, *(f"{text} – {text} (2026-12-15) – " for text in texts.values()))
        for _ in range(min(len(lines), 3)):
            await press(pilot, "f9")  # a question discussed: the banner shows the next one whole
            check(app, terminal, lines[meeting.current_prompt() or 0])
        carried = app.screen.query_one("#carried", OptionList)
        carried.focus()
        await press(pilot, "space")  # the first carried action done
        assert meeting.carried[0].done
        await press(pilot, "ctrl+l")
        check(app, terminal, *lines)
        await press(pilot, "escape")
        if which != "long":  # the preview of 100,000 characters of "[b]…[/b]" takes seconds (see below)
            await press(pilot, "ctrl+r")
            await step(app.workers.wait_for_complete())
            await step(pilot.pause(0.2))
            assert app.screen.id == "preview-screen"
            check(app, terminal, " | ".join(lines))
            await press(pilot, "escape")
        await press(pilot, "f1")
        check(app, terminal)
        await press(pilot, "escape")
    assert not terminal.leaks()

    session = Session.resume(Resumption.find(archive_path, meeting_id), clock=app.clock)
    again = build_app(archive_path=archive_path, config=app.config, launch=Launch(session=session), folder=tmp_path)
    try:
        async with again.run_test(size=SIZE, notifications=True) as pilot:
            await step(pilot.pause())
            check(again, terminal, " | ".join(lines), *lines)
            await press(pilot, "ctrl+n")
            check(again, terminal)
    finally:
        session.close()
    assert not terminal.leaks()


# --- the dialogs ----------------------------------------------------------------------

TYPED = {"short": " ".join(SHORT.values()), "long": HOSTILE["long"]}
"""What is pasted into a dialog's field: every short text in one paste, and the long one."""


def kept_forms(which: str) -> list[str]:
    """How the field keeps each text of a paste: one line, controls as signs."""
    return [field_text(text) for text in SETS[which].values()]


async def fill(pilot: Any, text: str) -> None:
    """Paste ``text`` into the focused field; the field keeps it as one line."""
    await paste(pilot, text)
    assert pilot.app.focused.value == field_text(text)


def one_field(key: str) -> Callable[[Any, str], Awaitable[None]]:
    """A dialog of one text field: its key, the text, Enter."""

    async def enter(pilot: Any, text: str) -> None:
        await press(pilot, key)
        await fill(pilot, text)
        await press(pilot, "enter")

    return enter


async def actions(pilot: Any, text: str) -> None:
    await press(pilot, "f3")
    await fill(pilot, text)
    await press(pilot, "tab")
    await fill(pilot, text)
    await press(pilot, "enter")


async def votes(pilot: Any, text: str) -> None:
    await press(pilot, "f4")
    await fill(pilot, text)
    await press(pilot, "tab", "1", "enter")


async def speakers(pilot: Any, text: str) -> None:
    """Someone not on the list: the dialog says so, quoting the name, and a second Enter adds them."""
    await press(pilot, "ctrl+s")
    await fill(pilot, text)
    await press(pilot, "enter")
    check(pilot.app, CapturingDriver.terminal, field_text(text))  # the message beside the field
    await press(pilot, "enter")


DIALOGS = {"decision": one_field("f2"), "action": actions, "vote": votes, "item": one_field("f8"), "speaker": speakers}


@pytest.mark.parametrize("dialog", DIALOGS)
async def test_dialog_text_is_kept_and_shown_literally(dialog: str, make_app: MakeApp, terminal: Terminal) -> None:
    """Every text pasted into a dialog is kept as the field shows it, and shown literally in
    the item, the agenda, the speakers panel, the room line and the remove dialog."""
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        meeting = app.session.meeting
        await press(pilot, "ctrl+n")
        for which, text in TYPED.items():
            await DIALOGS[dialog](pilot, text)
            assert app.screen.id == "meeting-screen", f"the {dialog} dialog did not close"
            check(app, terminal, *kept_forms(which))
        state = meeting.items[0]
        kept = [field_text(text).strip() for text in TYPED.values()]
        if dialog == "decision":
            assert [d.text for d in state.decisions] == kept
        elif dialog == "action":
            assert [(a.what, a.who) for a in state.actions] == [(k, k) for k in kept]
        elif dialog == "vote":
            assert [v.subject for v in state.votes] == kept
        elif dialog == "item":
            assert set(kept) <= {s.item.title for s in meeting.items}
        else:
            assert [r.name for r in meeting.speakers.queue] == kept
            await press(pilot, "ctrl+g")  # the first one has the floor
            check(app, terminal, *kept_forms("short"))
        if dialog in ("decision", "action", "vote"):
            await press(pilot, "alt+x")
            assert app.screen.id == "remove-dialog"
            check(app, terminal, *kept_forms("short"), *kept_forms("long"))
            await press(pilot, "escape")
    assert not terminal.leaks()


@pytest.mark.parametrize("which", SETS)
async def test_raw_records_and_speakers_are_shown_literally(which: str, make_app: MakeApp, terminal: Terminal) -> None:
    """Records that did not come through a field (an archive, another program) hold the
    raw text, line breaks too: shown on one line, with signs, in the item, the speakers
    panel and the remove dialog, each on its own line."""
    texts = SETS[which]
    app = make_app()
    app.NOTIFICATION_TIMEOUT = WATCHDOG_SECONDS  # none may expire before it is read, however loaded the machine
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        meeting = app.session.meeting
        await press(pilot, "ctrl+n")
        for text in texts.values():
            meeting.add_decision(text)
            meeting.record_vote(text, 1, 0, 0)
            meeting.add_action(text, text)
        for text in (text for text in one_line_texts(texts) if "\r" not in text):  # refused as a name
            meeting.add_person(text)
            meeting.request_floor(text)
        meeting.next_speaker()
        await step(pilot.pause())
        check(app, terminal, *texts.values())
        await press(pilot, "alt+x")
        check(app, terminal, *texts.values())
        await press(pilot, "enter")  # removes the first decision
        assert len(meeting.items[0].decisions) == len(texts) - 1
    assert not terminal.leaks()


async def test_attendance_names_are_shown_literally(make_app: MakeApp, terminal: Terminal) -> None:
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        meeting = app.session.meeting
        await press(pilot, "ctrl+l")
        app.screen.query_one("#field-name", Input).focus()
        for which, text in TYPED.items():
            await fill(pilot, text)
            await press(pilot, "enter")
            check(app, terminal, *kept_forms(which))
        app.screen.query_one("#people", OptionList).focus()
        await press(pilot, "end", "o", "space", "r")  # the last one chairs, is here, and takes the minutes
        check(app, terminal)
        await press(pilot, "escape")
        assert all(field_text(text).strip() in meeting.attendees for text in TYPED.values())
        check(app, terminal, *kept_forms("short"))
    assert not terminal.leaks()


@pytest.mark.parametrize("which", [pytest.param(w, marks=pytest.mark.slow) if w == "long" else w for w in SETS])
async def test_notes_take_hostile_text_as_signs(which: str, make_app: MakeApp, terminal: Terminal) -> None:
    """Pasted or loaded from the archive, the notes editor holds every control as its sign,
    and that is what the meeting keeps."""
    texts = SETS[which]
    app = make_app()
    app.NOTIFICATION_TIMEOUT = WATCHDOG_SECONDS  # none may expire before it is read, however loaded the machine
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        meeting = app.session.meeting
        meeting.start()
        meeting.set_notes("\n".join(texts.values()), 1)  # raw, as an older archive may hold it
        await step(pilot.pause())
        pasted = "\n".join(texts.values())
        await paste(pilot, pasted)
        assert app.screen.query_one("#notes", TextArea).text == notes_text(pasted)
        assert meeting.items[0].notes == notes_text(pasted)
        check(app, terminal)
        await press(pilot, "ctrl+n")
        assert app.screen.query_one("#notes", TextArea).text == notes_text("\n".join(texts.values()))
        check(app, terminal)
    assert not terminal.leaks()


async def test_a_multi_line_paste_into_a_field_is_one_line(make_app: MakeApp, terminal: Terminal) -> None:
    """Textual's Input keeps the first line of a paste; a field here keeps every line."""
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await press(pilot, "ctrl+n", "f2")
        await paste(pilot, "Første linje\r\nanden linje\rtredje\n\nfjerde\n")
        assert app.focused.value == "Første linje anden linje tredje fjerde"
        await press(pilot, "enter")
        assert app.session.meeting.items[0].decisions[0].text == "Første linje anden linje tredje fjerde"


# --- files, paths and settings -----------------------------------------------------------


async def test_start_screen_shows_file_names_and_titles_literally(
    make_app: MakeApp,
    archive_path: Path,
    tmp_path: Path,
    terminal: Terminal,
) -> None:
    """Local agendas named and titled with each text, a broken one, unfinished and held
    meetings with each title: all listed as written, and one opens."""
    for name, text in ONE_LINE_OK.items():
        title = text if name != "long" else text[:2000]
        hostile_agenda(tmp_path / f"{safe_file_name(text)}.toml", {name: title})
    (tmp_path / f"{safe_file_name(SHORT['markup_unbalanced_close'])} i stykker.toml").write_text("[meeting", encoding="utf-8")
    for name, text in ONE_LINE_OK.items():
        meeting = Meeting(
            parse_agenda(f'[meeting]\ntitle = {toml_string(text)}\nkind = "klubmøde"\n[[item]]\ntitle = "Et"\n'.encode()),
            clock=FakeClock(),
        )
        with Archive.open(archive_path) as archive:
            meeting_id = archive.create(meeting)
            if name.startswith("markup"):
                meeting.start()
                meeting.end()
                archive.save(meeting_id, to_dict(meeting))
    app = make_app(None)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await step(pilot.pause())
        assert app.screen.id == "start-screen"
        names = [f"{safe_file_name(text)}.toml – {text if name != 'long' else text[:2000]}" for name, text in ONE_LINE_OK.items()]
        check(app, terminal, *names, *ONE_LINE_OK.values())
        choices = app.screen.query_one("#choices", OptionList)
        target = next(i for i, o in enumerate(choices.options) if o.id and o.id.startswith("agenda:") and "[" in o.id)
        choices.highlighted = target
        await press(pilot, "enter")
        assert app.screen.id == "meeting-screen"
        check(app, terminal)
    assert not terminal.leaks()


@pytest.mark.parametrize("dialog", ["ctrl+o", "alt+s"])
async def test_paths_in_the_file_dialogs_are_shown_literally(
    dialog: str,
    make_app: MakeApp,
    tmp_path: Path,
    terminal: Terminal,
) -> None:
    """The export and save-agenda dialogs quote the path in their messages: a folder, a
    file that exists (Enter again overwrites it), and the file written. The path goes
    through one folder named after each text (as much of it as a name can hold)."""
    folder = tmp_path.joinpath(*(safe_file_name(field_text(text)) for text in HOSTILE.values()))
    folder.mkdir(parents=True)
    target = folder / "referat [udkast].md"
    app = make_app()
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await press(pilot, "ctrl+n", dialog)
        field = app.screen.query_one("#field-path", Input)
        field.value = ""
        field.focus()
        await fill(pilot, str(folder))
        await press(pilot, "enter")
        check(app, terminal, str(folder))  # "… is a folder"
        target.write_text("før", encoding="utf-8")
        field.value = str(target)
        await press(pilot, "enter")
        check(app, terminal, str(target))  # "… exists; Enter again overwrites it"
        await press(pilot, "enter")
        assert app.screen.id == "meeting-screen"
        check(app, terminal, str(target.resolve()))  # the notification
        assert target.read_text(encoding="utf-8") != "før"
    assert not terminal.leaks()


async def test_settings_with_hostile_keys_and_values(
    make_app: MakeApp,
    tmp_path: Path,
    terminal: Terminal,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A settings file with each text as a theme, as an unknown keymap id and as a key:
    the warnings quote them literally, the help lists them, and the meeting goes on."""
    from facilitator.tui.commands import MEETING_COMMANDS

    path = tmp_path / "hostile-settings.toml"
    ids = [c.id for c in MEETING_COMMANDS]
    with_controls_first = sorted(SHORT.values(), key=lambda text: not has_control(text))
    keymap = dict(zip(ids, with_controls_first, strict=False))  # the footer's first keys have escapes
    lines = [f"theme = {toml_string(SHORT['osc_title'])}", "[keymap]"]
    lines += [f'{toml_string(text)} = "f5"' for text in SHORT.values()]
    lines += [f"{command} = {toml_string(keys)}" for command, keys in keymap.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setenv("FACILITATOR_CONFIG", str(path))
    config = load_config(path)
    app = make_app()
    app.config = config
    app.set_keymap({k: v for k, v in config.keymap.items() if k in set(ids)})
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await step(pilot.pause())
        check(app, terminal, *(one_line(text) for text in SHORT.values()))  # the unknown ids, in a warning
        app.session.meeting.start()  # ctrl+n is now a key with an escape in it
        await step(pilot.pause())
        check(app, terminal)
        await press(pilot, "f1")
        check(app, terminal, *(keymap.values()), str(path))
        await press(pilot, "escape")
        check(app, terminal)
    assert not terminal.leaks()


@pytest.mark.parametrize("which", SETS)
async def test_notifications_are_literal(which: str, make_app: MakeApp, terminal: Terminal) -> None:
    """Every notification, from the app, a screen or a widget, and every refusal the core
    words with a value in it (here: a speaker who is not on the list)."""
    texts = SETS[which]
    app = make_app()
    app.NOTIFICATION_TIMEOUT = WATCHDOG_SECONDS  # none may expire before it is read, however loaded the machine
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        meeting = app.session.meeting
        await press(pilot, "ctrl+n")
        for text in texts.values():
            app.notify(text)
            app.screen.notify(text, title=text, severity="warning")
            app.screen._do(lambda text=text: meeting.request_floor(text))  # refused, quoting the name
        await step(pilot.pause())
        check(app, terminal, *texts.values())
    assert not terminal.leaks()


async def test_end_confirmation_and_preview_after_the_end(make_app: MakeApp, tmp_path: Path, terminal: Terminal) -> None:
    app = make_app(hostile_agenda(tmp_path / "hostile.toml", SHORT))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await press(pilot, "ctrl+n")
        for text in SHORT.values():
            app.session.meeting.add_decision(text)
        await press(pilot, "ctrl+f")
        assert app.screen.id == "end-dialog"
        check(app, terminal)
        await press(pilot, "enter")
        await step(app.workers.wait_for_complete())
        await step(pilot.pause(0.2))
        assert app.screen.id == "preview-screen"
        check(app, terminal)
    assert not terminal.leaks()
