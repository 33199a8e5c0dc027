"""Issue 30 item 1: a committee entry never replaces a ballot the owner cast online, and
the owner is told of every ballot someone else recorded for their flat (who, how, when)."""
from sqlalchemy import select

from app.consultations.api import Ballot
from app.display import china_time
from app.extensions import db
from app.notifications.api import Notification
from tests.factories import (
    auth, flats_of, make_consultation, make_estate, make_owner, make_user, sign_in_cookie)


def setup_vote(owner_name=None):
    estate = make_estate()
    committee = make_user(name="王芳", roles=[("committee", estate.id)])
    flat = flats_of(estate.id)[0]
    consultation = make_consultation(estate, scope_type="stairwell", scope_id=flat.stairwell_id,
                                     actor=committee)
    return consultation, committee, flat, make_owner(flat)


def enter(client, consultation, committee, flat, channel, answer="abstain"):
    return client.post(f"/api/v1/consultations/{consultation.id}/assisted-ballots",
                       headers=auth(committee), json={
                           "flat_id": flat.id, "answers": {"install": answer}, "channel": channel,
                           "evidence": "上门协助，业主本人在场", "witness_phone": "13912345678"})


def vote(client, consultation, user, answer):
    return client.put(f"/api/v1/consultations/{consultation.id}/ballots/mine", headers=auth(user),
                      json={"answers": {"install": answer}})


def proxy_votes(client, consultation, flat, owner):
    """The owner names a relative as proxy, who votes online; the relative is returned."""
    relative = make_user(name="李强")
    assert client.post(f"/api/v1/flats/{flat.id}/proxies", headers=auth(owner),
                       json={"phone": relative.phone}).status_code == 201
    assert vote(client, consultation, relative, "agree").status_code == 200
    return relative


def test_a_committee_entry_never_replaces_an_owners_online_ballot(client):
    """Fails on the old code: an assisted entry replaced the owner's online ballot (201)."""
    consultation, committee, flat, owner = setup_vote()
    assert vote(client, consultation, owner, "agree").status_code == 200
    cast_at = db.session.scalar(select(Ballot.updated_at))
    for channel in ("assisted", "paper", "proxy"):
        refused = enter(client, consultation, committee, flat, channel)
        assert refused.status_code == 409, (channel, refused.json)
        error = refused.json["error"]
        assert error["code"] == "owner_already_voted"
        # when (Beijing time) and how the flat voted
        assert china_time(cast_at) in error["message"] and "业主本人" in error["message"]
        assert "网上" in error["message"]
    ballot = db.session.scalar(select(Ballot))
    assert (ballot.channel.value, ballot.answers, ballot.version) == ("online", {"install": "agree"}, 1)
    # the owner still changes their own ballot
    assert vote(client, consultation, owner, "abstain").status_code == 200


def test_a_committee_entry_never_replaces_a_proxys_online_ballot(client):
    consultation, committee, flat, owner = setup_vote()
    relative = proxy_votes(client, consultation, flat, owner)
    refused = enter(client, consultation, committee, flat, "assisted")
    assert refused.status_code == 409 and "委托" in refused.json["error"]["message"]
    assert db.session.scalar(select(Ballot.answers)) == {"install": "agree"}
    # the owner (and the proxy) may still change it
    assert vote(client, consultation, owner, "abstain").status_code == 200


def test_a_committee_entry_may_correct_its_own_entry_until_the_owner_votes(client):
    consultation, committee, flat, owner = setup_vote()
    assert enter(client, consultation, committee, flat, "paper", "agree").status_code == 201
    assert enter(client, consultation, committee, flat, "assisted", "abstain").status_code == 201
    assert vote(client, consultation, owner, "abstain").status_code == 200
    assert enter(client, consultation, committee, flat, "assisted", "agree").status_code == 409


def test_the_owner_is_told_who_entered_a_ballot_how_and_when(client):
    """Fails on the old code: no message, and the receipt said nothing of who entered it."""
    consultation, committee, flat, owner = setup_vote()
    co_owner = make_owner(flat)
    entered = enter(client, consultation, committee, flat, "assisted")
    assert entered.status_code == 201
    ballot = db.session.scalar(select(Ballot))
    for person in (owner, co_owner):
        told = db.session.scalars(select(Notification).where(Notification.user_id == person.id)).all()
        assert len(told) == 1, told
        assert told[0].link == f"/consultations/{consultation.id}#receipt"
        assert "王*" in told[0].body and "协助录入" in told[0].body
        assert china_time(ballot.updated_at) in told[0].body
    mine = client.get(f"/api/v1/consultations/{consultation.id}", headers=auth(owner)).json["my_ballots"]
    assert len(mine) == 1 and mine[0]["mine"] is False
    assert "王*" in mine[0]["cast_by"] and "协助录入" in mine[0]["cast_by"]
    assert china_time(ballot.updated_at) in mine[0]["cast_by"]
    # the same entry sent again tells no one twice
    assert enter(client, consultation, committee, flat, "assisted").status_code == 201
    assert db.session.scalar(select(db.func.count(Notification.id))) == 2


def test_the_owner_is_told_of_a_proxys_ballot_but_not_of_their_own(client):
    consultation, committee, flat, owner = setup_vote()
    relative = proxy_votes(client, consultation, flat, owner)
    told = db.session.scalars(select(Notification).where(Notification.user_id == owner.id)).all()
    assert len(told) == 1 and "李*" in told[0].body and "委托" in told[0].body
    assert db.session.scalar(select(db.func.count(Notification.id)).where(
        Notification.user_id == relative.id)) == 0
    assert vote(client, consultation, owner, "abstain").status_code == 200
    assert db.session.scalar(select(db.func.count(Notification.id))) == 1
    mine = client.get(f"/api/v1/consultations/{consultation.id}", headers=auth(owner)).json["my_ballots"]
    assert "您本人在网上投票" in mine[0]["cast_by"]


def test_the_owners_page_says_who_entered_the_ballot_and_what_to_do(client):
    consultation, committee, flat, owner = setup_vote()
    assert enter(client, consultation, committee, flat, "paper").status_code == 201
    sign_in_cookie(client, owner)
    page = client.get(f"/consultations/{consultation.id}").text
    assert "由工作人员 王* 代为录入（纸质票）" in page and "以您本人的投票为准" in page
