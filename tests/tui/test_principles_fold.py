"""The four principles: offered on a decision item, folded away on any other."""

from __future__ import annotations

from support.app import SIZE, MakeApp
from support.forms import Typed, press
from textual.widgets import Checkbox, Collapsible
from textual.widgets.collapsible import CollapsibleTitle

from facilitator.agenda.model import ItemType

PRINCIPLES = ("planning", "communication", "involvement", "support")


def shown(app: object, name: str) -> bool:
    box = app.screen.query_one(f"#field-principle_{name}", Checkbox)  # type: ignore[attr-defined]
    return box.visible and box.focusable and box.region.height > 0


async def test_on_a_decision_item_the_principles_are_offered(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "ctrl+n", "f2")
        assert app.session.meeting.items[0].item.type == ItemType.BESLUTNING
        # No principle is folded away: the one fold holds the optional answers to their questions.
        folds = app.screen.query(Collapsible).filter(".field-fold")
        assert not any(fold.query(Checkbox) for fold in folds) and len(folds) == 1
        assert all(shown(app, name) for name in PRINCIPLES)
        await press(pilot, Typed("Godkendt"), "tab")
        assert app.focused is app.screen.query_one("#field-principle_planning")


async def test_elsewhere_they_are_folded_and_open_with_enter(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        meeting = app.session.meeting
        await press(pilot, "ctrl+n", "ctrl+n", "ctrl+n")
        assert meeting.items[meeting.current].item.type == ItemType.ORIENTERING
        await press(pilot, "f2", Typed("Vi skriver til ledelsen"), "tab")
        fold = app.screen.query_one(".field-fold", Collapsible)
        assert fold.collapsed and not any(shown(app, name) for name in PRINCIPLES)
        assert isinstance(app.focused, CollapsibleTitle)  # Tab reaches the fold's title, not the hidden boxes
        await press(pilot, "enter")  # opens the fold; the dialog stays
        assert not fold.collapsed and all(shown(app, name) for name in PRINCIPLES)
        assert meeting.items[meeting.current].decisions == []
        await press(pilot, "tab", "tab", "space", "enter")
        (decision,) = meeting.items[meeting.current].decisions
        assert decision.text == "Vi skriver til ledelsen"
        assert [p.name for p in decision.principles] == ["COMMUNICATION"]


async def test_folded_principles_stay_unticked_and_enter_in_the_text_saves(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        meeting = app.session.meeting
        await press(pilot, "ctrl+n", "ctrl+n", "ctrl+n", "f2", Typed("Orienteringen tages til efterretning"), "enter")
        (decision,) = meeting.items[meeting.current].decisions
        assert decision.principles == ()
