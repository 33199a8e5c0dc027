"""询异 upheld: the committee voids or corrects the ballot an objection was about, with the
reason. Every version stays; a voided ballot leaves its flat's slot (the flat no longer
took part), a corrected one gets a new version with the answers as the owner gave them.
Results are counted from the current ballots, so they recount by themselves. The caller
(app.cases.objections) resolves the objection and commits in the same unit."""
from sqlalchemy import delete, insert, select

from app.audit.api import record
from app.consultations import messages
from app.consultations.answers import check_answers
from app.consultations.ballots import new_receipt
from app.consultations.models import (
    VOID, Ballot, BallotAnswer, BallotCorrection, BallotVersion, Consultation, ResultObjection, Status)
from app.db import utcnow
from app.errors import Conflict, InvalidInput
from app.extensions import db

ACTIONS = ("void", "correct")
#: what a version copies of its ballot
CAST = ("flat_id", "voter_id", "cast_as", "channel", "entered_by_id", "evidence", "witness_phone",
        "answers", "receipt")


def _answers(c: Consultation, answers: dict | None):
    if not answers:
        raise InvalidInput(messages.CORRECTION_ANSWERS_REQUIRED,
                           fields={"answers": messages.CORRECTION_ANSWERS_REQUIRED})
    return check_answers(c.questions, answers)  # 422 with fields {"answers": …} when wrong


def correct_ballot(c: Consultation, objection: ResultObjection, actor_id: int, action: str,
                   reason: str, answers: dict | None = None) -> BallotCorrection:
    """Void or correct the objection's flat's current ballot (flushed, not committed)."""
    if c.status != Status.closed:
        raise Conflict(messages.CORRECTION_NOT_PRELIMINARY, code="not_preliminary")
    normalised, rows = _answers(c, answers) if action == "correct" else ({}, [])
    ballot = db.session.scalar(select(Ballot).where(
        Ballot.consultation_id == c.id, Ballot.slot == f"flat:{objection.flat_id}")
        .with_for_update().execution_options(populate_existing=True))
    if ballot is None:
        raise Conflict(messages.CORRECTION_NO_BALLOT, code="no_ballot")
    correction = BallotCorrection(
        estate_id=c.estate_id, consultation_id=c.id, objection_id=objection.id, flat_id=objection.flat_id,
        ballot_id=ballot.id, action=action, reason=reason, version_before=ballot.version,
        receipt_before=ballot.receipt, actor_id=actor_id)
    db.session.execute(delete(BallotAnswer).where(BallotAnswer.ballot_id == ballot.id))
    if rows:
        db.session.execute(insert(BallotAnswer), [dict(
            estate_id=c.estate_id, consultation_id=c.id, ballot_id=ballot.id, question_key=question,
            item_key=item, option_key=option, value_text=value) for question, item, option, value in rows])
    ballot.answers, ballot.entered_by_id, ballot.receipt = normalised, actor_id, new_receipt()
    ballot.evidence = messages.CORRECTION_EVIDENCE.format(
        objection_id=objection.id, action=messages.CORRECTION_ACTIONS[action], reason=reason)[:500]
    ballot.version, ballot.updated_at = ballot.version + 1, utcnow()
    db.session.add(BallotVersion(estate_id=c.estate_id, consultation_id=c.id, ballot_id=ballot.id,
                                 version=ballot.version, created_at=ballot.updated_at,
                                 **{name: getattr(ballot, name) for name in CAST}))
    if action == "void":  # the flat's slot is free: it did not take part
        ballot.slot, ballot.flat_id = f"{VOID}{ballot.id}", None
    db.session.add(correction)
    db.session.flush()
    record("consultation.ballot_corrected", estate_id=c.estate_id, actor_id=actor_id,
           subject_type="consultation", subject_id=c.id,
           data={"objection_id": objection.id, "flat_id": objection.flat_id, "ballot_id": ballot.id,
                 "action": action, "reason": reason, "version": ballot.version,
                 "receipt_before": correction.receipt_before})
    return correction


def corrections_of(c: Consultation) -> list[BallotCorrection]:
    return list(db.session.scalars(select(BallotCorrection).where(
        BallotCorrection.consultation_id == c.id).order_by(BallotCorrection.id)))



def corrections_by_objection(objections: list[ResultObjection]) -> dict[int, BallotCorrection]:
    ids = [o.id for o in objections]
    if not ids:
        return {}
    return {row.objection_id: row for row in db.session.scalars(
        select(BallotCorrection).where(BallotCorrection.objection_id.in_(ids)))}
