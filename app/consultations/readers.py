"""One reader per result kind fills the one `Outcome` (what a template's `result:` says).

- decision: the rule's approval of the deciding questions (the tally itself)
- content_vote: the approved items within the budget cap (`Outcome.means`, the tally)
- choice: who is chosen (`Outcome.choice`, app.consultations.choice)
- satisfaction: the indexes of the scale answers (`Outcome.satisfaction`, below)
- survey: the counts only

Other domains read `outcome.kind`, `outcome.choice` and `outcome.satisfaction`; none
branches on a template's key.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from fractions import Fraction

from flask import current_app

from app.display import percent as display_percent
from app.consultations.choice import read_choice
from app.consultations.question_types import SCALE_MAX, SCALE_MIN
from app.consultations.result_kinds import SATISFIED, infer_result


def result_of(c) -> dict:
    """The consultation's result {kind, question, satisfied}: its template's, or inferred
    from its questions when the template is no longer in the folder."""
    template = current_app.extensions["consultation_templates"].get(c.template_key)
    return template.result if template is not None else infer_result(c.questions)


def result_kind(c) -> str:
    return result_of(c)["kind"]


def percent(value: Fraction | None) -> str | None:
    """66.7% from an exact fraction (app.display.percent, the one rule); None for no answers."""
    return None if value is None else display_percent(value)


@dataclass(frozen=True)
class ScaleIndex:
    key: str
    title: str
    answers: int
    index: Fraction | None


@dataclass(frozen=True)
class Satisfaction:
    """The figures of a satisfaction result, exact where they are fractions."""

    #: every score given over the most it could be (5 per answer), across the scale questions
    index: Fraction | None
    items: tuple[ScaleIndex, ...]
    #: average score per scale question that has answers
    averages: dict[str, Decimal]
    #: the overall question (None: the template names none)
    question: str | None = None
    overall_answers: int = 0
    satisfied: int = 0
    #: 满意率: satisfied answers of the overall question over its answers
    share: Fraction | None = None

    @property
    def overall_average(self) -> Decimal | None:
        return self.averages.get(self.question) if self.question else None

    @property
    def overall_index(self) -> Decimal | None:
        """The overall average on 0–100 (1 → 0, 5 → 100), to one decimal."""
        return index_0_100(self.overall_average)


def index_0_100(average: Decimal | None) -> Decimal | None:
    if average is None:
        return None
    span = SCALE_MAX - SCALE_MIN
    return (Decimal(100) * (average - SCALE_MIN) / span).quantize(Decimal("0.1"))


def scale_index(outcome, keys=None) -> tuple[Fraction | None, int]:
    """(sum of scores / (5 × answers), answers) over the outcome's scale questions."""
    given = most = 0
    for question in outcome.questions:
        if question.type != "scale" or (keys is not None and question.key not in keys):
            continue
        for option in question.options:
            given += int(option.key) * option.ballots
            most += SCALE_MAX * option.ballots
    return (Fraction(given, most) if most else None), most // SCALE_MAX


def read_satisfaction(outcome, result: dict) -> Satisfaction:
    index, _ = scale_index(outcome)
    items = []
    for question in outcome.questions:
        if question.type == "scale":
            item_index, answers = scale_index(outcome, {question.key})
            items.append(ScaleIndex(question.key, question.title, answers, item_index))
    averages = {q.key: q.average for q in outcome.questions
                if q.type == "scale" and q.average is not None}
    key = result.get("question")
    overall = outcome.question(key) if key else None
    if overall is None:
        return Satisfaction(index, tuple(items), averages, key)
    satisfied_keys = result.get("satisfied") or SATISFIED
    answers = sum(o.ballots for o in overall.options)
    satisfied = sum(o.ballots for o in overall.options if o.key in satisfied_keys)
    return Satisfaction(index, tuple(items), averages, key, answers, satisfied,
                        Fraction(satisfied, answers) if answers else None)


def fill(c, outcome):
    """The outcome with what its result kind reads from the counts."""
    result = result_of(c)
    kind = result["kind"]
    if kind == "choice":
        return replace(outcome, kind=kind, choice=read_choice(c, outcome, result["question"]))
    if kind == "satisfaction":
        return replace(outcome, kind=kind, satisfaction=read_satisfaction(outcome, result))
    return replace(outcome, kind=kind)
