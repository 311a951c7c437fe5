"""Whether the text cursors blink: yes, unless the app is told otherwise.

A blinking cursor is easy to find on a wall. A picture of the screen, though, is taken
in one phase of the blink or the other, and a test comparing pictures must not depend on
when the machine got round to taking it. So the app carries one setting,
``blink_cursors`` (build_app's argument), that every text field reads as it is mounted;
the tests turn it off in one place (their ``make_app``) and every cursor stays shown.
"""

from __future__ import annotations

from textual.widget import Widget


def cursors_blink(widget: Widget) -> bool:
    """The app's setting; an app that has none (a widget tested alone) leaves each field as it is."""
    return bool(getattr(widget.app, "blink_cursors", True))
