"""Joint meetings and who may vote: several groups, participants with an organisation and a
voting right, guests apart, and votes counted among those entitled (or one organisation)."""

from __future__ import annotations

import re

import pytest
from support.clock import FakeClock
from support.joint import JOINT

from facilitator.agenda.loader import parse_agenda
from facilitator.errors import AgendaError, MeetingError, SnapshotError
from facilitator.meeting.model import Meeting
from facilitator.store.snapshot import from_dict, to_dict


def joint_meeting(clock: FakeClock, text: str = JOINT) -> Meeting:
    meeting = Meeting(parse_agenda(text.encode()), clock=clock)
    meeting.start()
    return meeting


def problems(text: str) -> list[str]:
    with pytest.raises(AgendaError) as caught:
        parse_agenda(text.encode(), "a.toml")
    return [f"{p.line}: {p.message}" for p in caught.value.problems]


def test_groups_names_every_group_and_group_is_the_first() -> None:
    info = parse_agenda(JOINT.encode()).meeting
    assert (info.group, info.groups, info.all_groups()) == (
        "Socialrådgiverklubben",
        ("Socialrådgiverklubben", "HK-klubben"),
        ("Socialrådgiverklubben", "HK-klubben"),
    )
    assert info.participants == ("Anne", "Bo", "Cecilie", "Dorte", "Hanne", "Ib")
    assert dict(info.organisations)["Hanne"] == "HK"
    one = parse_agenda(JOINT.replace('groups = ["Socialrådgiverklubben", "HK-klubben"]', 'groups = ["HK-klubben"]').encode())
    assert (one.meeting.group, one.meeting.groups, one.meeting.all_groups()) == ("HK-klubben", (), ("HK-klubben",))
    plain = parse_agenda(JOINT.replace('groups = ["Socialrådgiverklubben", "HK-klubben"]', 'group = "Klub"').encode())
    assert (plain.meeting.group, plain.meeting.groups, plain.meeting.all_groups()) == ("Klub", (), ("Klub",))


def test_mistakes_in_groups_and_participants_are_one_line_each_with_their_line(english: None) -> None:
    both = JOINT.replace('kind = "klubmøde"', 'kind = "klubmøde"\ngroup = "Klub"')
    assert problems(both) == [
        '6: [meeting]: write either group = "…" (one group) or groups = ["…", "…"] (a joint meeting), not both'
    ]
    twice = JOINT.replace('"HK-klubben"]', '"HK-klubben", "HK-klubben"]')
    assert problems(twice) == ['5: [meeting]: groups names "HK-klubben" twice; give each person once']
    wrong = JOINT.replace('{ name = "Bo", organisation = "DS" }', '{ navn = "Bo" }').replace(
        '{ name = "Ib", organisation = "HK" }', '{ name = "Ib", organisation = 7, votes = "nej" }'
    )
    assert problems(wrong) == [
        '6: [meeting]: participants, entry 2: unknown key "navn"; did you mean "name"?',
        '6: [meeting]: the organisation of "Ib" must be text on one line in quotes, e.g. "HK-klubben" (got the number 7)',
    ]
    assert problems(JOINT.replace('{ name = "Anne", organisation = "DS" }', '{ organisation = "DS" }')) == [
        '6: [meeting]: participants, entry 1, has no name: write { name = "…", … }'
    ]
    assert problems(JOINT.replace('{ name = "Anne", organisation = "DS" }', '{ name = "Anne", votes = 1 }')) == [
        '6: [meeting]: votes of "Anne" must be true or false without quotes (got the number 1)'
    ]
    assert problems(JOINT.replace('{ name = "Anne", organisation = "DS" }', '{ name = "Bo", hat = 1 }')) == [
        '6: [meeting]: participants, entry 1: unknown key "hat"; a participant has name, organisation and votes'
    ]
    assert problems(JOINT.replace('{ name = "Anne", organisation = "DS" }', '"Bo"')) == [
        '6: [meeting]: participants names "Bo" twice; give each person once'
    ]


def test_attendees_carry_their_organisation_and_voting_right(clock: FakeClock) -> None:
    text = JOINT.replace('{ name = "Ib", organisation = "HK" }', '{ name = "Ib", organisation = "HK", votes = false }')
    meeting = joint_meeting(clock, text)
    assert meeting.attendees["Ib"].organisation == "HK" and not meeting.attendees["Ib"].votes
    assert meeting.present_count() == 7
    assert (meeting.voters_present(), meeting.voters_present("DS"), meeting.voters_present("HK")) == (5, 4, 1)
    assert meeting.vote_organisations() == ("DS", "HK")


def test_a_ds_only_vote_beyond_the_entitled_is_refused_and_one_within_is_recorded(clock: FakeClock, danish: None) -> None:
    """The issue's joint meeting: 4 DS and 2 HK members plus a guest."""
    meeting = joint_meeting(clock)
    with pytest.raises(MeetingError, match="^5 stemmer, men kun 4 stemmeberettigede fra DS er til stede$"):
        meeting.record_vote("Forslaget", 3, 1, 1, organisation="DS")
    vote = meeting.record_vote("Forslaget", 3, 1, 0, organisation="DS")
    assert (vote.present, vote.organisation) == (4, "DS")
    with pytest.raises(MeetingError, match="ingen stemmeberettigede fra FOA"):
        meeting.record_vote("Forslaget", 1, 0, 0, organisation="FOA")


def test_all_entitled_leaves_out_guests_and_those_without_a_vote(clock: FakeClock, danish: None) -> None:
    meeting = joint_meeting(clock)
    with pytest.raises(MeetingError, match="^7 stemmer, men kun 6 stemmeberettigede er til stede$"):
        meeting.record_vote("Forslaget", 7, 0, 0)  # the guest is here but does not vote
    meeting.set_membership("Hanne", "HK", False)
    with pytest.raises(MeetingError, match="6 stemmer, men kun 5 stemmeberettigede"):
        meeting.record_vote("Forslaget", 6, 0, 0)
    assert meeting.record_vote("Forslaget", 5, 0, 0).present == 5


def test_a_person_added_is_given_an_organisation_and_a_voting_right(clock: FakeClock) -> None:
    meeting = joint_meeting(clock)
    added = meeting.add_person("Kim", "HK", votes=False)
    assert (added.organisation, added.votes, meeting.voters_present("HK")) == ("HK", False, 2)
    assert meeting.add_person("Lis", "  ").organisation is None
    with pytest.raises(MeetingError):
        meeting.add_person("Mia", "HK\nDS")


def test_the_snapshot_keeps_it_all_and_writes_nothing_new_for_an_ordinary_meeting(clock: FakeClock) -> None:
    meeting = joint_meeting(clock, JOINT.replace('{ name = "Ib", organisation = "HK" }', '{ name = "Ib", votes = false }'))
    meeting.add_person("Kim", "HK", votes=False)
    meeting.record_vote("Forslaget", 3, 1, 0, organisation="DS")
    data = to_dict(meeting)
    again = from_dict(data, clock=clock)
    assert again.info == meeting.info
    assert again.attendees == meeting.attendees
    assert again.items[0].votes == meeting.items[0].votes
    plain = Meeting(parse_agenda(JOINT.replace('groups = ["Socialrådgiverklubben", "HK-klubben"]', "").encode()), clock=clock)
    plain.attendees = {name: person for name, person in plain.attendees.items() if person.organisation is None}
    plain_info = to_dict(plain)["info"]
    assert not {"groups", "non_voting"} & set(plain_info)
    assert all(set(a) == {"name", "presence", "arrived", "left", "added"} for a in to_dict(plain)["attendees"])


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["info"].update(groups=["HK-klubben", "Socialrådgiverklubben"]), "begin with info.group"),
        (lambda d: d["info"].update(groups=["Socialrådgiverklubben"]), "at least two"),
        (lambda d: d["info"].update(organisations=[["Zoe", "HK"]]), '"Zoe" is not among info.participants'),
        (lambda d: d["info"].update(organisations=[["Anne"]]), "a pair"),
        (lambda d: d["info"].update(non_voting=["Anne", "Anne"]), "twice"),
        (lambda d: d["attendees"][0].update(votes="nej"), "attendees[0].votes"),
        (lambda d: d["attendees"][0].update(organisation=" "), "attendees[0].organisation"),
        (lambda d: d["items"][0]["votes"][0].update(organisation=3), "votes[0].organisation"),
    ],
)
def test_a_hand_edited_joint_snapshot_is_refused(clock: FakeClock, english: None, change, message: str) -> None:  # type: ignore[no-untyped-def]
    meeting = joint_meeting(clock)
    meeting.record_vote("Forslaget", 3, 1, 0, organisation="DS")
    data = to_dict(meeting)
    change(data)
    with pytest.raises(SnapshotError, match=re.escape(message)):
        from_dict(data, clock=clock)


def test_a_group_named_on_the_command_line_leads_a_joint_meeting_which_stays_joint(clock: FakeClock) -> None:
    meeting = Meeting(parse_agenda(JOINT.encode()), clock=clock)
    meeting.set_group("HK-klubben")
    assert (meeting.info.group, meeting.info.groups) == ("HK-klubben", ("HK-klubben", "Socialrådgiverklubben"))
    meeting.set_group("FOA")
    assert meeting.info.groups == ("FOA", "HK-klubben", "Socialrådgiverklubben")
    assert from_dict(to_dict(meeting), clock=clock).info == meeting.info
