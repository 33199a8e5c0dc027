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
