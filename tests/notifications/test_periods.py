"""The scheduler tells the committee, once, when a vote's 询异公示 has ended."""
from datetime import timedelta

from sqlalchemy import select

from app.consultations.api import close_consultation
from app.jobs.api import run_due
from app.notifications.api import Notification
from app.extensions import db
from tests.factories import make_consultation, make_estate, make_user


def test_the_committee_hears_once_when_the_objection_period_ends(app):
    estate = make_estate()
    chair, member = (make_user(roles=[("committee", estate.id)]) for _ in range(2))
    vote = make_consultation(estate, "content_vote", actor=chair, rule_key="civil_code_278_ordinary_objections")
    plain = make_consultation(estate, "content_vote", actor=chair)
    close_consultation(vote, chair.id)
    close_consultation(plain, chair.id)
    db.session.commit()
    ends = vote.closed_at + timedelta(days=7)
    job = ["notifications.preliminary_ended"]

    run_due(app, now=ends - timedelta(minutes=20), only=job)
    assert db.session.scalars(select(Notification)).all() == []
    run_due(app, now=ends + timedelta(minutes=1), only=job)
    told = db.session.scalars(select(Notification).order_by(Notification.user_id)).all()
    assert [n.user_id for n in told] == sorted([chair.id, member.id])
    assert all(n.link == f"/console/consultations/{vote.id}" and "可以正式公示" in n.body for n in told)
    run_due(app, now=ends + timedelta(hours=1), only=job)
    assert len(db.session.scalars(select(Notification)).all()) == 2
