"""The reminder 24 hours before a consultation closes, to those who have not answered.

Run by a scheduler (cron: `flask notifications remind-closing` every 15 minutes).
Each person is reminded once per consultation (the notification's dedup key), so a
second run, or two schedulers at once, send nothing more.
"""
import logging
from datetime import timedelta

from flask import current_app
from sqlalchemy import and_, exists, select

from app.auth.models import User
from app.auth.sms import sms_backend
from app.db import utcnow
from app.display import china_time
from app.estates.models import Estate, Flat, FlatLink, LinkStatus, Relation
from app.extensions import db
from app.notifications import messages
from app.notifications.models import Notification
from app.notifications.services import announce, notify

log = logging.getLogger(__name__)
WINDOW = timedelta(hours=24)


def closing_soon(now):
    from app.consultations.models import Consultation, Status

    return list(db.session.scalars(select(Consultation).where(
        Consultation.stored_status == Status.open, Consultation.closes_at > now,
        Consultation.closes_at <= now + WINDOW).order_by(Consultation.id)))


def reminder_key(consultation) -> str:
    return f"closing:{consultation.id}"


def not_answered(consultation) -> list[User]:
    """Verified people in scope with no ballot and no reminder yet: owners per flat, or
    residents per person (a run every 15 minutes then costs one query, not one per person)."""
    from app.consultations.services import has_ballot, scope_condition

    query = (select(User).join(FlatLink, FlatLink.user_id == User.id)
             .join(Flat, FlatLink.flat_id == Flat.id)
             .where(scope_condition(consultation), FlatLink.status == LinkStatus.verified,
                    User.deleted_at.is_(None),
                    ~exists().where(and_(Notification.user_id == User.id,
                                         Notification.dedup_key == reminder_key(consultation)))))
    if consultation.per_resident:
        query = query.where(~has_ballot(consultation, user_id=User.id))
    else:
        query = query.where(FlatLink.relation == Relation.owner,
                            ~has_ballot(consultation, flat_id=Flat.id))
    return list(db.session.scalars(query.distinct().order_by(User.id)))


def remind_closing(now=None) -> int:
    """Send the reminders due now; returns how many people were reminded."""
    now = now or utcnow()
    sent = 0
    for consultation in closing_soon(now):
        estate = db.session.get(Estate, consultation.estate_id)
        closes_at = china_time(consultation.closes_at, "%m月%d日 %H:%M")
        link = f"/consultations/{consultation.id}"
        created = []
        for user in not_answered(consultation):
            notification = notify(
                user.id, estate_id=consultation.estate_id, kind="consultation_closing",
                title=messages.CLOSING_TITLE.format(title=consultation.title),
                body=messages.CLOSING_BODY.format(title=consultation.title, closes_at=closes_at),
                link=link, dedup_key=reminder_key(consultation))
            if notification is not None:
                created.append((notification, user))
        db.session.commit()
        base = current_app.config["PUBLIC_BASE_URL"].rstrip("/")
        for _, user in created:
            if user.phone:
                _send_sms(user.phone, messages.CLOSING_SMS.format(
                    estate=estate.name, title=consultation.title, closes_at=closes_at, link=base + link))
        db.session.commit()
        announce([notification for notification, _ in created])
        sent += len(created)
    return sent


def _send_sms(phone: str, text: str) -> None:
    """An SMS failure must not stop the other reminders; the in-app one is already saved."""
    try:
        sms_backend().send(phone, text)
    except Exception:  # noqa: BLE001 - a provider outage is logged and the run goes on
        log.exception("reminder SMS to %s failed", phone[:3] + "****")
