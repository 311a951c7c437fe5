"""The start screen lists the newest ten past meetings and pages on: "More meetings …"
gives way to the next ten, read through the archive's index from where the last ended."""

from __future__ import annotations

from pathlib import Path

from support.app import MakeApp
from support.meetings import klubmoede
from textual.widgets import OptionList

from facilitator.i18n import t
from facilitator.store.archive import Archive
from facilitator.store.snapshot import to_dict
from facilitator.tui.screens.start import RECENT

PAST = 21


def _archive(path: Path) -> None:
    with Archive.open(path) as archive:
        for number in range(PAST + 1):
            meeting = klubmoede()
            meeting_id = archive.create(meeting)
            meeting.start()
            if number != 5:  # one left unfinished: listed to go on with, as ever
                meeting.end()
            archive.save(meeting_id, to_dict(meeting, notes=False))


def _ids(choices: OptionList, kind: str) -> list[int]:
    return [int(o.id.split(":")[1]) for o in choices.options if o.id and o.id.startswith(kind)]


async def test_more_meetings_pages_on(make_app: MakeApp, archive_path: Path) -> None:
    _archive(archive_path)
    newest = [n for n in range(PAST + 1, 0, -1) if n != 6]
    app = make_app(None)
    async with app.run_test(size=(100, 40)) as pilot:
        choices = app.screen.query_one("#choices", OptionList)
        assert _ids(choices, "resume:") == [6]
        assert _ids(choices, "view:") == newest[:RECENT]
        assert str(choices.options[-1].prompt).strip() == t("start.more") == "More meetings …"
        await pilot.press("end", "enter")
        assert _ids(choices, "view:") == newest[: 2 * RECENT]
        assert choices.highlighted_option is not None and choices.highlighted_option.id == f"view:{newest[RECENT]}"
        assert choices.options[-1].id is not None and choices.options[-1].id.startswith("more:")
        await pilot.press("end", "enter")
        assert _ids(choices, "view:") == newest
        assert not any(o.id and o.id.startswith("more:") for o in choices.options)  # the last page: nothing more
        assert app.screen.id == "start-screen"


async def test_ten_past_meetings_need_no_more(make_app: MakeApp, archive_path: Path) -> None:
    with Archive.open(archive_path) as archive:
        for _ in range(RECENT):
            meeting = klubmoede()
            meeting_id = archive.create(meeting)
            meeting.start()
            meeting.end()
            archive.save(meeting_id, to_dict(meeting, notes=False))
    app = make_app(None)
    async with app.run_test(size=(100, 40)):
        choices = app.screen.query_one("#choices", OptionList)
        assert _ids(choices, "view:") == list(range(RECENT, 0, -1))
        assert not any(o.id and o.id.startswith("more:") for o in choices.options)
