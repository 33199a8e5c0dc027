"""Whoever acts for an owner, the owner is told: a ballot someone else recorded for a flat
(a committee entry: paper, written proxy, assisted; or the owner's proxy online) is sent
to each verified owner of the flat, with who, how and when, and a link to the receipt."""
import logging

from sqlalchemy import select

from app.consultations.api import cast_by
from app.consultations.api import Ballot, Consultation
from app.estates.api import FlatLink, LinkStatus, Relation
from app.estates.api import flat_labels
from app.extensions import db
from app.notifications import messages
from app.notifications.services import tell
from app.signals import ballot_entered

log = logging.getLogger(__name__)


def owners_of(flat_id: int) -> list[int]:
    return list(db.session.scalars(select(FlatLink.user_id).where(
        FlatLink.flat_id == flat_id, FlatLink.relation == Relation.owner,
        FlatLink.status == LinkStatus.verified).order_by(FlatLink.user_id)))


def tell_owners(consultation_id: int, flat_id: int, ballot_id: int, version: int,
                voter_id: int | None) -> list:
    """One message per owner of the flat (not the proxy who cast it), once per version."""
    c = db.session.get(Consultation, consultation_id)
    ballot = db.session.get(Ballot, ballot_id)
    if c is None or ballot is None or ballot.version != version:
        return []  # a later version already replaced it: that one tells its own story
    how = cast_by(ballot)
    room = flat_labels([flat_id]).get(flat_id, "")
    sent = tell([owner_id for owner_id in owners_of(flat_id) if owner_id != voter_id],
                estate_id=c.estate_id, kind="ballot_entered", title=messages.ENTERED_TITLE.format(room=room),
                body=messages.ENTERED_BODY.format(title=c.title, room=room, how=how),
                link=f"/consultations/{c.id}#receipt", dedup_key=f"ballot:{ballot_id}:{version}",
                notice="ballot_entered", params={"title": c.title, "flat": room, "how": how})
    db.session.commit()
    return sent


def on_ballot_entered(_sender, consultation_id, flat_id, ballot_id, version, voter_id, **_):
    """After the ballot's commit; a failure here never undoes the ballot nor fails the request."""
    try:
        tell_owners(consultation_id, flat_id, ballot_id, version, voter_id)
    except Exception:  # noqa: BLE001 - logged; the ballot stands
        db.session.rollback()
        log.exception("could not tell the owners of flat %s about ballot %s", flat_id, ballot_id)


def connect(app) -> None:
    ballot_entered.connect(on_ballot_entered, sender=app, weak=False)
