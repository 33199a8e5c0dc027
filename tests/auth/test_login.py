"""Phone + one-time code login, end to end over HTTP."""
from datetime import timedelta

import pytest
from sqlalchemy import select

from app.auth.api import SmsCode
from app.db import utcnow
from app.extensions import db

PHONE = "13912345678"


def send_code(client, phone=PHONE):
    response = client.post("/api/v1/auth/sms-codes", json={"phone": phone})
    assert response.status_code == 202, response.json
    outbox = client.get(f"/api/v1/dev/sms-outbox?phone={phone}").json
    return outbox[0]["code"]


def test_login_with_code_gives_tokens_that_open_me(client):
    code = send_code(client)
    response = client.post("/api/v1/auth/tokens", json={"phone": PHONE, "code": code})
    assert response.status_code == 201
    body = response.json
    assert body["user"]["phone_masked"] == "139****5678"
    me = client.get("/api/v1/me", headers={"Authorization": f"Bearer {body['access_token']}"})
    assert me.status_code == 200
    assert me.json["id"] == body["user"]["id"]
    assert me.json["roles"] == [] and me.json["flats"] == []


def test_code_works_once(client):
    code = send_code(client)
    assert client.post("/api/v1/auth/tokens", json={"phone": PHONE, "code": code}).status_code == 201
    again = client.post("/api/v1/auth/tokens", json={"phone": PHONE, "code": code})
    assert again.status_code == 401
    assert again.json["error"]["message"] == "请先获取验证码"


def test_wrong_code_says_how_many_tries_are_left(client):
    send_code(client)
    response = client.post("/api/v1/auth/tokens", json={"phone": PHONE, "code": "000000x"[:6]})
    assert response.status_code == 401
    assert response.json["error"]["code"] == "wrong_code"
    assert "还可以再试 4 次" in response.json["error"]["message"]


def test_five_wrong_tries_lock_the_code_even_for_the_right_one(client):
    code = send_code(client)
    wrong = "111111" if code != "111111" else "222222"
    for _ in range(5):
        client.post("/api/v1/auth/tokens", json={"phone": PHONE, "code": wrong})
    response = client.post("/api/v1/auth/tokens", json={"phone": PHONE, "code": code})
    assert response.status_code == 401
    assert response.json["error"]["code"] == "code_locked"
    assert "输错次数太多" in response.json["error"]["message"]


def test_expired_code_is_refused_in_words(client):
    code = send_code(client)
    sms = db.session.scalar(select(SmsCode).where(SmsCode.phone == PHONE))
    sms.expires_at = utcnow() - timedelta(seconds=1)
    db.session.commit()
    response = client.post("/api/v1/auth/tokens", json={"phone": PHONE, "code": code})
    assert response.status_code == 401
    assert response.json["error"]["code"] == "code_expired"
    assert "已过期" in response.json["error"]["message"]


def test_second_code_within_a_minute_is_refused(client):
    send_code(client)
    response = client.post("/api/v1/auth/sms-codes", json={"phone": PHONE})
    assert response.status_code == 429
    assert "秒后再试" in response.json["error"]["message"]


@pytest.mark.parametrize("phone", ["12345678901", "1391234567", "abc", ""])
def test_bad_phone_is_refused_with_fields(client, phone):
    response = client.post("/api/v1/auth/sms-codes", json={"phone": phone})
    assert response.status_code == 422
    assert "phone" in response.json["error"]["fields"]


def test_unknown_field_is_refused(client):
    response = client.post("/api/v1/auth/sms-codes", json={"phone": PHONE, "admin": True})
    assert response.status_code == 422
    assert response.json["error"]["fields"] == {"admin": "不认识的字段"}


def test_refresh_gives_a_new_pair_and_access_token_cannot_refresh(client):
    code = send_code(client)
    tokens = client.post("/api/v1/auth/tokens", json={"phone": PHONE, "code": code}).json
    refreshed = client.post("/api/v1/auth/tokens/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert refreshed.status_code == 201
    assert refreshed.json["access_token"] != tokens["access_token"]
    wrong_kind = client.post("/api/v1/auth/tokens/refresh", json={"refresh_token": tokens["access_token"]})
    assert wrong_kind.status_code == 401


def test_outbox_is_hidden_unless_console_backend(app, client):
    app.config["SMS_BACKEND"] = "http"
    assert client.get("/api/v1/dev/sms-outbox").status_code == 404
