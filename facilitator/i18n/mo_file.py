"""A compiled gettext catalogue (``.mo``) read into plain dicts.

The standard library's ``gettext.GNUTranslations`` reads the same files, but it looks at
each entry in a Python loop (header checks, two decodes, a plural test), which takes twice
as long as reading the file here. On startup every millisecond is counted
(docs/performance.md), so the file's tables are read as a ``memoryview`` of integers (no
``struct`` to import) and the texts in one dict comprehension. The plural rule is compiled
by ``gettext.c2py``, the compiler ``GNUTranslations`` uses, so the rule means what it means
to every gettext tool. ``tests/test_i18n_catalogues.py`` checks that this reader and
``GNUTranslations`` agree on every entry. The catalogues are UTF-8, as their headers say.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

_MAGIC = 0x950412DE
"""The first word of a .mo file, in the byte order of the machine that wrote it."""


class Catalogue:
    __slots__ = ("_plural", "plurals", "texts")

    def __init__(self, texts: dict[str, str], plurals: dict[str, tuple[str, ...]]) -> None:
        self.texts = texts
        """key -> text, for the messages without plural forms (and "" -> the header)."""
        self.plurals = plurals
        """key -> the text's plural forms, in the order the plural rule numbers them."""
        self._plural: Callable[[int], int] | None = None

    def plural(self, count: int) -> int:
        """The number of the form to use for ``count``, by the header's ``Plural-Forms``
        (compiled on first use: most runs of the program never count anything)."""
        if self._plural is None:
            self._plural = _plural_rule(self.texts.get("", ""))
        return self._plural(count)


def read_catalogue(path: str) -> Catalogue:
    with open(path, "rb") as file:
        data = file.read()
    words = _words(data)
    count, ids_at, texts_at = words[2], words[3] // 4, words[4] // 4
    ids = words[ids_at : ids_at + 2 * count]  # (length, offset) pairs
    strings = words[texts_at : texts_at + 2 * count]
    entries = {
        data[offset : offset + length].decode(): data[at : at + size].decode()
        for length, offset, size, at in zip(ids[::2], ids[1::2], strings[::2], strings[1::2])
    }
    plural_keys = [key for key in entries if "\x00" in key]  # "key\x00key": msgid and msgid_plural
    plurals = {key.partition("\x00")[0]: tuple(entries.pop(key).split("\x00")) for key in plural_keys}
    return Catalogue(entries, plurals)


def _words(data: bytes) -> memoryview | list[int]:
    """The file as 32-bit unsigned words (its tables are word-aligned)."""
    usable = memoryview(data)[: len(data) // 4 * 4].cast("I")
    if usable[0] == _MAGIC:
        return usable
    from array import array  # written on a machine of the other byte order: a rare path

    swapped = array("I", usable.tobytes())
    swapped.byteswap()
    if swapped[0] != _MAGIC:
        raise ValueError("not a gettext .mo file")
    return swapped.tolist()


def _plural_rule(header: str) -> Callable[[int], int]:
    """The header's ``Plural-Forms: nplurals=2; plural=(n != 1);`` as a function of n."""
    from gettext import c2py  # imported by argparse already; the catalogue's own rule, as gettext reads it

    for line in header.splitlines():
        name, _, value = line.partition(":")
        if name.strip().lower() == "plural-forms":
            return c2py(value.split("plural=", 1)[1].strip().rstrip(";"))
    return lambda n: int(n != 1)  # gettext's own default, for a catalogue without the header
