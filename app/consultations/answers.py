"""Checking a ballot's answers against a consultation's questions (pure, no database).

Returns the normalised answers and the rows the results aggregate; refuses with
InvalidInput whose fields name each question that is wrong:
`{"answers": {"install": "请选择一项"}}`.
"""
from app.consultations import messages
from app.consultations.question_types import Wrong, type_of
from app.errors import InvalidInput


def visible(question: dict, answers: dict) -> bool:
    """Whether a conditional question is asked, given the answers to earlier questions."""
    condition = question.get("when")
    if not condition:
        return True
    given = answers.get(condition["question"])
    if isinstance(given, list):
        return any(value in condition["in"] for value in given)
    return given in condition["in"]


def is_empty(value) -> bool:
    return value is None or value == "" or value == [] or value == {}


def check_answers(questions: list[dict], answers: dict) -> tuple[dict, list[tuple]]:
    """Validate every answer; returns (normalised answers, [(question, item, option, text)])."""
    errors, normalised, rows = {}, {}, []
    known = {q["key"] for q in questions}
    for key in answers:
        if key not in known:
            errors[key] = messages.ANSWER_UNKNOWN_QUESTION
    for question in questions:
        key = question["key"]
        value = answers.get(key)
        question_type = type_of(question)
        if not visible(question, normalised):
            if not is_empty(value):
                errors[key] = messages.ANSWER_NOT_ASKED
            continue
        if is_empty(value):
            try:
                value = question_type.blank(question, value)
            except Wrong as wrong:
                errors[key] = str(wrong)
                continue
            if value is None:
                continue
        try:
            normalised[key], produced = question_type.check(question, value)
        except Wrong as wrong:
            errors[key] = str(wrong)
            continue
        rows.extend((key, item, option, text) for item, option, text in produced)
    if errors:
        raise InvalidInput(messages.ANSWERS_INVALID, fields={"answers": errors})
    return normalised, rows
