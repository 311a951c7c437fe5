"""The one way text reaches the screen: as literal Textual ``Content``, controls made visible.

Textual reads a ``str`` given to a widget as content markup: Static, Label, an
OptionList's options, a SelectionList's selections, a Checkbox's label, a Collapsible's
title, a DataTable's cells (Rich markup) and a notification all do. A title such as
``Møde [/] slut`` then raises while the screen is drawn, ``[udkast]`` vanishes and
``[link=…]`` becomes a link. And text given as it is sends its control characters to the
terminal: Textual strips a bell and a carriage return but lets ESC and C1 through, so an
agenda title could retitle the terminal or write the clipboard.

So every text the app shows, from a person, an agenda, the archive, the config, a path
or an error message that quotes one of them, is made here: ``Content`` (never parsed)
from :mod:`facilitator.text.visible` (every control character shown as its sign). The
app's own words go the same way, because a message from the catalogue carries values
(a path, a title) and names like ``[meeting]`` that must show as written. Nothing else
in ``facilitator/tui`` builds ``Content`` or ``Text`` or hands a widget a ``str``; a test
(tests/tui/test_literal_boundary.py) reads the package's source to keep it so.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.content import Content
from textual.markup import escape

from facilitator.text.visible import one_line, visible

LINE_MAX = 2_000
"""One-line places show at most this many characters, then "…". A title or a name of
100,000 characters would otherwise be wrapped again at every redraw (the agenda's current
item and the speakers panel redraw every second), and the app would stop answering. The
text itself is kept whole: the notes, the preview and the minutes show all of it."""

Part = Content | str | tuple[str, str]
"""A piece of a line: content made here, or text (with a style) to be made literal."""


def shown(text: object) -> str:
    """The characters :func:`line` shows for ``text``: what a widget that measures lines
    without building them (the agenda list) must count."""
    value = one_line(text)
    return value[:LINE_MAX] + "…" if len(value) > LINE_MAX else value


def line(text: object, style: str = "") -> Content:
    """One line: a title, a name, a path, an option. Line breaks show as signs (␊, ␤),
    so a value can never add a line where the layout has one."""
    value = shown(text)
    return Content.styled(value, style) if style else Content(value)


def block(text: object, style: str = "") -> Content:
    """Several lines: a purpose, a message. Newlines and tabs stay, other controls show."""
    shown = visible(str(text))
    return Content.styled(shown, style) if style else Content(shown)


def assemble(*parts: Part) -> Content:
    """One line from pieces, each text piece made literal (with its style, if given)."""
    made: list[Content] = []
    for part in parts:
        if isinstance(part, Content):
            made.append(part)
        elif isinstance(part, tuple):
            made.append(line(*part))
        else:
            made.append(line(part))
    return Content("").join(made)


def join(separator: str, parts: Iterable[Content]) -> Content:
    """Content made here, joined by one of the layout's own separators (``"\\n"``, ``" · "``)."""
    return Content(separator).join(parts)


EMPTY = Content("")


def markup_line(text: object) -> str:
    """One line for the one place that takes only markup: the command palette's help line
    (Textual parses it). Its brackets are escaped, so a key from the settings file is shown
    as written."""
    return escape(one_line(text))


def rich_line(text: object) -> Text:
    """One line for the widgets that still take Rich text (a DataTable's cells)."""
    return Text(one_line(text), end="")
