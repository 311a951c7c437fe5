"""The vote rule: simple majority of the votes cast; abstentions do not count; a tie falls."""

from __future__ import annotations

import pytest

from facilitator.meeting.vote_rule import carried


@pytest.mark.parametrize(
    ("votes_for", "against", "expected"),
    [
        (3, 0, True),
        (5, 4, True),
        (1, 0, True),  # one for and everyone else abstaining: still more for than against
        (4, 4, False),  # a tie: no majority, the proposal falls
        (0, 0, False),  # nobody voted for or against: nothing carried it
        (2, 3, False),
    ],
)
def test_simple_majority_of_the_votes_cast(votes_for: int, against: int, expected: bool) -> None:
    assert carried(votes_for, against) is expected


def test_guests_do_not_count_as_present_for_a_vote() -> None:
    from support.clock import FakeClock

    from facilitator.agenda.loader import parse_agenda
    from facilitator.meeting.model import Meeting

    agenda = (
        'format = 1\n[meeting]\ntitle = "M"\nkind = "andet"\nparticipants = ["A", "B"]\nguests = ["G"]\n[[item]]\ntitle = "X"\n'
    )
    meeting = Meeting(parse_agenda(agenda.encode()), clock=FakeClock())
    meeting.start()
    assert (meeting.present_count(), meeting.voters_present()) == (3, 2)
    assert meeting.record_vote("Forslaget", 2, 0, 0).present == 2
