"""A meeting as the shared archive receives it: the row's columns, from what the laptop hands over.

PostgreSQL keeps no NUL character in text or jsonb, and a person's text may hold one (pasted
from anywhere): on the server it becomes U+FFFD. The laptop keeps the text as it was.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

NUL_SIGN = "\ufffd"


def without_nul(value: Any) -> Any:
    """The data with every NUL in its strings (keys too) replaced."""
    if isinstance(value, str):
        return value.replace("\x00", NUL_SIGN)
    if isinstance(value, dict):
        return {without_nul(k): without_nul(v) for k, v in value.items()}
    if isinstance(value, list):
        return [without_nul(v) for v in value]
    return value


def _date(text: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(text)[:10]) if text else None
    except ValueError:
        return None


def _moment(text: object) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(str(text)) if text else None
    except ValueError:
        return None


def meeting_groups(group: str | None, snapshot: dict[str, Any]) -> list[str]:
    """Every group of the meeting, its first group first: a joint meeting's snapshot names
    them all (``info.groups``), any other meeting has its one group (or none: "")."""
    first = group or ""
    further = [str(g) for g in snapshot.get("info", {}).get("groups", ()) if str(g) != first]
    return without_nul([first, *further])  # type: ignore[no-any-return]


def meeting_row(uid: str, version: int, group: str | None, snapshot: dict[str, Any]) -> dict[str, Any]:
    """The meetings row: what lists and queries ask for in columns, the rest in the snapshot."""
    info = snapshot.get("info", {})
    columns: dict[str, Any] = without_nul(
        {
            "uid": uid,
            "version": version,
            "group_name": group or "",
            "kind": str(info.get("kind", "")),
            "title": str(info.get("title", "")),
            "snapshot": json.dumps(without_nul(snapshot), ensure_ascii=False),
        }
    )
    moments = {"started_at": _moment(snapshot.get("started_at")), "ended_at": _moment(snapshot.get("ended_at"))}
    return columns | moments | {"held_on": _date(info.get("date")), "groups": meeting_groups(group, snapshot)}


def action_rows(
    uid: str, group: str | None, actions: list[dict[str, Any]], groups: list[str] | None = None
) -> list[dict[str, Any]]:
    """The actions rows, each with its meeting's groups (to be followed up in each)."""
    every = groups if groups is not None else [without_nul(group or "")]
    return [
        without_nul(
            {
                "meeting_uid": uid,
                "action_id": int(a["action_id"]),
                "group_name": group or "",
                "item_title": str(a["item_title"]),
                "what": str(a["what"]),
                "who": str(a["who"]),
                "done": bool(a["done"]),
            }
        )
        | {"deadline": _date(a["deadline"]), "groups": every}
        for a in actions
    ]
