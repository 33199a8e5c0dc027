"""询异: an owner's objection to how their own flat is recorded in a closed vote's
preliminary result goes to the street's mediation as a case (一事一议); resolving it
closes that case with the outcome, and closing the case (the ordinary case route) resolves
the objection with the case's outcome; the vote's final 公示 waits for every one.

The objection itself, its period and the publish guard belong to consultations
(app.consultations.preliminary); this module joins an objection to its case in one unit.
"""
from app.audit.api import record
from app.cases import messages
from app.cases.models import Case
from app.cases.services import open_case
from app.consultations.api import services as consultations
from app.consultations.api import Consultation, ObjectionStatus, ResultObjection
from app.estates.api import Flat
from app.db import lock_row
from app.errors import DomainError
from app.extensions import db
from app.notifications.api import owners_of
from app.notifications.api import notify, tell

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


def resolve_objection(objection: ResultObjection, actor_id: int, resolution: str,
                      ballot_action: str | None = None, answers: dict | None = None) -> ResultObjection:
    """Resolve the objection and close its case with the same outcome, in one commit. Upheld
    about the flat's ballot (`ballot_action` void or correct), the ballot is voided or
    corrected with the resolution as its reason, and the flat's owners are told."""
    lock_row(db.session, ResultObjection, objection.id)  # two resolutions of one objection take turns
    db.session.refresh(objection)
    consultations.resolve(objection, actor_id, resolution)  # 409 when already resolved
    told = []
    if ballot_action is not None:
        c = consultations.get_consultation(objection.consultation_id)
        try:
            correction = consultations.correct_ballot(c, objection, actor_id, ballot_action, resolution, answers)
        except DomainError:
            db.session.rollback()  # refused: the ballot and the objection stay as they were
            raise
        told = tell_owners(c, correction)
    told += tell_objector(objection)
    case = db.session.get(Case, objection.case_id) if objection.case_id else None
    if case is not None and not case.is_closed:
        case.close(resolution, None, actor_id)
        record("case.closed", estate_id=case.estate_id, actor_id=actor_id, subject_type="case",
               subject_id=case.id, data={"outcome": resolution, "objection_id": objection.id})
    db.session.commit()
    return objection


def tell_owners(c: Consultation, correction) -> list:
    """Each verified owner of the flat: their ballot was voided or corrected, and why."""
    action = consultations.CORRECTION_ACTIONS[correction.action]
    room = db.session.get(Flat, correction.flat_id).room
    sent = [notify(owner_id, estate_id=c.estate_id, kind="ballot_corrected",
                   title=messages.CORRECTED_TITLE.format(room=room, action=action)[:100],
                   body=messages.CORRECTED_BODY.format(title=c.title, room=room, action=action,
                                                       reason=correction.reason)[:500],
                   link=f"/consultations/{c.id}#preliminary")
            for owner_id in owners_of(correction.flat_id)]
    return [notification for notification in sent if notification is not None]


def tell_objector(objection: ResultObjection) -> list:
    """Whoever filed the objection hears the decision, in the app and by SMS/WeChat."""
    c = consultations.get_consultation(objection.consultation_id)
    room = db.session.get(Flat, objection.flat_id).room
    return tell([objection.filed_by_id], estate_id=c.estate_id, kind="objection_decided",
                title=messages.OBJECTION_DECIDED_TITLE,
                body=messages.OBJECTION_DECIDED_BODY.format(title=c.title, room=room,
                                                            resolution=objection.resolution),
                link=f"/consultations/{c.id}#preliminary", dedup_key=f"objection-decided:{objection.id}",
                notice="objection_decided", params={"title": c.title})


def resolve_with_case(case: Case, actor_id: int, outcome: str) -> None:
    """The case being closed was opened for an objection: the objection is resolved with the
    case's outcome in the same unit (flushed; the caller commits). Mediation's end is one fact,
    whichever of the two routes the committee took to record it."""
    if case.origin_type != ORIGIN:
        return
    objection = db.session.get(ResultObjection, case.origin_id)
    if objection is not None and objection.status != ObjectionStatus.resolved:
        consultations.resolve(objection, actor_id, outcome)
        tell_objector(objection)  # the live badge catches up on the next page load
