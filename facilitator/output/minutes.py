"""The minutes (referat): a meeting rendered to Markdown through a Jinja2 template.

Templates run in Jinja2's sandbox and see plain data only (dicts, lists, strings), never
the Meeting itself: a template, ours or a user's, can read the meeting but not change it
or reach anything behind it. User text reaches the page through the filters of
``markdown_safety`` so that it cannot break the structure the template made.

Two styles ship: ``referat`` (per item the notes, decisions, votes and action items) and
``beslutning`` (decisions, votes and action items only). Closed items show in the public
minutes only as treated; ``restricted=True`` gives the full, marked copy.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from facilitator.agenda.model import ItemType
from facilitator.errors import MinutesError, TemplateError
from facilitator.files.paths import shipped_folder, user_templates_dir
from facilitator.i18n import get_language, t
from facilitator.meeting.labels import item_type_in_minutes, principle_words
from facilitator.meeting.model import Meeting
from facilitator.meeting.records import ItemState, Presence
from facilitator.meeting.standard_items import is_standard
from facilitator.output.markdown_safety import cell, demote_block, inline
from facilitator.text.visible import without_escapes

STYLES = ("referat", "beslutning")
ITEM_HEADING_LEVEL = 2
"""Items are ``##`` headings; headings inside notes start one level below."""


def _clock(value: dt.datetime | None) -> str:
    return value.strftime("%H:%M") if value else ""


def long_date(day: dt.date, lang: str) -> str:
    """'tirsdag den 1. december 2026': how a Danish referat writes its date."""
    return t(
        "minutes.long_date",
        lang=lang,
        day=day.day,
        year=day.year,
        weekday=t("minutes.weekdays", lang=lang).split()[day.weekday()],
        month=t("minutes.months", lang=lang).split()[day.month - 1],
    )


def _minutes(seconds: float) -> int:
    return int(math.floor(seconds / 60 + 0.5))


HIDDEN_ITEM_KEYS = frozenset(
    (
        "number",
        "title",
        "type",
        "is_decision",
        "confidential",
        "hidden",
        "planned",
        "used",
        "reached",
        "added",
        "carry_on",
        "skipped",
    )
)
"""All a public template learns of a closed item: that it was on the agenda and treated.
Its title is the words "closed item"; nothing derived from its text (not even whether it
is a standard item) is given, so a user's template cannot print what it must not."""


def _item_view(meeting: Meeting, number: int, state: ItemState, lang: str, restricted: bool) -> dict[str, Any]:
    item = state.item
    now = meeting.ended_at or meeting.clock()
    hidden = item.confidential and not restricted
    view: dict[str, Any] = {
        "number": number,
        "title": t("minutes.closed_item", lang=lang) if hidden else item.title,
        "type": item_type_in_minutes(item.type, lang=lang),
        "is_decision": item.type is ItemType.BESLUTNING,
        "confidential": item.confidential,
        "hidden": hidden,
        "planned": item.minutes,
        "used": _minutes(state.seconds_used(now)) if state.visited else None,
        "reached": state.visited,
        "added": state.added,
        "carry_on": state.carry_on,
        "skipped": state.skipped,
    }
    if hidden:
        return {key: value for key, value in view.items() if key in HIDDEN_ITEM_KEYS}
    view.update(
        standard=is_standard(item.title),
        purpose=item.purpose,
        presenter=item.presenter,
        prompts=[p for i, p in enumerate(item.prompts) if i in state.discussed],
        options=[o for i, o in enumerate(item.options) if i in state.chosen],
        notes=demote_block(state.notes, ITEM_HEADING_LEVEL),
        decisions=[
            {"text": d.text, "principles": [principle_words(p, lang=lang) for p in d.principles]} for d in state.decisions
        ],
        votes=[
            {"subject": v.subject, "for": v.votes_for, "against": v.against, "abstain": v.abstain, "present": v.present}
            for v in state.votes
        ],
        actions=[
            {"what": a.what, "who": a.who, "deadline": a.deadline.isoformat() if a.deadline else "", "done": a.done}
            for a in state.actions
        ],
        speakers=[
            {"name": name, "seconds": round(seconds)} for name, seconds in meeting.speaking_seconds(number - 1).items()
        ],  # who spoke on the item and for how long, most first: for a template that shows it
    )
    return view


def context(meeting: Meeting, *, restricted: bool = False, lang: str | None = None) -> dict[str, Any]:
    """Everything a template may show, as plain data."""
    lang = lang or get_language()
    info = meeting.info
    attendees = list(meeting.attendees.values())
    items = [_item_view(meeting, n, s, lang, restricted) for n, s in enumerate(meeting.items, start=1)]
    carried_index = meeting.carried_item()
    start = meeting.started_at
    date = info.date or (start.date() if start else None)
    next_item = next((v for v in items if v["title"].casefold().startswith("næste møde") and not v["hidden"]), None)
    return {
        "lang": lang,
        "restricted": restricted,
        "title": info.title,
        "kind": info.kind.value,
        "group": info.group,
        "purpose": info.purpose,
        "date": long_date(date, lang) if date else "",
        "iso_date": date.isoformat() if date else "",
        "start": _clock(start) or (info.start.strftime("%H:%M") if info.start else ""),
        "end": _clock(meeting.ended_at),
        "location": info.location,
        "chair": meeting.chair,
        "secretary": meeting.secretary,
        "present": [a.name for a in attendees if a.presence is Presence.PRESENT],
        "absent": [a.name for a in attendees if a.presence is Presence.ABSENT],
        "apologies": [a.name for a in attendees if a.presence is Presence.APOLOGIES],
        "arrivals": [{"name": a.name, "time": _clock(a.arrived)} for a in attendees if a.arrived],
        "departures": [{"name": a.name, "time": _clock(a.left)} for a in attendees if a.left],
        "items": items,
        "carried": [
            {
                "what": c.what,
                "who": c.who,
                "deadline": c.deadline.isoformat() if c.deadline else "",
                "meeting_title": c.meeting_title,
                "meeting_date": c.meeting_date or "",
                "done": c.done,
                "confidential": c.confidential,
            }
            for c in meeting.carried
            if restricted or not c.confidential  # from a closed item: the restricted copy only
        ],
        "carried_item": items[carried_index]["number"]
        if carried_index is not None and not items[carried_index]["hidden"]
        else None,
        "actions": [dict(a, item=v["number"]) for v in items if not v["hidden"] for a in v["actions"]],
        "next_meeting": [d["text"] for d in next_item["decisions"]] if next_item else [],
        "has_confidential": any(v["confidential"] for v in items),
    }


# --- rendering --------------------------------------------------------------------------


def _environment(extra_folder: Path | None = None) -> Any:
    """The sandbox for a template folder given on the command line (if any), the user's
    templates and the shipped ones, in that order; kept, so templates compile once."""
    from facilitator.output import template_sandbox

    folders = ((extra_folder,) if extra_folder else ()) + (user_templates_dir(), templates_dir())
    return template_sandbox.environment(folders, (("inline", inline), ("cell", cell)))


def warm_up() -> None:
    """Import Jinja2 and compile the templates now, ahead of the first preview.

    The first render otherwise pays for both (most of the time before a long meeting's
    preview appeared); the app calls this on a thread once its first screen is up.
    """
    environment = _environment()
    for style in STYLES:
        environment.get_template(f"{style}.md.j2")


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
) -> str:
    """The minutes as Markdown (CommonMark with GFM tables), with no raw ESC or C1 in them.

    A user's template (``template``, or one in the user's folder) renders under a time
    limit; ``stop`` ends a rendering early when it returns True (the app quitting).
    """
    from facilitator.output import template_limits, template_sandbox

    if style not in STYLES:
        raise MinutesError(t("minutes.unknown_style", style=style, styles=", ".join(STYLES)))
    lang = lang or get_language()
    real = (
        template.resolve() if template is not None else None
    )  # the file named is used; what it includes stays in its real folder
    environment = _environment(real.parent if real else None)
    name = real.name if real else f"{style}.md.j2"

    def label(key: str, **params: object) -> str:
        return t(f"minutes.{key}", lang=lang, **params)

    data = context(meeting, restricted=restricted, lang=lang)  # outside the try: our own faults must show
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
