"""The words Textual puts on the screen itself, in the language in use.

Textual gives some of its bindings words of its own, in English: the footer's palette key
("palette", with the tooltip "Open the command palette") and the open list of a Select
("Dismiss menu"); and it names one key in English, "space". The footer shows a binding's description as it finds it, so the footer
asks here (through ``commands.spoken``) for each description that is not one of our
message keys. A Textual that rewords one of these fails tests/tui/test_textual_internals.py,
which checks that Textual still says each word listed here.
"""

from __future__ import annotations

import re

from facilitator.i18n import t


def textual_words() -> dict[str, str]:
    """Textual's English -> ours, in the language in use (looked up at each call)."""
    return {
        "palette": t("textual.palette"),
        "Open the command palette": t("textual.palette.help"),
        "Dismiss menu": t("textual.dismiss_menu"),
    }


def in_language(text: str) -> str:
    """One of Textual's own descriptions in the language in use; any other text as it is."""
    return textual_words().get(text, text)


_SPACE = re.compile(r"(?<![\w])space(?![\w])")


_ARROWS = {"up": "↑", "down": "↓", "left": "←", "right": "→"}
_ARROW = re.compile(r"(?<![\w])(up|down|left|right)(?![\w])")


def key_display(display: str) -> str:
    """A key as Textual shows it (``space``, ``alt+space``), with its English name in the
    language in use: Textual names the other keys with signs (``^n``, ``esc``, ``⏎``), and
    so do we where a key is written out (the palette's ``alt+↓``)."""
    return _ARROW.sub(lambda arrow: _ARROWS[arrow.group(1)], _SPACE.sub(t("textual.key.space"), display))
