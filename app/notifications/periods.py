"""The end of a vote's 询异公示 (its preliminary result's objection period), told to the
estate's committee once, with a link to the vote in the console, where they publish the
final result (or see the objections still open).

Run by the scheduler (`notifications.preliminary_ended`, every 15 minutes). The period's
end is read from the time, as everywhere (a read never writes); this job only tells the
people who act next. Each committee member hears once per vote (the dedup key).
"""
from sqlalchemy import select

from app.auth.api import Role, RoleGrant
from app.display import china_time
from app.extensions import db
from app.notifications import messages
from app.notifications.services import notify


def preliminary_ended(now) -> int:
    """Tell each committee the votes whose 询异公示 ended; returns how many were told."""
    from app.consultations.api import ObjectionStatus, Status
    from app.consultations.api import Consultation, objections_of, preliminary_until

    closed = db.session.scalars(select(Consultation).where(
        Consultation.stored_status == Status.closed).order_by(Consultation.id)).all()
    created = []
    for c in closed:
        until = preliminary_until(c)
        if until is None or until > now:
            continue
        pending = len(objections_of(c, ObjectionStatus.open))
        text = (messages.PRELIMINARY_ENDED_PENDING if pending else messages.PRELIMINARY_ENDED_READY
                ).format(until=china_time(until), count=pending)
        committee = db.session.scalars(select(RoleGrant.user_id).where(
            RoleGrant.role == Role.committee, RoleGrant.estate_id == c.estate_id).order_by(RoleGrant.user_id))
        for user_id in committee:
            notification = notify(user_id, estate_id=c.estate_id, kind="preliminary_ended",
                                  title=messages.PRELIMINARY_ENDED_TITLE.format(title=c.title), body=text,
                                  link=f"/console/consultations/{c.id}", dedup_key=f"preliminary-ended:{c.id}")
            if notification is not None:
                created.append(notification)
    db.session.commit()
    return len(created)
