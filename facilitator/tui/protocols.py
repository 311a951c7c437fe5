"""What the app may ask of a screen, whichever screen is showing.

The app deals with screens it does not import (most are imported only when first shown,
docs/performance.md), so it asks by promise, not by class: a screen that offers commands
to the palette, one that holds text typed but not yet saved, one that keeps the notes.
Each is a small Protocol a screen meets by having the named members; the app checks with
``isinstance`` and then calls them as typed methods.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Protocol, runtime_checkable

from facilitator.tui.commands import Command

if TYPE_CHECKING:
    from facilitator.tui.screens.start import Choice


@runtime_checkable
class OffersCommands(Protocol):
    """A screen whose actions the command palette lists (and the help screen names)."""

    COMMANDS_TABLE: ClassVar[tuple[Command, ...]]


@runtime_checkable
class HoldsTyping(Protocol):
    """A dialog that may hold text typed but not yet given to the core: quitting from it
    warns once, and a second quit goes anyway."""

    quit_warned: bool

    def has_typed(self) -> bool: ...


@runtime_checkable
class KeepsNotes(Protocol):
    """A screen with a notes editor: before the session closes, what is in the editor is
    given to the item it was typed on."""

    def save_notes_now(self) -> None: ...


@runtime_checkable
class OpensChoices(Protocol):
    """The app as the start screen asks it: open what was chosen, now (in the turn of the
    key that chose it, so that the keys typed after it reach what it opened)."""

    def open_choice(self, choice: Choice) -> None: ...
