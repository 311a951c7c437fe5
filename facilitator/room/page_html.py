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

WORDS = (
    "title",
    "waiting",
    "none",
    "ended",
    "gone",
    "offline",
    "item",
    "question",
    "solutions",
    "decisions",
    "votes",
    "actions",
    "notes",
    "floor",
    "queue",
    "point_of_order",
    "agenda",
    "closed",
    "carried",
    "rejected",
    "for",
    "against",
    "abstain",
    "deadline",
    "planned",
    "over",
)
"""The page's words, ``room.word.<name>`` in the catalogue; the script reads them from the page."""


@lru_cache(maxsize=1)
def _environment() -> ImmutableSandboxedEnvironment:
    return ImmutableSandboxedEnvironment(
        loader=PackageLoader("facilitator.room", "page"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
    )


def page_html(token: str, lang: str) -> str:
    words = {name: t(f"room.word.{name}", lang=lang) for name in WORDS}
    return _environment().get_template("room.html.j2").render(token=token, lang=lang, words=words)
