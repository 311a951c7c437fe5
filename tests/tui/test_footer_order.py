"""The footer's order (issue 17): the keys a chair needs are always in sight, whole, at 80,
120 and 200 columns, and no key is cut; the others follow while there is room."""

from __future__ import annotations

import pytest
from support.app import MakeApp
from textual.app import App
from textual.widgets._footer import FooterKey

from facilitator import i18n
from facilitator.tui.commands import ALL_COMMANDS, CHAIR_KEYS, MEETING_COMMANDS
from facilitator.tui.widgets.key_footer import PALETTE_CLASS, KeyFooter

CHAIR = ("next_item", "add_decision", "add_action", "add_speaker", "end_meeting", "help")
SIZES = ((80, 24), (120, 35), (200, 50))


def action(command_id: str) -> str:
    return next(c.action for c in ALL_COMMANDS if c.id == command_id)


def assert_whole_and_in_order(app: App[None], width: int) -> list[str]:
    """The keys in sight, read from where they are on the screen: each whole, inside the
    screen, none under the palette's key, none scrolled; returns their actions in order."""
    footer = app.screen.query_one(KeyFooter)
    shown = [key for key in footer.query(FooterKey) if key.display]
    palette = next(key for key in shown if key.has_class(PALETTE_CLASS))
    row = sorted((key for key in shown if key is not palette), key=lambda key: key.region.x)
    right = 0
    for key in row:
        whole = len(key.key_display) + 1 + len(key.description)
        assert key.region.x >= right and key.region.width >= whole, (key.action, key.region)
        right = key.region.right
    assert right <= palette.region.x and palette.region.right <= width
    assert palette.region.width >= len(palette.key_display) + 1 + len(palette.description)
    assert footer.max_scroll_x == 0  # nothing runs on under the palette: no stray letter
    hidden = [key for key in footer.query(FooterKey) if not key.display]
    assert all(key.region.width == 0 for key in hidden)
    return [key.action for key in row]


@pytest.mark.parametrize(("lang", "sizes"), [("da", SIZES), ("en", SIZES[::-1])])
async def test_the_chairs_keys_fit_whole_at_every_size(make_app: MakeApp, lang: str, sizes: tuple[tuple[int, int], ...]) -> None:
    # Danish opens at 80 columns and widens, English opens at 200 and narrows: the first
    # build and a resize both lay the keys out.
    i18n.set_language(lang)
    app = make_app()
    first, *rest = sizes
    async with app.run_test(size=first) as pilot:
        seen: list[list[str]] = []
        for size in (first, *rest):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            await pilot.pause()
            actions = assert_whole_and_in_order(app, size[0])
            assert actions[: len(CHAIR)] == [action(c) for c in CHAIR], size
            # The others in their table's order, as many as fit.
            others = [c.action for c in MEETING_COMMANDS if c.id not in CHAIR]
            assert actions[len(CHAIR) :] == others[: len(actions) - len(CHAIR)]
            seen.append(actions)
        by_width = dict(zip((size[0] for size in sizes), seen, strict=True))
        assert len(by_width[80]) < len(by_width[120]) < len(by_width[200])
        if lang == "da":  # narrower still: the palette's key gives up its word before a chair's key is cut
            await pilot.resize_terminal(72, 24)
            await pilot.pause()
            await pilot.pause()
            assert assert_whole_and_in_order(app, 72) == [action(c) for c in CHAIR]
            palette = app.screen.query_one(f"FooterKey.{PALETTE_CLASS}", FooterKey)
            assert palette.description == "" and palette.display


def test_the_footer_words_are_never_longer_than_the_title() -> None:
    assert CHAIR_KEYS == CHAIR
    for lang in i18n.LANGUAGES:
        i18n.set_language(lang)
        for command in ALL_COMMANDS:
            assert len(command.footer_title()) <= len(command.title())
