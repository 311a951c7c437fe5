"""The footer of keys and how the meeting screen opens: the first frame is whole, and no
work is done twice on the way (docs/performance.md, startup)."""

from __future__ import annotations

import pytest
from support.app import SIZE, MakeApp, until
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.dom import DOMNode
from textual.pilot import Pilot
from textual.widgets import Footer, OptionList
from textual.widgets._footer import FooterKey

from facilitator import i18n
from facilitator.files.config import Config
from facilitator.i18n import t
from facilitator.tui.commands import APP_COMMANDS, ATTENDANCE_COMMANDS, MEETING_COMMANDS, START_COMMANDS, Command
from facilitator.tui.screens.meeting import MeetingScreen
from facilitator.tui.widgets.key_footer import KeyFooter


class Counted(KeyFooter):
    """Counts how often the keys are built."""

    def __init__(self, *, compact: bool = False) -> None:
        super().__init__(compact=compact)
        self.rebuilds = 0

    async def recompose(self) -> None:
        self.rebuilds += 1
        await super().recompose()


class Keys(App[None]):
    BINDINGS = [Binding("f5", "five", "Fem", id="five"), Binding("f6", "six", "Seks", id="six")]

    def __init__(self, footer: Footer) -> None:
        super().__init__()
        self.footer = footer
        self.keys_at_mount = -1

    def compose(self) -> ComposeResult:
        yield self.footer

    def on_mount(self) -> None:
        self.keys_at_mount = len(self.query(FooterKey))

    def action_five(self) -> None:
        pass

    action_six = action_seven = action_five


async def settled(pilot: Pilot[None], footer: Counted) -> int:
    """The rebuild count once the app is quiet: on a loaded machine the screen's own first
    binding changes (focus, the first idle moment) may still be on their way after one pause."""
    count, quiet = footer.rebuilds, 0
    for _ in range(50):
        await pilot.pause()
        quiet = quiet + 1 if footer.rebuilds == count else 0
        count = footer.rebuilds
        if quiet >= 3:
            break
    return count


def described(footer: Footer) -> list[str]:
    return [key.description for key in footer.query(FooterKey)]


async def test_the_keys_are_there_when_the_screen_is_first_mounted() -> None:
    # Textual's own footer waits for the screen to say its bindings changed, two frames on.
    plain = Keys(Footer())
    async with plain.run_test():
        assert plain.keys_at_mount == 0
    app = Keys(KeyFooter())
    async with app.run_test() as pilot:
        assert app.keys_at_mount >= 2
        await pilot.pause()
        assert {"Fem", "Seks"} <= set(described(app.footer))


async def test_a_burst_of_binding_changes_builds_the_keys_once() -> None:
    footer = Counted()
    app = Keys(footer)
    async with app.run_test() as pilot:
        before = await settled(pilot, footer)
        for _ in range(5):
            app.screen.refresh_bindings()
        assert await settled(pilot, footer) == before  # the same keys: nothing to build
        app.bind("f7", "seven", description="Syv")
        for _ in range(5):
            app.screen.refresh_bindings()
        assert await settled(pilot, footer) == before + 1  # a new key: built once for the burst
        assert {"Fem", "Seks", "Syv"} <= set(described(footer))


async def test_a_change_after_the_rebuild_is_shown_too() -> None:
    footer = Counted()
    app = Keys(footer)
    async with app.run_test() as pilot:
        await pilot.pause()
        app.bind("f7", "seven", description="Syv")
        app.screen.refresh_bindings()
        await pilot.pause()
        await pilot.pause()
        assert "Syv" in described(footer)


class Restyled(Keys):
    """Records the footer keys styled again after they were mounted (a class changed)."""

    def __init__(self, footer: Footer) -> None:
        super().__init__(footer)
        self.restyled: list[FooterKey] = []

    def update_styles(self, node: DOMNode, animate: bool = True) -> None:
        if isinstance(node, FooterKey):
            self.restyled.append(node)
        super().update_styles(node, animate)


@pytest.mark.parametrize("compact", [True, False])
async def test_keys_are_born_compact_in_a_compact_footer(compact: bool) -> None:
    # Born so, not given the class once mounted: that would style every key twice.
    app = Restyled(KeyFooter(compact=compact))
    async with app.run_test() as pilot:
        await pilot.pause()
        keys = [key for key in app.footer.query(FooterKey) if key.action in ("five", "six")]
        assert len(keys) == 2 and all(key.has_class("-compact") == compact for key in keys)
        if compact:  # (Textual's keys start compact: in a wide footer they are restyled anyway)
            assert not set(app.restyled) & set(keys)


# --- the meeting screen --------------------------------------------------------------------


def footer_key(app: App[None], action: str) -> FooterKey:
    return next(key for key in app.screen.query(FooterKey) if key.action == action)


async def test_the_meeting_is_the_first_screen_with_its_keys_from_the_start(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert len(app.screen_stack) == 1 and isinstance(app.screen, MeetingScreen)
        # The footer is built at the screen's first idle moment: on a loaded machine, after
        # more than one pause. What it shows once built is the point, not how soon.
        assert await until(pilot, lambda: footer_key(app, "add_decision").has_class("-disabled"))
        await pilot.press("ctrl+n")
        assert await until(pilot, lambda: not footer_key(app, "add_decision").has_class("-disabled"))


async def test_the_footer_follows_the_meeting_without_building_its_keys_again(
    make_app: MakeApp,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rebuilds: list[object] = []
    original = KeyFooter.recompose

    async def counted(self: KeyFooter) -> None:
        rebuilds.append(self)
        await original(self)

    monkeypatch.setattr(KeyFooter, "recompose", counted)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        meeting = app.session.meeting
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.pause()
        started = len(rebuilds)
        assert await until(pilot, lambda: not footer_key(app, "add_decision").has_class("-disabled"))
        for n in range(3):
            meeting.add_decision(f"Beslutning {n}")
            await pilot.pause()
        meeting.end()
        # The end disables the keys that record: the same keys, shown disabled, not built again.
        assert await until(pilot, lambda: footer_key(app, "add_decision").has_class("-disabled"))
        assert len(rebuilds) == started


async def test_the_first_footer_shows_the_keymap_from_the_settings_file(
    make_app: MakeApp,
    settings: Config,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first: list[str] = []
    original = KeyFooter.compose

    def compose(self: KeyFooter) -> ComposeResult:
        for widget in original(self):
            if isinstance(widget, FooterKey) and widget.action == "next_item" and not first:
                first.append(widget.key)
            yield widget

    monkeypatch.setattr(KeyFooter, "compose", compose)
    settings.keymap["next_item"] = "f12"
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert first == ["f12"]
        assert footer_key(app, "next_item").key == "f12"


# --- the words on the keys -----------------------------------------------------------------


def shown_keys(app: App[None]) -> dict[str, tuple[str, object]]:
    # Every key built, in sight or not: those that do not fit are not mounted (key_footer.py).
    return {key.action: (key.description, key.tooltip) for key in app.screen.query_one(KeyFooter).keys}


def assert_titled(shown: dict[str, tuple[str, object]], commands: tuple[Command, ...], present: set[str]) -> None:
    """Every key shown for one of ``commands`` says its title and help; those in ``present`` are shown."""
    assert present <= set(shown)
    for command in commands:
        if command.action in shown:
            assert shown[command.action] == (command.footer_title(), command.help())
    assert not any(description.startswith("cmd.") for description, _ in shown.values())


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
async def test_every_footer_key_is_titled_in_the_language_in_use(make_app: MakeApp, lang: str) -> None:
    # The bindings carry message keys; each screen's footer says them, and their tooltips,
    # in the language in use, with one class per screen for both languages.
    i18n.set_language(lang)
    app = make_app(None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert_titled(shown_keys(app), START_COMMANDS + APP_COMMANDS, {"refresh", "quit", "help"})
        choices = app.screen.query_one("#choices", OptionList)
        choices.highlighted = next(i for i, o in enumerate(choices.options) if o.id and "klubmoede" in o.id)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.id == "group-dialog"  # the shipped agenda names no group: asked first
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        assert_titled(shown_keys(app), MEETING_COMMANDS + APP_COMMANDS, {c.action for c in MEETING_COMMANDS if c.show})
        await pilot.press("ctrl+l")
        await pilot.pause()
        assert_titled(shown_keys(app), ATTENDANCE_COMMANDS, {"close"})
        assert shown_keys(app)["close"][0] == t("cmd.close_attendance")
