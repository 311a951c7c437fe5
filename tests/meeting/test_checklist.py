"""The AMiR's checklist: a status per point, set during the meeting, kept in the snapshot,
and left for the group's next meeting."""

from __future__ import annotations

import json

import pytest
from support.agendas import VALID_AGENDA
from support.clock import FakeClock

from facilitator.agenda.loader import parse_agenda
from facilitator.errors import MeetingError, SnapshotError
from facilitator.meeting.checklist import CarriedCheck, CheckLine, CheckStatus, status_words
from facilitator.meeting.model import Change, Meeting
from facilitator.store.snapshot import from_dict, to_dict

POINTS = ("Tjekke fysiske sikkerhedsforanstaltninger: alarmsystemer og flugtveje.", "Repetere konflikthåndteringskurser.")
CHECKLIST = VALID_AGENDA.replace(
    'options = ["Planlagt overarbejde"]',
    f'options = ["Planlagt overarbejde"]\nchecklist = ["{POINTS[0]}", "{POINTS[1]}"]',
).replace("confidential = true\n", "")


@pytest.fixture
def safety(clock: FakeClock) -> Meeting:
    meeting = Meeting(parse_agenda(CHECKLIST.encode()), clock=clock)
    meeting.start()
    meeting.go_to(1)
    return meeting


def test_a_point_is_set_changed_and_cleared(safety: Meeting) -> None:
    changes: list[Change] = []
    safety.listeners.append(changes.append)
    safety.set_check(0, "mangler")
    safety.set_check(1, CheckStatus.OK)
    safety.set_check(0, " Aftalt ")
    assert safety.items[1].checks == {0: CheckStatus.AGREED, 1: CheckStatus.OK}
    safety.set_check(1, None)
    assert safety.items[1].checks == {0: CheckStatus.AGREED}
    assert len(changes) == 4 and all(c.items == (safety.items[1].id,) and not c.head for c in changes)
    safety.set_check(0, "aftalt")  # the same again is no change
    assert len(changes) == 4


def test_wrong_points_and_statuses_are_refused(safety: Meeting) -> None:
    for point in (2, -1, True, "0"):
        with pytest.raises(MeetingError, match="2"):
            safety.set_check(point, "ok")  # type: ignore[arg-type]
    with pytest.raises(MeetingError, match="ok, mangler, aftalt"):
        safety.set_check(0, "måske")
    with pytest.raises(MeetingError):
        safety.set_check(0, "ok", index=0)  # an item without a checklist
    assert safety.items[1].checks == {}


def test_not_before_the_start_nor_after_the_end(clock: FakeClock) -> None:
    meeting = Meeting(parse_agenda(CHECKLIST.encode()), clock=clock)
    with pytest.raises(MeetingError):
        meeting.set_check(0, "ok", index=1)
    meeting.start()
    meeting.end()
    with pytest.raises(MeetingError):
        meeting.set_check(0, "ok", index=1)


def test_each_line_shows_the_status_here_and_the_last_one_before(safety: Meeting) -> None:
    before = CarriedCheck(POINTS[1], CheckStatus.MISSING, 4, "Klubmøde", "2026-11-01")
    safety.carry_checks([before, CarriedCheck("Et punkt, der ikke står her", CheckStatus.OK, 4, "Klubmøde")])
    safety.set_check(0, "ok")
    assert safety.check_lines() == [
        CheckLine(0, POINTS[0], CheckStatus.OK, None),
        CheckLine(1, POINTS[1], None, before),
    ]


def test_the_last_statuses_go_on_to_the_next_meeting(safety: Meeting) -> None:
    """Set here wins; carried in and not set again goes on, so a point off this agenda is
    still followed up next time."""
    safety.carry_checks(
        [
            CarriedCheck(POINTS[0], CheckStatus.MISSING, 4, "Klubmøde", "2026-11-01"),
            CarriedCheck("Voldspolitikken", CheckStatus.AGREED, 4, "Klubmøde", "2026-11-01"),
        ]
    )
    safety.set_check(0, "aftalt")
    assert safety.last_checks(7, "Klubmøde december", "2026-12-01") == [
        CarriedCheck("Voldspolitikken", CheckStatus.AGREED, 4, "Klubmøde", "2026-11-01"),
        CarriedCheck(POINTS[0], CheckStatus.AGREED, 7, "Klubmøde december", "2026-12-01"),
    ]


def test_statuses_and_carried_ones_survive_the_snapshot(safety: Meeting, clock: FakeClock) -> None:
    safety.set_check(1, "mangler")
    safety.carry_checks([CarriedCheck(POINTS[0], CheckStatus.OK, 4, "Klubmøde", None)])
    data = json.loads(json.dumps(to_dict(safety)))
    back = from_dict(data, clock=clock)
    assert back.items[1].checks == {1: CheckStatus.MISSING}
    assert back.carried_checks == safety.carried_checks
    assert back.items[1].item.checklist == POINTS


def test_a_meeting_without_a_checklist_writes_no_new_keys(clock: FakeClock) -> None:
    """Older versions refuse keys they do not know: nothing new unless there is something."""
    meeting = Meeting(parse_agenda(VALID_AGENDA.encode()), clock=clock)
    meeting.start()
    data = to_dict(meeting)
    assert "carried_checks" not in data
    assert all("checks" not in item and "checklist" not in item["item"] for item in data["items"])
    assert "attachments" not in data["info"]


@pytest.mark.parametrize(
    ("damage", "words"),
    [
        (lambda d: d["items"][1].__setitem__("checks", [[2, "ok"]]), "items[1].checks[0][0]"),
        (lambda d: d["items"][1].__setitem__("checks", [[0, "måske"]]), "items[1].checks[0][1]"),
        (lambda d: d["items"][1].__setitem__("checks", [[0, "ok"], [0, "mangler"]]), "items[1].checks[1][0]"),
        (lambda d: d["items"][1].__setitem__("checks", [[0]]), "items[1].checks[0]"),
        (lambda d: d["items"][0].__setitem__("checks", [[0, "ok"]]), "items[0].checks[0][0]"),
        (lambda d: d["items"][1]["item"].__setitem__("checklist", ["A", "A"]), "items[1].item.checklist[1]"),
        (lambda d: d["items"][1]["item"].__setitem__("attachments", [["X", "javascript:x"]]), "items[1].item.attachments[0]"),
        (lambda d: d["info"].__setitem__("attachments", [["X\nY", "a.pdf"]]), "info.attachments[0]"),
        (lambda d: d.__setitem__("carried_checks", [{"point": "A", "status": "ok"}]), "carried_checks[0]"),
        (
            lambda d: d.__setitem__(
                "carried_checks",
                [{"point": "A", "status": "nej", "meeting_id": 1, "meeting_title": "K", "meeting_date": None}],
            ),
            "carried_checks[0].status",
        ),
    ],
)
def test_a_damaged_checklist_is_refused_in_one_line(safety: Meeting, damage: object, words: str) -> None:
    safety.set_check(0, "ok")
    data = json.loads(json.dumps(to_dict(safety)))
    damage(data)  # type: ignore[operator]
    with pytest.raises(SnapshotError) as caught:
        from_dict(data)
    assert words in str(caught.value) and "\n" not in str(caught.value)


def test_the_statuses_have_words_in_both_languages() -> None:
    assert [status_words(s, lang="da") for s in (*CheckStatus, None)] == ["ok", "mangler", "aftalt", "ikke sat"]
    assert [status_words(s, lang="en") for s in (*CheckStatus, None)] == ["ok", "missing", "agreed", "not yet set"]


def test_a_status_set_under_a_closed_item_stays_out_of_public_minutes(clock: FakeClock) -> None:
    from facilitator.output.minutes import render

    closed = CHECKLIST.replace("checklist = [", "confidential = true\nchecklist = [")
    meeting = Meeting(parse_agenda(closed.encode()), clock=clock)
    meeting.start()
    meeting.go_to(1)
    meeting.set_check(0, "mangler")
    [carried] = meeting.last_checks(3, "Klubmøde", "2026-12-01")
    assert carried.confidential
    following = Meeting(parse_agenda(VALID_AGENDA.encode()), clock=clock)
    following.carry_checks([carried])
    back = from_dict(json.loads(json.dumps(to_dict(following))), clock=clock)
    assert back.carried_checks == [carried]
    assert POINTS[0] not in render(following, lang="da")
    assert POINTS[0] in render(following, restricted=True, lang="da")
