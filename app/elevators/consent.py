"""Where elevator projects meet other domains: the consent round (consultations) and 一事一议 cases.

Only this module imports those domains' services and models, so the contract
between them is in one place.
"""
from decimal import Decimal

from sqlalchemy import select

from app.cases.models import Case
from app.cases.services import case_is_resolved, open_case
from app.consultations import services as consultations
from app.consultations.models import Ballot, BallotAnswer, Consultation
from app.elevators import messages
from app.extensions import db
from app.rules import get_rule
from app.rules.engine import Tally, missing

TEMPLATE = "elevator_consent"
QUESTION = "install"
AGREE = "agree"
OBJECTION_ORIGIN = "elevator_objection"


def open_round(stairwell, *, title: str, closes_at, actor_id: int,
               rule_key: str | None) -> Consultation:
    """Create and open the consent consultation of a stairwell, in the caller's transaction
    (it commits, then announces); the rule comes from the template's data unless the
    committee names another preset."""
    consultation = consultations.create_consultation(
        stairwell.estate_id, template_key=TEMPLATE, closes_at=closes_at, actor_id=actor_id,
        title=title, scope_type="stairwell", scope_id=stairwell.id, rule_key=rule_key, commit=False)
    return consultations.open_consultation(consultation, actor_id, commit=False)


def consultation_of(consultation_id: int | None) -> Consultation | None:
    return db.session.get(Consultation, consultation_id) if consultation_id else None


def results(consultation_id: int | None) -> dict | None:
    consultation = consultation_of(consultation_id)
    return consultations.results(consultation) if consultation is not None else None


def decision(consultation_id: int | None) -> str:
    result = results(consultation_id)
    return result["decision"] if result else "pending"


def agreeing_flat_ids(consultation_id: int | None) -> set[int]:
    """Flats whose current ballot says agree to the installation."""
    return {flat_id for flat_id, option in stances(consultation_id).items() if option == AGREE}


def stances(consultation_id: int | None) -> dict[int, str]:
    """Each voted flat's current answer to the install question (agree / oppose / abstain)."""
    if not consultation_id:
        return {}
    rows = db.session.execute(
        select(Ballot.flat_id, BallotAnswer.option_key)
        .join(BallotAnswer, BallotAnswer.ballot_id == Ballot.id).where(
            Ballot.consultation_id == consultation_id, BallotAnswer.question_key == QUESTION,
            Ballot.flat_id.is_not(None)))
    return {flat_id: option for flat_id, option in rows}


def progress(result: dict | None) -> list[dict]:
    """For each threshold of the rule: is it met, and what is still missing ("还差 3 户 / 212.40 ㎡")."""
    if not result:
        return []
    rule = get_rule(result["rule"])
    scope = Tally(result["scope"]["owners"], Decimal(result["scope"]["area_m2"]))
    participants = _tally(result["participation"])
    question = next((q for q in result["questions"] if q["key"] == QUESTION), {})
    approval = question.get("approval")
    checks = [("participation", messages.PROGRESS_PARTICIPATION, rule.participation,
               participants, scope)]
    if approval is not None:  # absent while tallies are hidden
        checks.append(("approval", messages.PROGRESS_APPROVAL, rule.approval, _tally(approval),
                       participants))
    lines = []
    for key, label, threshold, part, whole in checks:
        if threshold is None:
            continue
        gap = missing(threshold, part, whole)
        met = gap.owners == 0 and gap.area_m2 == 0
        lines.append({
            "threshold": key, "label": label, "met": met,
            "missing_owners": gap.owners, "missing_area_m2": f"{gap.area_m2:.2f}",
            "text": messages.PROGRESS_MET if met else messages.PROGRESS_MISSING.format(
                owners=gap.owners, area=f"{gap.area_m2:.2f}")})
    return lines


def _tally(block: dict) -> Tally:
    """The part of a results block's exact fractions ("8/12", "498.10/742.80")."""
    owners, _ = block["owners"].split("/")
    area, _ = block["area"].split("/")
    return Tally(int(owners), Decimal(area))


# --- 一事一议 --------------------------------------------------------------------------------------

def open_objection_case(project, flat, user_id: int, *, title: str, description: str) -> int:
    """Open the project's objection case, or join it; in the caller's transaction."""
    case = open_case(project.estate_id, title=title, description=description,
                     affected_flat_ids=[flat.id], actor_id=user_id,
                     origin_type=OBJECTION_ORIGIN, origin_id=project.id)
    return case.id


def case_resolved(case_id: int | None) -> bool:
    """Closed with an outcome."""
    case = db.session.get(Case, case_id) if case_id else None
    return case is not None and case_is_resolved(case)
