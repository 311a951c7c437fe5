"""The minutes of a joint meeting: every group in the header, organisations in the attendance,
guests apart, and a vote held among one organisation's members said so."""

from __future__ import annotations

from support.clock import FakeClock

from facilitator.agenda.loader import parse_agenda
from facilitator.meeting.model import Meeting
from facilitator.output.joint_words import genitive
from facilitator.output.minutes import render

JOINT = """format = 1
[meeting]
title = "Fællesmøde med HK-klubben"
kind = "klubmøde"
groups = ["Socialrådgiverklubben", "HK-klubben"]
participants = [
  { name = "Anne", organisation = "DS" },
  { name = "Bo", organisation = "DS", votes = false },
  { name = "Hanne", organisation = "HK-klubben" },
]
guests = ["Eva Holm"]
[[item]]
title = "Arbejdsmiljø"
"""


def joint_meeting(clock: FakeClock) -> Meeting:
    meeting = Meeting(parse_agenda(JOINT.encode()), clock=clock)
    meeting.start()
    meeting.record_vote("Kun DS", 1, 0, 0, organisation="DS")
    meeting.record_vote("Alle", 2, 0, 0)
    meeting.end()
    return meeting


def test_the_referat_names_every_group_the_organisations_and_a_vote_among_one(clock: FakeClock) -> None:
    text = render(joint_meeting(clock), lang="da")
    assert "Socialrådgiverklubben og HK-klubben" in text
    assert "Anne (DS), Bo (DS, uden stemmeret), Hanne (HK-klubben)" in text
    assert "Eva Holm" in text and "Eva Holm (" not in text
    assert "**Afstemning blandt DS' medlemmer:** Kun DS" in text
    assert "**Afstemning:** Alle" in text
    english = render(joint_meeting(FakeClock()), lang="en")
    assert "Socialrådgiverklubben and HK-klubben" in english and "Vote among the members of DS" in english
    for style in ("beslutning", "medlemmer"):
        assert "blandt DS' medlemmer" in render(joint_meeting(FakeClock()), style=style, lang="da")


def test_a_meeting_of_one_group_shows_no_organisations(clock: FakeClock) -> None:
    meeting = Meeting(parse_agenda(JOINT.replace('groups = ["Socialrådgiverklubben", "HK-klubben"]', 'group = "K"').encode()))
    assert "Anne, Bo (uden stemmeret), Hanne" in render(meeting, lang="da")


def test_the_danish_genitive() -> None:
    assert [genitive(n) for n in ("DS", "HK-klubben", "FOA", "3F")] == ["DS'", "HK-klubbens", "FOAs", "3Fs"]


def test_the_next_agenda_of_a_joint_meeting_is_joint_and_keeps_organisations_and_votes(clock: FakeClock) -> None:
    from facilitator.output.next_agenda import next_agenda

    meeting = Meeting(parse_agenda((JOINT + '[[item]]\ntitle = "Næste gang"\n').encode()), clock=clock)
    meeting.add_person("Kim", "HK-klubben", votes=False)
    meeting.start()
    meeting.end()  # the second item not reached: it is the next agenda's
    again = parse_agenda(next_agenda(meeting).encode()).meeting
    assert again.groups == ("Socialrådgiverklubben", "HK-klubben")
    assert again.participants == ("Anne", "Bo", "Hanne", "Kim")
    assert dict(again.organisations) == {"Anne": "DS", "Bo": "DS", "Hanne": "HK-klubben", "Kim": "HK-klubben"}
    assert again.non_voting == ("Bo", "Kim") and again.guests == ()
    alone = parse_agenda(next_agenda(meeting, group="HK-klubben").encode()).meeting
    assert (alone.group, alone.groups) == ("HK-klubben", ())
