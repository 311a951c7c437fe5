"""Over time stands out on a wall: in contrast, not in colour alone, and in any light."""

from __future__ import annotations

from typing import Any

import pytest
from support.app import SIZE, MakeApp
from support.clock import FakeClock
from support.contrast import ratio
from textual.color import Color
from textual.widgets import Static, TextArea

from facilitator.tui.app import START_SCREEN, build_app

THEMES = ("textual-dark", "textual-light")
"""The default theme and a light one: a projector in a bright room."""


def drawn_colours(app: Any, text: str) -> tuple[Color, Color]:
    """The background and the colour of ``text`` as the screen draws it: read from the
    terminal's own cells, after the theme, alpha and "auto" colours are worked out."""
    for strip in app.screen._compositor.render_strips():
        for segment in strip:
            if text in segment.text:
                style = segment.style
                return Color.from_rich_color(style.bgcolor), Color.from_rich_color(style.color)
    raise AssertionError(f"{text!r} is not on the screen")


def test_the_contrast_ratio_is_the_wcag_one() -> None:
    assert ratio(Color(0, 0, 0), Color(255, 255, 255)) == pytest.approx(21)
    assert ratio(Color(118, 118, 118), Color(255, 255, 255)) == pytest.approx(4.54, abs=0.01)  # #767676, the AA grey


@pytest.mark.parametrize("theme", THEMES)
async def test_over_time_reads_at_4_5_to_1_and_says_so_in_words(make_app: MakeApp, clock: FakeClock, theme: str) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.theme = theme
        await pilot.press("ctrl+n")
        clock.advance(6)  # the first item has 5 minutes
        app.screen.tick()
        await pilot.pause()
        timer = app.screen.query_one("#item-timer", Static)
        assert timer.has_class("-over")
        assert str(timer.render()) == "+1:00 over time"  # a sign and words: not colour alone
        background, text = drawn_colours(app, "+1:00")
        assert ratio(background, text) >= 4.5, (theme, background.hex, text.hex)
        bar, _ = drawn_colours(app, "planned end")
        assert background != bar  # a block of its own, not text on the bar
        assert "bold" in str(timer.styles.text_style)


async def test_the_tests_app_does_not_blink_and_the_real_one_does(make_app: MakeApp, clock: FakeClock, tmp_path: Any) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+n", "f2")
        await pilot.pause()
        assert not app.screen.query_one("#field-text", TextArea).cursor_blink
    real = build_app(archive_path=tmp_path / "a.sqlite3", config=app.config, launch=START_SCREEN, folder=tmp_path, clock=clock)
    assert real.blink_cursors
