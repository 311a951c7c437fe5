"""What an English word in the Danish UI looks like, to find one where it leaked through.

Two sources of English can reach a Danish user: the words of the libraries under the app
(Textual's notices, its palette and its bindings; argparse's help) and our own English
catalogue, when a text is looked up in the wrong language or not looked up at all. The
first are listed here as phrases, as the libraries write them; the second are the words
of the English catalogue that the Danish one never uses (so "status" or "minutes" spoken
in both does not count, and a Danish word cannot be taken for English).
"""

from __future__ import annotations

import re
from functools import cache

from babel.messages.pofile import read_po

from facilitator import i18n

LIBRARY_PHRASES: tuple[str, ...] = (
    # Textual's: the ctrl+c notice, the palette, the bindings a footer may show.
    "Do you want to quit",
    "to quit the app",
    "No matches found",
    "Search for commands",
    "Search for themes",
    "palette",
    "Open the command palette",
    "Exit the command palette",
    "Dismiss menu",
    "Show menu",
    "Select",
    "Toggle",
    "Quit",
    "Focus Next",
    "Focus Previous",
    "Copy selected text",
    "Press button",
    "Must be a valid",
    "Value is not",
    # argparse's single words; its phrases come from its Danish catalogue (argparse_words).
    "usage",
    "options",
    "subcommands",
)
"""English the libraries write themselves (matched as whole words, ignoring case)."""

NOT_ENGLISH_ONLY: frozenset[str] = frozenset(
    {
        "facilitator",  # the program's name
        "markdown",  # names of formats and tools, the same in both languages
        "html",
        "toml",
        "jinja",
        "sqlite",
        "rescue",  # a rescue file's name as written on disk: ARKIV.rescue-ID-TID.json
    }
)
"""Words of the English catalogue that are names, not English."""

_WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W\d_]|[^\W\d_]")


def words(text: str) -> set[str]:
    return {word.lower() for word in _WORD.findall(text)}


def _catalogue_words(path: str) -> set[str]:
    with open(path, "rb") as file:
        catalogue = read_po(file)
    found: set[str] = set()
    for message in catalogue:
        if not message.id:
            continue
        texts = message.string if isinstance(message.string, (tuple, list)) else (message.string,)
        for text in texts:
            found |= words(re.sub(r"\{\w+\}", " ", text or ""))
    return found


@cache
def english_only_words() -> frozenset[str]:
    """Words of four letters or more that the English catalogue uses and the Danish never does."""
    english = _catalogue_words(i18n.catalogue_path("en", ".po"))
    danish = _catalogue_words(i18n.catalogue_path("da", ".po"))
    return frozenset(word for word in english - danish - NOT_ENGLISH_ONLY if len(word) >= 4)


@cache
def argparse_words() -> tuple[str, ...]:
    """argparse's own English, as its Danish catalogue lists it (the msgids), placeholders cut out."""
    with open(i18n.catalogue_path("da", ".po", i18n.ARGPARSE_DOMAIN), "rb") as file:
        catalogue = read_po(file)
    phrases = []
    for message in catalogue:
        ids = message.id if isinstance(message.id, (tuple, list)) else (message.id,)
        for text in ids:
            for piece in re.split(r"%\(\w+\)[sdr]|%[sdr]|[:\n]", text or ""):
                if " " in piece.strip():  # one word alone may be Danish too ("argument")
                    phrases.append(piece.strip())
    return tuple(phrases)


def leaks(text: str) -> list[str]:
    """The English in a text meant to be Danish: library phrases, argparse's words and the
    English catalogue's own words, each named once."""
    found = [
        phrase
        for phrase in (*LIBRARY_PHRASES, *argparse_words())
        if re.search(rf"(?<![\w]){re.escape(phrase)}(?![\w])", text, flags=re.IGNORECASE)
    ]
    found += sorted(words(text) & english_only_words())
    return found
