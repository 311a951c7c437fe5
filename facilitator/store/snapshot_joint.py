"""The snapshot check of a joint meeting's header: its groups, and its participants'
organisations and voting rights.

Apart from the walk over the whole snapshot (``snapshot_check``) so that each stays small.
The keys are written only when a meeting has something to say in them (a meeting of one
group stays readable by the versions before joint meetings), and they must agree with
the rest of the header: ``groups`` begins with ``group``, and the people named are
participants. A hand-edited file that breaks that is refused with one line.
"""

from __future__ import annotations

from typing import Any, Final

from facilitator.store.snapshot_values import ValueChecks, shown

JOINT_INFO_KEYS: Final = ("groups", "organisations", "non_voting")


class JointChecks(ValueChecks):
    def joint_info(self, info: dict[str, Any]) -> None:
        groups = self.list_(info.get("groups", []), "info.groups")
        if groups:
            seen: set[str] = set()
            for number, name in enumerate(groups):
                self.text(name, f"info.groups[{number}]", blank=False)
                self.unique(seen, name, f"info.groups[{number}]")
            if len(groups) < 2 or groups[0] != info.get("group"):
                raise self.fail("snapshot.groups")
        participants = set(info.get("participants", []))
        named: set[str] = set()
        for number, pair in enumerate(self.list_(info.get("organisations", []), "info.organisations")):
            where = f"info.organisations[{number}]"
            if not isinstance(pair, list) or len(pair) != 2:
                raise self.fail("snapshot.not_membership", where=where)
            self.text(pair[1], f"{where}[1]", blank=False)
            self.participant(pair[0], f"{where}[0]", participants, named)
        named.clear()
        for number, name in enumerate(self.list_(info.get("non_voting", []), "info.non_voting")):
            self.participant(name, f"info.non_voting[{number}]", participants, named)

    def participant(self, name: object, where: str, participants: set[str], seen: set[str]) -> None:
        self.text(name, where, blank=False)
        if name not in participants:
            raise self.fail("snapshot.not_participant", where=where, value=shown(name))
        self.unique(seen, name, where)
