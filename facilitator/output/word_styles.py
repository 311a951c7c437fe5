"""The look of a Word referat that is not its content: the proofing language, and the marks
that say what a copy is (UDKAST or approved, restricted) on every page.

Word checks spelling in the language its styles name; python-docx's blank document names
US English, so a Danish referat would come up red with every word. The language is set on
the document defaults (which every style inherits) and on the styles the referat uses, so
text in any style, and text a person adds later, is proofed in the referat's language.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from facilitator.i18n import t
from facilitator.meeting.written_dates import written_date
from facilitator.output.word_text import one_line

PROOFING = {"da": "da-DK", "en": "en-GB"}
"""The proofing language per language of the minutes (English minutes are for Europe)."""

MARK_COLOUR = RGBColor(0xC0, 0x00, 0x00)


def set_language(document: Document, lang: str, styles: tuple[str, ...]) -> None:
    """The proofing language on the document defaults, which every style inherits unless
    it names its own (none of python-docx's does), and on ``styles``, the ones the
    referat uses, so that Word's style pane shows it there too.

    Every style of the blank document would cost a third of writing a short referat."""
    tag = PROOFING.get(lang, PROOFING["da"])
    targets = [document.styles[name].element.get_or_add_rPr() for name in styles]
    defaults = document.styles.element.find(qn("w:docDefaults"))
    run_defaults = defaults.find(qn("w:rPrDefault")) if defaults is not None else None
    if run_defaults is not None and run_defaults.find(qn("w:rPr")) is not None:
        targets.append(run_defaults.find(qn("w:rPr")))
    for properties in targets:
        language = properties.find(qn("w:lang"))
        if language is None:
            language = _add_lang(properties)
        language.set(qn("w:val"), tag)
    document.core_properties.language = tag


_AFTER_LANG = tuple(qn(name) for name in ("w:eastAsianLayout", "w:specVanish", "w:oMath"))
"""What comes after ``w:lang`` in run properties, in the schema's order (Word checks it)."""


def _add_lang(properties: Any) -> Any:
    """A ``w:lang`` in its place among run properties (python-docx has no method for it)."""
    language = OxmlElement("w:lang")
    later = next((child for child in properties if child.tag in _AFTER_LANG), None)
    if later is None:
        properties.append(language)
    else:
        later.addprevious(language)
    return language


def approval_words(data: dict[str, Any]) -> tuple[bool, str, str]:
    """Whether the referat is approved, its mark, and the remark made at approval ("" if none).

    The minutes' context says ``approval``: None (or absent) while the referat is a draft,
    and ``{"on": …, "remark": …}`` once approved; a date given as a date is written out.
    """
    lang = data.get("lang", "da")
    approval = data.get("approval")
    if not isinstance(approval, dict):
        return False, t("minutes.word_draft", lang=lang), ""
    on = approval.get("on")
    day = written_date(on, lang) if isinstance(on, dt.date) else one_line(on or "")
    remark = one_line(approval.get("remark") or "")
    return True, t("minutes.word_approved", lang=lang, on=day), remark


def mark_pages(document: Document, data: dict[str, Any]) -> None:
    """UDKAST (or the approval) and, for a restricted copy, its warning in every page's header."""
    approved, mark, _ = approval_words(data)
    header = document.sections[0].header
    paragraph = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
    run = paragraph.add_run(mark)
    run.bold = True
    if not approved:
        run.font.color.rgb = MARK_COLOUR
    if data.get("restricted"):
        warning = paragraph.add_run(" · " + t("minutes.restricted_banner", lang=data.get("lang", "da")))
        warning.bold = True
        warning.font.color.rgb = MARK_COLOUR


def mark_title(document: Document, data: dict[str, Any]) -> None:
    """The mark under the title: UDKAST large and red, or the approval and its remark."""
    lang = data.get("lang", "da")
    approved, mark, remark = approval_words(data)
    paragraph = document.add_paragraph()
    run = paragraph.add_run(mark)
    run.bold = True
    if not approved:
        run.font.size = Pt(20)
        run.font.color.rgb = MARK_COLOUR
    if remark:
        document.add_paragraph().add_run(t("minutes.word_remark", lang=lang, remark=remark)).italic = True
    if data.get("restricted"):
        banner = document.add_paragraph().add_run(t("minutes.restricted_banner", lang=lang))
        banner.bold = True
        banner.font.color.rgb = MARK_COLOUR
