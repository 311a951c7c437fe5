"""The two languages the product speaks, and the one switch that picks between them.

Danish is the default because the people in the room speak it; English is there for
guests and for readers of the code. Every string a person sees is looked up here by key,
so the two catalogues can be checked against each other by a test.

The catalogues are gettext files, the format translators and their tools know:
``locale/<lang>/LC_MESSAGES/facilitator.po``, with the key as ``msgid`` and the text, its
``{name}`` placeholders filled by ``t``, as ``msgstr``. A text that depends on a number has
plural forms, chosen by the catalogue's own ``Plural-Forms`` rule through ``t_count``.

The program reads the compiled ``facilitator.mo`` beside each ``.po`` with the standard
library's ``gettext.GNUTranslations`` (a fraction of a millisecond at start; Babel is a
tool for people and tests, never imported here). A key missing from the catalogue is an
error, not a text: gettext would quietly show the key itself, so the fallback behind each
catalogue refuses it. The ``.mo`` files are committed with their ``.po``, so a source
checkout and a wheel read the same file, and nothing is compiled at build time or written
at run time. After editing a ``.po``, compile both:
``pybabel compile -d facilitator/i18n/locale -D facilitator``.
``tests/i18n/test_catalogues.py`` fails when a ``.mo`` says anything its ``.po`` does not,
when a key the code uses is missing from either language or one in the catalogue is unused,
when a key is built at run time, and when the languages' placeholders differ.

Python's argparse has words of its own ("usage:", "options", "the following arguments are
required") that it looks up through gettext. A second domain, ``argparse``, holds them in
Danish (``locale/da/LC_MESSAGES/argparse.po``), keyed by argparse's own English text;
``argparse_gettext`` and ``argparse_ngettext`` give them in the current language, and the
command line routes argparse's lookups through them. English needs no catalogue: its text
is the msgid. argparse asks for its group titles as it builds a parser, so the Danish
``.mo`` (a few kilobytes) is read once per process, on first use, with nothing imported;
it replaces gettext's search of the system's locale folders, which argparse ran for every
word, so building the parser got faster, not slower.

May import: ``text`` only (every wing above uses ``t``).
"""

from __future__ import annotations

import os
from gettext import GNUTranslations, NullTranslations
from typing import Final

from facilitator.text.visible import one_line

LANGUAGES: Final = ("da", "en")
DEFAULT_LANGUAGE: Final = "da"
ENV_VAR: Final = "FACILITATOR_LANG"
DOMAIN: Final = "facilitator"
ARGPARSE_DOMAIN: Final = "argparse"
LOCALE_DIR: Final = os.path.join(os.path.dirname(__file__), "locale")

_language: str = DEFAULT_LANGUAGE
_catalogues: dict[str, GNUTranslations] = {}
_argparse_catalogue: NullTranslations | None = None


class _Refuse(NullTranslations):
    """What stands behind a catalogue: a key it lacks is a KeyError naming the key."""

    def gettext(self, message: str) -> str:
        raise KeyError(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        raise KeyError(msgid1)


def catalogue_path(lang: str, suffix: str = ".mo", domain: str = DOMAIN) -> str:
    return os.path.join(LOCALE_DIR, lang, "LC_MESSAGES", domain + suffix)


def catalogue(lang: str) -> GNUTranslations:
    """Load a catalogue on first use: only the language in use is ever read."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    if lang not in _catalogues:
        with open(catalogue_path(lang), "rb") as file:
            translations = GNUTranslations(file)
        translations.add_fallback(_Refuse())
        _catalogues[lang] = translations
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
    line, its control characters shown as signs (``text.visible``), so no value can add a
    line to a message or send an escape sequence to the terminal that shows it.
    """
    return _filled(catalogue(lang or _language).gettext(key), params)


def t_count(key: str, count: int, /, lang: str | None = None, **params: object) -> str:
    """The text for ``key`` in the plural form the language uses for ``count`` ("1 item",
    "2 items"), with ``{count}`` and ``params`` filled in as ``t`` fills them."""
    return _filled(catalogue(lang or _language).ngettext(key, key, count), {"count": count, **params})


def _filled(text: str, params: dict[str, object]) -> str:
    if not params:
        return text
    return text.format(**{name: value if isinstance(value, (int, float)) else one_line(value) for name, value in params.items()})


def join_or(words: list[str], lang: str | None = None) -> str:
    """'a, b or c' / 'a, b eller c': lists of valid choices read as a sentence."""
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {t('word.or', lang=lang)} {words[-1]}"


def argparse_gettext(message: str) -> str:
    """argparse's word ``message`` (its English text) in the current language."""
    return message if _language == "en" else _argparse_danish().gettext(message)


def argparse_ngettext(singular: str, plural: str, count: int) -> str:
    """argparse's word for ``count`` things ("expected 2 arguments") in the current language."""
    if _language == "en":
        return singular if count == 1 else plural
    return _argparse_danish().ngettext(singular, plural, count)


def _argparse_danish() -> NullTranslations:
    """The Danish argparse catalogue, read on first use. A word it lacks (one a newer Python
    adds) shows in English rather than failing: argparse's words are not keys the code
    chooses, and a help text with one English word is better than no help."""
    global _argparse_catalogue
    if _argparse_catalogue is None:
        with open(catalogue_path("da", domain=ARGPARSE_DOMAIN), "rb") as file:
            _argparse_catalogue = GNUTranslations(file)
    return _argparse_catalogue
