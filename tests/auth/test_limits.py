"""Limits on asking for codes: the address behind a proxy, and per phone per day.

The per-address limits themselves are tested in tests/security/test_rate_limits.py.
"""
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from app.auth.api import SmsCode
from app.db import utcnow
from app.extensions import db


@pytest.fixture
def config_overrides():
    return {"RATELIMIT_ENABLED": True, "RATELIMIT_SMS_PER_IP": "3 per hour",
            "SMS_RESEND_INTERVAL_S": 0}


def ask(client, phone, ip="10.0.0.1", **headers):
    return client.post("/api/v1/auth/sms-codes", json={"phone": phone},
                       environ_base={"REMOTE_ADDR": ip}, headers=headers)


def test_without_trusted_proxies_forwarded_for_is_ignored(client):
    for i in range(3):
        assert ask(client, f"1390000300{i}", **{"X-Forwarded-For": f"192.0.2.{i}"}).status_code == 202
    refused = ask(client, "13900003009", **{"X-Forwarded-For": "192.0.2.99"})
    assert refused.status_code == 429
    # nothing was sent to the refused phone
    assert client.get("/api/v1/dev/sms-outbox?phone=13900003009").json == []


@pytest.mark.parametrize("config_overrides", [{
    "RATELIMIT_ENABLED": True, "RATELIMIT_SMS_PER_IP": "3 per hour", "SMS_RESEND_INTERVAL_S": 0,
    "TRUSTED_PROXIES": 1}])
def test_behind_a_trusted_proxy_each_client_address_has_its_own_limit(client, config_overrides):
    proxy = "127.0.0.1"
    for i in range(3):
        assert ask(client, f"1390000400{i}", ip=proxy,
                   **{"X-Forwarded-For": "198.51.100.7"}).status_code == 202
    assert ask(client, "13900004009", ip=proxy, **{"X-Forwarded-For": "198.51.100.7"}).status_code == 429
    assert ask(client, "13900004009", ip=proxy, **{"X-Forwarded-For": "198.51.100.8"}).status_code == 202
    sms = db.session.scalar(select(SmsCode).where(SmsCode.phone == "13900004009"))
    assert sms.requested_ip == "198.51.100.8"


@pytest.mark.parametrize("config_overrides", [{"SMS_RESEND_INTERVAL_S": 0}])
def test_at_most_ten_codes_per_phone_per_day(client, config_overrides):
    phone = "13900005000"
    for i in range(10):
        assert ask(client, phone, ip=f"10.1.0.{i}").status_code == 202
    refused = ask(client, phone, ip="10.1.0.99")
    assert refused.status_code == 429
    assert refused.json["error"]["code"] == "sms_daily_limit"
    assert refused.json["error"]["message"] == "今天获取验证码次数太多了，请明天再试"
    assert ask(client, "13900005001").status_code == 202  # other phones are not affected
    # a day later the oldest codes no longer count
    db.session.execute(update(SmsCode).where(SmsCode.phone == phone)
                       .values(created_at=utcnow() - timedelta(days=1, seconds=1)))
    db.session.commit()
    assert ask(client, phone).status_code == 202


def test_resend_waits_a_minute_then_works(client):
    phone = "13900006000"
    client.application.config["SMS_RESEND_INTERVAL_S"] = 60
    assert ask(client, phone).status_code == 202
    too_soon = ask(client, phone)
    assert too_soon.status_code == 429 and too_soon.json["error"]["code"] == "sms_too_soon"
    db.session.execute(update(SmsCode).where(SmsCode.phone == phone)
                       .values(created_at=utcnow() - timedelta(seconds=61)))
    db.session.commit()
    assert ask(client, phone).status_code == 202
