"""The minutes as a Word document (.docx), for offices that work in Word.

Built with python-docx from the same plain data the Markdown minutes are rendered from
(``minutes_context.context``): the same public or restricted view, closed items already
cut down to their number for a public copy, dates, times and vote outcomes already written
in the language asked for. Nothing is rendered to Markdown and converted: the document has
Word's own structure, so it can be edited as a referat is in an office.

- The header (day held and times, place, Deltagere, Afbud, guests, Ordstyrer, Referent) is
  a two-column table.
- The Dagsorden, each item and the closing sections are ``Heading 1``, the parts of an
  item ``Heading 2``: Word's navigation pane lists them.
- Action items are tables (Hvad / Ansvarlig / Frist).
- UDKAST (or "approved on …") stands under the title and in every page's header; the
  proofing language is set on the styles (``word_styles``).

Every value from a person passes ``word_text``, so it comes out as typed and never breaks
the XML.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from typing import Any

import docx
from docx.document import Document
from docx.text.paragraph import Paragraph
from docx.text.run import Run as WordRun

from facilitator.errors import MinutesError
from facilitator.i18n import get_language, t
from facilitator.meeting.model import Meeting
from facilitator.output.minutes_context import context
from facilitator.output.word_styles import mark_pages, mark_title, set_language
from facilitator.output.word_text import one_line, paragraphs

STYLES = ("referat", "beslutning")

_STYLES_USED = ("Title", "Heading 1", "Heading 2", "List Bullet", "Table Grid")
"""The styles the referat is written in."""

Run = tuple[str, str]
"""A piece of a paragraph and how it is set: "" plain, "b" bold, "i" italic."""


def render_docx(
    meeting: Meeting, *, style: str = "referat", restricted: bool = False, lang: str | None = None, times: bool = False
) -> bytes:
    """The minutes as the bytes of a .docx file; ``times`` adds the time appendix."""
    if style not in STYLES:
        raise MinutesError(t("minutes.unknown_style", style=style, styles=", ".join(STYLES)))
    data = context(meeting, restricted=restricted, lang=lang or get_language(), times=times)
    return docx_bytes(data, style=style)


def docx_bytes(data: dict[str, Any], *, style: str = "referat") -> bytes:
    """A minutes context (``minutes_context.context``) as a .docx file."""
    writer = _Writer(data, style)
    writer.write()
    out = io.BytesIO()
    writer.document.save(out)
    return out.getvalue()


class _Writer:
    """One document being written: the context, the language, and where it has got to."""

    def __init__(self, data: dict[str, Any], style: str) -> None:
        self.data = data
        self.lang: str = data["lang"]
        self.style = style
        self.document: Document = docx.Document()
        self.style_ids = {name: self.document.styles[name].style_id for name in _STYLES_USED}
        """Looked up once and set by id: python-docx walks every style for each name it is
        given (twice: to find it, then to see whether it is the default)."""
        set_language(self.document, self.lang, ("Normal", "Header", *_STYLES_USED))

    # --- the pieces ---------------------------------------------------------------------

    def heading(self, text: str, level: int) -> None:
        """A paragraph in Word's own heading style (level 0 is the title), as ``add_heading`` makes it."""
        self.paragraph((text, ""), style="Title" if level == 0 else f"Heading {level}")

    def paragraph(self, *runs: Run, style: str | None = None) -> None:
        paragraph = self.document.add_paragraph()
        if style:
            paragraph._p.style = self.style_ids[style]
        for text, look in runs:
            run = _add_run(paragraph, text)
            run.bold = "b" in look or None
            run.italic = "i" in look or None

    def table(self, header: Sequence[str] | None, rows: Sequence[Sequence[str]], *, label_column: bool = False) -> None:
        """A grid; its header row bold and repeated on each page; with ``label_column`` the
        first column bold (the referat's header: a label and its value per row)."""
        width = len(header) if header else len(rows[0])
        table = self.document.add_table(rows=0, cols=width)
        table._tbl.tblStyle_val = self.style_ids["Table Grid"]
        if header:
            cells = table.add_row().cells
            for cell, text in zip(cells, header, strict=True):
                _add_run(cell.paragraphs[0], text).bold = True
            table.rows[0]._tr.get_or_add_trPr().append(_repeat_header())
        for row in rows:
            cells = table.add_row().cells
            for column, (cell, text) in enumerate(zip(cells, row, strict=True)):
                _add_run(cell.paragraphs[0], text).bold = (label_column and column == 0) or None

    # --- the document -------------------------------------------------------------------

    def write(self) -> None:
        data, lang = self.data, self.lang
        document_word = t("minutes.document_beslutning" if self.style == "beslutning" else "minutes.document_referat", lang=lang)
        title = f"{document_word} – {one_line(data['title'])}"
        self.heading(title, 0)
        self.document.core_properties.title = title
        mark_title(self.document, data)
        mark_pages(self.document, data)
        self.header()
        self.agenda()
        for item in data["items"]:
            self.item(item)
        self.closing()

    def header(self) -> None:
        data, lang = self.data, self.lang
        rows: list[tuple[str, str]] = []

        def add(label: str, value: str) -> None:
            if value:
                rows.append((label, value))

        add(t("minutes.group", lang=lang), one_line(data["group"] or ""))
        when = data["date"]
        if data["start"]:
            times = t("minutes.time_from_to", lang=lang, start=data["start"], end=data["end"] or "…")
            when = f"{when}, {times}" if when else times
        add(t("minutes.date", lang=lang), when)
        add(t("minutes.location", lang=lang), one_line(data["location"] or ""))
        add(t("minutes.chair", lang=lang), one_line(data["chair"] or ""))
        add(t("minutes.secretary", lang=lang), one_line(data["secretary"] or ""))
        add(t("minutes.present", lang=lang), _names(data["present"]))
        add(t("minutes.guests", lang=lang), _names(data["guests"]))
        add(t("minutes.apologies", lang=lang), _names(data["apologies"]))
        add(t("minutes.absent", lang=lang), _names(data["absent"]))
        add(t("minutes.attachments", lang=lang), _documents(data["attachments"]))
        for key, people in (("arrivals", data["arrivals"]), ("departures", data["departures"])):
            seen = ", ".join(f"{one_line(p['name'])} ({t('minutes.at_clock', lang=lang, time=p['time'])})" for p in people)
            add(t("minutes.arrivals", lang=lang) if key == "arrivals" else t("minutes.departures", lang=lang), seen)
        if rows:
            self.table(None, rows, label_column=True)

    def item_title(self, item: dict[str, Any]) -> str:
        closed = t("minutes.closed_item", lang=self.lang)
        if item["hidden"]:
            return closed
        return one_line(item["title"]) + (f" – {closed.lower()}" if item["confidential"] else "")

    def agenda(self) -> None:
        lang = self.lang
        self.heading(t("minutes.agenda", lang=lang), 1)
        for item in self.data["items"]:
            line = f"{item['number']}. {self.item_title(item)}"
            if item["added"]:
                line += f" – {t('minutes.added', lang=lang)}"
            if item["skipped"]:
                line += f" – {t('minutes.skipped', lang=lang).lower()}"
            self.paragraph((line, ""))

    def item(self, item: dict[str, Any]) -> None:
        lang, data = self.lang, self.data
        self.heading(f"{item['number']}. {self.item_title(item)}", 1)
        if item["hidden"]:
            self.paragraph((t("minutes.skipped_line" if item["skipped"] else "minutes.closed_treated", lang=lang), "i"))
            return
        self.status(item)
        full = self.style == "referat"
        if full and item["presenter"] and item["reached"]:
            self.paragraph((f"{t('minutes.presenter', lang=lang)}: ", "b"), (one_line(item["presenter"]), ""))
        if full and item["attachments"] and item["reached"]:
            self.paragraph((f"{t('minutes.attachments', lang=lang)}: ", "b"), (_documents(item["attachments"]), ""))
        if item["number"] == data["carried_item"] and (data["carried"] or data["carried_checks"]):
            self.heading(t("minutes.follow_up", lang=lang), 2)
            self.follow_up()
        if full:
            for key, entries in (("prompts", item["prompts"]), ("options", item["options"])):
                if entries:
                    self.heading(t("minutes.prompts", lang=lang) if key == "prompts" else t("minutes.options", lang=lang), 2)
                    for entry in entries:
                        self.paragraph((one_line(entry), ""), style="List Bullet")
            for block in paragraphs(item["notes"]):
                self.paragraph((block, ""))
        self.checklist(item)
        if full or item["decisions"] or item["votes"] or item["actions"]:
            self.decisions(item)
        elif item["reached"] and not item["skipped"]:
            self.paragraph((t("minutes.no_decisions", lang=lang), "i"))

    def checklist(self, item: dict[str, Any]) -> None:
        """The AMiR's checklist: each point and its status here (and its last one before)."""
        if not item["checklist"]:
            return
        lang = self.lang
        self.heading(t("minutes.checklist", lang=lang), 2)
        rows = []
        for check in item["checklist"]:
            before = f" ({t('minutes.checklist_before', lang=lang, status=check['before'])})" if check["before"] else ""
            rows.append([one_line(check["point"]), check["status"] + before])
        self.table([t("minutes.col_point", lang=lang), t("minutes.col_status", lang=lang)], rows)

    def status(self, item: dict[str, Any]) -> None:
        """How far the meeting got with the item, or nothing for an item treated as planned."""
        lang = self.lang
        if item["skipped"]:
            self.paragraph((t("minutes.skipped_line", lang=lang), "i"))
        elif not item["reached"]:
            key = t("minutes.not_reached_carry_on", lang=lang) if item["carry_on"] else t("minutes.not_reached", lang=lang)
            self.paragraph((key, "i"))
        elif item["carry_on"]:
            self.paragraph((t("minutes.carry_on", lang=lang), "i"))

    def decisions(self, item: dict[str, Any]) -> None:
        lang = self.lang
        for decision in item["decisions"]:
            self.paragraph((f"{t('minutes.decision', lang=lang)}: ", "b"), (one_line(decision["text"]), ""))
            if decision["principles"]:
                self.paragraph((t("minutes.principles", lang=lang, principles=", ".join(decision["principles"])), "i"))
            for answer in decision["answers"]:  # the dialogue chain: as the Markdown referat has it
                self.paragraph((f"{answer['question']} ", "i"), (one_line(answer["answer"]), ""), style="List Bullet")
            if decision["review"]:
                self.paragraph((t("minutes.review", lang=lang, date=decision["review"]), "i"))
            if decision["venues"]:
                self.paragraph((t("minutes.forwarded_to", lang=lang, venues=", ".join(decision["venues"])), "i"))
        for vote in item["votes"]:
            tally = t(
                "minutes.vote_tally",
                lang=lang,
                votes_for=vote["for"],
                against=vote["against"],
                abstain=vote["abstain"],
                present=vote["present"],
            )
            self.paragraph(
                (f"{one_line(vote['heading'])}: ", "b"),
                (f"{one_line(vote['subject'])}: ", ""),
                (vote["outcome"], "b"),
                (f" ({tally})", ""),
            )
        if item["actions"]:
            self.heading(t("minutes.actions", lang=lang), 2)
            self.table(self.action_header(), [self.action_row(a) for a in item["actions"]])

    def action_header(self) -> list[str]:
        lang = self.lang
        return [t("minutes.col_what", lang=lang), t("minutes.col_who", lang=lang), t("minutes.col_deadline", lang=lang)]

    def action_row(self, action: dict[str, Any]) -> list[str]:
        done = f" ({t('minutes.done', lang=self.lang)})" if action["done"] else ""
        return [one_line(action["what"]) + done, one_line(action["who"]), action["deadline_table"] or "–"]

    def follow_up(self) -> None:
        lang = self.lang
        for carried in self.data["carried"]:
            where = t("minutes.from_meeting", lang=lang, title=one_line(carried["meeting_title"]), date=carried["meeting_date"])
            details = [f"{t('minutes.responsible', lang=lang)}: {one_line(carried['who'])}"]
            if carried["deadline"]:
                details.append(f"{t('minutes.deadline', lang=lang)}: {carried['deadline']}")
            details.append(where + (f", {t('minutes.closed_item', lang=lang).lower()}" if carried["confidential"] else ""))
            state = t("minutes.done", lang=lang) if carried["done"] else t("minutes.not_done", lang=lang)
            self.paragraph(
                (f"{one_line(carried['what'])} ({'; '.join(details)}): ", ""),
                (state, "b"),
                style="List Bullet",
            )
        if self.data["carried_checks"]:
            self.paragraph((t("minutes.checklist_follow_up", lang=lang), "i"))
        for check in self.data["carried_checks"]:
            where = t("minutes.from_meeting", lang=lang, title=one_line(check["meeting_title"]), date=check["meeting_date"])
            self.paragraph(
                (f"{one_line(check['point'])}: ", ""), (check["status"], "b"), (f" ({where})", ""), style="List Bullet"
            )

    def closing(self) -> None:
        lang, data = self.lang, self.data
        if (data["carried"] or data["carried_checks"]) and data["carried_item"] is None:
            self.heading(t("minutes.follow_up", lang=lang), 1)
            self.follow_up()
        if data["actions"]:
            self.heading(t("minutes.all_actions", lang=lang), 1)
            header = [t("minutes.col_item", lang=lang), *self.action_header()]
            self.table(header, [[str(a["item"]), *self.action_row(a)] for a in data["actions"]])
        if data["next_meeting"]:
            self.heading(t("minutes.next_meeting", lang=lang), 1)
            for text in data["next_meeting"]:
                self.paragraph((one_line(text), ""))
        if data["show_times"]:
            self.times_appendix()

    def times_appendix(self) -> None:
        lang, use = self.lang, self.data["time_use"]
        self.heading(t("minutes.times_appendix", lang=lang), 1)
        header = [t("minutes.col_item", lang=lang), t("minutes.col_planned", lang=lang), t("minutes.col_used", lang=lang)]
        rows = []
        for row in use["rows"]:
            title = t("minutes.closed_item", lang=lang) if row["hidden"] else one_line(row["title"])
            planned = t("minutes.minutes_count", lang=lang, count=row["planned"]) if row["planned"] is not None else "–"
            used = (
                t("minutes.minutes_count", lang=lang, count=row["used"])
                if row["used"] is not None
                else t("minutes.not_reached_short", lang=lang)
            )
            rows.append([f"{row['number']}. {title}", planned, used])
        total = t("minutes.total", lang=lang)
        rows.append(
            [
                total,
                t("minutes.minutes_count", lang=lang, count=use["planned"]),
                t("minutes.minutes_count", lang=lang, count=use["used"]),
            ]
        )
        self.table(header, rows)


_BREAK_OR_TAB = re.compile("([\t\n])")


def _add_run(paragraph: Paragraph, text: str) -> WordRun:
    """A run of ``text``, its newlines as Word's line breaks and its tabs as Word's tabs.

    python-docx's own ``add_run(text)`` does the same one character at a time, which made
    a 100,000-character note take seconds; this splits once and adds whole pieces.
    """
    run = paragraph.add_run()
    element = run._r
    for piece in _BREAK_OR_TAB.split(text):
        if piece == "\n":
            element.add_br()
        elif piece == "\t":
            element.add_tab()
        elif piece:
            element.add_t(piece)
    return run


def _documents(documents: list[dict[str, str]]) -> str:
    """Attachments as "title (address)": the address written out, as a reader of a printed
    referat needs it."""
    return ", ".join(f"{one_line(d['title'])} ({one_line(d['href'])})" for d in documents)


def _names(names: list[str]) -> str:
    return ", ".join(one_line(name) for name in names)


def _repeat_header() -> Any:
    """``w:tblHeader``: Word repeats the row at the top of every page the table runs onto."""
    from docx.oxml import OxmlElement

    return OxmlElement("w:tblHeader")
