"""The minutes say what was postponed, in both styles, closed items too; and they know who spoke where."""

from __future__ import annotations

from support.clock import FakeClock
from support.meetings import real_meeting

from facilitator.meeting.model import Meeting
from facilitator.output.minutes import context, render


def test_a_postponed_item_shows_as_postponed_in_the_agenda_and_under_its_heading() -> None:
    text = render(real_meeting(), lang="da")
    assert "7. Socialfagligt arbejde med borgere, der er under et stort økonomisk pres – udsat\n" in text
    assert "økonomisk pres\n\n*Punktet blev udsat.*\n\n## 8." in text
    decisions = render(real_meeting(), style="beslutning", lang="da")
    assert "økonomisk pres\n\n*Punktet blev udsat.*\n\n## 8." in decisions and decisions.count("*Punktet blev udsat.*") == 1


def test_an_item_taken_and_then_postponed_shows_its_time_and_that_it_was_postponed(running: Meeting, clock: FakeClock) -> None:
    clock.advance(3)
    running.set_skipped(0)
    running.add_decision("Punktet udsættes til næste møde.")
    running.end()
    text = render(running, lang="da")
    assert "*Punktet blev udsat.*\n" in text and "**Beslutning:** Punktet udsættes til næste møde." in text
    assert "– postponed\n" in render(running, lang="en") and "*The item was postponed.*\n" in render(running, lang="en")
    assert "| 1. Godkendelse af dagsorden | 5 min | 3 min |" in render(running, lang="da", times=True)


def test_a_closed_item_postponed_says_so_and_nothing_more(running: Meeting) -> None:
    running.set_notes("Hemmelig forberedelse", 1)  # Organisering: a closed item
    running.set_skipped(1)
    running.end()
    public = render(running, lang="da")
    assert "Hemmelig" not in public and "Organisering" not in public
    assert "## 2. Lukket punkt\n\n*Punktet blev udsat.*\n" in public
    assert "Punktet blev behandlet som lukket punkt." not in public.split("## 2.")[1].split("## 3.")[0]
    restricted = render(running, restricted=True, lang="da")
    assert "Hemmelig forberedelse" in restricted and "*Punktet blev udsat.*" in restricted


def test_the_minutes_data_has_each_items_speaking_times(running: Meeting, clock: FakeClock) -> None:
    running.request_floor("Anne")
    running.next_speaker()
    clock.advance(2)
    running.request_floor("Bo")
    running.next_speaker()
    clock.advance(1)
    running.next_item()
    running.request_floor("Cecilie")
    running.next_speaker()
    clock.advance(4)
    running.end()
    items = context(running)["items"]
    assert items[0]["speakers"] == [{"name": "Anne", "seconds": 120}, {"name": "Bo", "seconds": 60}]
    assert "speakers" not in items[1]  # a closed item's view has nothing of its content
    assert context(running, restricted=True)["items"][1]["speakers"] == [{"name": "Cecilie", "seconds": 240}]
    assert items[2]["speakers"] == []
