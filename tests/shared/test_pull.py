"""``facilitator sync`` gives back: the group's meetings received from the shared archive, and
actions followed up across laptops, against a real PostgreSQL server.

Laptop A holds meeting 1; laptop B receives it, holds meeting 2 and ticks one of its actions
off; A receives meeting 2 and sees its action done. Each test has a database of its own."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import psycopg
import pytest
from support.hostile_text import SHORT
from support.laptops import GROUP, archive_bytes, hold, laptop, open_next, run, save, server_rows
from support.postgres import PostgresServer

from facilitator.errors import FacilitatorError
from facilitator.session import Resumption, Session
from facilitator.shared.live import laptop_token
from facilitator.shared.sync import sync
from facilitator.store.archive import Archive


def meetings(count: int) -> str:
    """The word after a count in a sync's report: "1 meeting", "2 meetings"."""
    return "meeting" if count == 1 else "meetings"


def synced(capsys: pytest.CaptureFixture[str], path: Path, club: str, *, sent: int, of: int, received: int) -> None:
    """A sync that says it sent ``sent`` of ``of`` meetings and received ``received``."""
    assert run(capsys, path, "sync") == (
        0,
        f"Sent {sent} of {of} {meetings(of)} to {club}{f'; {of - sent} already there' if of > sent else ''}.\n"
        f"Received {received} {meetings(received)} from {club} that this laptop lacked or held an older copy of.\n",
        "",
    )


def closed(session: Session) -> None:
    """The meeting closed as the app closes it; on a shared archive its background thread
    then syncs a last time (``shared/live.py``): waited for here, so that what a sync
    after it finds is known."""
    assert session.close()
    if session.sharing is not None:
        assert session.sharing.stop(60)


def open_actions(path: Path) -> list[tuple[str, str]]:
    with Archive.open(path, read_only=True) as archive:
        return sorted((a.what, a.who) for a in archive.actions(open_only=True))


def test_laptop_b_follows_up_laptop_as_actions_and_everything_arrives_once(
    tmp_path: Path, pg: PostgresServer, club: str, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = laptop(tmp_path, "a", club, capsys), laptop(tmp_path, "b", club, capsys)
    with Archive.open(a) as archive:  # meeting 1 on the chair's laptop: two public actions, one closed
        hold(archive)
    synced(capsys, a, club, sent=1, of=1, received=0)
    synced(capsys, b, club, sent=0, of=0, received=1)

    session = open_next(b, tmp_path)  # meeting 2 on the referent's laptop follows meeting 1 up
    meeting = session.meeting
    carried = {c.what: c for c in meeting.carried}
    assert sorted(carried) == ["Måle støjen 2026-11-03", "Tale med ledelsen 2026-11-03"]  # never the closed one
    measured = carried["Måle støjen 2026-11-03"]
    meeting.set_carried_done(measured.meeting_id, measured.action_id)
    meeting.go_to(1)  # B's closed item records its own secrets
    meeting.set_notes("LUKKET-B noter")
    meeting.add_action("LUKKET-B opgave", "Bo")
    meeting.go_to(2)
    meeting.add_action("Ny støjmåling i januar", "Bo")
    assert session.recorder.flush()

    pg.stop()  # the server goes away in the middle of meeting 2, which goes on
    code, out, err = run(capsys, b, "sync")
    assert (code, out) == (2, "") and err.count("\n") == 1
    assert err.startswith(f"The shared archive {club} cannot be reached (") and "Nothing is lost" in err
    meeting.add_decision("Besluttet mens serveren var væk")
    meeting.end()
    closed(session)  # its last background sync finds the server away too
    pg.start()

    synced(capsys, b, club, sent=1, of=1, received=0)
    # A receives meeting 2: its own meeting 1's action is done there, so meeting 1 goes again.
    synced(capsys, a, club, sent=1, of=1, received=1)
    synced(capsys, b, club, sent=0, of=1, received=1)  # the newer copy of meeting 1
    synced(capsys, a, club, sent=0, of=1, received=0)
    synced(capsys, b, club, sent=0, of=1, received=0)

    rows = server_rows(club)
    assert len(rows["meetings"]) == 2 and len({m["uid"] for m in rows["meetings"]}) == 2
    by_uid = {m["uid"]: m for m in rows["meetings"]}
    with Archive.open(a, read_only=True) as archive_a, Archive.open(b, read_only=True) as archive_b:
        mine = {m.uid: m.version for m in archive_a.shared_meetings() + archive_b.shared_meetings()}
        assert {uid: m["version"] for uid, m in by_uid.items()} == mine
        for archive, other in ((archive_a, archive_b), (archive_b, archive_a)):  # its own, and the other's as the server has it
            own = {m.uid for m in archive.shared_meetings()}
            assert archive.known_meetings() == {uid: None if uid in own else mine[uid] for uid in mine}
            assert {m.uid for m in other.shared_meetings()}.isdisjoint(own)
    second = next(m for m in rows["meetings"] if m["started_at"].startswith("2026-12-01"))
    actions = sorted((r["what"], r["done"], r["done_in"]) for r in rows["actions"])
    assert actions == [
        ("Måle støjen 2026-11-03", True, second["uid"]),
        ("Ny støjmåling i januar", False, None),
        ("Tale med ledelsen 2026-11-03", False, None),
    ]
    decisions = [d["text"] for item in second["snapshot"]["items"] for d in item["decisions"]]
    assert "Besluttet mens serveren var væk" in decisions  # nothing of the meeting was lost while the server was away
    expected_open = [("Ny støjmåling i januar", "Bo"), ("Tale med ledelsen 2026-11-03", "Anne")]
    assert open_actions(a) == open_actions(b) == expected_open
    assert "Måle støjen" not in run(capsys, a, "actions", "--open")[1]
    with Archive.open(a, read_only=True) as archive:
        followed = [c for c in archive.open_actions(GROUP) if not c.confidential]  # what A's next meeting follows up
        assert sorted(c.what for c in followed) == sorted(what for what, _ in expected_open)

    everything = json.dumps(rows, ensure_ascii=False)
    assert "HEMMELIG" not in everything and "Personsag" not in everything
    assert b"HEMMELIG" not in archive_bytes(b)  # what A's closed item recorded never reached B
    assert "LUKKET-B" not in everything and b"LUKKET-B" not in archive_bytes(a)  # nor B's from B
    assert b"HEMMELIG" in archive_bytes(a) and b"LUKKET-B" in archive_bytes(b)  # each kept where it was written


def test_a_second_sync_receives_nothing_and_a_received_meeting_is_never_sent_back(
    tmp_path: Path, club: str, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = laptop(tmp_path, "a", club, capsys), laptop(tmp_path, "b", club, capsys)
    with Archive.open(a) as archive:
        hold(archive)
    synced(capsys, a, club, sent=1, of=1, received=0)
    version = server_rows(club)["meetings"][0]["version"]
    synced(capsys, b, club, sent=0, of=0, received=1)
    synced(capsys, b, club, sent=0, of=0, received=0)
    with Archive.open(b, read_only=True) as archive:
        assert archive.shared_meetings() == [] and archive.unsent() == []
        (received,) = archive.meetings()
        assert archive.known_meetings() == {server_rows(club)["meetings"][0]["uid"]: version}
        assert archive.received_from(received.id) == club
        assert archive.meetings(unfinished=True) == []  # A's meeting, not ended, is not B's to go on with
    assert server_rows(club)["meetings"][0]["version"] == version
    # History, search and the decision log read it like any meeting.
    assert "Klubmøde" in run(capsys, b, "meetings")[1]
    assert "Støj i [storrummet]" in run(capsys, b, "search", "storrummet")[1]
    assert "Dagsordenen godkendt – æøå" in run(capsys, b, "decisions")[1]
    assert open_actions(b) == [("Måle støjen 2026-11-03", "Bo"), ("Tale med ledelsen 2026-11-03", "Anne")]


def test_a_newer_server_version_replaces_the_older_received_copy(
    tmp_path: Path, club: str, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = laptop(tmp_path, "a", club, capsys), laptop(tmp_path, "b", club, capsys)
    with Archive.open(a) as archive:
        first_id, first = hold(archive)
    synced(capsys, a, club, sent=1, of=1, received=0)
    synced(capsys, b, club, sent=0, of=0, received=1)
    with Archive.open(a) as archive:
        first.go_to(2)
        first.set_notes("Larm ved printeren")
        first.add_decision("Tilføjet bagefter")
        save(archive, first_id, first)
    synced(capsys, a, club, sent=1, of=1, received=0)
    synced(capsys, b, club, sent=0, of=0, received=1)
    (row,) = server_rows(club)["meetings"]
    with Archive.open(b, read_only=True) as archive:
        (only,) = archive.meetings()
        assert archive.known_meetings() == {row["uid"]: row["version"]}
        copy = archive.load(only.id)
    assert "Tilføjet bagefter" in [d.text for s in copy.items for d in s.decisions]
    assert [s.notes for s in copy.items if s.notes] == ["Larm ved printeren"]
    assert "printeren" in run(capsys, b, "search", "printeren")[1]
    assert run(capsys, b, "search", "storrummet")[1] == ""  # the old copy's notes went with it


def test_pulling_never_replaces_a_meeting_written_on_this_laptop(
    tmp_path: Path, club: str, capsys: pytest.CaptureFixture[str]
) -> None:
    a = laptop(tmp_path, "a", club, capsys)
    with Archive.open(a) as archive:
        hold(archive)
    synced(capsys, a, club, sent=1, of=1, received=0)
    with psycopg.connect(club, autocommit=True) as db:  # a newer version on the server, from anywhere
        db.execute("UPDATE meetings SET version = version + 100, title = 'Andet'")
    code, out, err = run(capsys, a, "sync")
    assert (code, err) == (0, "")
    assert out.splitlines()[0].startswith("Sent 0 of 1 meeting ") and out.splitlines()[1].startswith("Received 0 meetings")
    assert out.splitlines()[2] == (
        f"1 meeting is newer on {club} than here: another computer has held it since."
        " This computer's copy was not sent; it is kept here as it was."
    )
    with Archive.open(a, read_only=True) as archive:
        (mine,) = archive.meetings()
        assert mine.title == "Klubmøde" and archive.received_from(mine.id) is None


def test_a_received_meeting_is_read_only_here(tmp_path: Path, club: str, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = laptop(tmp_path, "a", club, capsys), laptop(tmp_path, "b", club, capsys)
    with Archive.open(a) as archive:
        first_id, first = hold(archive)
        first.end()
        save(archive, first_id, first)
    synced(capsys, a, club, sent=1, of=1, received=0)
    synced(capsys, b, club, sent=0, of=0, received=1)
    with Archive.open(b, read_only=True) as archive:
        (received,) = archive.meetings()
        action = archive.actions(open_only=True)[0]
    assert received.received
    code, out, _ = run(capsys, b, "meetings")
    assert code == 0 and out.splitlines()[-1].rstrip().endswith("received, read-only")  # not "finished" or "running"
    words = f"Meeting {received.id} (Klubmøde) was received from the shared archive {club} and is read-only here: "
    code, out, err = run(capsys, b, "minutes", str(received.id), "--approve")
    assert (code, out) == (2, "") and err.startswith(words) and err.count("\n") == 1
    code, out, err = run(capsys, b, "actions", "done", f"{received.id}-{action.action_id}")
    assert (code, out) == (2, "")
    assert err == (
        f"Action {received.id}-{action.action_id} belongs to meeting {received.id}, received from the shared archive {club}:"
        " tick it off at the group's next meeting, or on the laptop that held the meeting.\n"
    )
    with pytest.raises(FacilitatorError) as refused:  # resume (the app's path)
        Session.resume(Resumption.find(b, received.id))
    assert str(refused.value).startswith(words)
    assert str(refused.value).endswith(f" Read its minutes with: facilitator minutes {received.id}")

    # The group's next meeting approves the received referat: recorded in that meeting, the copy left as it came.
    session = open_next(b, tmp_path)
    assert session.approve_previous("Med en rettelse").meeting_id == received.id
    assert session.meeting.previous_minutes is not None and session.meeting.previous_minutes.approved
    second = session.meeting_id
    closed(session)  # its last background sync sent meeting 2
    with Archive.open(b, read_only=True) as archive:
        assert archive.approval(received.id) is None
        assert [m.id for m in archive.meetings(unfinished=True)] == [second]  # A's unfinished copy is not B's to go on with
    assert len(server_rows(club)["meetings"]) == 2
    synced(capsys, b, club, sent=0, of=1, received=0)  # the approval did not make the copy look changed


def test_a_groups_role_receives_only_its_groups_meetings(
    tmp_path: Path, pg: PostgresServer, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    database = pg.new_database()
    roles = {"Klubben": f"klub_a_{database}", "Anden klub": f"klub_b_{database}"}
    with psycopg.connect(pg.url(database), autocommit=True) as db:  # the union office sets up the server
        from facilitator.shared import schema as shared_schema

        shared_schema.migrate(db)
        for group, role in roles.items():
            db.execute(f"CREATE ROLE {role} LOGIN PASSWORD 'kode-{role}'".encode())
            db.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON meetings, actions TO {role}".encode())
            db.execute("INSERT INTO group_roles (group_name, role_name) VALUES (%s, %s)", (group, role))
    laptops = {}
    for name, group in (("a", "Klubben"), ("b", "Anden klub"), ("c", "Klubben")):
        url = pg.url(database, user=roles[group])
        laptops[name] = (laptop(tmp_path, name, url, capsys), url, roles[group])
    for name, group in (("a", "Klubben"), ("b", "Anden klub")):
        path, url, role = laptops[name]
        with Archive.open(path) as archive:
            hold(archive, group=group)
        monkeypatch.setenv("PGPASSWORD", f"kode-{role}")
        synced(capsys, path, url, sent=1, of=1, received=0)
    path, url, role = laptops["c"]
    monkeypatch.setenv("PGPASSWORD", f"kode-{role}")
    synced(capsys, path, url, sent=0, of=0, received=1)
    with Archive.open(path, read_only=True) as archive:
        assert [m.group for m in archive.meetings()] == ["Klubben"]
    path, url, role = laptops["b"]
    monkeypatch.setenv("PGPASSWORD", f"kode-{role}")
    synced(capsys, path, url, sent=0, of=1, received=0)


def test_hostile_text_comes_back_as_it_was_sent(tmp_path: Path, club: str, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = laptop(tmp_path, "a", club, capsys), laptop(tmp_path, "b", club, capsys)
    with Archive.open(a) as archive:
        meeting_id, meeting = hold(archive)
        meeting.go_to(2)
        meeting.set_notes("\n".join(SHORT.values()))
        for name, text in SHORT.items():
            meeting.add_decision(text)
            meeting.add_action(f"{name} {text}", f"Bo {text}".strip() or "Bo")
        save(archive, meeting_id, meeting)
    synced(capsys, a, club, sent=1, of=1, received=0)
    synced(capsys, b, club, sent=0, of=0, received=1)

    def server(text: str) -> str:
        return text.replace("\x00", "\ufffd")  # PostgreSQL keeps no NUL

    with Archive.open(b, read_only=True) as archive:
        (only,) = archive.meetings()
        copy = archive.load(only.id)
        actions = {a.what: a.who for a in archive.actions()}
    item = copy.items[1]  # the closed item was left on A: the public ones only
    assert [s.item.title for s in copy.items] == ["Godkendelse af dagsorden", "Arbejdsmiljø"]
    assert [d.text for d in item.decisions][-len(SHORT) :] == [server(text) for text in SHORT.values()]
    assert item.notes == server("\n".join(SHORT.values()))
    for name, text in SHORT.items():
        assert actions[server(f"{name} {text}")] == server(f"Bo {text}".strip() or "Bo")
    synced(capsys, b, club, sent=0, of=0, received=0)


class ReceivesNothing:
    """A laptop's archive that takes nothing from the server: one that sends before it has
    received what another laptop sent meanwhile."""

    def __init__(self, archive: Archive) -> None:
        self.archive = archive

    def __getattr__(self, name: str) -> Any:
        return getattr(self.archive, name)

    def receive(self, uid: str, version: int, source: str, snapshot: dict[str, Any], done: dict[int, str]) -> str:
        return "kept"


def test_a_follow_up_mark_is_made_and_taken_back_only_by_the_meeting_that_made_it(
    tmp_path: Path, club: str, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = laptop(tmp_path, "a", club, capsys), laptop(tmp_path, "b", club, capsys)
    with Archive.open(a) as archive:
        first_id, first = hold(archive)
    synced(capsys, a, club, sent=1, of=1, received=0)
    synced(capsys, b, club, sent=0, of=0, received=1)
    session = open_next(b, tmp_path)
    measured = next(c for c in session.meeting.carried if c.what.startswith("Måle"))
    session.meeting.set_carried_done(measured.meeting_id, measured.action_id)
    second_id = session.meeting_id
    closed(session)  # its last background sync sent meeting 2
    synced(capsys, b, club, sent=0, of=1, received=0)

    def marks() -> list[tuple[str, bool, bool]]:
        return sorted(
            (r["what"], r["done"], r["done_in"] is not None) for r in server_rows(club)["actions"] if "2026-11-03" in r["what"]
        )

    assert marks() == [("Måle støjen 2026-11-03", True, True), ("Tale med ledelsen 2026-11-03", False, False)]
    with Archive.open(a) as archive:  # A changes meeting 1 and sends it before it has received meeting 2
        first.add_decision("Rettet af A")
        save(archive, first_id, first)
        assert sync(ReceivesNothing(archive), club, token=laptop_token(a)).sent == 1
    assert marks() == [("Måle støjen 2026-11-03", True, True), ("Tale med ledelsen 2026-11-03", False, False)]

    session = Session.resume(Resumption.find(b, second_id))  # B unticks it before meeting 2 ends
    session.meeting.set_carried_done(measured.meeting_id, measured.action_id, False)
    closed(session)  # its last background sync received A's newer meeting 1 and sent meeting 2
    synced(capsys, b, club, sent=0, of=1, received=0)
    assert marks() == [("Måle støjen 2026-11-03", False, False), ("Tale med ledelsen 2026-11-03", False, False)]
    synced(capsys, a, club, sent=0, of=1, received=1)
    assert [what for what, _ in open_actions(a)] == ["Måle støjen 2026-11-03", "Tale med ledelsen 2026-11-03"]
    assert [what for what, _ in open_actions(b)] == ["Måle støjen 2026-11-03", "Tale med ledelsen 2026-11-03"]


def test_a_third_laptop_receives_the_follow_up_whatever_the_clocks_said(
    tmp_path: Path, club: str, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b, c = (laptop(tmp_path, name, club, capsys) for name in "abc")
    with Archive.open(a) as archive:
        hold(archive)
    synced(capsys, a, club, sent=1, of=1, received=0)
    synced(capsys, b, club, sent=0, of=0, received=1)
    session = open_next(b, tmp_path, day=dt.date(2026, 10, 1))  # B's clock is a month behind
    measured = next(c for c in session.meeting.carried if c.what.startswith("Måle"))
    session.meeting.set_carried_done(measured.meeting_id, measured.action_id)
    closed(session)  # its last background sync sent meeting 2
    synced(capsys, b, club, sent=0, of=1, received=0)

    synced(capsys, c, club, sent=0, of=0, received=2)  # meeting 2 "started" first, and is stored after meeting 1
    assert open_actions(c) == [("Tale med ledelsen 2026-11-03", "Anne")]
    with Archive.open(c, read_only=True) as archive:
        first, second = sorted(archive.meetings(), key=lambda m: m.id)
        assert first.title == "Klubmøde" and first.date == "2026-11-03"
        followed = archive.load(second.id).carried
    assert sorted((f.meeting_id, f.what, f.done) for f in followed) == [
        (first.id, "Måle støjen 2026-11-03", True),
        (first.id, "Tale med ledelsen 2026-11-03", False),
    ]


def test_a_meeting_this_facilitator_cannot_read_is_left_on_the_server_and_told(
    tmp_path: Path, club: str, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = laptop(tmp_path, "a", club, capsys), laptop(tmp_path, "b", club, capsys)
    with Archive.open(a) as archive:
        hold(archive)
    synced(capsys, a, club, sent=1, of=1, received=0)
    with psycopg.connect(club, autocommit=True) as db:  # a newer facilitator's meeting, say
        db.execute(
            "INSERT INTO meetings (uid, version, group_name, kind, title, snapshot)"
            " VALUES ('0f0f0f0f-0000-4000-8000-000000000000', 1, %s, 'klubmøde', 'Fra fremtiden', '{\"version\": 2}')",
            (GROUP,),
        )
    for received in (1, 0):  # told at every sync, until a facilitator that reads it comes
        assert run(capsys, b, "sync") == (
            0,
            f"Sent 0 of 0 meetings to {club}.\n"
            f"Received {received} {meetings(received)} from {club} that this laptop lacked or held an older copy of.\n"
            f"1 meeting on {club} could not be read by this facilitator and was left there: update facilitator.\n",
            "",
        )
    with Archive.open(b, read_only=True) as archive:
        assert [m.title for m in archive.meetings()] == ["Klubmøde"]
