"""Consent to the processing rules at first login (PIPL): asked before anything else on the
pages and the API, recorded with its version, time and channel; a new version asks again."""
import pytest
from sqlalchemy import func, select

from app.auth.api import consent
from app.auth.api import Consent, SmsOutboxMessage
from app.auth.api import request_code
from app.extensions import db
from app.personal.api import messages
from tests.factories import auth, make_estate, make_user

PHONE = "13912340001"


def sms_code(phone):
    request_code(phone)
    return db.session.scalars(select(SmsOutboxMessage.code).where(SmsOutboxMessage.phone == phone)
                              .order_by(SmsOutboxMessage.id.desc())).first()


def token_login(client, phone=PHONE) -> dict:
    login = client.post("/api/v1/auth/tokens", json={"phone": phone, "code": sms_code(phone)})
    assert login.status_code == 201
    return {"Authorization": f"Bearer {login.json['access_token']}"}


def web_login(client, phone=PHONE) -> str:
    response = client.post("/api/v1/auth/session", json={"phone": phone, "code": sms_code(phone)})
    assert response.status_code == 201
    return response.json["csrf_token"]


def test_an_api_client_is_told_where_to_agree_and_agreeing_records_version_and_channel(client):
    headers = token_login(client)
    refused = client.get("/api/v1/me/notifications", headers=headers)
    assert refused.status_code == 403
    error = refused.json["error"]
    assert error["code"] == "consent_required" and error["message"] == messages.CONSENT_REQUIRED
    assert error["version"] == messages.NOTICE_VERSION
    assert error["consent_url"] == "/consent" and error["rules_url"] == "/privacy"
    # who am I, the rules and my own data stay open; the rest waits
    assert client.get("/api/v1/me", headers=headers).status_code == 200
    asked = client.get(error["accept_url"], headers=headers).json
    rules = next(item for item in asked["required"] if item["kind"] == "rules")
    assert rules == {"kind": "rules", "version": messages.NOTICE_VERSION, "agreed": False,
                     "text": rules["text"], "url": "/privacy"} and "手机号" in rules["text"]
    old = client.post(error["accept_url"], headers=headers, json={"kind": "rules", "version": "2000-01-01"})
    assert old.status_code == 409 and old.json["error"]["code"] == "consent_outdated"
    agreed = client.post(error["accept_url"], headers=headers,
                         json={"kind": "rules", "version": error["version"]})
    assert agreed.status_code == 201
    assert (agreed.json["kind"], agreed.json["version"], agreed.json["channel"]) == (
        "rules", messages.NOTICE_VERSION, "sms")
    assert client.get("/api/v1/me/notifications", headers=headers).status_code == 200
    # agreeing again keeps the one record
    assert client.post(error["accept_url"], headers=headers,
                       json={"kind": "rules", "version": error["version"]}).status_code == 201
    assert db.session.scalar(select(func.count(Consent.id))) == 1
    history = client.get("/api/v1/me/consents", headers=headers).json["history"]
    assert [(c["kind"], c["version"], c["channel"]) for c in history] == [
        ("rules", messages.NOTICE_VERSION, "sms")]


def test_pages_show_the_consent_page_first_and_agreeing_goes_on(client):
    csrf = web_login(client)
    home = client.get("/notifications")
    assert home.status_code == 302 and home.headers["Location"].startswith("/consent?next=")
    page = client.get(home.headers["Location"])
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert messages.CONSENT_TITLE in text and messages.CONSENT_AGREE in text and 'href="/privacy"' in text
    assert "手机号" in text and messages.CONSENT_ID_NOTE in text
    year, month, day = messages.NOTICE_VERSION.split("-")
    assert f"本规则版本：{year}年{month}月{day}日" in text  # a day as people read it
    # a form without this session's token changes nothing
    assert client.post("/consent", data={"answer": "agree", "version": messages.NOTICE_VERSION}).status_code == 403
    agreed = client.post("/consent", data={"csrf_token": csrf, "answer": "agree",
                                           "version": messages.NOTICE_VERSION, "next": "/notifications"})
    assert agreed.status_code == 302 and agreed.headers["Location"] == "/notifications"
    assert client.get("/notifications").status_code == 200
    row = db.session.scalars(select(Consent)).one()
    assert (row.kind, row.version, row.channel) == ("rules", messages.NOTICE_VERSION, "sms")


def test_declining_signs_out_and_records_nothing(client):
    csrf = web_login(client)
    declined = client.post("/consent", data={"csrf_token": csrf, "answer": "decline",
                                             "version": messages.NOTICE_VERSION})
    assert declined.status_code == 200 and messages.CONSENT_DECLINED in declined.get_data(as_text=True)
    assert client.get("/notifications").status_code == 302
    assert client.get("/notifications").headers["Location"].startswith("/login")
    assert db.session.scalar(select(func.count(Consent.id))) == 0


def test_a_new_version_of_the_rules_asks_again_committee_too(client, monkeypatch):
    estate = make_estate()
    committee = make_user(roles=[("committee", estate.id)])  # agreed to the current version
    assert client.get(f"/api/v1/estates/{estate.id}/claims", headers=auth(committee)).status_code == 200
    monkeypatch.setattr(messages, "NOTICE_VERSION", "2099-01-01")
    refused = client.get(f"/api/v1/estates/{estate.id}/claims", headers=auth(committee))
    assert refused.status_code == 403 and refused.json["error"]["version"] == "2099-01-01"
    accepted = client.post("/api/v1/me/consents", headers=auth(committee),
                           json={"kind": "rules", "version": "2099-01-01"})
    assert accepted.status_code == 201
    assert client.get(f"/api/v1/estates/{estate.id}/claims", headers=auth(committee)).status_code == 200
    kinds = db.session.execute(select(Consent.version).where(Consent.user_id == committee.id)
                               .order_by(Consent.id)).scalars().all()
    assert kinds[-1] == "2099-01-01" and len(kinds) == 2  # the first agreement stays on record


def test_the_page_says_the_rules_changed(client, monkeypatch):
    from tests.factories import sign_in_cookie

    user = make_user()
    sign_in_cookie(client, user)
    monkeypatch.setattr(messages, "NOTICE_VERSION", "2099-01-01")
    page = client.get("/consent")
    assert page.status_code == 200 and messages.CONSENT_TITLE_AGAIN in page.get_data(as_text=True)


def test_give_is_one_record_per_person_kind_and_version(app):
    user = make_user(consented=False)
    assert user.privacy_version is None and not consent.has(user, consent.RULES, messages.NOTICE_VERSION)
    for channel in ("sms", "web"):
        consent.give(user, consent.RULES, messages.NOTICE_VERSION, channel)
    db.session.commit()
    assert consent.has(user, consent.RULES, messages.NOTICE_VERSION)
    assert [(c.kind, c.channel) for c in consent.of(user.id)] == [("rules", "sms")]


@pytest.mark.parametrize("path", ["/privacy", "/api/v1/me/export", "/account"])
def test_the_rules_and_my_rights_are_open_before_agreeing(client, path):
    web_login(client)
    assert client.get(path).status_code == 200


def test_two_agreements_at_once_keep_one_record(app):
    """The same person agreeing on two devices at the same moment: the database keeps one."""
    from app.auth.api import User
    from tests.helpers import together

    user_id = make_user(consented=False).id
    channels = ("sms", "web", "api", "wechat")
    outcomes = together(app, 4, lambda i: consent.accept(
        db.session.get(User, user_id), consent.RULES, messages.NOTICE_VERSION, messages.NOTICE_VERSION,
        channels[i]))
    assert outcomes == ["ok"] * 4
    assert db.session.scalar(select(func.count(Consent.id)).where(Consent.user_id == user_id)) == 1
    assert db.session.get(User, user_id).privacy_version == messages.NOTICE_VERSION
