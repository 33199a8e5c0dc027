"""The reminder 24 hours before a consultation closes, to every owner in scope who has not
voted: SMS from the ledger for the unregistered, the in-app message for the registered (the
same dedup key as the notifications job's reminder, so nobody gets it twice). Once per
consultation; a month's budget that is spent stops it (logged, nothing half-sent)."""
import logging

from sqlalchemy import select

from app.db import utcnow
from app.errors import Conflict
from app.extensions import db
from app.notifications.api import closing_soon, reminder_key
from app.reach.models import Notice
from app.reach.services import send_notice

log = logging.getLogger(__name__)


def remind_closing(now=None) -> str:
    now = now or utcnow()
    sent, refused = 0, 0
    for c in closing_soon(now):
        if db.session.scalar(select(Notice.id).where(Notice.consultation_id == c.id, Notice.kind == "closing_soon",
                                                     Notice.sent_by_id.is_(None))):
            continue
        try:
            result = send_notice(c, kind="closing_soon", audience="not_voted", channels=["sms", "app"],
                                 preview=False, now=now, app_dedup_key=reminder_key(c))
        except Conflict as error:
            log.warning("closing reminder of consultation %s not sent: %s", c.id, error.code)
            refused += 1
            continue
        sent += result["recipients"]
    return f"reminded {sent}, {refused} refused"
