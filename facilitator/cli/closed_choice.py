"""``share --closed-items GROUP`` and ``--no-closed-items GROUP``: a group's closed items on the server, or not.

Sending closed items anywhere is a choice a person makes in words, not with a flag: the
command shows the sentence that says what happens ("Lukkede punkter fra Klubben sendes til
det begrænsede arkiv") and asks for it typed back; a script gives it with ``--confirm``.
Anything else changes nothing. Case, spacing and a final full stop do not count; the words do.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from facilitator.cli.console import EXIT_OK
from facilitator.errors import FacilitatorError
from facilitator.i18n import t

if TYPE_CHECKING:
    from facilitator.store.archive import Archive


def sentence(group: str) -> str:
    """The sentence that chooses to send ``group``'s closed items, in the UI's language."""
    return t("share.closed.sentence", group=group)


def said(typed: str, group: str) -> bool:
    def words(text: str) -> str:
        return " ".join(text.split()).rstrip(".").casefold()

    return words(typed) == words(sentence(group))


def _typed_back(group: str) -> str:
    print(t("share.closed.ask", sentence=sentence(group)))
    sys.stdout.flush()
    try:
        return input("> ")
    except EOFError:
        return ""


def choose(archive: Archive, args: argparse.Namespace) -> int:
    """Apply ``--closed-items`` or ``--no-closed-items`` to the open archive."""
    if args.no_closed_items is not None:
        group = _group(args.no_closed_items)
        if archive.take_back_closed_items(group):
            print(t("share.closed.taken_back", group=group))
        else:
            print(t("share.closed.not_chosen", group=group))
        return EXIT_OK
    group = _group(args.closed_items)
    typed = args.confirm if args.confirm is not None else _typed_back(group)
    if not said(typed, group):
        raise FacilitatorError(t("share.closed.not_said", group=group, sentence=sentence(group)))
    archive.choose_closed_items(group, sentence(group))
    print(t("share.closed.chosen", group=group))
    return EXIT_OK


def show(archive: Archive) -> None:
    """The choices, a line each, under ``share``'s line (nothing when there are none)."""
    choices = archive.closed_choices()
    for group in sorted(choices.chosen):
        print(t("share.closed.shown", group=group))
    for group in sorted(choices.taken_back):
        print(t("share.closed.pending", group=group))


def _group(text: str) -> str:
    if not text.strip():
        raise FacilitatorError(t("share.closed.no_group"))
    return text
