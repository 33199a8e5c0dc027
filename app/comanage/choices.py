"""The owners' decisions of 共管: rules, the committee election, the management model and
the property service company; each a consultation made from its data template.

Who is chosen in an election (a model, a company) is read by the consultations domain
(`app.consultations.choice`, the template's `result: {kind: choice}`); this module starts
the decisions, puts the named candidates in, and lists them.
"""
from datetime import datetime

from app.audit.api import record
from app.comanage import messages
from app.consultations.api import services as consultations
from app.consultations.api import Consultation
from app.consultations.api import ChoiceResult
from app.errors import InvalidInput
from app.unit_of_work import unit

#: the decisions a committee starts from the 共管 page, by template key
MATTERS = ("management_statute", "meeting_rules", "committee_election", "management_model",
           "property_company", "public_income_use")
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


def _questions(matter: str, candidates, seats) -> tuple[list[dict] | None, list[dict] | None]:
    """The template's questions with the named candidates (and seats) put in, and the named
    options; (None, None) for a template whose options are final."""
    template = consultations.get_template(matter)
    if template is None or not template.options_named_at_creation:
        if candidates:
            raise InvalidInput(messages.NOT_FOR_CANDIDATES,
                               fields={"candidates": messages.NOT_FOR_CANDIDATES})
        return None, None
    options = _named_options(candidates)
    questions = [dict(q) for q in template.questions]
    question = next(q for q in questions if q["key"] == template.options_named_at_creation)
    question["options"] = options
    if question["type"] == "multiple":
        seats = seats or 1
        if not 1 <= seats <= len(options):
            text = messages.SEATS_WRONG.format(n=len(options))
            raise InvalidInput(text, fields={"seats": text})
        question["max_choices"] = seats
    return questions, options


@unit
def start_decision(estate_id: int, matter: str, closes_at: datetime, actor_id: int, *,
                   title: str | None = None, candidates=None, seats: int | None = None,
                   open_now: bool = True) -> Consultation:
    """A decision of the owners of the whole estate, opened at once unless told otherwise."""
    questions, options = _questions(matter, candidates, seats)
    consultation = consultations.create_consultation(
        estate_id, template_key=matter, closes_at=closes_at, actor_id=actor_id, title=title,
        named_questions=questions)
    if questions is not None:
        record("comanage.choice_named", estate_id=estate_id, actor_id=actor_id,
               subject_type="consultation", subject_id=consultation.id,
               data={"options": options, "seats": seats})
    if open_now:
        consultations.open_consultation(consultation, actor_id)
    return consultation


def choice_result(c: Consultation) -> ChoiceResult:
    """Who is elected (which model, which company): the choice its outcome's reader filled."""
    choice = consultations.results(c).choice
    if choice is None:
        raise InvalidInput(messages.NOT_A_CHOICE)
    return choice


def named_matters() -> tuple[str, ...]:
    """The matters whose options (candidates, companies) are named when they are started."""
    return tuple(key for key in MATTERS if (template := consultations.get_template(key)) is not None
                 and template.options_named_at_creation)


def decisions_of(estate_id: int, user) -> list[Consultation]:
    """The estate's 共管 decisions this person may see, newest first."""
    return consultations.list_consultations(estate_id, user, templates=MATTERS)
