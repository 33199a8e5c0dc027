"""The scheduler's reminder before a vote closes reaches every owner in scope who has not
voted: SMS from the ledger for the unregistered, the in-app message for the registered, once."""
from datetime import timedelta

from sqlalchemy import func, select

from app.auth.api import SmsOutboxMessage
from app.consultations.api import cast_ballot
from app.db import utcnow
from app.extensions import db
from app.notifications.api import Notification
from app.notifications.api import remind_closing as remind_registered
from app.reach.api import Notice
from app.reach.api import remind_closing
from tests.factories import flats_of, make_consultation, make_user
from tests.reach.helpers import ledger_estate, register


def test_the_closing_reminder_reaches_the_unregistered_once(app):
    estate = ledger_estate(10)
    users = register(estate, 3)
    committee = make_user(roles=[("committee", estate.id)])
    c = make_consultation(estate, "willingness_survey", actor=committee, closes_in=timedelta(hours=20))
    flats = flats_of(estate.id)
    cast_ballot(c, users[0], flats[0].id, {"willing": "agree", "contribute": "willing"})
    far = make_consultation(estate, "willingness_survey", actor=committee, closes_in=timedelta(days=5))

    remind_registered(utcnow())  # the notifications job: registered owners, in the app and by SMS
    assert "reminded 9" in remind_closing(utcnow())
    assert remind_closing(utcnow()) == "reminded 0, 0 refused"  # once per consultation
    sms = db.session.scalars(select(SmsOutboxMessage.phone).where(SmsOutboxMessage.kind == "closing_soon")).all()
    registered = {u.phone for u in users}
    assert len(set(sms) - registered) == 7 and len(sms) == len(set(sms))  # 10 flats, 1 voted, 2 registered
    notes = db.session.scalars(select(Notification.user_id).where(
        Notification.dedup_key == f"closing:{c.id}")).all()
    assert sorted(notes) == sorted(u.id for u in users[1:])  # one each, the voter none
    assert db.session.scalar(select(func.count(Notice.id)).where(Notice.consultation_id == far.id)) == 0
