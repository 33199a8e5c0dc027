"""The closing reminder: once, to verified people in scope who have not answered."""
from datetime import timedelta

from sqlalchemy import func, select

from app.auth.api import SmsOutboxMessage
from app.consultations.api import cast_ballot
from app.extensions import db
from app.notifications.api import Notification
from tests.factories import flats_of, link, make_consultation, make_estate, make_owner, make_user


def test_reminder_goes_once_to_those_who_have_not_answered(app, runner):
    estate = make_estate()
    flats = flats_of(estate.id)
    voted, silent, also_silent = (make_owner(flat) for flat in flats[:3])
    tenant = make_user()
    link(tenant, flats[3], "tenant")  # tenants do not vote on owners' decisions
    soon = make_consultation(estate, "elevator_consent", closes_in=timedelta(hours=12))
    later = make_consultation(estate, "elevator_consent", closes_in=timedelta(days=3))
    cast_ballot(soon, voted, flats[0].id, {"install": "agree"})

    first = runner.invoke(args=["notifications", "remind-closing"])
    assert first.exit_code == 0, first.output
    assert "reminded 2 people" in first.output
    reminded = db.session.scalars(select(Notification.user_id).order_by(Notification.user_id)).all()
    assert reminded == sorted([silent.id, also_silent.id])
    texts = db.session.scalars(select(SmsOutboxMessage.body)).all()
    assert len(texts) == 2 and all("快截止" not in t and "截止" in t for t in texts)

    second = runner.invoke(args=["notifications", "remind-closing"])
    assert "reminded 0 people" in second.output
    assert db.session.scalar(select(func.count(Notification.id))) == 2
    assert db.session.scalar(select(func.count(SmsOutboxMessage.id))) == 2
    assert later.id != soon.id


def test_residents_surveys_remind_each_resident_without_an_answer(app, runner):
    estate = make_estate()
    flats = flats_of(estate.id)
    owner = make_owner(flats[0])
    tenant = make_user()
    link(tenant, flats[1], "tenant")
    make_consultation(estate, "needs_survey", closes_in=timedelta(hours=2))
    result = runner.invoke(args=["notifications", "remind-closing"])
    assert "reminded 2 people" in result.output
    assert {n.user_id for n in db.session.scalars(select(Notification))} == {owner.id, tenant.id}
