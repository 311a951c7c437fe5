"""Issue 20's scripted meeting, whole: a club meeting on the shipped agenda chooses two
solutions on the resources item from the keyboard, drafts a decision from them with two
principle answers, makes one solution an action item and sends the decision to MED; a
closed item's decision is sent to MED too. Then ``new med-udvalg --forwarded`` writes MED's
agenda: it checks clean, carries the decision with its origin, and holds nothing of the
closed matter."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from support.app import MakeApp
from support.bursts import burst, settled

from facilitator.agenda.shipped import shipped_agendas
from facilitator.cli import main
from facilitator.meeting.records import ForwardKind, Principle
from facilitator.tui.screens.meeting import MeetingScreen

RESOURCES = 4  # "Behov for ekstra ressourcer til at løse de nye opgaver"
VIOLENCE = 5  # closed here: "Håndtering af øget risiko for krænkelser, trusler og vold …"
SECRET = "Borgeren på Nørregade 12 har truet en kollega"


def club_agenda(tmp_path: Path) -> Path:
    text = shipped_agendas()["klubmoede"].read_text(encoding="utf-8")
    text = text.replace("[meeting]\n", '[meeting]\ngroup = "Socialrådgiverklubben"\n', 1)
    text = text.replace(
        'title = "Håndtering af øget risiko for krænkelser, trusler og vold overfor de ansatte"\n',
        'title = "Håndtering af øget risiko for krænkelser, trusler og vold overfor de ansatte"\nconfidential = true\n',
        1,
    )
    path = tmp_path / "klubmoede.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.slow
async def test_a_club_meetings_decision_reaches_meds_agenda_and_its_closed_matter_does_not(
    make_app: MakeApp, archive_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    app = make_app(club_agenda(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        meeting = app.session.meeting
        await pilot.pause()
        meeting.start()
        meeting.go_to(RESOURCES)
        await pilot.pause()
        # two solutions, a draft, a review date for the temporary one, two principle answers
        burst(app, "alt+v", "1", "2", "b", "tab", "15.3.2027", "tab", "enter")
        await settled(pilot)
        burst(app, "tab", "Sagstal hver måned", "tab", "tab", "Teamene spørges", "enter")
        await settled(pilot)
        assert isinstance(app.screen, MeetingScreen)
        state = meeting.items[RESOURCES]
        (decision,) = state.decisions
        assert state.chosen == {0, 1} and decision.solutions == (0, 1)
        assert decision.text.startswith("Klubben foreslår: Opnormering på de områder")
        assert decision.answers == ((Principle.PLANNING, "Sagstal hver måned"), (Principle.INVOLVEMENT, "Teamene spørges"))
        assert decision.review == dt.date(2027, 3, 15)
        # one solution made an action item: what from the solution, then who and when
        burst(app, "alt+v", "o", "tab", "Bo Berg", "tab", "1.2.2027", "enter")
        await settled(pilot)
        action = next(a for a in state.actions if a.who == "Bo Berg")
        assert action.what.startswith("Opnormering på de områder") and action.deadline == dt.date(2027, 2, 1)
        # the decision sent on to MED
        burst(app, "alt+r", "space", "escape")
        await settled(pilot)
        assert [(f.kind, f.ref, f.venue.value) for f in state.forwards] == [(ForwardKind.DECISION, decision.id, "med-udvalg")]
        # the closed item's decision is sent to MED as well
        meeting.go_to(VIOLENCE)
        secret = meeting.add_decision(SECRET)
        meeting.forward("beslutning", secret.id, "med-udvalg")
        meeting.end()
        assert app.session.recorder.flush()

    target = tmp_path / "med.toml"
    args = ["--lang", "da", "--archive", str(archive_path), "new", "med-udvalg", "--group", "MED Jobcenter", "--forwarded"]
    assert main([*args, "-o", str(target)]) == 0
    err = capsys.readouterr().err
    assert "1 sag" in err and "lukket" in err.lower()  # one matter taken, the closed one left out and said so
    assert main(["--lang", "da", "check", str(target)]) == 0
    agenda = target.read_text(encoding="utf-8")
    assert "Fra Socialrådgiverklubben: Behov for ekstra ressourcer" in agenda
    assert "Fra klubmødet" in agenda and "Klubben foreslår: Opnormering på de områder" in agenda
    assert "Nørregade" not in agenda and SECRET not in agenda
    assert "Fra Socialrådgiverklubben: Håndtering" not in agenda  # no item for the closed matter
