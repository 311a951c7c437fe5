"""Whether a vote carried: simple majority of the votes cast, as a Danish meeting counts it.

A proposal is *vedtaget* when more voted for it than against it. Those who abstain or vote
blank (*undlod*) are not counted either way: they have chosen not to decide, so they
neither help nor block. A tie is *forkastet*: a proposal needs a majority behind it, and
with as many against as for there is none (the usual rule of Danish standard by-laws,
"ved stemmelighed bortfalder forslaget"; a chair's casting vote exists only where a
group's own by-laws say so, and the room then records the vote that way). A vote where
nobody voted for or against is also forkastet: nothing carried it.

Stricter majorities (two thirds, an absolute majority of the members) belong to by-law
changes, which a referat records as the room decided them, in the decision's own words.
"""

from __future__ import annotations


def carried(votes_for: int, against: int) -> bool:
    """True when the proposal carried: more votes for than against."""
    return votes_for > against
