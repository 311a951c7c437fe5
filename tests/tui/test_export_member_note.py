"""The export dialog offers the note for members, writes it beside the referat, and refuses a restricted one.

The dialog's fields and what Enter does are plain data and a function, so they are tested
without starting the app (the Select is built from the field's choices, as for every style).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from support.meetings import real_meeting

from facilitator.errors import FieldError
from facilitator.i18n import t
from facilitator.tui.dialogs.output_forms import export_dialog, minutes_name


def test_the_export_dialog_offers_the_note_for_members() -> None:
    style = export_dialog(real_meeting()).fields[0]
    assert style.name == "style" and style.kind == "select"
    assert [value for _, value in style.choices] == ["referat", "beslutning", "medlemmer"]
    assert (t("dialog.export.medlemmer"), "medlemmer") in style.choices


def test_the_export_dialog_writes_the_note_beside_the_referat_and_refuses_a_restricted_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    meeting = real_meeting()
    dialog = export_dialog(meeting)
    default = str(next(field for field in dialog.fields if field.name == "path").value)
    with pytest.raises(FieldError) as refused:
        dialog.apply({"style": "medlemmer", "scope": "restricted", "path": default, "times": False, "format": "md"})
    assert refused.value.field == "scope" and str(refused.value) == t("minutes.member_note_public")
    assert list(tmp_path.iterdir()) == []  # nothing written
    written = dialog.apply({"style": "medlemmer", "scope": "public", "path": default, "times": False, "format": "md"})
    name = minutes_name(meeting, restricted=False, style="medlemmer")
    assert written == (tmp_path / name).resolve() and name != default  # the untouched name follows the choice
    assert written.read_text(encoding="utf-8").startswith(f"# {t('minutes.member_document')} – ")
    assert "Klubben beder MED-udvalget drøfte opnormering." in written.read_text(encoding="utf-8")


def test_the_note_for_members_is_not_written_as_word(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The Word writer lays out the whole referat, names and all: the note never goes through it.
    monkeypatch.chdir(tmp_path)
    dialog = export_dialog(real_meeting())
    with pytest.raises(FieldError) as refused:
        dialog.apply({"style": "medlemmer", "scope": "public", "path": "note.docx", "times": False, "format": "md"})
    assert refused.value.field == "format" and str(refused.value) == t("dialog.export.word_styles")
    assert list(tmp_path.iterdir()) == []
