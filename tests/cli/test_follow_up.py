"""Follow-up out of the box (issue 17): a meeting made with ``new --from-meeting`` on a
shipped agenda follows up the earlier actions without the TOML being edited, and
``actions done`` closes one. In-process: the command line's ``main``, the session the
app opens, and the answer the app's question gives (its dialog is tested in tui/)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from facilitator.cli import main
from facilitator.files.config import Config
from facilitator.session import MeetingPlan, Session
from facilitator.store.lock import MeetingLock


def run(capsys: pytest.CaptureFixture[str], *args: str, lang: str = "en") -> tuple[int, str, str]:
    code = main(["--lang", lang, *args])
    out, err = capsys.readouterr()
    return code, out, err


def hold(archive: Path, agenda: str | Path, config: Config, actions: tuple[str, ...], answer: str | None = None) -> Session:
    """A meeting held on ``agenda`` as the app holds it: the group question answered (when
    asked), the carried actions left as they are, ``actions`` recorded, ended."""
    session = Session.open_new(MeetingPlan.find(archive, agenda, settings=config))
    if session.group_question is not None:
        session.answer_group(answer)
    session.meeting.start()
    for what in actions:
        session.meeting.add_action(what, "Anne")
    session.meeting.end()
    session.close()
    return session


def test_the_next_meeting_follows_up_and_actions_done_closes_one(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    archive, agenda = tmp_path / "arkiv.sqlite3", tmp_path / "naeste.toml"
    first = hold(archive, "klubmoede", Config(tmp_path / "config.toml"), ("Skrive til ledelsen", "Booke lokale"), "Klubben")
    code, out, err = run(capsys, "new", "--from-meeting", "-o", str(agenda), "--archive", str(archive))
    assert code == 0 and err == ""
    written = agenda.read_text(encoding="utf-8")
    assert 'group = "Klubben"' in written

    # Another person, another settings file: the agenda alone carries the group.
    elsewhere = Config(tmp_path / "andet" / "config.toml")
    second = Session.open_new(MeetingPlan.find(archive, agenda, settings=elsewhere))
    try:
        assert second.group_question is None and second.meeting.info.group == "Klubben"
        carried = [(a.meeting_id, a.what) for a in second.meeting.carried]
        assert carried == [(first.meeting_id, "Skrive til ledelsen"), (first.meeting_id, "Booke lokale")]
    finally:
        second.close()  # not started: nothing kept
    assert agenda.read_text(encoding="utf-8") == written

    code, out, _ = run(capsys, "actions", "--open", "--archive", str(archive))
    header, *rows = out.splitlines()
    assert code == 0 and header.split()[:2] == ["id", "deadline"]
    ids = [row.split()[1] for row in rows]
    assert [row.split()[0] for row in rows] == ["·", "·"] and all(i.startswith(f"{first.meeting_id}-") for i in ids)
    code, out, err = run(capsys, "actions", "done", ids[0], "--archive", str(archive))
    assert (code, err) == (0, "") and out == f"Action item {ids[0]} is done: Skrive til ledelsen (Anne)\n"
    _, out, _ = run(capsys, "actions", "--open", "--archive", str(archive))
    assert "Skrive til ledelsen" not in out and "Booke lokale" in out
    _, out, _ = run(capsys, "actions", "--archive", str(archive))
    assert [row.split()[:2] for row in out.splitlines()[1:]] == [["✓", ids[0]], ["·", ids[1]]]

    third = Session.open_new(MeetingPlan.find(archive, agenda, settings=elsewhere))
    try:
        assert [a.what for a in third.meeting.carried] == ["Booke lokale"]
    finally:
        third.close()


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    path = tmp_path / "arkiv.sqlite3"
    hold(path, "klubmoede", Config(tmp_path / "config.toml"), ("Skrive til ledelsen",), "Klubben")
    return path


def test_every_refusal_is_one_line(capsys: pytest.CaptureFixture[str], archive: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    where = ("--archive", str(archive))
    assert run(capsys, "actions", "done", "1", *where)[1:] == (
        "",
        '"1" is not an action item\'s id: write it as facilitator actions shows it, such as 12-3 (meeting 12, action 3)\n',
    )
    assert run(capsys, "actions", "done", "1-99", *where)[2] == (
        "there is no action item 1-99 in the archive; facilitator actions lists them with their ids\n"
    )
    action = run(capsys, "actions", *where)[1].splitlines()[1].split()[1]
    lock = MeetingLock.take(archive, 1)  # meeting 1 open in the app
    try:
        code, out, err = run(capsys, "actions", "done", action, *where)
    finally:
        lock.release()
    assert code == 2 and out == "" and err.startswith("meeting 1 is being held in facilitator right now") and err.count("\n") == 1
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda path, mode: False if Path(path) == archive else real_access(path, mode))
    code, _, err = run(capsys, "actions", "done", action, *where)
    assert code == 2 and err.startswith(f"{archive} is read-only") and err.count("\n") == 1
    monkeypatch.undo()
    assert run(capsys, "actions", "done", action, *where)[0] == 0
    code, _, err = run(capsys, "actions", "done", action, *where)
    assert code == 2 and err == f"action item {action} is done already\n"
    code, _, err = run(capsys, "actions", "done", action, *where, lang="da")
    assert code == 2 and err == f"handlepunkt {action} er allerede gjort\n"
    nothing = archive.with_name("intet.sqlite3")
    code, _, err = run(capsys, "actions", "done", "1-1", "--archive", str(nothing))
    assert code == 2 and err == f"there is no archive at {nothing} yet; it is made when the first meeting starts\n"
    assert not nothing.exists()


def test_a_meeting_held_without_a_group(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Skipped the question: the next agenda says how to get follow-up, and --group gives it."""
    archive, agenda = tmp_path / "arkiv.sqlite3", tmp_path / "naeste.toml"
    hold(archive, "klubmoede", Config(tmp_path / "config.toml"), ("Skrive til ledelsen",))
    code, out, err = run(capsys, "new", "--from-meeting", "-o", "-", "--archive", str(archive))
    assert code == 0 and "group =" not in out
    assert err == (
        "Note: meeting 1 had no group, so the next meeting will not follow up its action items by itself."
        " Give the group with --group, or choose it when the meeting starts\n"
    )
    code, out, err = run(capsys, "new", "--from-meeting", "--group", "Klubben", "-o", str(agenda), "--archive", str(archive))
    assert code == 0 and "Note" not in err and 'group = "Klubben"' in agenda.read_text(encoding="utf-8")
    code, _, err = run(capsys, "new", "klubmoede", "--group", "Klubben", "-o", "-")
    assert code == 2 and err.startswith("--group goes with --from-meeting")
