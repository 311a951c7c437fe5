"""The meeting screen follows up an action item from a closed item without showing it.

The screen is often on the wall: a carried action from a closed item shows only as
"action item from a closed item (meeting N)", and can still be ticked done, which the
next meeting's restricted minutes then say.
"""

from __future__ import annotations

from pathlib import Path

from support.app import SIZE, MakeApp
from textual.widgets import SelectionList

from facilitator.agenda.loader import parse_agenda
from facilitator.agenda.shipped import shipped_agendas
from facilitator.meeting.model import Meeting
from facilitator.output.minutes import render
from facilitator.store.archive import Archive
from facilitator.store.snapshot import to_dict

SECRET = "Hemmeligholdt opgave"
APPROVAL = 1  # klubmoede's "Godkendelse af referat og opfølgning fra sidste møde"


def group_agenda(tmp_path: Path) -> Path:
    """klubmoede for one group, its fourth item closed."""
    text = shipped_agendas()["klubmoede"].read_text(encoding="utf-8")
    text = text.replace("[meeting]\n", '[meeting]\ngroup = "Klubben"\n', 1)
    text = text.replace(
        'title = "Klarhed om organisering af arbejdet"\n',
        'title = "Klarhed om organisering af arbejdet"\nconfidential = true\n',
        1,
    )
    path = tmp_path / "klub.toml"
    path.write_text(text, encoding="utf-8")
    return path


def hold_earlier(archive_path: Path, agenda: Path) -> int:
    with Archive.open(archive_path) as archive:
        meeting = Meeting(parse_agenda(agenda.read_bytes()))
        meeting_id = archive.create(meeting)
        meeting.start()
        meeting.add_action("Offentlig opgave", "Anne", index=2)
        meeting.add_action(SECRET, "Hemmeligholdt person", "2026-12-24", index=3)
        meeting.end()
        archive.save(meeting_id, to_dict(meeting, notes=False))
    return meeting_id


async def test_a_carried_action_from_a_closed_item_is_shown_without_its_text_and_ticked(
    make_app: MakeApp, archive_path: Path, tmp_path: Path
) -> None:
    agenda = group_agenda(tmp_path)
    earlier = hold_earlier(archive_path, agenda)
    app = make_app(agenda)
    async with app.run_test(size=SIZE) as pilot:
        meeting = app.session.meeting
        await pilot.press("ctrl+n", "ctrl+n")
        await pilot.pause()
        assert meeting.current == APPROVAL
        carried = app.screen.query_one("#carried", SelectionList)
        labels = [str(carried.get_option_at_index(i).prompt) for i in range(carried.option_count)]
        assert labels[0].startswith("Offentlig opgave – Anne")
        assert labels[1].startswith(f"Action item from a closed item (meeting {earlier})")
        assert not any("Hemmeligholdt" in label or "2026-12-24" in label for label in labels)
        await pilot.press("shift+tab", "down", "space")
        await pilot.pause()
        assert app.focused is carried
        assert [(c.what, c.done) for c in meeting.carried] == [("Offentlig opgave", False), (SECRET, True)]
        public = render(meeting, lang="da")
        restricted = render(meeting, restricted=True, lang="da")
    assert "Hemmeligholdt" not in public and "Offentlig opgave" in public
    line = next(line for line in restricted.splitlines() if SECRET in line)
    assert "Hemmeligholdt person" in line and "24. december 2026" in line and line.endswith("**gjort**")
