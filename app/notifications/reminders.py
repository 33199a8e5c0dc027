"""The reminder 24 hours before a consultation closes, to those who have not answered.

Run by the scheduler (`flask jobs run`: the job `notifications.remind_closing`, every
15 minutes). The SMS waits in the outbox during the quiet hours; a mini-program user who
accepted the closing reminder also gets it in WeChat (app.auth.subscribe.send_notice).
Each person is reminded once per consultation (the notification's dedup key), so a
second run, or two schedulers at once, send nothing more.
"""
from datetime import timedelta

from sqlalchemy import and_, exists, select

from app.auth.api import User
from app.auth.api import send_notice
from app.db import utcnow
from app.display import china_time
from app.estates.api import Estate, Flat, FlatLink, LinkStatus, Relation
from app.extensions import db
from app.notifications import messages
from app.notifications.models import Notification
from app.notifications.services import notify

WINDOW = timedelta(hours=24)


def closing_soon(now):
    from app.consultations.api import Consultation, Status

    return list(db.session.scalars(select(Consultation).where(
        Consultation.stored_status == Status.open, Consultation.closes_at > now,
        Consultation.closes_at <= now + WINDOW).order_by(Consultation.id)))


def reminder_key(consultation) -> str:
    return f"closing:{consultation.id}"


def not_answered(consultation) -> list[User]:
    """Verified people in scope with no ballot and no reminder yet: owners per flat, or
    residents per person (a run every 15 minutes then costs one query, not one per person)."""
    from app.consultations.api import has_ballot, scope_condition

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
        for _, user in created:
            send_notice(user, "closing_soon", {"estate": estate.name, "title": consultation.title,
                                               "closes_at": closes_at}, link, now=now)
        db.session.commit()
        sent += len(created)
    return sent

