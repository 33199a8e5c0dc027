"""The reader of a choice (an election, a management model, a company): who is chosen.

An option is chosen when the owners who chose it pass the rule's approval (more than
half of the participants' heads and area under the ordinary rule of Art. 278), after
participation passed; among those, the most votes win (heads, then area), up to the
seats. Two options tied for the last seat are neither chosen: the owners vote again.
The template's `result: {kind: choice, question: …}` names the question measured.
"""
from dataclasses import dataclass, field, replace

from app.consultations import messages
from app.rules.api import engine
from app.rules.api import Tally


@dataclass(frozen=True)
class Option:
    key: str
    label: str
    votes: Tally
    passed: bool
    chosen: bool = False
    tied: bool = False


@dataclass(frozen=True)
class ChoiceResult:
    consultation_id: int
    matter: str
    question: str
    seats: int
    status: str
    rule: engine.Rule
    scope: Tally
    participants: Tally
    participation_passed: bool
    decision: str  # pending | chosen | none_chosen | no_participation
    options: list[Option] = field(default_factory=list)
    explanation: str = ""

    @property
    def chosen(self) -> list[str]:
        return [o.label for o in self.options if o.chosen]


def _rank(options: list[Option], seats: int) -> list[Option]:
    """Passing options in order of votes; the first `seats` are chosen, unless a tie sits on
    the last seat (then the tied ones are not chosen)."""
    passing = sorted((o for o in options if o.passed),
                     key=lambda o: (-o.votes.owners, -o.votes.area_m2))
    marks: dict[str, tuple[bool, bool]] = {}
    if len(passing) > seats:
        edge = passing[seats - 1].votes
        tied = {o.key for o in passing if o.votes == edge}
        if any(o.votes == edge for o in passing[seats:]):
            for o in passing[:seats]:
                marks[o.key] = (o.key not in tied, o.key in tied)
            for o in passing[seats:]:
                marks[o.key] = (False, o.key in tied)
        else:
            marks = {o.key: (index < seats, False) for index, o in enumerate(passing)}
    else:
        marks = {o.key: (True, False) for o in passing}
    ordered = passing + [o for o in options if not o.passed]
    return [Option(o.key, o.label, o.votes, o.passed, *marks.get(o.key, (False, False)))
            for o in ordered]


def _explain(result: ChoiceResult) -> str:
    numbers = {"rule": result.rule.title, "owners": result.participants.owners,
               "total": result.scope.owners, "area": engine.area_text(result.participants.area_m2),
               "total_area": engine.area_text(result.scope.area_m2)}
    if result.decision == "pending":
        return messages.CHOICE_PENDING.format(**numbers)
    if result.decision == "no_participation":
        return messages.CHOICE_NO_PARTICIPATION.format(**numbers)
    text = (messages.CHOICE_ELECTED.format(passing=sum(o.passed for o in result.options),
                                    names="、".join(result.chosen), **numbers)
            if result.chosen else messages.CHOICE_NONE_ELECTED.format(**numbers))
    tied = [o.label for o in result.options if o.tied]
    return text + (messages.CHOICE_TIE.format(names="、".join(tied)) if tied else "")


def read_choice(c, outcome, question_key: str) -> ChoiceResult:
    """Who is elected (which model, which company) under the consultation's rule."""
    question = c.question(question_key)
    seats = question.get("max_choices", 1) if question["type"] == "multiple" else 1
    rule = outcome.rule
    counted = outcome.question(question_key)
    participation = engine.threshold_holds(rule.participation, outcome.participants, outcome.scope)
    options = []
    for option in question["options"]:
        count = counted.option(option["key"]) if counted else None
        votes = count.tally if count is not None and count.tally is not None else Tally()
        passed = outcome.final and participation and engine.threshold_holds(
            rule.approval, votes, outcome.participants)
        options.append(Option(option["key"], option["label"], votes, passed))
    if not outcome.final:
        decision = "pending"
    elif not participation:
        decision = "no_participation"
    else:
        options = _rank(options, seats)
        decision = "chosen" if any(o.chosen for o in options) else "none_chosen"
    result = ChoiceResult(c.id, c.template_key, question_key, seats, outcome.status, rule,
                          outcome.scope, outcome.participants, participation, decision, options)
    return replace(result, explanation=_explain(result))
