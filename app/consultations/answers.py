"""Checking a ballot's answers against a consultation's questions (pure, no database).

Returns the normalised answers and the rows the results aggregate; refuses with
InvalidInput whose fields name each question that is wrong:
`{"answers": {"install": "请选择一项"}}`.
"""
from app.consultations import messages
from app.consultations.templates import SCALE_MAX, SCALE_MIN
from app.errors import InvalidInput


class _Wrong(Exception):
    pass


def _visible(question: dict, answers: dict) -> bool:
    """Whether a conditional question is asked, given the answers to earlier questions."""
    condition = question.get("when")
    if not condition:
        return True
    given = answers.get(condition["question"])
    if isinstance(given, list):
        return any(value in condition["in"] for value in given)
    return given in condition["in"]


#: public name for the pages, which show and read only the questions asked
visible = _visible


def _check(question: dict, value):
    """One question's value -> (normalised value, rows of (item_key, option_key, text))."""
    kind = question["type"]
    options = [o["key"] for o in question["options"]]
    if kind == "single":
        if not isinstance(value, str):
            raise _Wrong(messages.ANSWER_CHOOSE_ONE)
        if value not in options:
            raise _Wrong(messages.ANSWER_UNKNOWN_OPTION)
        return value, [("", value, None)]
    if kind == "multiple":
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise _Wrong(messages.ANSWER_CHOOSE_LIST)
        if len(set(value)) != len(value):
            raise _Wrong(messages.ANSWER_DUPLICATE)
        if any(v not in options for v in value):
            raise _Wrong(messages.ANSWER_UNKNOWN_OPTION)
        if len(value) < question["min_choices"]:
            raise _Wrong(messages.ANSWER_MIN.format(n=question["min_choices"]))
        if len(value) > question["max_choices"]:
            raise _Wrong(messages.ANSWER_MAX.format(n=question["max_choices"]))
        ordered = [o for o in options if o in value]
        return ordered, [("", v, None) for v in ordered]
    if kind == "scale":
        if isinstance(value, bool) or not isinstance(value, int) or not SCALE_MIN <= value <= SCALE_MAX:
            raise _Wrong(messages.ANSWER_SCALE)
        return value, [("", str(value), None)]
    if kind == "text":
        if not isinstance(value, str):
            raise _Wrong(messages.ANSWER_TEXT)
        text = value.strip()
        if len(text) > question["max_length"]:
            raise _Wrong(messages.ANSWER_TEXT_LONG.format(n=question["max_length"]))
        return text, ([("", None, text)] if text else [])
    # items: {code: agree|oppose|abstain}; an item left out counts as abstain
    if not isinstance(value, dict):
        raise _Wrong(messages.ANSWER_ITEMS)
    codes = [i["code"] for i in question["items"]]
    unknown = [code for code in value if code not in codes]
    if unknown:
        raise _Wrong(f"{messages.ANSWER_UNKNOWN_ITEM}：{unknown[0]}")
    if any(v not in options for v in value.values()):
        raise _Wrong(messages.ANSWER_ITEMS)
    full = {code: value.get(code, "abstain") for code in codes}
    return full, [(code, option, None) for code, option in full.items()]


def _empty(value) -> bool:
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
        if not _visible(question, normalised):
            if not _empty(value):
                errors[key] = messages.ANSWER_NOT_ASKED
            continue
        if _empty(value) and question["type"] != "items":
            if question["required"] and not (question["type"] == "multiple"
                                             and question["min_choices"] == 0 and value == []):
                errors[key] = messages.ANSWER_REQUIRED
            continue
        if value is None and question["type"] == "items" and question["required"]:
            errors[key] = messages.ANSWER_ITEMS
            continue
        try:
            normalised[key], produced = _check(question, value if value is not None else {})
        except _Wrong as wrong:
            errors[key] = str(wrong)
            continue
        rows.extend((key, item, option, text) for item, option, text in produced)
    if errors:
        raise InvalidInput(messages.ANSWERS_INVALID, fields={"answers": errors})
    return normalised, rows
