"""The owners' decisions of 共管: rules, the committee election, the management model and
the property service company; each a consultation made from its data template.

A choice (an election, a model, a company) is measured option by option: an option is
chosen when the owners who chose it pass the rule's approval (more than half of the
participants' heads and area under the ordinary rule of Art. 278), after participation
passed; among those, the most votes win (heads, then area), up to the seats. Two
options tied for the last seat are neither chosen: the owners vote again.
"""
from dataclasses import dataclass, field, replace
from datetime import datetime

from app.audit.api import record
from app.comanage import messages
from app.consultations.api import services as consultations
from app.consultations.api import Consultation
from app.errors import InvalidInput
from app.extensions import db
from app.rules.api import engine
from app.rules.api import Tally

#: the decisions a committee starts from the 共管 page, by template key
MATTERS = ("management_statute", "meeting_rules", "committee_election", "management_model",
           "property_company", "public_income_use")
#: choice templates: the question whose options are measured, and whether candidates are named
CHOICE_QUESTIONS = {"committee_election": "candidates", "management_model": "model",
                    "property_company": "company"}
NAMED_OPTIONS = {"committee_election", "property_company"}
MAX_CANDIDATES = 30


def _named_options(names: list[str]) -> list[dict]:
    cleaned = [name.strip() for name in names or [] if name and name.strip()]
    if not cleaned:
        raise InvalidInput(messages.CANDIDATES_REQUIRED,
                           fields={"candidates": messages.CANDIDATES_REQUIRED})
    for name in cleaned:
        if cleaned.count(name) > 1:
            text = messages.CANDIDATES_TWICE.format(name=name)
            raise InvalidInput(text, fields={"candidates": text})
    return [{"key": f"c{index}", "label": name} for index, name in enumerate(cleaned, start=1)]


def _questions(matter: str, candidates, seats) -> list[dict] | None:
    """The template's questions with the named candidates (and seats) put in, or None."""
    if matter not in NAMED_OPTIONS:
        if candidates:
            raise InvalidInput(messages.NOT_FOR_CANDIDATES,
                               fields={"candidates": messages.NOT_FOR_CANDIDATES})
        return None
    options = _named_options(candidates)
    template = consultations.get_template(matter)
    if template is None:  # a deployment's template folder without it
        raise InvalidInput(fields={"matter": messages.UNKNOWN_TEMPLATE})
    questions = [dict(q) for q in template.questions]
    question = next(q for q in questions if q["key"] == CHOICE_QUESTIONS[matter])
    question["options"] = options
    if question["type"] == "multiple":
        seats = seats or 1
        if not 1 <= seats <= len(options):
            text = messages.SEATS_WRONG.format(n=len(options))
            raise InvalidInput(text, fields={"seats": text})
        question["max_choices"] = seats
    return questions


def start_decision(estate_id: int, matter: str, closes_at: datetime, actor_id: int, *,
                   title: str | None = None, candidates=None, seats: int | None = None,
                   open_now: bool = True) -> Consultation:
    """A decision of the owners of the whole estate, opened at once unless told otherwise."""
    questions = _questions(matter, candidates, seats)
    consultation = consultations.create_consultation(
        estate_id, template_key=matter, closes_at=closes_at, actor_id=actor_id, title=title,
        named_questions=questions, commit=False)
    if questions is not None:
        record("comanage.choice_named", estate_id=estate_id, actor_id=actor_id,
               subject_type="consultation", subject_id=consultation.id,
               data={"options": [q["options"] for q in questions
                                 if q["key"] == CHOICE_QUESTIONS[matter]][0], "seats": seats})
    db.session.commit()
    if open_now:
        consultations.open_consultation(consultation, actor_id)
    return consultation


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
        return messages.PENDING.format(**numbers)
    if result.decision == "no_participation":
        return messages.NO_PARTICIPATION.format(**numbers)
    text = (messages.ELECTED.format(passing=sum(o.passed for o in result.options),
                                    names="、".join(result.chosen), **numbers)
            if result.chosen else messages.NONE_ELECTED.format(**numbers))
    tied = [o.label for o in result.options if o.tied]
    return text + (messages.TIE.format(names="、".join(tied)) if tied else "")


def choice_result(c: Consultation) -> ChoiceResult:
    """Who is elected (which model, which company) under the consultation's rule."""
    key = CHOICE_QUESTIONS.get(c.template_key)
    if key is None:
        raise InvalidInput(messages.NOT_A_CHOICE)
    outcome = consultations.results(c)
    question = c.question(key)
    seats = question.get("max_choices", 1) if question["type"] == "multiple" else 1
    rule = outcome.rule
    counted = outcome.question(key)
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
    result = ChoiceResult(c.id, c.template_key, key, seats, outcome.status, rule, outcome.scope,
                          outcome.participants, participation, decision, options)
    return replace(result, explanation=_explain(result))


def decisions_of(estate_id: int, user) -> list[Consultation]:
    """The estate's 共管 decisions this person may see, newest first."""
    return [c for c in consultations.list_consultations(estate_id, user)
            if c.template_key in MATTERS]
