"""The outcome of a consultation: one typed object every reader takes.

`tally.results(c)` builds it once from a fixed number of aggregate queries. The API
schema, the explanation, the 公示 exports, elevators, cases, projects, staff, the
public page and the live tally all read it: numbers stay numbers (`Tally`, exact
`Fraction` thresholds) and nobody parses a string formatted for people.
`as_dict()` is the results shape of API.md, for the JSON answer and the live event.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING
from decimal import Decimal
from fractions import Fraction

from app.consultations import messages
from app.consultations.means import Means, explain_means
from app.consultations.question_types import ItemSummary, OptionCount
from app.rules.api import engine
from app.rules.api import Rule, Tally

if TYPE_CHECKING:
    from app.consultations.choice import ChoiceResult
    from app.consultations.readers import Satisfaction

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class Approval:
    """A decision question's (or item's) approving tally under the rule."""

    approving: Tally
    passed: bool
    decision: str  # passed | failed | pending


@dataclass(frozen=True)
class ItemOutcome(ItemSummary):
    """An item's counts, and its approval when the question decides."""

    approval: Approval | None = None


@dataclass(frozen=True)
class QuestionOutcome:
    key: str
    type: str
    title: str
    options: tuple[OptionCount, ...] = ()
    items: tuple[ItemOutcome, ...] = ()
    answers: int | None = None  # text questions
    average: Decimal | None = None  # scale questions
    approval: Approval | None = None  # single deciding questions

    def option(self, key: str) -> OptionCount | None:
        return next((o for o in self.options if o.key == key), None)


@dataclass(frozen=True)
class Outcome:
    consultation_id: int
    rule: Rule
    status: str
    voters: str
    hidden: bool
    scope_type: str
    scope_id: int | None
    flat_count: int
    scope: Tally  # heads and area of the scope
    residents: int | None  # verified residents in scope (residents' surveys only)
    participants: Tally
    ballots: int
    channels: dict[str, int]
    participation_passed: bool | None
    questions: tuple[QuestionOutcome, ...]
    decision: str | None
    missing: Tally  # what participation still lacks
    #: content votes, once final: the approved items in order of approval, within the cap
    means: Means | None = None
    #: what the result means (the template's `result.kind`): decision, content_vote, choice,
    #: satisfaction or survey; its reader fills `choice` or `satisfaction`
    kind: str = "survey"
    choice: ChoiceResult | None = None
    satisfaction: Satisfaction | None = None

    @property
    def per_resident(self) -> bool:
        return self.residents is not None

    @property
    def final(self) -> bool:
        return self.status in ("closed", "published")

    def question(self, key: str) -> QuestionOutcome | None:
        return next((q for q in self.questions if q.key == key), None)

    @property
    def turnout(self) -> Fraction:
        """Heads that took part over heads in scope (0 when nobody is in scope)."""
        return Fraction(self.participants.owners, self.scope.owners) if self.scope.owners else Fraction(0)

    @property
    def deciding(self) -> list[QuestionOutcome]:
        return [q for q in self.questions if q.approval is not None]

    @property
    def item_decisions(self) -> list[str]:
        return [i.approval.decision for q in self.questions for i in q.items if i.approval]

    @property
    def explanation(self) -> str:
        return explain(self)

    def as_dict(self) -> dict:
        """The results shape of API.md."""
        scope = {"type": self.scope_type, "id": self.scope_id, "flats": self.flat_count,
                 **engine.tally_view(self.scope)}
        if self.per_resident:
            scope["residents"] = self.residents
        return {
            "consultation_id": self.consultation_id, "rule": self.rule.key,
            "rule_title": self.rule.title, "status": self.status, "voters": self.voters,
            "hidden": self.hidden, "scope": scope, "participation": self._participation_view(),
            "channels": dict(self.channels),
            "questions": [self._question_view(q) for q in self.questions],
            "decision": self.decision, "missing": engine.tally_view(self.missing),
            "thresholds": {"participation": engine.threshold_view(self.rule.participation),
                           "approval": engine.threshold_view(self.rule.approval)},
            "explanation": self.explanation,
            "within_means": self.means.as_dict() if self.means is not None else None,
        }

    def _participation_view(self) -> dict:
        """Owners and area for per-flat consultations; respondents for residents' surveys."""
        if not self.per_resident:
            return {**engine.block(self.participants, self.scope, self.participation_passed),
                    "ballots": self.ballots}
        return {"ballots": self.ballots, "residents": engine.ratio_text(self.ballots, self.residents),
                "residents_decimal": engine.ratio_decimal(self.ballots, self.residents),
                "passed": None}

    def _options_view(self, options: tuple[OptionCount, ...]) -> dict:
        return {o.key: {"label": o.label, "ballots": o.ballots,
                        **(engine.tally_view(o.tally) if o.tally is not None else {})}
                for o in options}

    def _approval_view(self, approval: Approval) -> dict:
        return engine.block(approval.approving, self.participants, approval.passed)

    def _question_view(self, q: QuestionOutcome) -> dict:
        view = {"key": q.key, "type": q.type, "title": q.title}
        if q.type == "text":
            view["answers"] = q.answers
            return view
        if self.hidden:
            return view
        if q.items:
            view["items"] = []
            for item in q.items:
                entry = {"code": item.code, "label": item.label, "category": item.category,
                         "options": self._options_view(item.options)}
                if item.approval is not None:
                    entry["approval"] = self._approval_view(item.approval)
                    entry["decision"] = item.approval.decision
                view["items"].append(entry)
            return view
        view["options"] = self._options_view(q.options)
        if q.type == "scale":
            view["average"] = None if q.average is None else str(q.average)
        if q.approval is not None:
            view["approval"] = self._approval_view(q.approval)
        return view


def explain(o: Outcome) -> str:
    """Why the outcome is what it is, in one or two plain sentences."""
    free = o.rule.participation is None  # a rule without a participation threshold
    numbers = {"rule": o.rule.title, "owners": o.participants.owners, "total": o.scope.owners,
               "area": engine.area_text(o.participants.area_m2),
               "total_area": engine.area_text(o.scope.area_m2),
               "met": messages.PARTICIPATION_FREE if free else messages.PARTICIPATION_MET}
    if o.per_resident:
        text = messages.EXPLAIN_RESIDENTS.format(ballots=o.ballots)
    elif not o.rule.decides:
        text = messages.EXPLAIN_NONE.format(**numbers)
    elif o.decision == engine.PENDING:
        text = messages.EXPLAIN_PENDING.format(**numbers)
        if free:
            text += messages.EXPLAIN_NO_PARTICIPATION_THRESHOLD
        elif o.missing.owners or o.missing.area_m2:
            text += messages.EXPLAIN_MISSING.format(owners=o.missing.owners,
                                                    area=engine.area_text(o.missing.area_m2))
        else:
            text += messages.EXPLAIN_PARTICIPATION_MET
    else:
        deciding = o.deciding
        failing = next((q for q in deciding if q.approval.decision != engine.PASSED),
                       deciding[0] if deciding else None)
        agree = {"agree": failing.approval.approving.owners if failing else 0,
                 "agree_area": engine.area_text(failing.approval.approving.area_m2 if failing else ZERO)}
        if not o.participation_passed:
            text = messages.EXPLAIN_FAILED_PARTICIPATION.format(**numbers)
        elif not deciding:
            text = messages.EXPLAIN_PARTICIPATION_ONLY.format(**numbers)
        elif o.decision == engine.PASSED:
            text = messages.EXPLAIN_PASSED.format(**numbers, **agree)
        else:
            text = messages.EXPLAIN_FAILED_APPROVAL.format(**numbers, **agree)
    items = o.item_decisions
    if items and not o.hidden and o.decision != engine.PENDING:
        text += messages.EXPLAIN_ITEMS.format(passed=items.count(engine.PASSED),
                                              failed=items.count(engine.FAILED))
    if o.means is not None and o.decision == engine.PASSED:
        text += explain_means(o.means)
    if o.hidden:
        text += messages.EXPLAIN_HIDDEN
    return text
