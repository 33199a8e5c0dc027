"""One class per question type: everything that differs between single, multiple, scale,
text and items questions lives here, and nowhere else.

Each type knows how to check an answer (the API and the pages), read it from a form
post (the pages without JavaScript), summarise the counted answers (results), say a
ballot's answer in words (公示 exports); the pages render it with the partial named by
its key (`web/consultations/questions/<key>.html`). A new type is one class here,
registered in `TYPES`, its partial, and its template entry (the `QuestionSchema` of
templates.py validates options and items by the flags each class declares).
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from app.consultations import messages
from app.rules.api import engine
from app.rules.api import Tally

SCALE_MIN, SCALE_MAX = 1, 5


class Wrong(Exception):
    """An answer that does not fit its question; the message says why, in Chinese."""


@dataclass(frozen=True)
class OptionCount:
    """One option of a question (or of one item): ballots that chose it, and for per-flat
    consultations the heads and area that did (None for residents' surveys)."""

    key: str
    label: str
    ballots: int
    tally: Tally | None


@dataclass(frozen=True)
class Counted:
    """What the tally counted, handed to each type to summarise its question."""

    ballots: dict  # (question, item, option) -> ballots
    heads: dict  # (question, item, option) -> Tally (per-flat consultations only)
    per_resident: bool

    def options(self, question: dict, item: str = "") -> tuple[OptionCount, ...]:
        return tuple(
            OptionCount(o["key"], o["label"], self.ballots.get((question["key"], item, o["key"]), 0),
                        None if self.per_resident
                        else self.heads.get((question["key"], item, o["key"]), Tally()))
            for o in question["options"])


@dataclass(frozen=True)
class ItemSummary:
    code: str
    label: str
    category: str | None
    options: tuple[OptionCount, ...]


@dataclass(frozen=True)
class QuestionSummary:
    """A question's counted answers, before any rule is applied."""

    key: str
    type: str
    title: str
    decides: bool
    options: tuple[OptionCount, ...] = ()
    items: tuple[ItemSummary, ...] = ()
    answers: int | None = None  # text questions: how many wrote something
    average: Decimal | None = None  # scale questions


class QuestionType:
    key = ""
    has_options = False  # the template names options (single, multiple)
    has_items = False  # the template names items (items)
    can_decide = False  # may carry `decides: true`

    def check(self, question: dict, value) -> tuple[object, list[tuple]]:
        """(normalised value, rows of (item_key, option_key, text)) or Wrong."""
        raise NotImplementedError

    def blank(self, question: dict, value):
        """An unanswered question: None (nothing recorded), a value to check instead, or
        Wrong when an answer is required."""
        if question["required"]:
            raise Wrong(messages.ANSWER_REQUIRED)
        return None

    def read_form(self, question: dict, form, name: str):
        """The answer as the API takes it from a form post, or None when not answered."""
        value = form.get(name, "")
        return value if value != "" else None

    def summarise(self, question: dict, counted: Counted) -> QuestionSummary:
        return QuestionSummary(question["key"], self.key, question["title"], question["decides"],
                               options=counted.options(question))

    def in_words(self, question: dict, value) -> str:
        labels = {o["key"]: o["label"] for o in question["options"]}
        return labels.get(value, str(value))


class Single(QuestionType):
    key, has_options, can_decide = "single", True, True

    def check(self, question, value):
        if not isinstance(value, str):
            raise Wrong(messages.ANSWER_CHOOSE_ONE)
        if value not in _option_keys(question):
            raise Wrong(messages.ANSWER_UNKNOWN_OPTION)
        return value, [("", value, None)]


class Multiple(QuestionType):
    key, has_options = "multiple", True

    def check(self, question, value):
        options = _option_keys(question)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise Wrong(messages.ANSWER_CHOOSE_LIST)
        if len(set(value)) != len(value):
            raise Wrong(messages.ANSWER_DUPLICATE)
        if any(v not in options for v in value):
            raise Wrong(messages.ANSWER_UNKNOWN_OPTION)
        if len(value) < question["min_choices"]:
            raise Wrong(messages.ANSWER_MIN.format(n=question["min_choices"]))
        if len(value) > question["max_choices"]:
            raise Wrong(messages.ANSWER_MAX.format(n=question["max_choices"]))
        ordered = [o for o in options if o in value]
        return ordered, [("", v, None) for v in ordered]

    def blank(self, question, value):
        if value == [] and question["min_choices"] == 0:
            return None  # "none of these" is an answer when none is allowed
        return super().blank(question, value)

    def read_form(self, question, form, name):
        return form.getlist(name) or None

    def in_words(self, question, value):
        return "、".join(super(Multiple, self).in_words(question, v) for v in value or [])


class Scale(QuestionType):
    key = "scale"

    def check(self, question, value):
        if isinstance(value, bool) or not isinstance(value, int) or not SCALE_MIN <= value <= SCALE_MAX:
            raise Wrong(messages.ANSWER_SCALE)
        return value, [("", str(value), None)]

    def read_form(self, question, form, name):
        value = form.get(name, "")
        if value == "":
            return None
        return int(value) if value.isdigit() else value

    def summarise(self, question, counted):
        options = counted.options(question)
        total = sum(o.ballots for o in options)
        weighted = sum(int(o.key) * o.ballots for o in options)
        average = Decimal(engine.ratio_decimal(weighted, total, places=2)) if total else None
        return QuestionSummary(question["key"], self.key, question["title"], False,
                               options=options, average=average)


class Text(QuestionType):
    key = "text"

    def check(self, question, value):
        if not isinstance(value, str):
            raise Wrong(messages.ANSWER_TEXT)
        text = value.strip()
        if len(text) > question["max_length"]:
            raise Wrong(messages.ANSWER_TEXT_LONG.format(n=question["max_length"]))
        return text, ([("", None, text)] if text else [])

    def read_form(self, question, form, name):
        value = form.get(name, "")
        return value if value.strip() else None

    def summarise(self, question, counted):
        return QuestionSummary(question["key"], self.key, question["title"], False,
                               answers=counted.ballots.get((question["key"], "", None), 0))

    def in_words(self, question, value):
        return str(value or "")


class Items(QuestionType):
    """Many items, each agree / oppose / abstain; an item left out counts as abstain."""

    key, has_items, can_decide = "items", True, True

    def blank(self, question, value):
        if value is None and question["required"]:
            raise Wrong(messages.ANSWER_ITEMS)
        return {}  # every item abstains

    def check(self, question, value):
        if not isinstance(value, dict):
            raise Wrong(messages.ANSWER_ITEMS)
        codes = [i["code"] for i in question["items"]]
        unknown = [code for code in value if code not in codes]
        if unknown:
            raise Wrong(f"{messages.ANSWER_UNKNOWN_ITEM}：{unknown[0]}")
        if any(v not in _option_keys(question) for v in value.values()):
            raise Wrong(messages.ANSWER_ITEMS)
        full = {code: value.get(code, "abstain") for code in codes}
        return full, [(code, option, None) for code, option in full.items()]

    def read_form(self, question, form, name):
        return {item["code"]: form[f"{name}.{item['code']}"] for item in question["items"]
                if form.get(f"{name}.{item['code']}")}

    def summarise(self, question, counted):
        items = tuple(ItemSummary(item["code"], item["label"], item["category"],
                                  counted.options(question, item["code"]))
                      for item in question["items"])
        return QuestionSummary(question["key"], self.key, question["title"], question["decides"],
                               options=(), items=items)

    def in_words(self, question, value):
        chosen = list((value or {}).values())
        return " / ".join(f"{label} {chosen.count(key)} 项"
                          for key, label in messages.ITEM_OPTION_LABELS.items())


def _option_keys(question: dict) -> list[str]:
    return [o["key"] for o in question["options"]]


TYPES: dict[str, QuestionType] = {t.key: t for t in (Single(), Multiple(), Scale(), Text(), Items())}


def type_of(question: dict) -> QuestionType:
    return TYPES[question["type"]]
