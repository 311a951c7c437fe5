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
