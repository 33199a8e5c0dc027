"""Where elevator projects meet other domains: the consent round (consultations) and 一事一议 cases.

Only this module imports those domains' services and models, so the contract
between them is in one place.
"""
from app.cases.api import Case
from app.cases.api import case_is_resolved, open_case
from app.consultations.api import services as consultations
from app.consultations.api import Consultation
from app.consultations.api import Outcome
from app.elevators import messages
from app.extensions import db
from app.rules.api import missing

TEMPLATE = "elevator_consent"
QUESTION = "install"
AGREE = "agree"
OBJECTION_ORIGIN = "elevator_objection"


def open_round(stairwell, *, title: str, closes_at, actor_id: int,
               rule_key: str | None) -> Consultation:
    """Create and open the consent consultation of a stairwell, in the caller's transaction
    (one unit of work with the project); the rule comes from the template's data unless the
    committee names another preset."""
    consultation = consultations.create_consultation(
        stairwell.estate_id, template_key=TEMPLATE, closes_at=closes_at, actor_id=actor_id,
        title=title, scope_type="stairwell", scope_id=stairwell.id, rule_key=rule_key)
    return consultations.open_consultation(consultation, actor_id)


def consultation_of(consultation_id: int | None) -> Consultation | None:
    return db.session.get(Consultation, consultation_id) if consultation_id else None


def outcome_of(consultation_id: int | None) -> Outcome | None:
    """The consent round's outcome (computed once per request by the caller, then passed on)."""
    consultation = consultation_of(consultation_id)
    return consultations.results(consultation) if consultation is not None else None


def decision(outcome: Outcome | None) -> str:
    return outcome.decision if outcome is not None else "pending"


def agreeing_flat_ids(consultation_id: int | None) -> set[int]:
    """Flats whose current ballot says agree to the installation."""
    return {flat_id for flat_id, option in stances(consultation_id).items() if option == AGREE}


def stances(consultation_id: int | None) -> dict[int, str]:
    """Each voted flat's current answer to the install question (agree / oppose / abstain)."""
    return consultations.choices(consultation_id, QUESTION)


def progress(outcome: Outcome | None) -> list[dict]:
    """For each threshold of the rule: is it met, and what is still missing ("还差业主 3 人 / 212.40 ㎡")."""
    if outcome is None:
        return []
    rule = outcome.rule
    question = outcome.question(QUESTION)
    approval = question.approval if question is not None else None
    checks = [("participation", messages.PROGRESS_PARTICIPATION, rule.participation,
               outcome.participants, outcome.scope)]
    if approval is not None:  # absent while tallies are hidden
        checks.append(("approval", messages.PROGRESS_APPROVAL, rule.approval, approval.approving,
                       outcome.participants))
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
