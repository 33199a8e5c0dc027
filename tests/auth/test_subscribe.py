"""订阅消息 against the local fake of WeChat (tests/auth/fake_wechat.py): a mini-program user
accepts, our endpoint counts it, the closing reminder goes out once per acceptance."""
from datetime import timedelta

import pytest
from sqlalchemy import select

from app.auth.api import SmsOutboxMessage, User, WechatSubscription
from app.extensions import db
from app.notifications.api import remind_closing
from tests.auth.wechat_steps import MINI_ID, MINI_SECRET, first_login
from tests.factories import flats_of, link, make_consultation, make_estate

CLOSING, RESULTS = "tmpl-closing-0001", "tmpl-results-0002"
SITE = "https://gongzhi.example.cn"
URL = "/api/v1/wechat/subscriptions"


@pytest.fixture
def config_overrides(wechat):
    wechat.reset()
    wechat.templates = {CLOSING: ["thing1", "time2", "thing3"], RESULTS: ["thing1", "thing2"]}
    return {"WECHAT_MINI_APP_ID": MINI_ID, "WECHAT_MINI_APP_SECRET": MINI_SECRET,
            "WECHAT_API_BASE_URL": wechat.url, "WECHAT_TIMEOUT_S": 1.0, "PUBLIC_BASE_URL": SITE,
            "WECHAT_SUBSCRIBE_TEMPLATES": {"vote_opened": None, "closing_soon": CLOSING,
                                           "results": RESULTS, "meeting": None},
            "WECHAT_SUBSCRIBE_FIELDS": {"vote_opened": None, "closing_soon": "thing1=title,time2=closes_at,thing3=estate",
                                        "results": "thing1=title,thing2=estate", "meeting": None}}


def bearer(body) -> dict:
    return {"Authorization": f"Bearer {body['access_token']}"}


def test_accepting_counts_and_the_reminder_goes_once_per_acceptance(client, wechat):
    estate = make_estate()
    flats = flats_of(estate.id)
    body = first_login(client, wechat, "o_sub_1", "13912349001")
    link(db.session.get(User, body["user"]["id"]), flats[0], "owner")

    offered = client.get(URL, headers=bearer(body))
    assert offered.status_code == 200
    assert offered.json == {"templates": {"closing_soon": CLOSING, "results": RESULTS}, "subscriptions": []}
    # the user taps 允许 for the closing reminder and 拒绝 for the results
    wechat.accept("o_sub_1", CLOSING)
    answered = client.post(URL, json={"template_ids": [CLOSING, RESULTS], "accepted": [CLOSING]},
                           headers=bearer(body))
    assert answered.status_code == 200, answered.json
    assert answered.json["subscriptions"] == [{"kind": "closing_soon", "template_id": CLOSING, "remaining": 1}]

    title = "加装电梯意愿征询（一个很长很长很长很长的标题）"
    consultation = make_consultation(estate, "elevator_consent", closes_in=timedelta(hours=3), title=title)
    assert remind_closing() == 1
    [sent] = wechat.subscribe_sent
    assert sent["touser"] == "o_sub_1" and sent["template_id"] == CLOSING
    assert sent["page"] == f"pages/web/index?path=%2Fconsultations%2F{consultation.id}"
    assert sent["data"]["thing1"]["value"] == title[:20]
    assert sent["data"]["thing3"]["value"] == estate.name
    assert db.session.scalar(select(WechatSubscription.remaining)) == 0

    # a second vote closing: the acceptance is spent, nothing goes to WeChat
    make_consultation(estate, "elevator_consent", closes_in=timedelta(hours=5))
    assert remind_closing() == 1
    assert len(wechat.subscribe_sent) == 1
    assert db.session.scalar(select(WechatSubscription.remaining)) == 0


def test_refusals_and_outsiders(client, wechat):
    body = first_login(client, wechat, "o_sub_2", "13912349002")
    unknown = client.post(URL, json={"template_ids": ["someone-elses"], "accepted": ["someone-elses"]},
                          headers=bearer(body))
    assert unknown.status_code == 422 and unknown.json["error"]["fields"]
    assert client.post(URL, json={"template_ids": [CLOSING]}, headers=bearer(body)).status_code == 422
    assert client.post(URL, json={"template_ids": [CLOSING], "accepted": []}).status_code == 401
    rejected = client.post(URL, json={"template_ids": [CLOSING], "accepted": []}, headers=bearer(body))
    assert rejected.status_code == 200 and rejected.json["subscriptions"] == []
    # accepted twice: two messages allowed
    for _ in range(2):
        client.post(URL, json={"template_ids": [CLOSING], "accepted": [CLOSING]}, headers=bearer(body))
    assert db.session.scalar(select(WechatSubscription.remaining)) == 2


def test_wechat_refusal_spends_nothing_twice_and_sms_still_goes(client, wechat):
    """WeChat says 43101 (the user withdrew in WeChat's settings): our count drops to zero."""
    from app.auth.api import send_notice

    body = first_login(client, wechat, "o_sub_3", "13912349003")
    client.post(URL, json={"template_ids": [CLOSING], "accepted": [CLOSING]}, headers=bearer(body))
    user = db.session.get(User, body["user"]["id"])
    send_notice(user, "closing_soon", {"estate": "幸福里", "title": "加装电梯", "closes_at": "12月09日 18:00"},
                "/consultations/1")
    db.session.commit()
    assert wechat.subscribe_sent == []  # WeChat refused: the fake holds no acceptance
    assert db.session.scalar(select(WechatSubscription.remaining)) == 0
    [sms] = db.session.scalars(select(SmsOutboxMessage).where(SmsOutboxMessage.kind == "closing_soon")).all()
    assert sms.phone == "13912349003" and "https://gongzhi.example.cn/consultations/1" in sms.body


def test_deleting_the_account_deletes_its_subscriptions(client, wechat):
    body = first_login(client, wechat, "o_sub_4", "13912349004")
    client.post(URL, json={"template_ids": [CLOSING], "accepted": [CLOSING]}, headers=bearer(body))
    assert db.session.scalar(select(WechatSubscription.id)) is not None
    assert client.delete("/api/v1/me", headers=bearer(body)).status_code == 204
    assert db.session.scalar(select(WechatSubscription.id)) is None
