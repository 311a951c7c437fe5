"""The decision dialog: a decision's text, the principles it meets, the room's short
answers to the principles' questions, and a review date when it takes up a temporary
solution.

Chosen solutions make a draft: the dialog opens with their text behind the venue's lead-in
("Klubben foreslår: …"), ready to edit, and the decision records the solutions it came
from. The answers are folded away under one title, so the dialog stays whole on a
laptop's 80 by 24 terminal; Tab reaches the fold, Enter opens it.
"""

from __future__ import annotations

from collections.abc import Sequence

from facilitator.agenda.model import ItemType
from facilitator.errors import FieldError, MeetingError
from facilitator.i18n import t
from facilitator.meeting.drafts import draft_decision, undecided
from facilitator.meeting.labels import principle_question, principle_words
from facilitator.meeting.model import Meeting
from facilitator.meeting.records import Decision, Principle
from facilitator.tui.dialogs.form import Field, FormDialog, Values, required


def decision_dialog(meeting: Meeting, solutions: Sequence[int] | None = None) -> FormDialog[Decision]:
    """A decision on the current item, drafted from ``solutions`` (by default the chosen
    ones no decision has taken up yet).

    The four principles are offered on a decision item, and folded away on any other:
    there a decision is now and then recorded, and four boxes to pass would be in the way.
    A draft folds them together with the answers, under one title: the draft's text and
    its review date need the room on a laptop's screen."""
    assert meeting.current is not None
    state = meeting.items[meeting.current]
    drafted = tuple(sorted(set(undecided(state) if solutions is None else solutions)))
    draft = draft_decision(meeting.info.kind, (state.item.options[i] for i in drafted))
    review = meeting.needs_review(drafted)
    offered = state.item.type == ItemType.BESLUTNING and not drafted
    answers_fold = t("dialog.decision.principles_answers") if drafted else t("dialog.decision.answers")
    fold = answers_fold if drafted else "" if offered else t("dialog.decision.principles")
    fields = [Field("text", t("dialog.decision.text"), kind="long", value=draft, placeholder=t("dialog.decision.placeholder"))]
    if review:
        fields.append(Field("review", t("dialog.decision.review"), placeholder=t("dialog.action.deadline_placeholder")))
    ticks = [Field(f"principle_{p.name.lower()}", principle_words(p), kind="check", fold=fold) for p in Principle]
    answers = [Field(f"answer_{p.name.lower()}", principle_question(p), fold=answers_fold) for p in Principle]
    fields += [*answers, *ticks] if drafted else [*ticks, *answers]  # in one fold, a draft's answers come first
    warned: list[bool] = []

    def apply(values: Values) -> Decision:
        text = required(values, "text")
        principles = [p for p in Principle if values[f"principle_{p.name.lower()}"]]
        answers: dict[Principle | str, str] = {p: values[f"answer_{p.name.lower()}"] for p in Principle}
        review_date = values.get("review") or None
        if review and review_date is None and not warned:
            warned.append(True)  # a second Enter saves it without: the room may not know the day yet
            raise FieldError("review", t("dialog.decision.review_missing"))
        try:
            return meeting.add_decision(text, principles, answers=answers, review=review_date, solutions=drafted)
        except MeetingError as error:
            if review_date is not None:
                raise FieldError("review", str(error)) from None
            raise

    if review:
        note = t("dialog.decision.note_review")
    elif drafted:
        note = t("dialog.decision.note_drafted")
    else:
        note = t("dialog.decision.note") if offered else t("dialog.decision.note_folded")
    return FormDialog(t("cmd.add_decision"), fields, apply, note=note, dialog_id="decision")
