"""Who belongs to an estate through a flat: the facts auth's access checks ask for.

Registered with `app.auth.membership` by `app.estates.init_app`.
"""
from sqlalchemy import exists, select

from app.auth.api import EstateFacts
from app.estates.models import Estate, FlatLink, LinkStatus
from app.extensions import db


def estate_exists(estate_id: int) -> bool:
    return db.session.get(Estate, estate_id) is not None


def lives_in(user_id: int, estate_id: int) -> bool:
    return db.session.scalar(select(exists().where(
        FlatLink.user_id == user_id, FlatLink.estate_id == estate_id,
        FlatLink.status == LinkStatus.verified))) or False


def flat_claims(user_id: int) -> list[FlatLink]:
    return list(db.session.scalars(select(FlatLink).where(
        FlatLink.user_id == user_id,
        FlatLink.status.in_([LinkStatus.pending, LinkStatus.verified, LinkStatus.rejected]))
        .order_by(FlatLink.id)))


def live_claims(user_id: int, flat_ids) -> dict[int, FlatLink]:
    """The user's pending or verified claims on these flats, by flat id."""
    return {link.flat_id: link for link in db.session.scalars(select(FlatLink).where(
        FlatLink.user_id == user_id, FlatLink.flat_id.in_(list(flat_ids)),
        FlatLink.status.in_([LinkStatus.pending, LinkStatus.verified])))}


def claims_of_estate(estate_id: int, status: LinkStatus) -> list[FlatLink]:
    """An estate's claims in one status, oldest first (the committee's queue)."""
    return list(db.session.scalars(select(FlatLink).where(
        FlatLink.estate_id == estate_id, FlatLink.status == status).order_by(FlatLink.id)))


FACTS = EstateFacts(exists=estate_exists, lives_in=lives_in, flat_claims=flat_claims)


def live_link_or_new(user_id: int, estate_id: int, flat_id: int) -> FlatLink:
    """The person's live (pending or verified) link to the flat, or a new one added to the session."""
    link = db.session.scalar(select(FlatLink).where(
        FlatLink.user_id == user_id, FlatLink.flat_id == flat_id,
        FlatLink.status.in_([LinkStatus.pending, LinkStatus.verified])))
    if link is None:
        link = FlatLink(estate_id=estate_id, flat_id=flat_id, user_id=user_id)
        db.session.add(link)
    return link
