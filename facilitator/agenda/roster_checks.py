"""The checks of who meets: the group or groups, and the participants with their organisation and vote.

Apart from the single-value checks (``field_checks``) because a joint meeting asks more of
the file: ``group`` names one group and ``groups`` several, and a participant may be a
plain name or a small table that says which organisation they come from and whether they
vote. Both forms are kept, so every agenda written before reads as it did.
"""

from __future__ import annotations

from typing import Any, Final, NamedTuple

from facilitator.agenda.field_checks import INVALID, FieldChecks, describe, quote
from facilitator.agenda.suggestions import close_match
from facilitator.agenda.toml_lines import KeyPath

PARTICIPANT_KEYS: Final = ("name", "organisation", "votes")
_PARTICIPANT_ALIASES: Final = {
    "navn": "name",
    "organization": "organisation",
    "org": "organisation",
    "forbund": "organisation",
    "klub": "organisation",
    "stemmeret": "votes",
    "stemmer": "votes",
    "vote": "votes",
}


class Roster(NamedTuple):
    """The participants as the schema read them: names, organisations and non-voters."""

    names: tuple[str, ...]
    organisations: tuple[tuple[str, str], ...]
    non_voting: tuple[str, ...]


class RosterChecks(FieldChecks):
    """``group``/``groups`` and ``participants``, each problem placed on its key's line."""

    def groups(
        self, table: dict[str, Any], at: KeyPath, where: str, group: object
    ) -> tuple[str | None, tuple[str, ...]] | object:
        """(group, groups): one group from ``group``, or the first of ``groups`` and all of
        them when a joint meeting names several. Both keys at once is a mistake: which
        one wins would be a guess."""
        named = self.text_list(table, at, where, "groups", unique=True)
        if named is INVALID or group is INVALID:
            return INVALID
        assert isinstance(named, tuple)
        if not named:
            return group, ()
        if group is not None:
            return self.report(at + ("groups",), "agenda.groups.with_group", where=where)
        for name in named:
            if "\n" in name:
                return self.report(at + ("groups",), "agenda.value.not_one_line", where=where, key="groups")
        return named[0], named if len(named) > 1 else ()

    def participants(self, table: dict[str, Any], at: KeyPath, where: str) -> Roster | object:
        """Each participant a name, or ``{ name = "…", organisation = "…", votes = false }``.

        Kept linear, as the plain list is: agendas of a hundred thousand names exist."""
        key = "participants"
        value = table.get(key, [])
        if isinstance(value, str):
            return self.report(at + (key,), "agenda.list.single_text", where=where, key=key)
        if not isinstance(value, list):
            return self.report(at + (key,), "agenda.list.not_list", where=where, key=key, value=describe(value))
        names: list[str] = []
        organisations: list[tuple[str, str]] = []
        non_voting: list[str] = []
        seen: set[str] = set()
        ok = True
        for number, entry in enumerate(value, start=1):
            person = self._participant(entry, at + (key,), where, number)
            if person is INVALID:
                ok = False
                continue
            assert isinstance(person, tuple)
            name, organisation, votes = person
            if name in seen:
                self.report(at + (key,), "agenda.list.duplicate", where=where, key=key, value=quote(name))
                ok = False
                continue
            seen.add(name)
            names.append(name)
            if organisation is not None:
                organisations.append((name, organisation))
            if not votes:
                non_voting.append(name)
        return Roster(tuple(names), tuple(organisations), tuple(non_voting)) if ok else INVALID

    def _participant(self, entry: object, at: KeyPath, where: str, number: int) -> tuple[str, str | None, bool] | object:
        if isinstance(entry, str):
            if not entry.strip():
                return self.report(at, "agenda.list.entry_blank", where=where, key="participants", number=number)
            return entry.strip(), None, True
        if not isinstance(entry, dict):
            return self.report(at, "agenda.participant.not_name", where=where, number=number, value=describe(entry))
        for key in entry:
            if key not in PARTICIPANT_KEYS:
                meant = _PARTICIPANT_ALIASES.get(key.strip().lower()) or close_match(key.strip().lower(), PARTICIPANT_KEYS, 0.6)
                if meant:
                    return self.report(
                        at, "agenda.participant.key_suggest", where=where, number=number, key=key, suggestion=meant
                    )
                return self.report(at, "agenda.participant.key_unknown", where=where, number=number, key=key)
        name = entry.get("name")
        if name is None:
            return self.report(at, "agenda.participant.no_name", where=where, number=number)
        if not isinstance(name, str) or not name.strip() or "\n" in name.strip():
            return self.report(at, "agenda.participant.bad_name", where=where, number=number, value=describe(name))
        organisation = entry.get("organisation")
        if organisation is not None and (not isinstance(organisation, str) or "\n" in organisation.strip()):
            return self.report(
                at, "agenda.participant.bad_organisation", where=where, name=quote(name.strip()), value=describe(organisation)
            )
        votes = entry.get("votes", True)
        if not isinstance(votes, bool):
            return self.report(at, "agenda.participant.bad_votes", where=where, name=quote(name.strip()), value=describe(votes))
        return name.strip(), (organisation.strip() or None) if isinstance(organisation, str) else None, votes
