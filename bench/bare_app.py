"""The baseline: a bare Textual app with the same kinds of widgets as the meeting screen.

It has a status line, an agenda list, a folded purpose, three tick lists, the records
box, a notes editor and the room panel, with a compact footer of the same bindings, but
none of facilitator: no agenda loading, no archive, no meeting. What facilitator adds on
top of this is what the startup, typing and memory ratios measure.

Its footer is Textual's own, with its keys built for the first frame, as facilitator's
footer builds them: left to itself, Textual's footer stays empty until the screen first
says its bindings changed, a frame or two later, so the baseline's first complete frame
came late and flattered the startup ratio.

    python bench/bare_app.py [--items N] [--text FILE --notes-size WxH]

``--text`` makes it the typing baseline instead: only a TextArea of the notes editor's
size, holding a file's text, focused, above the same footer.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Collapsible, Footer, OptionList, SelectionList, Static, TextArea

FOOTER_MARKER = "Næste punkt"
"""A footer label both apps show on their first frame."""


class FooterAtOnce(Footer):
    """Textual's footer, its keys there from the first frame."""

    def compose(self) -> ComposeResult:
        self._bindings_ready = True  # what the screen's first "bindings changed" would set
        yield from super().compose()


class BareApp(App[None]):
    CSS = """
    #agenda { width: 34; }
    #room { width: 30; }
    #notes { height: 1fr; min-height: 6; }
    """
    BINDINGS = [
        Binding("ctrl+n", "nothing", FOOTER_MARKER, id="next_item"),
        Binding("ctrl+b", "nothing", "Forrige", id="previous_item"),
        Binding("f2", "nothing", "Beslutning", id="add_decision"),
        Binding("f3", "nothing", "Opgave", id="add_action"),
        Binding("f4", "nothing", "Afstemning", id="record_vote"),
        Binding("ctrl+s", "nothing", "Taler", id="add_speaker"),
        Binding("ctrl+t", "nothing", "Pause", id="toggle_timer"),
        Binding("ctrl+r", "nothing", "Referat", id="preview_minutes"),
        Binding("ctrl+q", "quit", "Afslut", id="quit"),
    ]

    def __init__(self, items: int, text: str | None = None, notes_size: tuple[int, int] | None = None) -> None:
        super().__init__()
        self.items = items
        self.text = text
        self.notes_size = notes_size

    def compose(self) -> ComposeResult:
        if self.text is not None:
            yield from self.compose_typing()
            return
        yield Static("15:00  planlagt slut 16:50  punkt 1 af 8  10:00 tilbage", id="status")
        with Horizontal():
            yield OptionList(*(f"{n:>3} · Punkt {n}" for n in range(1, self.items + 1)), id="agenda")
            with Vertical():
                yield Static("1. Godkendelse af dagsorden (beslutning)", id="heading")
                with VerticalScroll():
                    with Collapsible(title="Formål"):
                        yield Static("Dagsordenen godkendes, evt. med ændringer.")
                    yield Static("Spørgsmål")
                    yield SelectionList[int](*((f"Spørgsmål {n}", n) for n in range(3)), compact=True)
                    yield Static("Muligheder")
                    yield SelectionList[int](*((f"Mulighed {n}", n) for n in range(2)), compact=True)
                    yield Static("Opfølgning")
                    yield SelectionList[int](compact=True)
                yield Static("", id="current")
                with VerticalScroll():
                    yield Static("Ingen beslutninger endnu.")
                yield TextArea(self.text or "", id="notes", soft_wrap=True, tab_behavior="focus")
            with VerticalScroll(id="room"):
                yield Static("Talerliste (åben)")
                yield Static("Fremmøde: 0 af 0")
        yield FooterAtOnce(compact=True)

    def compose_typing(self) -> ComposeResult:
        notes = TextArea(self.text or "", id="notes", soft_wrap=True, tab_behavior="focus")
        if self.notes_size:
            notes.styles.width, notes.styles.height = self.notes_size
        notes.styles.border = ("round", "white")
        yield notes
        yield FooterAtOnce(compact=True)

    def on_mount(self) -> None:
        if self.text is not None:
            self.query_one("#notes", TextArea).focus()

    def action_nothing(self) -> None:
        pass


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=8)
    parser.add_argument("--text", type=Path)
    parser.add_argument("--notes-size", help="WIDTHxHEIGHT of the editor, border included")
    args = parser.parse_args()
    size = tuple(int(n) for n in args.notes_size.split("x")) if args.notes_size else None
    BareApp(args.items, args.text.read_text(encoding="utf-8") if args.text else None, size).run()  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
