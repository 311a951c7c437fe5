"""One-line strings handed to tomllib as literal strings read exactly as the file says
(agenda/plain_strings.py): the same document, or the same error at the same place."""

from __future__ import annotations

import sys

from hypothesis import example, given, settings
from hypothesis import strategies as st

from facilitator.agenda.plain_strings import as_literal_strings

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

TRIPLE_QUOTE, TRIPLE_APOSTROPHE = '"' * 3, "'" * 3
PIECES = [
    '"',
    "'",
    TRIPLE_QUOTE,
    TRIPLE_APOSTROPHE,
    "#",
    "\\",
    "\\n",
    "a",
    "ø",
    " ",
    "=",
    "k = ",
    "[",
    "]",
    ",",
    "{",
    "}",
    ".",
    "\t",
    "\x01",
    "1",
]
LINE = st.lists(st.sampled_from(PIECES), max_size=10).map("".join)
LINES = st.lists(st.one_of(LINE, LINE.map(lambda value: f"k = {value}"), LINE.map(lambda text: f'k = "{text}"')), max_size=8)


def read(text: str) -> object:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        return ("error", str(error))


@settings(max_examples=300, deadline=None)
@given(LINES)
@example(["k = 'a", 'k = "b"'])  # tomllib looks for the end of a string left open on the lines after
@example([f"k = {TRIPLE_QUOTE}a{TRIPLE_QUOTE}'b", 'k = "b"'])
@example([f"k = {TRIPLE_QUOTE}a", f"b{TRIPLE_APOSTROPHE}", 'k = "b"'])
def test_the_document_reads_the_same_whatever_the_lines_hold(lines: list[str]) -> None:
    assert read(as_literal_strings(lines)) == read("\n".join(lines))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(["", "[[item]]", "[meeting]", *PIECES]), max_size=6), LINES)
def test_keys_and_values_read_the_same(values: list[str], more: list[str]) -> None:
    lines = [f'title = "{value}"' for value in values] + [f"k{n} = [{line}]" for n, line in enumerate(more)]
    assert read(as_literal_strings(lines)) == read("\n".join(lines))


def test_plain_strings_are_written_as_literal_ones() -> None:
    lines = ['title = "Møde"', 'prompts = ["Hvad?", "Hvem?"]', 'purpose = "It\'s"', 'x = "a" # "b"']
    assert as_literal_strings(lines).splitlines() == ["title = 'Møde'", "prompts = ['Hvad?', 'Hvem?']", *lines[2:]]
    multiline = ["a = " + TRIPLE_QUOTE, 'b = "x"', TRIPLE_QUOTE, 'c = "y"']
    assert as_literal_strings(multiline).splitlines() == [*multiline[:3], "c = 'y'"]
