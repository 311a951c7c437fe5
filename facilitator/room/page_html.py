"""The room view's one page: semantic HTML in the language in use, its words filled in escaped.

The page is a template of ours (``page/room.html.j2``), rendered in Jinja's sandbox with
autoescape: the words come from the catalogue and the token from the command line, and
neither is ever markup. What the meeting says reaches the page only later, as data put in
with ``textContent`` by ``room.js``.
"""

from __future__ import annotations

from functools import lru_cache

from jinja2 import PackageLoader, StrictUndefined, select_autoescape
from jinja2.sandbox import ImmutableSandboxedEnvironment

from facilitator.i18n import t

PAGE_WORDS: dict[str, str] = {
    "title": "room.word.title",
    "waiting": "room.word.waiting",
    "none": "room.word.none",
    "ended": "room.word.ended",
    "gone": "room.word.gone",
    "offline": "room.word.offline",
    "item": "room.word.item",
    "question": "room.word.question",
    "solutions": "room.word.solutions",
    "decisions": "room.word.decisions",
    "votes": "room.word.votes",
    "actions": "room.word.actions",
    "notes": "room.word.notes",
    "floor": "room.word.floor",
    "queue": "room.word.queue",
    "point_of_order": "room.word.point_of_order",
    "agenda": "room.word.agenda",
    "closed": "room.word.closed",
    "carried": "room.word.carried",
    "rejected": "room.word.rejected",
    "for": "room.word.for",
    "against": "room.word.against",
    "abstain": "room.word.abstain",
    "deadline": "room.word.deadline",
    "planned": "room.word.planned",
    "over": "room.word.over",
}
"""The page's words by name, and their keys in the catalogue (written out, so the catalogue's
test sees each); the script reads them from the page's data attributes."""


@lru_cache(maxsize=1)
def _environment() -> ImmutableSandboxedEnvironment:
    return ImmutableSandboxedEnvironment(
        loader=PackageLoader("facilitator.room", "page"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
    )


def page_html(token: str, lang: str) -> str:
    words = {name: t(key, lang=lang) for name, key in PAGE_WORDS.items()}
    return _environment().get_template("room.html.j2").render(token=token, lang=lang, words=words)
