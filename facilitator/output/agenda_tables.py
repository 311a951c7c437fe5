"""An agenda's parts as the TOML tables a person would write: one way for every agenda we write.

The next meeting's agenda (``next_agenda``) and a venue's agenda with the matters sent to
it (``forwarded_agenda``) both write items and headers back as TOML. Made in one place,
a key the format gains (a checklist, attachments, temporary solutions) is written by both,
and neither drops what the other keeps.
"""

from __future__ import annotations

import re
from typing import Any

from facilitator.agenda.model import Attachment, Item

_C1 = re.compile("[\x80-\x9f]")


def item_table(item: Item) -> dict[str, Any]:
    """An item as the file would say it: its temporary solutions named by their text."""
    table: dict[str, Any] = {"title": item.title, "type": item.type.value}
    for key in ("minutes", "presenter", "purpose"):
        if getattr(item, key) is not None:
            table[key] = getattr(item, key)
    for key in ("prompts", "options", "checklist"):
        if getattr(item, key):
            table[key] = list(getattr(item, key))
    if item.temporary:
        table["temporary"] = [item.options[i] for i in item.temporary]
    if item.attachments:
        table["attachments"] = attachment_tables(item.attachments)
    if item.confidential:
        table["confidential"] = True
    return table


def attachment_tables(attachments: tuple[Attachment, ...]) -> list[dict[str, str]]:
    return [{"title": a.title, "href": a.href} for a in attachments]


def escape_c1(toml_text: str) -> str:
    """tomli-w escapes C0 controls in strings but writes C1 ones (\x9b, a CSI) as they are;
    as ``\\u009b`` they read back as the same value and cannot act on a terminal or in an
    editor. Every string tomli-w writes here is a basic string (the keys are ours, plain
    ASCII), where such an escape is valid."""
    return _C1.sub(lambda match: f"\\u{ord(match.group()):04x}", toml_text)
