"""Issue 34's done-when test: 95 owners from a ledger with phones, 6 registered; a vote opens
and a notice goes: 89 SMS and 6 in-app, one each; opt-outs and quiet hours respected; the reach
table adds up. And the budget the database keeps, with real threads."""
from datetime import datetime, timezone

from sqlalchemy import func, select

from app.auth.api import SmsOutboxMessage, SmsStatus
from app.auth.api import send_queued
from app.extensions import db
from app.notifications.api import Notification, tell
from app.reach.api import services
from app.reach.api import NoticeRecipient, SmsBudgetMonth, opted_out
from tests.factories import auth, make_consultation, make_user
from tests.helpers import together
from tests.reach.helpers import PHONE0, ledger_estate, register

#: 22:30 and 09:30 Beijing time
NIGHT = datetime(2026, 12, 7, 14, 30, tzinfo=timezone.utc)
MORNING = datetime(2026, 12, 8, 1, 30, tzinfo=timezone.utc)


def outbox():
    return list(db.session.scalars(select(SmsOutboxMessage).order_by(SmsOutboxMessage.id)))


def test_ninety_five_owners_six_registered(client):
    estate = ledger_estate(95)
    users = register(estate, 6)
    committee = make_user(roles=[("committee", estate.id)])
    c = make_consultation(estate, actor=committee)
    url = f"/api/v1/consultations/{c.id}/notices"
    body = {"audience": "all", "channels": ["sms", "app"]}

    preview = client.post(url, json={**body, "preview": True}, headers=auth(committee))
    assert preview.status_code == 200, preview.json
    assert preview.json["recipients"] == 95
    assert preview.json["by_channel"] == {"sms": 89, "app": 6}
    assert preview.json["unreachable"] == []
    assert db.session.scalar(select(func.count(NoticeRecipient.id))) == 0 and outbox() == []

    sent = client.post(url, json=body, headers=auth(committee))
    assert sent.status_code == 202, sent.json
    assert sent.json["by_channel"] == {"sms": 89, "app": 6}
    assert sent.json["estimated_cost_cents"] == preview.json["estimated_cost_cents"]
    messages = outbox()
    assert len(messages) == 89 and len({m.phone for m in messages}) == 89
    assert {m.phone for m in messages}.isdisjoint({u.phone for u in users})
    assert all(m.status == SmsStatus.queued and "/n/" in m.body for m in messages)
    parts = sum(services.parts_of(m.body) for m in messages)
    assert sent.json["estimated_cost_cents"] == parts * client.application.config["SMS_PRICE_CENTS"]
    notes = list(db.session.scalars(select(Notification).where(Notification.kind == "notice_vote_opened")))
    assert sorted(n.user_id for n in notes) == sorted(u.id for u in users)

    # the quiet hours: nothing leaves at 22:30 Beijing time, everything at 09:30
    assert send_queued(NIGHT) == "quiet hours"
    assert all(m.status == SmsStatus.queued for m in outbox())
    send_queued(MORNING)
    assert all(m.status == SmsStatus.sent for m in outbox())

    reach = client.get(f"/api/v1/consultations/{c.id}/reach", headers=auth(committee)).json
    total = reach["total"]
    assert total["flats"] == total["owners"] == total["with_phone"] == total["notified"] == 95
    assert total["registered"] == 6 and total["people"] == 95 and total["not_reached"] == 0
    for column in total:
        if column != "people":
            assert sum(row[column] for row in reach["stairwells"]) == total[column]
    assert len(reach["stairwells"]) == 4


def test_one_message_per_person_however_many_flats_and_opt_outs(client, app):
    app.config["SMS_REPLY_TOKEN"] = "reply-secret"
    estate = ledger_estate(10, twice=(8, 9))  # owners 8 and 9 own two flats each
    register(estate, 1)
    committee = make_user(roles=[("committee", estate.id)])
    c = make_consultation(estate, actor=committee)
    refused = client.post("/api/v1/sms/replies", json={"phone": str(PHONE0 + 7), "text": "TD"})
    assert refused.status_code == 404
    reply = client.post("/api/v1/sms/replies", json={"phone": str(PHONE0 + 7), "text": " 退订 "},
                        headers={"X-Reply-Token": "reply-secret"})
    assert reply.json == {"opted_out": True}
    assert client.post(f"/api/v1/estates/{estate.id}/sms-opt-outs", json={"phone": str(PHONE0 + 6)},
                       headers=auth(committee)).status_code == 204
    result = client.post(f"/api/v1/consultations/{c.id}/notices",
                         json={"audience": "all", "channels": ["sms", "app"]}, headers=auth(committee)).json
    assert result["by_channel"] == {"sms": 7, "app": 1}  # 12 flats, 10 people, 2 opted out
    assert sorted(u["reason"] for u in result["unreachable"]) == ["已退订短信", "已退订短信"]
    phones = [m.phone for m in outbox()]
    assert len(phones) == len(set(phones)) == 7 and str(PHONE0 + 7) not in phones
    two = db.session.scalar(select(NoticeRecipient).where(NoticeRecipient.phone == str(PHONE0 + 8)))
    assert len(two.flat_ids) == 2
    reach = client.get(f"/api/v1/consultations/{c.id}/reach", headers=auth(committee)).json["total"]
    assert reach["flats"] == 12 and reach["people"] == 10 and reach["not_reached"] == 2


def test_a_resident_turns_sms_off_on_their_own_page(client, estate):
    user = make_user()
    page = client.put("/api/v1/me/sms-notices", json={"opted_out": True}, headers=auth(user))
    assert page.json == {"opted_out": True}
    assert opted_out([user.phone]) == {user.phone}
    assert client.put("/api/v1/me/sms-notices", json={"opted_out": False}, headers=auth(user)).json == \
        {"opted_out": False}


def test_a_number_that_opted_out_gets_no_notice_by_sms_from_anywhere(client, estate):
    """Not only the reach notices: a message a person expects (tell with an SMS kind) to an
    account holder who turned SMS off stays in the app; a login code still goes."""
    quiet, other = make_user(), make_user()
    client.put("/api/v1/me/sms-notices", json={"opted_out": True}, headers=auth(quiet))
    for who in (quiet, other):
        tell([who.id], estate_id=estate.id, kind="claim_decided", title="认领结果", body="已通过",
             link="/claim", notice="claim_decided", params={"flat": "1号楼 101", "result": "已通过"})
    db.session.commit()
    assert [m.phone for m in outbox()] == [other.phone]
    assert db.session.scalar(select(func.count(Notification.id)).where(
        Notification.user_id == quiet.id, Notification.kind == "claim_decided")) == 1
    assert client.post("/api/v1/auth/sms-codes", json={"phone": quiet.phone}).status_code < 300
    assert [m.kind for m in outbox() if m.phone == quiet.phone] == ["login_code"]


def test_bad_input_and_wrong_people(client):
    estate = ledger_estate(4)
    committee = make_user(roles=[("committee", estate.id)])
    c = make_consultation(estate, actor=committee)
    url = f"/api/v1/consultations/{c.id}/notices"
    bad = client.post(url, json={"audience": "some", "channels": []}, headers=auth(committee))
    assert bad.status_code == 422 and "audience" in bad.json["error"]["fields"]
    none = client.post(url, json={"audience": "all", "channels": []}, headers=auth(committee))
    assert none.status_code == 422 and none.json["error"]["fields"]["channels"]
    meeting = client.post(url, json={"audience": "all", "channels": ["sms"], "kind": "meeting"},
                          headers=auth(committee))
    assert meeting.status_code == 422
    results = client.post(url, json={"audience": "all", "channels": ["sms"], "kind": "results"},
                          headers=auth(committee))
    assert results.status_code == 409
    resident = make_user()
    assert client.post(url, json={"audience": "all", "channels": ["sms"]}, headers=auth(resident)).status_code == 404
    assert outbox() == []


def test_the_budget_stops_a_send_whole(client, app):
    app.config["SMS_MONTHLY_BUDGET_CENTS"] = 30
    estate = ledger_estate(10)
    committee = make_user(roles=[("committee", estate.id)])
    c = make_consultation(estate, actor=committee)
    refused = client.post(f"/api/v1/consultations/{c.id}/notices",
                          json={"audience": "all", "channels": ["sms"]}, headers=auth(committee))
    assert refused.status_code == 409 and refused.json["error"]["code"] == "over_budget"
    assert outbox() == [] and db.session.scalar(select(func.count(NoticeRecipient.id))) == 0


def test_concurrent_sends_never_exceed_the_budget(app, backend):
    estate = ledger_estate(4)
    committee = make_user(roles=[("committee", estate.id)])
    c = make_consultation(estate, actor=committee)
    one = services.send_notice(c, kind="vote_opened", audience="all", channels=["sms"], preview=True)
    cost = one["estimated_cost_cents"]
    services.set_estate_budget(estate.id, cost * 3, committee.id)
    c_id, committee_id = c.id, committee.id  # the threads never touch the test's own session

    def send(_):
        from app.consultations.api import Consultation

        services.send_notice(db.session.get(Consultation, c_id), kind="vote_opened", audience="all",
                             channels=["sms"], preview=False, sent_by_id=committee_id)
        return "sent"

    outcomes = together(app, 8, send, returns=True, timeout_s=120)
    db.session.expire_all()
    month = db.session.scalar(select(SmsBudgetMonth).where(SmsBudgetMonth.estate_id == estate.id))
    assert sorted(set(outcomes)) == ["over_budget", "sent"], outcomes
    assert outcomes.count("sent") == 3 and month.used_cents == cost * 3 <= month.cap_cents
    assert len(outbox()) == 3 * 4
