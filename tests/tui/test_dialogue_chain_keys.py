"""The dialogue chain from the keyboard: choose solutions by their numbers, draft a decision
from them with answers and a review date, make a solution an action item, send a matter
on; the keys typed in one burst, as a fast chair or a script sends them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from support.app import MakeApp, until
from support.bursts import burst, settled
from support.chain_decide import RESOURCES, chain_agenda
from textual.widgets import Static

from facilitator.agenda.model import MeetingKind
from facilitator.i18n import t
from facilitator.meeting.model import Meeting
from facilitator.meeting.records import Forward, ForwardKind, Principle
from facilitator.tui.dialogs.form import FormDialog
from facilitator.tui.dialogs.forward import ForwardDialog
from facilitator.tui.dialogs.solutions import SolutionsDialog
from facilitator.tui.screens.meeting import MeetingScreen

SMALL = (80, 24)


async def at_resources(pilot: Any) -> Meeting:
    await pilot.pause()
    meeting: Meeting = pilot.app.session.meeting
    meeting.start()
    meeting.go_to(RESOURCES)
    await pilot.pause()
    return meeting


def item_text(app: Any) -> str:
    screen = next(s for s in app.screen_stack if isinstance(s, MeetingScreen))
    return str(screen.query_one("#records", Static).render()) + str(screen.query_one("#options").render_lines)


async def test_two_solutions_a_draft_with_answers_and_a_review_in_one_burst(make_app: MakeApp, tmp_path: Path) -> None:
    app = make_app(chain_agenda(tmp_path))
    async with app.run_test(size=SMALL) as pilot:
        meeting = await at_resources(pilot)
        burst(app, "alt+v", "1", "2", "b", " i januar", "tab", "15.3.2027", "tab", "enter")
        await settled(pilot)  # the fold opens: its fields can take the focus once they are shown
        assert isinstance(app.screen, FormDialog) and meeting.items[RESOURCES].decisions == []
        burst(app, "tab", "En plan", "tab", "tab", "Alle spørges", "enter")
        await settled(pilot)
        assert isinstance(app.screen, MeetingScreen)
        state = meeting.items[RESOURCES]
        assert state.chosen == {0, 1}
        (decision,) = state.decisions
        assert decision.text == (
            "Klubben foreslår: Opnormering på de områder, der oplever en øget arbejdsmængde; Planlagt overarbejde i januar"
        )
        assert decision.solutions == (0, 1) and decision.review == dt.date(2027, 3, 15)
        assert decision.answers == ((Principle.PLANNING, "En plan"), (Principle.INVOLVEMENT, "Alle spørges"))
        (review,) = state.actions
        assert (review.who, review.deadline) == ("Anne Andersen", dt.date(2027, 3, 15))
        assert review.what.startswith("Evaluering af midlertidig løsning: Klubben foreslår")


async def test_a_temporary_solution_asks_for_its_review_once(make_app: MakeApp, tmp_path: Path) -> None:
    app = make_app(chain_agenda(tmp_path))
    async with app.run_test(size=SMALL) as pilot:
        meeting = await at_resources(pilot)
        burst(app, "f5", "3", "b", "enter")
        await settled(pilot)
        assert isinstance(app.screen, FormDialog) and app.screen.query_one("#error-review").display
        assert meeting.items[RESOURCES].decisions == []
        burst(app, "enter")  # again: saved without a date
        await settled(pilot)
        (decision,) = meeting.items[RESOURCES].decisions
        assert decision.text == "Klubben foreslår: Plustid" and decision.review is None
        assert meeting.items[RESOURCES].actions == []


async def test_the_decision_key_drafts_from_the_solutions_not_yet_decided(make_app: MakeApp, tmp_path: Path) -> None:
    app = make_app(chain_agenda(tmp_path))
    async with app.run_test(size=SMALL) as pilot:
        meeting = await at_resources(pilot)
        meeting.toggle_option(0)
        await pilot.pause()
        burst(app, "ctrl+d", "enter")
        await settled(pilot)
        burst(app, "ctrl+d")
        await settled(pilot)
        assert app.screen.query_one("#field-text").value == ""  # taken up already: a decision of its own now
        burst(app, "Noget andet", "enter")
        await settled(pilot)
        first, second = meeting.items[RESOURCES].decisions
        assert first.text == "Klubben foreslår: Opnormering på de områder, der oplever en øget arbejdsmængde"
        assert first.solutions == (0,) and (second.text, second.solutions) == ("Noget andet", ())


async def test_a_solution_becomes_an_action_item(make_app: MakeApp, tmp_path: Path) -> None:
    app = make_app(chain_agenda(tmp_path))
    async with app.run_test(size=SMALL) as pilot:
        meeting = await at_resources(pilot)
        burst(app, "alt+v", "1", "escape")
        await settled(pilot)
        assert isinstance(app.screen, MeetingScreen) and meeting.items[RESOURCES].chosen == {0}
        burst(app, "alt+v", "o", " i team Nord", "tab", "Bo", "tab", "1.2.2027", "enter")
        await settled(pilot)
        (action,) = meeting.items[RESOURCES].actions
        assert action.what == "Opnormering på de områder, der oplever en øget arbejdsmængde. i team Nord"
        assert (action.who, action.deadline) == ("Bo Berg", dt.date(2027, 2, 1))
        assert isinstance(app.screen, MeetingScreen)


async def test_the_picker_refuses_with_a_reason(make_app: MakeApp, tmp_path: Path) -> None:
    app = make_app(chain_agenda(tmp_path))
    async with app.run_test(size=SMALL) as pilot:
        meeting = await at_resources(pilot)
        told: list[str] = []
        app.notify = lambda message, **_: told.append(message)  # type: ignore[method-assign]
        burst(app, "alt+v", "7", "b")
        await settled(pilot)
        assert isinstance(app.screen, SolutionsDialog) and meeting.items[RESOURCES].chosen == set()
        assert told == [t("dialog.solutions.no_number", number=7), t("dialog.solutions.none_chosen")]
        burst(app, "space", "space", "down", "enter")  # Space twice: chosen and not; Enter chooses as Space does
        await settled(pilot)
        assert meeting.items[RESOURCES].chosen == {1}
        meeting.go_to(0)
        burst(app, "escape", "alt+v")
        await settled(pilot)
        assert isinstance(app.screen, MeetingScreen) and told[-1] == t("meeting_screen.no_solutions")


async def test_a_decision_is_sent_on_to_med_and_the_item_says_so(make_app: MakeApp, tmp_path: Path, danish: None) -> None:
    app = make_app(chain_agenda(tmp_path))
    async with app.run_test(size=SMALL) as pilot:
        meeting = await at_resources(pilot)
        told: list[str] = []
        app.notify = lambda message, **_: told.append(message)  # type: ignore[method-assign]
        burst(app, "alt+r")
        await settled(pilot)
        assert isinstance(app.screen, MeetingScreen) and told == [t("meeting_screen.nothing_to_forward")]
        meeting.toggle_option(0)
        decision = meeting.add_decision("Klubben foreslår opnormering")
        await pilot.pause()
        burst(app, "alt+r", "space", "escape")  # the decision just made, to the MED-udvalg
        await settled(pilot)
        assert meeting.items[RESOURCES].forwards == [Forward(ForwardKind.DECISION, decision.id, MeetingKind.MED_UDVALG)]
        assert "Klubben foreslår opnormering → MED-udvalg" in str(app.screen.query_one("#records", Static).render())
        # the solution, to the managers: down to it, over to the venues, down three, space; and off again
        burst(app, "f6")
        await settled(pilot)  # the arrow keys move the lists once they are drawn
        burst(app, "down", "tab", "down", "down", "space", "space", "space", "escape")
        await settled(pilot)
        assert meeting.forwarded_to(RESOURCES) == {
            (ForwardKind.DECISION, decision.id): (MeetingKind.MED_UDVALG,),
            (ForwardKind.SOLUTION, 0): (MeetingKind.LEDELSESMOEDE,),
        }
        options = app.screen.query_one("#options")
        assert "→ ledelsesmøde" in str(options.get_option_at_index(0).prompt)


async def test_typed_notes_can_be_sent_on_at_once(make_app: MakeApp, tmp_path: Path, danish: None) -> None:
    app = make_app(chain_agenda(tmp_path))
    async with app.run_test(size=SMALL) as pilot:
        meeting = await at_resources(pilot)
        burst(app, "Travlt i team Nord", "alt+r", "space", "escape")  # the notes just typed are the matter
        await settled(pilot)
        assert meeting.items[RESOURCES].forwards == [Forward(ForwardKind.NOTES, 0, MeetingKind.MED_UDVALG)]
        assert await until(pilot, lambda: "→ MED-udvalg" in str(app.screen.query_one("#records", Static).render()))
        assert isinstance(app.screen, MeetingScreen) and not isinstance(app.screen, ForwardDialog)
