"""A refusal too long for a notification (an agenda's twenty mistakes) opens a dialog that
stays, scrolls and closes with Enter or Escape; a short one is still a notification."""

from __future__ import annotations

from pathlib import Path

from support.app import SIZE, MakeApp
from textual.containers import VerticalScroll
from textual.widgets import Static

from facilitator.tui.app import NOTIFICATION_LINES
from facilitator.tui.dialogs.message import MessageDialog
from facilitator.tui.screens.start import StartScreen

MISTAKES = 20


def broken_agenda(path: Path) -> Path:
    items = "".join(f'\n[[item]]\ntitle = "Punkt {n}"\ntype = "ukendt{n}"\nminutes = 5\n' for n in range(MISTAKES))
    path.write_text(f'format = 1\n[meeting]\ntitle = "Klubmøde"\nkind = "klubmøde"\n{items}', encoding="utf-8")
    return path


async def test_an_agendas_mistakes_open_in_a_dialog_that_scrolls(make_app: MakeApp, tmp_path: Path) -> None:
    app = make_app(None)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        app.start_meeting(str(broken_agenda(tmp_path / "fejl.toml")))
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, MessageDialog)
        shown = str(dialog.query_one("#message-text Static", Static).render())
        assert [f'"ukendt{n}"' in shown for n in range(MISTAKES)] == [True] * MISTAKES
        assert not any("ukendt" in n.message for n in app._notifications)
        scroll = dialog.query_one("#message-text", VerticalScroll)
        assert scroll.has_focus and scroll.max_scroll_y > 0  # more lines than fit: it scrolls
        await pilot.press("pagedown")
        await pilot.pause()
        assert scroll.scroll_y > 0
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen) and app.session is None


async def test_enter_closes_it_too_and_a_short_refusal_stays_a_notification(make_app: MakeApp) -> None:
    app = make_app(None)
    async with app.run_test(size=SIZE) as pilot:
        app.tell_refusal("Titel", "\n".join(f"linje {n}" for n in range(NOTIFICATION_LINES + 1)))
        await pilot.pause()
        assert isinstance(app.screen, MessageDialog)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        app.tell_refusal("Titel", "\n".join(f"linje {n}" for n in range(NOTIFICATION_LINES)))
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        assert any("linje 0" in n.message for n in app._notifications)


async def test_the_message_is_shown_as_written(make_app: MakeApp) -> None:
    app = make_app(None)
    async with app.run_test(size=SIZE) as pilot:
        message = "\n".join(["[b]fed[/b] [link=x]ikke et link[/link]", "\x1b]0;titel\x07", *("…",) * 5])
        app.tell_refusal("[red]Titel[/red]", message)
        await pilot.pause()
        shown = str(app.screen.query_one("#message-text Static", Static).render())
        assert "[b]fed[/b] [link=x]ikke et link[/link]" in shown
        assert "\x1b" not in shown and "␛" in shown
        assert str(app.screen.query_one(".dialog-title").render()) == "[red]Titel[/red]"
