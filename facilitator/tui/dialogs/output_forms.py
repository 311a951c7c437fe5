"""Dialogs that write a file: the minutes, and the agenda as it now stands.

Both write atomically and never over an existing file unless the user presses Enter a
second time on the same path, which the message beside the field asks for.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from facilitator.errors import FacilitatorError, FieldError
from facilitator.files.atomic_write import write_atomic
from facilitator.i18n import get_language, t
from facilitator.meeting.model import Meeting
from facilitator.tui.dialogs.form import Field, FormDialog, Values, required


class _Overwrite:
    """Remembers the path the user was warned about: Enter again on it means yes."""

    def __init__(self) -> None:
        self.warned: Path | None = None

    def allowed(self, path: Path) -> bool:
        if not path.exists() or path.is_dir():
            self.warned = None  # a confirmation counts for the very next Enter only
            return False
        if self.warned == path:
            return True
        self.warned = path
        raise FieldError("path", t("dialog.exists", path=path))


def _target(text: str) -> Path:
    path = Path(text).expanduser()
    if path.is_dir():
        raise FieldError("path", t("dialog.is_folder", path=path))
    return path


def _write(path: Path, content: str | bytes, overwrite: bool, *, private: bool = False) -> Path:
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        write_atomic(path, data, overwrite=overwrite, private=private)
    except FacilitatorError as error:
        raise FieldError("path", str(error)) from None
    return path.resolve()


FORMATS = {"md": ".md", "html": ".html", "docx": ".docx"}
"""The formats the minutes are written in, and the ending of each one's file name."""

_BY_SUFFIX = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".docx": "docx"}
"""A file name's own ending says its format; any other ending follows the choice in the dialog."""


def minutes_name(meeting: Meeting, *, restricted: bool, style: str = "referat", kind: str = "md") -> str:
    day = meeting.info.date or (meeting.started_at.date() if meeting.started_at else dt.date.today())
    if style == "medlemmer":  # beside the referat, not over it; always public
        name = t("file.member_note", date=day.isoformat())
    else:
        name = t("file.minutes", date=day.isoformat(), restricted=t("file.restricted") if restricted else "")
    return str(Path(name).with_suffix(FORMATS[kind]))


def _minutes_file(meeting: Meeting, kind: str, style: str, restricted: bool, times: bool) -> str | bytes:
    """The minutes in ``kind``'s format: Markdown, a web page, or a Word document."""
    lang = get_language()
    if kind == "docx":
        from facilitator.output.word import STYLES as WORD_STYLES
        from facilitator.output.word import render_docx

        if style not in WORD_STYLES:  # the note for members is a short text to pass on, not a document
            raise FieldError("format", t("dialog.export.word_styles"))
        return render_docx(meeting, style=style, restricted=restricted, lang=lang, times=times)
    from facilitator.output.minutes import render, to_html

    text = render(meeting, style=style, restricted=restricted, lang=lang, times=times)
    return to_html(text, title=meeting.info.title, lang=lang) if kind == "html" else text


def export_dialog(meeting: Meeting, *, style: str = "referat", restricted: bool = False) -> FormDialog[Path]:
    """Closes with the path the minutes were written to."""
    default = minutes_name(meeting, restricted=False)
    fields = [
        Field(
            "style",
            t("dialog.export.style"),
            kind="select",
            value=style,
            choices=(
                (t("dialog.export.referat"), "referat"),
                (t("dialog.export.beslutning"), "beslutning"),
                (t("dialog.export.medlemmer"), "medlemmer"),
            ),
        ),
        Field(
            "scope",
            t("dialog.export.scope"),
            kind="select",
            value="restricted" if restricted else "public",
            choices=((t("dialog.export.public"), "public"), (t("dialog.export.restricted"), "restricted")),
        ),
        Field(
            "format",
            t("dialog.export.format"),
            kind="select",
            value="md",
            choices=(
                (t("dialog.export.markdown"), "md"),
                (t("dialog.export.html"), "html"),
                (t("dialog.export.word"), "docx"),
            ),
        ),
        Field("path", t("dialog.export.path"), value=minutes_name(meeting, restricted=restricted)),
        Field("times", t("dialog.export.times"), kind="check", value=False),  # as `minutes --times`
    ]
    overwrite = _Overwrite()

    def apply(values: Values) -> Path:
        restricted = values["scope"] == "restricted"
        style = values["style"]
        if restricted and style == "medlemmer":
            raise FieldError("scope", t("minutes.member_note_public"))
        chosen: str = values["format"]
        text_path = required(values, "path")
        if text_path == default:  # the untouched name follows the choices
            text_path = minutes_name(meeting, restricted=restricted, style=style, kind=chosen)
        path = _target(text_path)
        kind = _BY_SUFFIX.get(path.suffix.lower(), chosen)
        content = _minutes_file(meeting, kind, style, restricted, bool(values["times"]))
        return _write(path, content, overwrite.allowed(path), private=restricted)  # restricted minutes: 0600

    return FormDialog(t("cmd.export_minutes"), fields, apply, note=t("dialog.export.note"), dialog_id="export")


def save_agenda_dialog(meeting: Meeting) -> FormDialog[Path]:
    """Closes with the path the agenda was written to."""
    from facilitator.output.next_agenda import agenda_as_it_stands

    fields = [Field("path", t("dialog.agenda.path"), value=t("file.agenda"))]
    overwrite = _Overwrite()

    def apply(values: Values) -> Path:
        path = _target(required(values, "path"))
        return _write(path, agenda_as_it_stands(meeting), overwrite.allowed(path))

    return FormDialog(t("cmd.save_agenda"), fields, apply, note=t("dialog.agenda.note"), dialog_id="agenda")


def confirm_dialog(title: str, question: str, answers: tuple[str, str], *, dialog_id: str = "confirm") -> FormDialog[bool]:
    """Enter says yes (the dialog returns True), Escape says no; the buttons say the
    question's own yes and no ("End meeting", "Carry on"), not save and cancel."""
    return FormDialog(title, [], lambda values: True, note=question, dialog_id=dialog_id, answers=answers)
