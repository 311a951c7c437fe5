"""The two languages the product speaks, and the one switch that picks between them.

Danish is the default because the people in the room speak it; English is there for
guests and for readers of the code. Every string a person sees is looked up here by key,
so the two catalogues can be checked against each other by a test.
"""

from __future__ import annotations

import os
from importlib import import_module
from typing import Final

from facilitator.text.visible import one_line

LANGUAGES: Final = ("da", "en")
DEFAULT_LANGUAGE: Final = "da"
ENV_VAR: Final = "FACILITATOR_LANG"

_language: str = DEFAULT_LANGUAGE
_catalogues: dict[str, dict[str, str]] = {}


def catalogue(lang: str) -> dict[str, str]:
    """Load a catalogue on first use: only the language in use is ever imported."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    if lang not in _catalogues:
        _catalogues[lang] = import_module(f"facilitator.i18n.messages_{lang}").MESSAGES
    return _catalogues[lang]


def resolve_language(requested: str | None = None) -> str:
    """The language from the command line, else the environment, else Danish."""
    for candidate in (requested, os.environ.get(ENV_VAR)):
        if candidate:
            lang = candidate.strip().lower()[:2]
            if lang in LANGUAGES:
                return lang
    return DEFAULT_LANGUAGE


def set_language(lang: str) -> None:
    catalogue(lang)  # fail early on an unknown language
    global _language
    _language = lang


def get_language() -> str:
    return _language


def t(key: str, /, lang: str | None = None, **params: object) -> str:
    """The text for ``key`` in the current language, with ``params`` filled in.

    Every value filled in is data (a title, a name, a path, a reason): it goes in as one
    line, its control characters shown as signs (``visible_text``), so no value can add a
    line to a message or send an escape sequence to the terminal that shows it.
    """
    text = catalogue(lang or _language)[key]
    if not params:
        return text
    return text.format(**{name: value if isinstance(value, (int, float)) else one_line(value) for name, value in params.items()})


def join_or(words: list[str], lang: str | None = None) -> str:
    """'a, b or c' / 'a, b eller c': lists of valid choices read as a sentence."""
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {t('word.or', lang=lang)} {words[-1]}"
