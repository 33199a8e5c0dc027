"""The messages people expect (issue 34 item 6): each in the app, with a link to its page,
and the same news by SMS to a person with a phone (send_notice)."""
from datetime import timedelta

from sqlalchemy import select

from app.auth.api import SmsOutboxMessage
from app.cases.api import objections, resolution, services as cases
from app.consultations.api import (
    cast_assisted_ballot, cast_ballot, close_consultation, publish_consultation,
)
from app.db import utcnow
from app.estates.api import claim_flat, decide_claim
from app.extensions import db
from app.estates.api import Relation
from app.notifications.api import Notification
from tests.factories import flats_of, make_consultation, make_estate, make_owner, make_user


def messages_of(user, kind):
    return db.session.scalars(select(Notification).where(
        Notification.user_id == user.id, Notification.kind == kind)).all()


def texts_to(user, kind):
    return db.session.scalars(select(SmsOutboxMessage.body).where(
        SmsOutboxMessage.phone == user.phone, SmsOutboxMessage.kind == kind)).all()


def test_a_claim_approved_or_refused_is_told_with_its_page(app):
    estate = make_estate(name="幸福里")
    flats = flats_of(estate.id)
    committee = make_user(roles=[("committee", estate.id)])
    resident = make_user()
    decide_claim(claim_flat(resident, flats[0], Relation.owner), True, committee)
    decide_claim(claim_flat(resident, flats[1], Relation.owner), False, committee, "房产证上没有您的名字")

    told = messages_of(resident, "claim_decided")
    assert [n.link for n in told] == [f"/claim?stairwell={flats[0].stairwell_id}",
                                      f"/claim?stairwell={flats[1].stairwell_id}"]
    assert "已通过" in told[0].title and "没有通过" in told[1].title
    assert "房产证上没有您的名字" in told[1].body and "原因" not in told[0].body
    texts = texts_to(resident, "claim_decided")
    assert len(texts) == 2 and "幸福里" in texts[0] and "已通过" in texts[0] and "没有通过" in texts[1]
    assert f"/claim?stairwell={flats[0].stairwell_id}" in texts[0]


def test_a_resolution_vote_opened_in_a_case_reaches_its_people_by_sms(app):
    estate = make_estate()
    flats = flats_of(estate.id)
    owners = [make_owner(flat) for flat in flats[:2]]
    outsider = make_owner(flats[3])
    committee = make_user(roles=[("committee", estate.id)])
    case = cases.create_case(estate.id, title="绿地改停车位", description="南侧绿地",
                             affected_flat_ids=[f.id for f in flats[:2]], actor_id=owners[0].id)
    vote = resolution.open_resolution(case, committee.id, proposal="保留绿地",
                                      closes_at=utcnow() + timedelta(days=7))
    for owner in owners:
        [notice] = messages_of(owner, "case_resolution")
        assert notice.link == f"/consultations/{vote.id}"
        [text] = texts_to(owner, "vote_opened")
        assert f"/consultations/{vote.id}" in text and vote.title in text
    assert messages_of(outsider, "case_resolution") == [] and texts_to(outsider, "vote_opened") == []


def test_someone_voting_for_your_flat_is_told_by_sms_with_who_and_when(app):
    estate = make_estate()
    flat = flats_of(estate.id)[0]
    owner = make_owner(flat)
    committee = make_user(name="王芳", roles=[("committee", estate.id)])
    vote = make_consultation(estate, actor=committee)
    cast_assisted_ballot(vote, committee, flat.id, {"install": "agree"}, channel="paper", evidence="纸质票 7 号")

    [notice] = messages_of(owner, "ballot_entered")
    assert notice.link == f"/consultations/{vote.id}#receipt"
    [text] = texts_to(owner, "ballot_entered")
    assert "王*" in text and flat.room in text and f"/consultations/{vote.id}#receipt" in text


def test_results_published_reach_everyone_who_took_part(app):
    estate = make_estate()
    flats = flats_of(estate.id)
    online, on_paper, silent = (make_owner(flat) for flat in flats[:3])
    committee = make_user(roles=[("committee", estate.id)])
    vote = make_consultation(estate, actor=committee)
    cast_ballot(vote, online, flats[0].id, {"install": "agree"})
    cast_assisted_ballot(vote, committee, flats[1].id, {"install": "abstain"}, channel="paper", evidence="纸质票")
    close_consultation(vote, committee.id)
    publish_consultation(vote, committee.id)

    for person in (online, on_paper):
        [notice] = messages_of(person, "results_published")
        assert notice.link == f"/consultations/{vote.id}"
        [text] = texts_to(person, "results")
        assert f"/consultations/{vote.id}" in text
    assert messages_of(silent, "results_published") == [] and texts_to(silent, "results") == []


def test_the_decision_on_your_objection_is_told_to_you(app):
    estate = make_estate()
    flats = flats_of(estate.id)
    owner = make_owner(flats[0])
    committee = make_user(roles=[("committee", estate.id)])
    vote = make_consultation(estate, "fund_use", actor=committee, rule_key="civil_code_278_ordinary_objections")
    cast_ballot(vote, owner, flats[0].id, {"use": "agree"})
    close_consultation(vote, committee.id)
    objection = objections.file_objection(vote, owner, flats[0].id, "我家投的是纸质票")
    objections.resolve_objection(objection, committee.id, "核对原件，记录无误")

    [notice] = messages_of(owner, "objection_decided")
    assert notice.link == f"/consultations/{vote.id}#preliminary" and "核对原件，记录无误" in notice.body
    [text] = texts_to(owner, "objection_decided")
    assert vote.title in text and f"/consultations/{vote.id}#preliminary" in text
