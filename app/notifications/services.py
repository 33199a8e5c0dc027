"""Sending notifications: in the app, by SMS and on the live channel."""
import logging

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from app.auth.api import User
from app.auth.api import send_notice
from app.db import utcnow
from app.estates.api import Estate, FlatLink, LinkStatus
from app.extensions import db
from app.notifications.models import Notification
from app.signals import notification_created
from app.unit_of_work import announce

log = logging.getLogger(__name__)


def notify(user_id: int, *, estate_id: int | None, kind: str, title: str, body: str,
           link: str | None = None, dedup_key: str | None = None) -> Notification | None:
    """Store a notification (announced after the commit); None if one with this dedup_key
    was already sent to this person."""
    if dedup_key is not None and db.session.scalar(select(Notification.id).where(
            Notification.user_id == user_id, Notification.dedup_key == dedup_key)):
        return None
    notification = Notification(user_id=user_id, estate_id=estate_id, kind=kind, title=title,
                                body=body, link=link, dedup_key=dedup_key)
    try:
        with db.session.begin_nested():
            db.session.add(notification)
    except IntegrityError:  # a concurrent run sent it first
        return None
    announce(notification_created, user_id=user_id, estate_id=estate_id,
             notification_id=notification.id)  # the live channel, once it is committed
    return notification


def estate_name(estate_id: int | None) -> str:
    estate = db.session.get(Estate, estate_id) if estate_id is not None else None
    return estate.name if estate is not None else ""


def tell(user_ids, *, estate_id: int | None, kind: str, title: str, body: str, link: str,
         dedup_key: str | None = None, notice: str | None = None, params: dict | None = None,
         now=None) -> list[Notification]:
    """One in-app message to each person and, when `notice` names an SMS kind, the same news
    by SMS and WeChat (send_notice, held over the quiet hours) with a link to the same page.
    Nothing is sent twice with one dedup_key. Added to the session: the caller commits, then
    the live channel hears of each after the commit (notify)."""
    sent = []
    for user_id in sorted(set(user_ids)):
        notification = notify(user_id, estate_id=estate_id, kind=kind, title=title[:100], body=body[:500],
                              link=link, dedup_key=dedup_key)
        if notification is None:
            continue
        sent.append(notification)
        user = db.session.get(User, user_id)
        if notice is not None and user is not None and user.deleted_at is None:
            send_notice(user, notice, {"estate": estate_name(estate_id), **(params or {})}, link, now=now)
    return sent


def people_of_estate(estate_id: int) -> list[int]:
    """Everyone verified as owning or living in a flat of the estate (accounts not deleted),
    each once: who hears of what was decided about the estate."""
    return list(db.session.scalars(
        select(FlatLink.user_id).join(User, User.id == FlatLink.user_id)
        .where(FlatLink.estate_id == estate_id, FlatLink.status == LinkStatus.verified,
               User.deleted_at.is_(None)).distinct().order_by(FlatLink.user_id)))


def unread_count(user_id: int) -> int:
    """How many of a person's notifications are unread (the badge on the home page)."""
    return db.session.scalar(select(func.count(Notification.id)).where(
        Notification.user_id == user_id, Notification.read_at.is_(None))) or 0


def mark_read(user_id: int, notification_ids: list[int] | None) -> int:
    query = select(Notification).where(Notification.user_id == user_id,
                                       Notification.read_at.is_(None))
    if notification_ids:
        query = query.where(Notification.id.in_(notification_ids))
    now, count = utcnow(), 0
    for notification in db.session.scalars(query):
        notification.read_at, count = now, count + 1
    db.session.commit()
    return count
