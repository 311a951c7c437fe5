"""The minutes (referat): a meeting rendered to Markdown through a Jinja2 template.

Templates run in Jinja2's sandbox and see plain data only (dicts, lists, strings), never
the Meeting itself: a template, ours or a user's, can read the meeting but not change it
or reach anything behind it. User text reaches the page through the filters of
``markdown_safety`` so that it cannot break the structure the template made.

Three styles ship: ``referat`` (per item the notes, decisions, votes and action items),
``beslutning`` (decisions, votes and action items only) and ``medlemmer`` (a short note for
the members that names nobody; see ``member_context``). Closed items show in the public
minutes only as treated; ``restricted=True`` gives the full, marked copy, of the first two.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from facilitator.errors import MinutesError, TemplateError
from facilitator.files.paths import shipped_folder, user_templates_dir
from facilitator.i18n import get_language, t
from facilitator.meeting.model import Meeting
from facilitator.output.markdown_safety import cell, inline, link
from facilitator.output.member_context import member_context
from facilitator.output.minutes_context import HIDDEN_ITEM_KEYS as HIDDEN_ITEM_KEYS
from facilitator.output.minutes_context import context as context
from facilitator.text.visible import without_escapes

MEMBER_NOTE = "medlemmer"
STYLES = ("referat", "beslutning", MEMBER_NOTE)
PUBLIC_ONLY = frozenset({MEMBER_NOTE})
"""Styles that have no restricted copy: the note for members goes to everyone, so asking
for it with the closed items is refused rather than quietly answered with the public one."""


# --- rendering --------------------------------------------------------------------------


def _environment(extra_folder: Path | None = None) -> Any:
    """The sandbox for a template folder given on the command line (if any), the user's
    templates and the shipped ones, in that order; kept, so templates compile once."""
    from facilitator.output import template_sandbox

    folders = ((extra_folder,) if extra_folder else ()) + (user_templates_dir(), templates_dir())
    return template_sandbox.environment(folders, (("inline", inline), ("cell", cell), ("link", link)))


def warm_up() -> None:
    """Import Jinja2 and compile the templates now, ahead of the first preview.

    The first render otherwise pays for both (most of the time before a long meeting's
    preview appeared); the app calls this on a thread once its first screen is up.
    """
    environment = _environment()
    for style in STYLES:
        environment.get_template(f"{style}.md.j2")
    # And what they import (``_parts``): Jinja compiles an imported template the first
    # time a rendering reaches the import, which was in the first preview, at some 20 ms.
    for shipped in sorted(templates_dir().glob("*.j2")):
        environment.get_template(shipped.name)


def templates_dir() -> Path:
    """The templates that ship with facilitator (``files.paths`` knows where they are)."""
    return shipped_folder("templates")


def render(
    meeting: Meeting,
    *,
    style: str = "referat",
    restricted: bool = False,
    lang: str | None = None,
    template: Path | None = None,
    stop: Callable[[], bool] | None = None,
    times: bool = False,
) -> str:
    """The minutes as Markdown (CommonMark with GFM tables), with no raw ESC or C1 in them.

    A user's template (``template``, or one in the user's folder) renders under a time
    limit; ``stop`` ends a rendering early when it returns True (the app quitting);
    ``times`` adds the appendix of the time each item took (not to the note for members,
    which has no times).
    """
    from facilitator.output import template_limits, template_sandbox

    if style not in STYLES:
        raise MinutesError(t("minutes.unknown_style", style=style, styles=", ".join(STYLES)))
    if restricted and style in PUBLIC_ONLY:
        raise MinutesError(t("minutes.member_note_public"))
    lang = lang or get_language()
    real = (
        template.resolve() if template is not None else None
    )  # the file named is used; what it includes stays in its real folder
    environment = _environment(real.parent if real else None)
    name = real.name if real else f"{style}.md.j2"

    def label(key: str, **params: object) -> str:
        return t(f"minutes.{key}", lang=lang, **params)

    data = context(meeting, restricted=restricted, lang=lang, times=times)  # outside the try: our own faults must show
    if style == MEMBER_NOTE:
        data = member_context(data)  # names and closed items cut out before any template sees them
    users = template is not None or any(user_templates_dir().glob("*.j2"))
    try:
        text = template_sandbox.render(
            environment,
            name,
            {**data, "label": label, "style": style},
            shown_as=template,
            time_limit=template_limits.TIME_LIMIT if users else None,
            stop=stop,
        )
    except TemplateError as error:
        raise MinutesError(str(error)) from None
    return _without_escapes(tidy(text))


_ESCAPES = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Control characters other than tab and newline: a search for them costs a fraction
of translating a whole document, which most documents do not need."""


def _without_escapes(text: str) -> str:
    return without_escapes(text) if _ESCAPES.search(text) else text


_FENCE = ("```", "~~~")


def tidy(markdown: str) -> str:
    """At most one blank line between blocks, outside code fences; one newline at the end.

    Templates are easier to read with generous blank lines than with whitespace control
    on every tag; this evens out what they leave. It never parses: it must cost far less
    than rendering (the benchmark holds it to a fraction of one Markdown parse).
    """
    out: list[str] = []
    fence: str | None = None
    blank = False
    for line in markdown.split("\n"):
        stripped = line.lstrip()
        if fence is None and stripped.startswith(_FENCE) and len(line) - len(stripped) < 4:
            fence = stripped[:3]
        elif fence is not None and stripped.startswith(fence):
            fence = None
        elif fence is None and not line.strip():
            if blank or not out:
                continue
            blank = True
            out.append("")
            continue
        blank = False
        out.append(line.rstrip() if fence is None else line)
    return "\n".join(out).rstrip("\n") + "\n"


def to_html(markdown: str, *, title: str, lang: str | None = None) -> str:
    """One standalone, print-friendly HTML page of the minutes."""
    from html import escape

    from facilitator.output.markdown_safety import parser

    lang = lang or get_language()
    body = parser().render(markdown)
    css = (templates_dir() / "referat.css").read_text(encoding="utf-8")
    return _without_escapes(
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>\n{css}</style>\n</head>\n<body>\n<main>\n{body}</main>\n</body>\n</html>\n"
    )
