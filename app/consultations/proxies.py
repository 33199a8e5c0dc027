"""Family proxies (代投): a verified owner lets a relative vote for their flat."""
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from app.audit.api import record
from app.auth.api import User
from app.auth.api import is_committee
from app.auth.api import get_or_create_user, normalize_phone
from app.consultations import messages
from app.consultations.models import FlatProxy
from app.db import lock_row, utcnow
from app.errors import Conflict, Forbidden, InvalidInput
from app.estates.api import Flat, FlatLink, LinkStatus, Relation
from app.estates.api import is_verified_owner
from app.extensions import db

def require_flat_owner_or_committee(user: User, flat: Flat) -> None:
    if not is_verified_owner(user.id, flat.id) and not is_committee(user, flat.estate_id):
        raise Forbidden(messages.PROXY_NOT_OWNER, code="not_owner")


def authorise_proxy(owner: User, flat: Flat, phone: str) -> FlatProxy:
    """A verified owner lets a relative vote for this flat; the relative becomes family of it."""
    if not is_verified_owner(owner.id, flat.id):
        raise Forbidden(messages.PROXY_NOT_OWNER, code="not_owner")
    relative = get_or_create_user(normalize_phone(phone))
    if relative.id == owner.id:
        raise InvalidInput(messages.PROXY_SELF, fields={"phone": messages.PROXY_SELF})
    # one decision per flat at a time: a double submit waits here, then sees the proxy
    lock_row(db.session, Flat, flat.id)
    active = db.session.scalar(select(func.count(FlatProxy.id)).where(
        FlatProxy.flat_id == flat.id, FlatProxy.proxy_user_id == relative.id,
        FlatProxy.revoked_at.is_(None)))
    if active:
        raise Conflict(messages.PROXY_EXISTS, code="proxy_exists")
    link = db.session.scalar(select(FlatLink).where(
        FlatLink.user_id == relative.id, FlatLink.flat_id == flat.id,
        FlatLink.status.in_([LinkStatus.pending, LinkStatus.verified])))
    made_link = None
    if link is None or link.status == LinkStatus.pending:
        if link is None:
            link = FlatLink(estate_id=flat.estate_id, flat_id=flat.id, user_id=relative.id,
                            relation=Relation.family)
            db.session.add(link)
        link.status, link.via, link.decided_by_id, link.decided_at = (
            LinkStatus.verified, "proxy", owner.id, utcnow())
        db.session.flush()
        made_link = link.id
    proxy = FlatProxy(estate_id=flat.estate_id, flat_id=flat.id, owner_user_id=owner.id,
                      proxy_user_id=relative.id, link_id=made_link)
    db.session.add(proxy)
    try:
        db.session.flush()
    except IntegrityError as error:  # uq_flat_proxies_active: a twin request got there first
        db.session.rollback()
        raise Conflict(messages.PROXY_EXISTS, code="proxy_exists") from error
    record("proxy.authorised", estate_id=flat.estate_id, actor_id=owner.id,
           subject_type="flat_proxy", subject_id=proxy.id,
           data={"flat_id": flat.id, "proxy_user_id": relative.id})
    db.session.commit()
    return proxy


def revoke_proxy(proxy: FlatProxy, actor: User) -> FlatProxy:
    """The owner (any verified owner of the flat) or the committee ends a proxy.

    Ballots the proxy already cast stay: they were valid when cast, and the owner's
    own ballot replaces them anyway.
    """
    require_flat_owner_or_committee(actor, db.session.get(Flat, proxy.flat_id))
    if proxy.revoked_at is not None:
        raise Conflict(messages.PROXY_NOT_ACTIVE, code="proxy_revoked")
    proxy.revoked_at = utcnow()
    if proxy.link_id is not None:
        link = db.session.get(FlatLink, proxy.link_id)
        if link.status == LinkStatus.verified:
            link.status, link.reason = LinkStatus.revoked, messages.PROXY_NOT_ACTIVE
    record("proxy.revoked", estate_id=proxy.estate_id, actor_id=actor.id,
           subject_type="flat_proxy", subject_id=proxy.id, data={"flat_id": proxy.flat_id})
    db.session.commit()
    return proxy


def proxies_of(flat: Flat) -> list[FlatProxy]:
    return list(db.session.scalars(select(FlatProxy).where(FlatProxy.flat_id == flat.id)
                                   .order_by(FlatProxy.id)))
