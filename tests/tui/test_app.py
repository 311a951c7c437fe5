"""The app around the meeting: start screen, palette, keymap, help, preview, themes, language."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.app import SIZE, MakeApp
from support.clock import FakeClock
from support.forms import Typed, press
from support.paths import ROOT
from textual.widgets import OptionList
from textual.widgets._footer import FooterKey

from facilitator import i18n
from facilitator.files.config import Config, load_config
from facilitator.session import MeetingPlan, Session
from facilitator.store.archive import Archive
from facilitator.tui.commands import ALL_COMMANDS, APP_COMMANDS, MEETING_COMMANDS
from facilitator.tui.screens.meeting import MeetingScreen
from facilitator.tui.widgets.minutes_section import MinutesSection

PALETTE_EN = [
    "Next item",
    "Previous item",
    "Add decision",
    "Add action item",
    "Record vote",
    "Add speaker",
    "Next speaker",
    "Attendance",
    "Start/stop timer",
    "Preview minutes",
    "Export minutes",
    "Add item",
    "End meeting",
]


async def test_palette_titles_are_the_contract_in_english(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE):
        titles = [command.title for command in app.get_system_commands(app.screen)]
        for title in PALETTE_EN:
            assert title in titles


async def test_palette_runs_the_command(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await press(pilot, Typed("Next item"))
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert app.session.meeting.started


async def test_danish_titles_by_default(make_app: MakeApp, danish: None) -> None:
    app = make_app()
    async with app.run_test(size=SIZE):
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Næste punkt" in titles and "Afslut mødet" in titles
        # The binding carries its message key; the footer says it in the language in use.
        footer = {key.action: key.description for key in app.screen.query(FooterKey)}
        assert footer["next_item"] == "Næste punkt"
        bound = {b.binding.id: b.binding.description for b in app.screen.active_bindings.values()}
        assert bound["next_item"] == "cmd.next_item"


def test_every_command_has_a_title_and_help_in_both_languages() -> None:
    for lang in i18n.LANGUAGES:
        for command in ALL_COMMANDS:
            assert i18n.t(f"cmd.{command.id}", lang=lang) and i18n.t(f"cmd.{command.id}.help", lang=lang)


def test_binding_ids_are_unique_per_screen() -> None:
    ids = [command.id for command in MEETING_COMMANDS]
    keys = [key for command in MEETING_COMMANDS + APP_COMMANDS for key in command.key.split(",")]
    assert len(set(ids)) == len(ids) and len(set(keys)) == len(keys)
    assert MEETING_COMMANDS[0].id == "next_item" and MEETING_COMMANDS[0].key == "ctrl+n"


async def test_keymap_from_the_settings_file(make_app: MakeApp, settings: Config) -> None:
    settings.keymap.update({"next_item": "f12", "no_such_id": "f11"})
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f12")
        await pilot.pause()
        assert app.session.meeting.started
        await pilot.press("ctrl+n")  # the old key does nothing now
        await pilot.pause()
        assert app.session.meeting.current == 0
        assert any("no_such_id" in n.message for n in app._notifications)


async def test_settings_problems_are_shown_and_the_app_starts(make_app: MakeApp, settings: Config) -> None:
    settings.problems.append('config.toml: lang = "fr" is not a language of the app')
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert any("not a language" in n.message for n in app._notifications)
        assert isinstance(app.screen, MeetingScreen)


async def test_theme_choice_is_remembered(make_app: MakeApp, settings: Config) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.theme = "nord"
        await pilot.pause()
    assert load_config(settings.path).theme == "nord"
    settings.theme = "gruvbox"
    again = make_app()
    async with again.run_test(size=SIZE):
        assert again.theme == "gruvbox"


async def test_help_lists_every_key(make_app: MakeApp, settings: Config) -> None:
    settings.keymap["add_decision"] = "f11"
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        table = app.screen.query_one("#keys")
        rows = [table.get_row_at(i) for i in range(table.row_count)]
        ids = {str(row[2]) for row in rows}
        assert {c.id for c in ALL_COMMANDS} <= ids
        assert ["f11", "Add decision"] == [str(c) for c in next(r for r in rows if str(r[2]) == "add_decision")[:2]]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)


async def test_preview_shows_the_minutes_in_sections(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        meeting = app.session.meeting
        await press(pilot, "ctrl+n", Typed("Godkendt uden bemærkninger"))
        await pilot.pause()
        await pilot.press("ctrl+r")
        await app.workers.wait_for_complete()
        await pilot.pause(0.3)
        sections = app.screen.query(MinutesSection)
        assert len(sections) >= 2
        assert "Godkendt uden bemærkninger" in "".join(m.source for m in sections)
        meeting.set_notes("Senere tekst", 0)  # the preview does not follow typing...
        await pilot.pause()
        assert "Senere tekst" not in "".join(m.source for m in app.screen.query(MinutesSection))
        await pilot.press("ctrl+r")  # ...until asked to
        await app.workers.wait_for_complete()
        await pilot.pause(0.3)
        assert "Senere tekst" in "".join(m.source for m in app.screen.query(MinutesSection))


async def test_start_screen_lists_agendas_and_starts_one(make_app: MakeApp, tmp_path: Path) -> None:
    (tmp_path / "eget.toml").write_text(
        'format = 1\n[meeting]\ntitle = "Eget møde"\nkind = "klubmøde"\n[[item]]\ntitle = "Eneste punkt"\n',
        encoding="utf-8",
    )
    (tmp_path / "broken.toml").write_text("format = 1\n[meeting]\n", encoding="utf-8")  # an agenda, but incomplete
    app = make_app(None)
    async with app.run_test(size=SIZE) as pilot:
        choices = app.screen.query_one("#choices", OptionList)
        labels = [str(o.prompt) for o in choices.options]
        assert any("klubmoede" in label for label in labels)
        assert any("eget.toml – Eget møde" in label for label in labels)
        assert any("broken.toml – cannot be read" in label for label in labels)
        index = next(i for i, o in enumerate(choices.options) if o.id and o.id.endswith("eget.toml"))
        choices.highlighted = index
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.id == "group-dialog"  # the agenda names no group: asked first (tests/tui/test_group_dialog.py)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        assert app.session.meeting.info.title == "Eget møde"


async def test_start_screen_lists_only_the_files_that_look_like_agendas(make_app: MakeApp, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n[tool.ruff]\nline-length = 130\n', encoding="utf-8")
    (tmp_path / "Cargo.toml").write_text('[package]\nname = "x"\n', encoding="utf-8")
    (tmp_path / "broken.toml").write_text('format = 1\n[meeting]\ntitle = "Ingen slutning\n', encoding="utf-8")
    (tmp_path / "eget.toml").write_text(
        'format = 1\n[meeting]\ntitle = "Eget møde"\nkind = "klubmøde"\n[[item]]\ntitle = "Eneste punkt"\n',
        encoding="utf-8",
    )
    app = make_app(None)  # the settings file (config.toml) is in this folder too, once written
    (tmp_path / "config.toml").write_text('lang = "en"\n', encoding="utf-8")
    async with app.run_test(size=SIZE):
        choices = app.screen.query_one("#choices", OptionList)
        local = [o.id for o in choices.options if o.id and o.id.startswith(f"agenda:{tmp_path}")]
        assert local == [f"agenda:{tmp_path / 'broken.toml'}", f"agenda:{tmp_path / 'eget.toml'}"]
        labels = [str(o.prompt) for o in choices.options]
        assert any("broken.toml – cannot be read" in label for label in labels)
        assert any("eget.toml – Eget møde" in label for label in labels)
        assert not any("pyproject" in label or "Cargo" in label or "config.toml" in label for label in labels)


async def test_start_screen_resumes_an_unfinished_meeting(
    make_app: MakeApp,
    archive_path: Path,
    clock: FakeClock,
) -> None:
    earlier = Session.open_new(MeetingPlan.find(archive_path, "klubmoede"), clock=clock)
    earlier.meeting.start()
    earlier.meeting.set_notes("fra sidst")
    earlier.close()
    app = make_app(None)
    async with app.run_test(size=SIZE) as pilot:
        choices = app.screen.query_one("#choices", OptionList)
        assert choices.highlighted_option.id == f"resume:{earlier.meeting_id}"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one("#notes").text == "fra sidst"


async def test_a_meeting_in_use_elsewhere_is_refused_with_a_message(
    make_app: MakeApp,
    archive_path: Path,
    clock: FakeClock,
) -> None:
    other = Session.open_new(MeetingPlan.find(archive_path, "klubmoede"), clock=clock)
    try:
        app = make_app(None)
        async with app.run_test(size=SIZE) as pilot:
            app.resume_meeting(other.meeting_id)
            await pilot.pause()
            assert any("in use" in n.message or "another" in n.message for n in app._notifications)
            assert not isinstance(app.screen, MeetingScreen)
    finally:
        other.close()


async def test_recent_meetings_open_read_only_for_export(
    make_app: MakeApp,
    archive_path: Path,
    clock: FakeClock,
    tmp_path: Path,
) -> None:
    earlier = Session.open_new(MeetingPlan.find(archive_path, "klubmoede"), clock=clock)
    earlier.meeting.start()
    earlier.meeting.add_decision("Tidligere beslutning")
    earlier.meeting.end()
    earlier.close()
    app = make_app(None)
    async with app.run_test(size=SIZE) as pilot:
        choices = app.screen.query_one("#choices", OptionList)
        choices.highlighted = next(i for i, o in enumerate(choices.options) if o.id == f"view:{earlier.meeting_id}")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause(0.3)
        assert "Tidligere beslutning" in "".join(m.source for m in app.screen.query(MinutesSection))
    with Archive.open(archive_path, read_only=True) as archive:
        assert archive.meetings(unfinished=True) == []


@pytest.mark.parametrize("size", [(80, 24), (200, 60)])
async def test_usable_at_small_and_large_sizes(make_app: MakeApp, size: tuple[int, int]) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.press("ctrl+n")
        await pilot.pause()
        notes = app.screen.query_one("#notes")
        assert notes.region.height >= 5 and notes.region.width >= 40
        assert app.screen.query_one("#room").display == (size[0] >= 100)


def test_readme_documents_every_meeting_key() -> None:
    """The keys are a promise: README's table must say what the code binds."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in MEETING_COMMANDS:
        keys = ", ".join(f"`{key.upper() if key.startswith('f') else key}`" for key in command.key.split(","))
        row = next((line for line in readme.splitlines() if line.startswith(f"| {keys} |")), None)
        assert row is not None, command.id
        assert command.title() in row, (command.id, row)
