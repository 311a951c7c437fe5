"""What a part of the meeting screen may use of the screen it is a part of.

The meeting screen's keys live in mixins (``agenda_actions``, ``next_meeting_action``,
``approval_actions``), one set of keys each, as the core's own parts are written. Each
calls members the screen and Textual's Screen provide; they are named once here, for the
type checker, rather than restated in every part. At run time the class is empty.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel

    from facilitator.meeting.model import Meeting
    from facilitator.session import Session


class MeetingScreenPart:
    if TYPE_CHECKING:  # provided by MeetingScreen and Textual's Screen
        app: Any
        focused: Any
        session: Session

        @property
        def meeting(self) -> Meeting: ...

        def notify(
            self,
            message: str,
            *,
            title: str = "",
            severity: SeverityLevel = "information",
            timeout: float | None = None,
            markup: bool = True,
        ) -> None: ...

        keymap: dict[str, str]

        def save_notes_now(self) -> None: ...

        def redraw(self) -> None: ...

        def has_class(self, *class_names: str) -> bool: ...

        def set_class(self, add: bool, *class_names: str, update: bool = True) -> Any: ...

        def query(self, selector: Any = ...) -> Any: ...

        def query_one(self, selector: Any, expect_type: Any = ...) -> Any: ...

        def mount(self, *widgets: Any, before: Any = ..., after: Any = ...) -> Any: ...

        def set_focus(self, widget: Any, scroll_visible: bool = True, from_app_focus: bool = False) -> None: ...

        def _redraw_if_due(self) -> None: ...

        def _do(self, change: Callable[[], Any]) -> Any: ...

        def _dialog(self, screen: Any, done: Callable[[Any], None] | None = None) -> None: ...
