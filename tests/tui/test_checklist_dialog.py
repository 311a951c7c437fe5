"""The AMiR's safety checklist from the keyboard (alt+k, F7): arrows move, o, m and a set a
point and go on to the next, Space steps through the statuses, Backspace clears; each key
is one change, saved at once."""

from __future__ import annotations

from typing import Any

import pytest
from support.app import MakeApp
from support.forms import press
from textual.binding import Binding
from textual.widgets import Static

from facilitator.meeting.checklist import CarriedCheck, CheckStatus
from facilitator.tui.dialogs.checklist import ChecklistDialog

VIOLENCE = 5
"""The shipped klubmøde's item on threats and violence, which carries the checklist."""
SIZES = ((80, 24), (120, 35))


def records(app: Any) -> str:
    """What the item view shows above the notes, whatever the width wraps."""
    return str(app.screen.query_one("#records", Static).content)


def screen_text(app: Any) -> str:
    strips = app.screen._compositor.render_strips()
    return "\n".join("".join(segment.text for segment in strip) for strip in strips)


@pytest.mark.slow  # about 3 s: sixteen keys pressed one by one, each waited for
async def test_the_keys_set_each_point(make_app: MakeApp, danish: None) -> None:
    app = make_app()
    async with app.run_test(size=SIZES[0]) as pilot:
        meeting = app.session.meeting
        await press(pilot, "ctrl+n")
        meeting.go_to(VIOLENCE)
        await pilot.pause()
        assert "Tjekliste: 0 ok · 0 mangler · 0 aftalt · 6 ikke sat – alt+k" in records(app)
        assert "Bilag: Arbejdspladsens voldspolitik og retningslinjer (bilag/voldspolitik.pdf)" in records(app)
        await press(pilot, "alt+k")
        assert isinstance(app.screen, ChecklistDialog)
        changes: list[object] = []
        meeting.listeners.append(changes.append)
        await press(pilot, "m", "o", "a", "space", "space", "down", "space", "backspace")
        assert meeting.items[VIOLENCE].checks == {
            0: CheckStatus.MISSING,
            1: CheckStatus.OK,
            2: CheckStatus.AGREED,
            3: CheckStatus.MISSING,
        }
        assert len(changes) == 7  # one change per key that changed something (the last two cancel out)
        assert "1 ok · 2 mangler · 1 aftalt · 2 ikke sat" in screen_text(app)
        await press(pilot, "up", "enter")  # Enter steps on too: mangler -> aftalt
        assert meeting.items[VIOLENCE].checks[3] is CheckStatus.AGREED
        await press(pilot, "down", "down", "o")  # the last point: it stays there
        assert meeting.items[VIOLENCE].checks[5] is CheckStatus.OK
        assert app.screen.query_one("#checklist-points").highlighted == 5
        await press(pilot, "escape")
        assert not isinstance(app.screen, ChecklistDialog)
        assert "Tjekliste: 2 ok · 1 mangler · 2 aftalt · 1 ikke sat" in records(app)


async def test_f7_opens_it_too_and_the_last_status_stands_beside_each_point(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZES[1]) as pilot:
        meeting = app.session.meeting
        point = meeting.items[VIOLENCE].item.checklist[1]
        meeting.carry_checks([CarriedCheck(point, CheckStatus.MISSING, 1, "Klubmøde i november", "2026-11-03")])
        await press(pilot, "ctrl+n", "ctrl+n")  # to the follow-up under "Godkendelse af referat"
        assert "The checklist from the last meeting: 0 ok\n• missing: " + point in records(app)
        meeting.go_to(VIOLENCE)
        await press(pilot, "f7")
        assert isinstance(app.screen, ChecklistDialog)
        text = screen_text(app)
        assert "(last time: missing)" in text and "0 ok · 0 missing · 0 agreed · 6 not yet set" in text
        ids = {b.id: b.key for b in ChecklistDialog.BINDINGS if isinstance(b, Binding)}
        assert ids == {
            "check_ok": "o",
            "check_missing": "m",
            "check_agreed": "a",
            "check_cycle": "space",
            "check_clear": "backspace",
            "close_checklist": "escape",
        }
        await press(pilot, "escape")
        assert not isinstance(app.screen, ChecklistDialog)


async def test_on_an_item_without_a_checklist_the_key_says_where_it_is(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZES[0]) as pilot:
        await press(pilot, "ctrl+n", "alt+k")
        assert not isinstance(app.screen, ChecklistDialog)
        notices = [n.message for n in app._notifications]
        assert any(f"The checklist is on item {VIOLENCE + 1}." in message for message in notices)


async def test_not_before_the_meeting_starts(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZES[0]) as pilot:
        await press(pilot, "alt+k")
        assert not isinstance(app.screen, ChecklistDialog)


async def test_the_meetings_attachments_stand_on_the_cover(make_app: MakeApp, tmp_path: Any) -> None:
    agenda = tmp_path / "med.toml"
    agenda.write_text(
        'format = 1\n[meeting]\ntitle = "MED"\nkind = "med-udvalg"\n'
        'attachments = [{ title = "Budget [udkast]", href = "bilag/budget 2027.pdf" }]\n[[item]]\ntitle = "Eventuelt"\n',
        encoding="utf-8",
    )
    app = make_app(agenda)
    async with app.run_test(size=SIZES[1]) as pilot:
        await pilot.pause()
        heading = str(app.screen.query_one("#item-heading", Static).content)
        assert "Attachments: Budget [udkast] (bilag/budget 2027.pdf)" in heading


def test_a_last_status_set_under_a_closed_item_shows_only_on_a_closed_item(danish: None) -> None:
    """The dialog is on the wall as the follow-up is: what a closed item set last time is
    not shown beside the same point on an open item, only on a closed one."""
    from facilitator.meeting.checklist import CheckLine
    from facilitator.tui.dialogs.checklist import check_line

    secret = CarriedCheck("Alarmen", CheckStatus.MISSING, 1, "Klubmøde", confidential=True)
    public = CarriedCheck("Alarmen", CheckStatus.MISSING, 1, "Klubmøde")
    assert "mangler" not in check_line(CheckLine(0, "Alarmen", None, secret)).plain
    assert "sidst: mangler" in check_line(CheckLine(0, "Alarmen", None, secret), closed=True).plain
    assert "sidst: mangler" in check_line(CheckLine(0, "Alarmen", None, public)).plain
