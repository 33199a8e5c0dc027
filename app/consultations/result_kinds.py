"""What a template's result means (its `result:` in data): decision, content vote,
choice (an election, a model, a company), satisfaction or survey. One reader per kind
(app.consultations.readers) fills the one `Outcome`; nothing outside this domain branches
on a template's key.
"""
from marshmallow import fields, validate

from app.schemas import BaseSchema

RESULT_KINDS = ("decision", "content_vote", "choice", "satisfaction", "survey")
#: the answers of a satisfaction question that count as satisfied, unless the template says
SATISFIED = ("4", "5")


class ResultSchema(BaseSchema):
    """`result:` of a template: what its result means, read by one reader per kind."""

    kind = fields.String(required=True, validate=validate.OneOf(RESULT_KINDS))
    #: choice: the question whose options are measured; satisfaction: the overall question
    question = fields.String(load_default=None, validate=validate.Length(min=1, max=48))
    #: satisfaction: the answers of the overall question that count as satisfied
    satisfied = fields.List(fields.String(validate=validate.Length(min=1, max=48)), load_default=None)


def infer_result(questions: list[dict]) -> dict:
    """The result kind of a template (or a consultation's snapshot) that does not say."""
    deciding = [q for q in questions if q.get("decides")]
    kind = ("content_vote" if any(q["type"] == "items" for q in deciding)
            else "decision" if deciding else "survey")
    return {"kind": kind, "question": None, "satisfied": None}


def result_problem(result: dict, questions: list[dict]) -> str | None:
    """Why a template's `result` does not fit its questions, or None."""
    by_key = {q["key"]: q for q in questions}
    kind, question = result["kind"], by_key.get(result.get("question"))
    if result.get("question") is not None and question is None:
        return "result.question: must name one of the template's questions"
    if kind == "choice" and (question is None or question["type"] not in ("single", "multiple")):
        return "result.question: a choice names a single or multiple choice question"
    if kind == "satisfaction" and not any(q["type"] == "scale" for q in questions):
        return "result.kind: a satisfaction template needs scale questions"
    if kind == "satisfaction" and question is not None and question["type"] != "scale":
        return "result.question: the overall question of a satisfaction is a scale question"
    if kind == "content_vote" and not any(q["type"] == "items" and q.get("decides") for q in questions):
        return "result.kind: a content vote needs a deciding items question"
    if kind == "decision" and not any(q.get("decides") for q in questions):
        return "result.kind: a decision needs a deciding question"
    return None
