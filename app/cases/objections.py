"""询异: an owner's objection to how their own flat is recorded in a closed vote's
preliminary result goes to the street's mediation as a case (一事一议); resolving it
closes that case with the outcome, and closing the case (the ordinary case route) resolves
the objection with the case's outcome; the vote's final 公示 waits for every one.

The objection itself, its period and the publish guard belong to consultations
(app.consultations.preliminary); this module joins an objection to its case in one unit.
"""
from app.audit.services import record
from app.cases import messages
from app.cases.models import Case
from app.cases.services import open_case
from app.consultations import services as consultations
from app.consultations.models import Consultation, ObjectionStatus, ResultObjection
from app.estates.models import Flat
from app.extensions import db

ORIGIN = "result_objection"


def file_objection(c: Consultation, user, flat_id: int, reason: str) -> ResultObjection:
    """Record the objection and open its mediation case, in one commit."""
    objection = consultations.record_objection(c, user, flat_id, reason)
    room = db.session.get(Flat, flat_id).room
    case = open_case(c.estate_id, title=messages.OBJECTION_CASE_TITLE.format(title=c.title, room=room)[:100],
                     description=messages.OBJECTION_CASE_TEXT.format(room=room, reason=reason),
                     affected_flat_ids=[flat_id], actor_id=user.id, origin_type=ORIGIN,
                     origin_id=objection.id)
    objection.case_id = case.id
    db.session.commit()
    return objection


def resolve_objection(objection: ResultObjection, actor_id: int, resolution: str) -> ResultObjection:
    """Resolve the objection and close its case with the same outcome, in one commit."""
    consultations.resolve(objection, actor_id, resolution)
    case = db.session.get(Case, objection.case_id) if objection.case_id else None
    if case is not None and not case.is_closed:
        case.close(resolution, None, actor_id)
        record("case.closed", estate_id=case.estate_id, actor_id=actor_id, subject_type="case",
               subject_id=case.id, data={"outcome": resolution, "objection_id": objection.id})
    db.session.commit()
    return objection


def resolve_with_case(case: Case, actor_id: int, outcome: str) -> None:
    """The case being closed was opened for an objection: the objection is resolved with the
    case's outcome in the same unit (flushed; the caller commits). Mediation's end is one fact,
    whichever of the two routes the committee took to record it."""
    if case.origin_type != ORIGIN:
        return
    objection = db.session.get(ResultObjection, case.origin_id)
    if objection is not None and objection.status != ObjectionStatus.resolved:
        consultations.resolve(objection, actor_id, outcome)
