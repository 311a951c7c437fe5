"""Messages up: the widgets and the start screen say what the person did in messages of
their own, typed; the screen (or the app) that handles them asks the core."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from support.app import SIZE, MakeApp
from support.clock import FakeClock
from textual.message import Message
from textual.widgets import OptionList, SelectionList

from facilitator.agenda.shipped import shipped_agendas
from facilitator.session import MeetingPlan, Resumption, Session
from facilitator.tui.app import FacilitatorApp
from facilitator.tui.screens import meeting as meeting_screen
from facilitator.tui.screens.start import Choice, NewMeeting, Resume, StartScreen, View, choice_of
from facilitator.tui.widgets.agenda_list import AgendaList
from facilitator.tui.widgets.item_view import ItemView

PROMPTS = 3
OPTIONS = 4


def posted(seen: list[Message], kind: type[Message]) -> list[Message]:
    """Each message of ``kind`` once (the hook sees a message at every node it bubbles through)."""
    return [m for m in {id(m): m for m in seen}.values() if isinstance(m, kind)]


def test_each_line_of_the_start_screen_stands_for_a_typed_choice() -> None:
    assert choice_of("agenda:/home/tr/klubmøde.toml") == NewMeeting("/home/tr/klubmøde.toml")
    assert choice_of("agenda:klubmoede") == NewMeeting("klubmoede")
    assert choice_of("resume:12") == Resume(12)
    assert choice_of("view:7") == View(7)
    with pytest.raises(ValueError):
        choice_of("heading")


async def test_the_start_screen_hands_the_app_its_choice_and_stays(
    make_app: MakeApp,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    chosen: list[Choice] = []
    monkeypatch.setattr(FacilitatorApp, "open_choice", lambda self, choice: chosen.append(choice))
    app = make_app(None)
    async with app.run_test(size=SIZE) as pilot:
        choices = app.screen.query_one("#choices", OptionList)
        line = next(o for o in choices.options if o.id and o.id.startswith("agenda:") and "klubmoede" in o.id)
        choices.highlighted = choices.get_option_index(line.id or "")
        await pilot.press("enter")
        await pilot.pause()
        assert chosen == [NewMeeting(line.id.partition(":")[2])]  # type: ignore[union-attr]
        assert isinstance(app.screen, StartScreen)


async def test_a_refused_choice_leaves_the_start_screen_on_the_line_chosen(
    make_app: MakeApp,
    archive_path: Path,
    clock: FakeClock,
) -> None:
    earlier = Session.open_new(MeetingPlan.find(archive_path, "klubmoede"), clock=clock)
    earlier.meeting.start()
    earlier.close()
    other = Session.resume(Resumption.find(archive_path, earlier.meeting_id), clock=clock)  # in use elsewhere
    try:
        app = make_app(None)
        async with app.run_test(size=SIZE) as pilot:
            choices = app.screen.query_one("#choices", OptionList)
            assert choices.highlighted_option is not None
            assert choices.highlighted_option.id == f"resume:{earlier.meeting_id}"
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, StartScreen)
            assert app.session is None
            assert choices.highlighted_option.id == f"resume:{earlier.meeting_id}"
            assert any(n.severity == "error" for n in app._notifications)
    finally:
        other.close()


async def test_the_item_view_and_the_agenda_tell_the_screen(
    make_app: MakeApp,
    archive_path: Path,
    clock: FakeClock,
    tmp_path: Path,
) -> None:
    agenda = tmp_path / "klub.toml"  # with a group, so that its open actions carry over
    text = shipped_agendas()["klubmoede"].read_text(encoding="utf-8")
    agenda.write_text(text.replace("[meeting]\n", '[meeting]\ngroup = "Socialrådgiverklubben"\n', 1), encoding="utf-8")
    earlier = Session.open_new(MeetingPlan.find(archive_path, agenda), clock=clock)
    earlier.meeting.start()
    earlier.meeting.add_action("Tjekke vagtplanen", "Anne")
    earlier.meeting.end()
    earlier.close()
    seen: list[Message] = []
    app = make_app(agenda)
    async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
        meeting = app.session.meeting
        await pilot.press("ctrl+n")
        await pilot.pause()

        await pilot.press(*"ab")
        await pilot.pause()
        edited = posted(seen, ItemView.NotesEdited)
        assert edited and all(m.item_view is app.screen.query_one(ItemView) for m in edited)
        assert meeting.items[0].notes == "ab"

        async def tick(list_id: str) -> None:
            seen.clear()
            app.screen.query_one(f"#{list_id}", SelectionList).focus()
            await pilot.pause()
            await pilot.press("space")
            await pilot.pause()

        meeting.go_to(PROMPTS)
        await pilot.pause()
        await tick("prompts")
        assert [m.index for m in posted(seen, ItemView.PromptTicked)] == [0]
        assert meeting.items[PROMPTS].discussed == {0}

        meeting.go_to(OPTIONS)
        await pilot.pause()
        await tick("options")
        assert [m.index for m in posted(seen, ItemView.OptionTicked)] == [0]
        assert meeting.items[OPTIONS].chosen == {0}

        carried_at = meeting.carried_item()
        assert carried_at is not None and meeting.carried
        meeting.go_to(carried_at)
        await pilot.pause()
        await tick("carried")
        assert [m.index for m in posted(seen, ItemView.CarriedTicked)] == [0]
        assert meeting.carried[0].done

        seen.clear()
        agenda_list = app.screen.query_one(AgendaList)
        agenda_list.focus()
        agenda_list.highlighted = 1
        await pilot.press("enter")
        await pilot.pause()
        assert [m.index for m in posted(seen, AgendaList.ItemChosen)] == [1]
        assert meeting.current == 1


def test_the_meeting_screen_listens_to_no_inner_widget_by_its_id() -> None:
    # Messages up: what the screen hears from the item view and the agenda are their own
    # messages, never an inner widget's picked out by its DOM id.
    source = Path(meeting_screen.__file__).read_text(encoding="utf-8")
    assert re.findall(r"@on\([^)]*\"#", source) == []
    assert "SelectionList" not in source and "TextArea" not in source and "OptionList" not in source
