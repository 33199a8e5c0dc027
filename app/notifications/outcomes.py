"""Decisions people wait for, told to them: a claim approved or refused (to the claimant),
a vote's results published (to everyone who took part: each voter, and each verified owner
of a flat that has a ballot). In the app and by SMS/WeChat (send_notice), each with a link.

Listeners run after the deciding commit; a failure is logged and never undoes the decision.
"""
import logging

from sqlalchemy import select

from app.estates.api import FlatLink
from app.estates.api import flat_label
from app.extensions import db
from app.notifications import messages
from app.notifications.entered import owners_of
from app.notifications.services import tell
from app.signals import claim_decided, consultation_status_changed

log = logging.getLogger(__name__)


def tell_claimant(link_id: int) -> list:
    link = db.session.get(FlatLink, link_id)
    approved = link.status.value == "verified"
    label = flat_label(link.flat)
    result = messages.CLAIM_APPROVED if approved else messages.CLAIM_REFUSED
    body = messages.CLAIM_DECIDED_BODY.format(flat=label, result=result)
    if not approved and link.reason:
        body += messages.CLAIM_REASON.format(reason=link.reason)
    sent = tell([link.user_id], estate_id=link.estate_id, kind="claim_decided",
                title=messages.CLAIM_DECIDED_TITLE.format(flat=label, result=result), body=body,
                link=f"/claim?stairwell={link.flat.stairwell_id}", dedup_key=f"claim-decided:{link.id}",
                notice="claim_decided", params={"flat": label, "result": result})
    db.session.commit()
    return sent


def participants(consultation_id: int) -> list[int]:
    """Whoever cast any version of a ballot, and the owners of every flat with a ballot."""
    from app.consultations.api import Ballot, BallotVersion

    voters = set(db.session.scalars(select(BallotVersion.voter_id).where(
        BallotVersion.consultation_id == consultation_id, BallotVersion.voter_id.is_not(None))))
    flats = db.session.scalars(select(Ballot.flat_id).where(
        Ballot.consultation_id == consultation_id, Ballot.flat_id.is_not(None))).all()
    return sorted(voters.union(*(owners_of(flat_id) for flat_id in set(flats))))


def tell_participants(consultation_id: int) -> list:
    from app.consultations.api import Consultation

    c = db.session.get(Consultation, consultation_id)
    sent = tell(participants(consultation_id), estate_id=c.estate_id, kind="results_published",
                title=messages.RESULTS_TITLE.format(title=c.title), body=messages.RESULTS_BODY.format(title=c.title),
                link=f"/consultations/{c.id}", dedup_key=f"results:{c.id}",
                notice="results", params={"title": c.title})
    db.session.commit()
    return sent


def _after_commit(work, *args) -> None:
    try:
        work(*args)  # its messages reach the live channel after its commit
    except Exception:  # noqa: BLE001 - logged; the decision stands
        db.session.rollback()
        log.exception("could not send the messages of %s%s", work.__name__, args)


def on_claim_decided(_sender, link_id, **_):
    _after_commit(tell_claimant, link_id)


def on_status_changed(_sender, consultation_id, status, **_):
    if status == "published":
        _after_commit(tell_participants, consultation_id)


def connect(app) -> None:
    claim_decided.connect(on_claim_decided, sender=app, weak=False)
    consultation_status_changed.connect(on_status_changed, sender=app, weak=False)
