"""Draft and approved, end to end (issue 18): meeting 1 ended is UDKAST; meeting 2 of the
same group approves it with one key under "Godkendelse af referat"; ``minutes 1`` then says
"Godkendt på mødet den …", the stored hash is the stored text's, and meeting 1 is closed
to change."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from support.app import SIZE
from support.clock import FakeClock

from facilitator.cli import main
from facilitator.errors import FacilitatorError
from facilitator.files.config import Config
from facilitator.session import MeetingPlan, Resumption, Session
from facilitator.store.archive import Archive
from facilitator.store.snapshot import to_dict
from facilitator.tui.app import Launch, build_app
from facilitator.tui.screens.meeting import MeetingScreen

GROUP = "Socialrådgiverklubben"


def held(archive_path: Path, clock: FakeClock) -> int:
    session = Session.open_new(MeetingPlan.find(archive_path, "klubmoede", group=GROUP), clock=clock)
    session.meeting.start()
    session.meeting.add_decision("Klubben skriver til ledelsen.")
    session.meeting.end()
    session.close()
    return session.meeting_id


def minutes(capsys: pytest.CaptureFixture[str], archive_path: Path, *args: str) -> str:
    assert main(["--lang", "da", "--archive", str(archive_path), "minutes", *args]) == 0
    return capsys.readouterr().out


@pytest.mark.slow  # about 3.5 s: a Pilot meeting, and the minutes rendered four times
async def test_meeting_two_approves_meeting_one_with_one_key(
    no_user_files: None, archive_path: Path, settings: Config, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    first = held(archive_path, clock)
    assert "**UDKAST** – referatet er ikke godkendt" in minutes(capsys, archive_path, str(first))

    session = Session.open_new(MeetingPlan.find(archive_path, "klubmoede", group=GROUP), clock=clock)
    assert session.meeting.previous_minutes is not None and session.meeting.previous_minutes.meeting_id == first
    app = build_app(archive_path=archive_path, config=settings, launch=Launch(session=session), clock=clock, blink_cursors=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        await pilot.press("ctrl+n", "ctrl+n")  # started, and on item 2: Godkendelse af referat
        await pilot.press("alt+g")
        await pilot.pause()
        assert app.screen.id == "approval-dialog"
        assert "Klubmøde" in str(app.screen.query_one(".dialog-note").render())  # the referat it approves, named
        await pilot.press("enter")  # "godkendt", as offered
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        approved = session.meeting.previous_minutes
        assert approved is not None and approved.approved and approved.remark == ""
        assert any("godkendt" in n.message for n in app._notifications)
        session.meeting.end()  # (ending by its key opens the preview: tested elsewhere, and slow)
    second = session.meeting_id
    session.close()

    text = minutes(capsys, archive_path, str(first))
    day = session.meeting.started_at
    assert day is not None
    assert "**Godkendt på mødet den 1. december 2026.**" in text and "UDKAST" not in text
    assert "Referatet fra Klubmøde" in minutes(capsys, archive_path, str(second))  # named under the item, approved
    with Archive.open(archive_path) as archive:
        stored = archive.approved_text(first)
        assert stored is not None and stored.minutes == text  # what was approved is what is shown
        assert stored.sha256 == hashlib.sha256(stored.minutes.encode("utf-8")).hexdigest()
        approval = archive.approval(first)
        assert approval is not None and approval.by_meeting == second
        with pytest.raises(
            FacilitatorError, match=r"^møde 1 \(.*\) kan ikke ændres: referatet blev godkendt den 1\. december 2026$"
        ):
            archive.save(first, to_dict(archive.load(first), notes=False))
    with pytest.raises(FacilitatorError, match="kan ikke ændres: referatet blev godkendt"):
        Session.resume(Resumption.find(archive_path, first), clock=clock)


def test_the_dialog_asks_for_remarks_only_with_remarks(no_user_files: None, archive_path: Path, clock: FakeClock) -> None:
    """ "Godkendt med bemærkninger" needs the remarks; "godkendt" takes none (typed remarks
    are not dropped without a word); with remarks, they are kept in both meetings."""
    from facilitator.errors import FieldError
    from facilitator.tui.dialogs.approval_form import APPROVED, WITH_REMARKS, approval_dialog

    first = held(archive_path, clock)
    session = Session.open_new(MeetingPlan.find(archive_path, "klubmoede", group=GROUP), clock=clock)
    try:
        previous = session.meeting.previous_minutes
        assert previous is not None
        dialog = approval_dialog(session, previous)
        with pytest.raises(FieldError, match="write the remarks") as refused:
            dialog.apply({"choice": WITH_REMARKS, "remark": ""})
        assert refused.value.field == "remark"
        with pytest.raises(FieldError, match="choose approved with remarks") as refused:
            dialog.apply({"choice": APPROVED, "remark": "Punkt 3 rettes"})
        assert refused.value.field == "choice"
        assert session.archive.approval(first) is None  # nothing recorded by a refusal
        approved = dialog.apply({"choice": WITH_REMARKS, "remark": "Punkt 3 rettes"})
        assert approved.approved and approved.remark == "Punkt 3 rettes" == session.meeting.previous_minutes.remark
        approval = session.archive.approval(first)
        assert approval is not None and (approval.remark, approval.by_meeting) == ("Punkt 3 rettes", session.meeting_id)
    finally:
        session.close()
