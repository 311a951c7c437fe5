"""The export dialog writes Word too: chosen as a format, or named by the file's ending."""

from __future__ import annotations

import io
import stat
from pathlib import Path

import docx
from support.app import SIZE, MakeApp
from support.forms import Typed, press
from textual.widgets import Input

from facilitator.tui.dialogs.output_forms import minutes_name


async def test_word_is_offered_and_the_untouched_name_follows_the_choice(make_app: MakeApp, tmp_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n")
        await pilot.pause()
        await press(pilot, Typed("Noten"))
        await pilot.press("ctrl+o")
        await pilot.pause()
        choice = app.screen.query_one("#field-format")
        assert [value for _, value in choice._options if value] == ["md", "html", "docx"]
        choice.value = "docx"
        await pilot.press("enter")
        await pilot.pause()
        meeting = app.session.meeting
        written = tmp_path / minutes_name(meeting, restricted=False, kind="docx")
        assert written.suffix == ".docx"
        document = docx.Document(io.BytesIO(written.read_bytes()))
        assert "Noten" in [p.text for p in document.paragraphs]
        assert document.paragraphs[1].text == "DRAFT"
        assert any(p.style.name == "Heading 1" for p in document.paragraphs)


async def test_a_docx_name_writes_word_and_a_restricted_copy_is_private(make_app: MakeApp, tmp_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press("ctrl+o")
        await pilot.pause()
        app.screen.query_one("#field-scope").value = "restricted"
        app.screen.query_one("#field-path", Input).value = "fortroligt.docx"
        await pilot.press("enter")
        await pilot.pause()
        written = tmp_path / "fortroligt.docx"
        assert stat.S_IMODE(written.stat().st_mode) == 0o600
        header = docx.Document(io.BytesIO(written.read_bytes())).sections[0].header.paragraphs[0].text
        assert header.startswith("DRAFT") and "Restricted copy" in header
