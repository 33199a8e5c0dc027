"""What the projects domain needs to know about owners' decisions."""
from app.extensions import db

# Raising or using the maintenance fund is a special matter (民法典第二百七十八条).
FUND_RULES = {"civil_code_278_special"}


def _value(status) -> str:
    return getattr(status, "value", status)


def decision_passed(estate_id: int, consultation_id: int, rules=FUND_RULES) -> bool:
    """True when the consultation is this estate's, closed or published, under one of
    `rules`, and its decision passed."""
    from app.consultations.models import Consultation
    from app.consultations.services import results

    consultation = db.session.get(Consultation, consultation_id)
    if consultation is None or consultation.estate_id != estate_id:
        return False
    if consultation.rule_key not in rules or _value(consultation.status) not in ("closed", "published"):
        return False
    return results(consultation).decision == "passed"


def is_content_vote(consultation) -> bool:
    """A vote with a deciding items question (the content vote, 改造内容表决)."""
    return any(q["type"] == "items" and q.get("decides") for q in consultation.questions)


def content_vote(estate_id: int, consultation_id: int):
    """The estate's content vote by id, or None (another estate's, or not a content vote)."""
    from app.consultations.models import Consultation

    consultation = db.session.get(Consultation, consultation_id)
    if consultation is None or consultation.estate_id != estate_id or not is_content_vote(consultation):
        return None
    return consultation


def content_vote_outcome(estate_id: int, consultation_id: int):
    """The typed Outcome of the estate's content vote (None when there is no such vote)."""
    from app.consultations.services import results

    consultation = content_vote(estate_id, consultation_id)
    return results(consultation) if consultation is not None else None


def consultation_status(consultation_id: int | None) -> str | None:
    from app.consultations.models import Consultation

    consultation = db.session.get(Consultation, consultation_id) if consultation_id else None
    return _value(consultation.status) if consultation is not None else None
