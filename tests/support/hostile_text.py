"""Hostile strings: one corpus for every test of the places where text is shown or stored.

Text from a person, an agenda, the archive, the config or the file system is data. Each
string here is something such text can hold that a program could take for an instruction:
Textual/Rich markup (balanced, unbalanced, links, click actions), terminal escape
sequences (OSC, CSI, OSC 52, C1), line breaks that could forge a line of output, NUL,
direction controls, Jinja syntax, Markdown and HTML, and one 100,000-character string.

A test that sweeps a boundary takes every entry (``HOSTILE``), not the ones an issue
happened to list. ``SHORT`` leaves out the long one for the sweeps that would be slow.
"""

from __future__ import annotations

ESC = "\x1b"
RAW_CONTROLS = frozenset(chr(c) for c in [*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F, *range(0x80, 0xA0)])
"""What must never reach a terminal as it is (tab and newline are a layout's own)."""

HOSTILE: dict[str, str] = {
    "markup_unbalanced_close": "Møde [/] slut",
    "markup_strike_close": "Ring til HR [/s] i morgen",
    "markup_valid": "[bold red]alarm[/bold red] og [udkast]",
    "markup_checkbox": "[x] gjort [ ] ikke gjort",
    "markup_link": "[link=https://example.invalid]klik[/link]",
    "markup_click": "[@click=app.quit]luk[/] og [@click=screen.dismiss]væk[/]",
    "markup_variable": "[$accent]farve[/] $text-muted",
    "markup_backslash": "sti C:\\[mappe]\\ og \\[escaped]",
    "osc_title": f"Titel {ESC}]0;overtaget\x07 slut",
    "osc_52_clipboard": f"Kopi {ESC}]52;c;ZWNobyBwd25lZA==\x07 slut",
    "osc_8_link": f"{ESC}]8;;https://example.invalid{ESC}\\link{ESC}]8;;{ESC}\\",
    "csi_clear": f"Ryd {ESC}[2J{ESC}[H skærm",
    "csi_colour": f"{ESC}[31mrød{ESC}[0m tekst",
    "c1_csi": "C1 \x9b2J og \x9d0;titel\x9c",
    "bell_backspace": "klokke\x07 og slet\x08\x08\x08",
    "carriage_return": "synlig\rOVERSKREVET",
    "newline_forge": "rigtig titel\nOK: falsk linje",
    "crlf": "linje et\r\nlinje to",
    "nul": "før\x00efter",
    "form_feed_vt": "side\x0cskift\x0blodret",
    "line_separators": "linje\u2028separator\u2029afsnit\x85nel",
    "bidi_override": "før \u202eomvendt tekst efter",
    "bidi_isolate_open": "\u2067åben isolering",
    "jinja": "{{ 7*7 }} {% for x in range(9) %}x{% endfor %} {# kommentar #}",
    "markdown_html": "# Overskrift\n<script>alert(1)</script> | a | b |\n```\nkode",
    "percent_braces": "100 % {name} {0} %(x)s",
    "long": ("Lang tekst [b]fed[/b] " + ESC + "[2J ") * 4_000,
}
"""Name -> string. No entry is empty or only white space (the core strips that)."""

assert len(HOSTILE["long"]) >= 100_000

SHORT: dict[str, str] = {name: text for name, text in HOSTILE.items() if name != "long"}


def raw_controls(text: str) -> set[str]:
    """The control characters in ``text`` that must not reach a terminal."""
    return {ch for ch in text if ch in RAW_CONTROLS}
