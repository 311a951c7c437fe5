"""Follow-up in the app: the group asked once when a meeting opens on an agenda without
one, and the earlier meetings' actions ticked done from their list, saved in the archive."""

from __future__ import annotations

from pathlib import Path

from support.app import SIZE
from support.clock import FakeClock
from textual.widgets import Input, SelectionList, Static

from facilitator.files.config import Config, load_config
from facilitator.session import MeetingPlan, Session
from facilitator.store.archive import Archive
from facilitator.tui.app import FacilitatorApp, Launch, build_app
from facilitator.tui.screens.meeting import MeetingScreen


def held_earlier(archive_path: Path, group: str) -> None:
    """An earlier meeting of ``group`` with one open action item."""
    session = Session.open_new(MeetingPlan.find(archive_path, "klubmoede", group=group))
    session.meeting.start()
    session.meeting.add_action("Skrive til ledelsen", "Anne")
    session.meeting.end()
    session.close()


def app_on(archive_path: Path, config: Config, clock: FakeClock) -> FacilitatorApp:
    """As ``facilitator run klubmoede`` opens it: the session planned with the settings."""
    session = Session.open_new(MeetingPlan.find(archive_path, "klubmoede", settings=config), clock=clock)
    return build_app(archive_path=archive_path, config=config, launch=Launch(session=session), clock=clock)


def open_actions(archive_path: Path) -> list[str]:
    with Archive.open(archive_path, read_only=True) as archive:
        return [a.what for a in archive.actions(open_only=True)]


async def test_asked_once_then_followed_up_and_ticked_done(
    no_user_files: None, archive_path: Path, settings: Config, clock: FakeClock
) -> None:
    held_earlier(archive_path, "Socialrådgiverklubben")
    app = app_on(archive_path, settings, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.id == "group-dialog"
        field = app.screen.query_one("#field-group", Input)
        assert field.value == "Socialrådgiverklubben" and app.focused is field  # the group met most lately
        assert "has no group" in str(app.screen_stack[-2].query_one("#item-heading", Static).render())
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        meeting = app.session.meeting
        assert meeting.info.group == "Socialrådgiverklubben"
        assert [a.what for a in meeting.carried] == ["Skrive til ledelsen"]
        assert "has no group" not in str(app.screen.query_one("#item-heading", Static).render())

        await pilot.press("alt+o")  # before the start: told where they are followed up
        await pilot.pause()
        assert any("item 2" in n.message for n in app._notifications)
        await pilot.press("ctrl+n", "ctrl+n", "alt+o")  # the approval of the minutes: the list has the focus
        await pilot.pause()
        carried = app.screen.query_one("#carried", SelectionList)
        assert app.focused is carried
        await pilot.press("space")
        await pilot.pause()
        assert meeting.carried[0].done
        await pilot.press("ctrl+q")
    assert app.session.saved
    assert open_actions(archive_path) == []
    assert load_config(settings.path).groups == {"klubmoede": "Socialrådgiverklubben"}

    again = MeetingPlan.find(archive_path, "klubmoede", settings=load_config(settings.path))
    assert again.chosen_group() == "Socialrådgiverklubben"  # remembered: not asked again (tests/session/test_group.py)


async def test_escape_goes_on_without_a_group_and_a_blank_one_is_refused(
    no_user_files: None, archive_path: Path, settings: Config, clock: FakeClock
) -> None:
    app = app_on(archive_path, settings, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.id == "group-dialog"
        assert app.screen.query_one("#field-group", Input).value == ""  # nothing to offer in a new archive
        await pilot.press("space", "enter")
        await pilot.pause()
        assert app.screen.id == "group-dialog" and app.session.group_question is not None
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        assert app.session.group_question is None and app.session.meeting.info.group is None
        await pilot.press("alt+o")
        await pilot.pause()
        assert any("has no group" in n.message for n in app._notifications)
        await pilot.press("ctrl+q")
    assert not settings.path.exists()
