"""Aliyun and Tencent SMS through their official SDKs, against local fakes that check each
request's signature and format as the providers document (tests/auth/fake_sms.py)."""
import re
from datetime import datetime, timezone

import pytest
from sqlalchemy import select

from app import create_app
from app.auth.api import SmsOutboxMessage, SmsStatus
from app.auth.api import KINDS as SMS_KINDS, record_receipts, send_queued, send_sms
from app.config import TestConfig
from app.extensions import db
from tests.auth.fake_sms import FakeAliyun, FakeTencent
from tests.live import serve_wsgi

SIGN = "共治平台"
#: one approved template per kind the code sends (app.auth.sms.KINDS), as the provider keeps it
KINDS = list(SMS_KINDS)
ALIYUN_TEMPLATES = {f"SMS_1000{n:02d}": list(SMS_KINDS[kind].params) for n, kind in enumerate(KINDS, 1)}
TENCENT_TEMPLATES = {f"11000{n:02d}": len(SMS_KINDS[kind].params) for n, kind in enumerate(KINDS, 1)}
#: 10:00 and 22:30 in Beijing
DAY = datetime(2026, 12, 7, 2, 0, tzinfo=timezone.utc)
NIGHT = datetime(2026, 12, 7, 14, 30, tzinfo=timezone.utc)
CLOSING = {"estate": "幸福里", "title": "加装电梯", "closes_at": "12月09日 18:00",
           "link": "https://gongzhi.example.cn/consultations/7"}


@pytest.fixture(scope="module")
def aliyun():
    fake = FakeAliyun("LTAI-test-key", "aliyun-secret-for-tests", SIGN, ALIYUN_TEMPLATES)
    with serve_wsgi(fake) as url:
        fake.endpoint = url.removeprefix("http://")
        yield fake


@pytest.fixture(scope="module")
def tencent():
    fake = FakeTencent("AKID-test", "tencent-secret-for-tests", "1400000001", SIGN, TENCENT_TEMPLATES)
    with serve_wsgi(fake) as url:
        fake.endpoint = url.removeprefix("http://")
        yield fake


@pytest.fixture(params=["aliyun", "tencent"])
def provider(request, aliyun, tencent):
    fake = {"aliyun": aliyun, "tencent": tencent}[request.param]
    fake.reset()
    fake.name = request.param
    return fake


@pytest.fixture
def config_overrides(provider):
    common = {"SMS_BACKEND": provider.name, "SMS_SIGN_NAME": SIGN, "SMS_PROVIDER_SCHEME": "http",
              "SMS_TIMEOUT_S": 5.0}
    if provider.name == "aliyun":
        return {**common, "SMS_TEMPLATES": dict(zip(KINDS, ALIYUN_TEMPLATES)),
                "ALIYUN_SMS_ACCESS_KEY_ID": "LTAI-test-key", "ALIYUN_SMS_ACCESS_KEY_SECRET": "aliyun-secret-for-tests",
                "ALIYUN_SMS_ENDPOINT": provider.endpoint}
    return {**common, "SMS_TEMPLATES": dict(zip(KINDS, TENCENT_TEMPLATES)),
            "TENCENT_SMS_SECRET_ID": "AKID-test", "TENCENT_SMS_SECRET_KEY": "tencent-secret-for-tests",
            "TENCENT_SMS_SDK_APP_ID": "1400000001", "TENCENT_SMS_ENDPOINT": provider.endpoint}


def sent_values(provider) -> list:
    """What the provider got: the template, and its parameters by name (aliyun) or in order (tencent)."""
    if provider.name == "aliyun":
        return [(s["TemplateCode"], s["values"]) for s in provider.sent]
    return [(s["TemplateId"], s["TemplateParamSet"]) for s in provider.sent]


def test_login_code_goes_as_the_approved_template_and_logs_in(client, provider):
    response = client.post("/api/v1/auth/sms-codes", json={"phone": "13912345678"})
    assert response.status_code == 202, response.json
    [(template, values)] = sent_values(provider)
    code = values["code"] if provider.name == "aliyun" else values[0]
    assert re.fullmatch(r"\d{6}", code)
    assert template == ("SMS_100001" if provider.name == "aliyun" else "1100001")
    assert provider.refused == []
    [kept] = db.session.scalars(select(SmsOutboxMessage)).all()
    assert (kept.provider, kept.status, kept.code, kept.params) == (provider.name, SmsStatus.sent, None, None)
    assert kept.provider_id and code not in kept.body
    assert client.post("/api/v1/auth/tokens", json={"phone": "13912345678", "code": code}).status_code == 201


def test_a_wrong_secret_is_refused_by_the_provider_and_answers_503(app, client, provider):
    key = "ALIYUN_SMS_ACCESS_KEY_SECRET" if provider.name == "aliyun" else "TENCENT_SMS_SECRET_KEY"
    app.config[key] = "not-the-secret"
    response = client.post("/api/v1/auth/sms-codes", json={"phone": "13912345679"})
    assert response.status_code == 503 and response.json["error"]["code"] == "sms_failed"
    assert provider.refused and provider.sent == []
    assert db.session.scalar(select(SmsOutboxMessage.id)) is None  # rolled back with the code


def test_notices_wait_out_the_quiet_hours_then_go_and_receipts_are_recorded(app, provider):
    night = send_sms("13912340001", "closing_soon", CLOSING, now=NIGHT)
    other = send_sms("13912340002", "results", {k: CLOSING[k] for k in ("estate", "title", "link")}, now=NIGHT)
    db.session.commit()
    assert provider.sent == [] and night.status == other.status == SmsStatus.queued
    assert send_queued(NIGHT) == "quiet hours"
    assert send_queued(DAY) == "sent 2 of 2"
    assert night.status == SmsStatus.sent and night.sent_at is not None
    expected = ["幸福里", "加装电梯", "12月09日 18:00", CLOSING["link"]]
    first = sent_values(provider)[0][1]
    assert (first if provider.name == "tencent" else list(first.values())) == expected
    assert night.body == "【共治】幸福里的“加装电梯”将在 12月09日 18:00 截止，您还没有参与，请打开链接参与：" + CLOSING["link"]

    provider.deliver(night.provider_id, True)
    provider.deliver(other.provider_id, False)
    assert record_receipts(DAY) == "2 receipts"
    assert (night.status, other.status) == (SmsStatus.delivered, SmsStatus.failed)
    assert night.receipt_at is not None and other.error
    assert record_receipts(DAY) == "no receipts due"


def test_a_refused_notice_is_tried_again_then_given_up(app, provider):
    app.config["SMS_TEMPLATES"] = {**app.config["SMS_TEMPLATES"], "meeting": "not-approved"}
    meeting = {"estate": "幸福里", "title": "议事会", "time": "12月10日 19:00", "place": "居委会", "link": "https://x.cn/m/1"}
    message = send_sms("13912340003", "meeting", meeting, now=DAY)
    db.session.commit()
    assert (message.status, message.attempts) == (SmsStatus.queued, 1) and message.error
    send_queued(DAY)
    send_queued(DAY)
    assert (message.status, message.attempts) == (SmsStatus.failed, 3)
    assert send_queued(DAY) == "sent 0 of 0"


@pytest.mark.parametrize("name", ["aliyun", "tencent"])
def test_a_provider_without_its_settings_refuses_to_start(name):
    with pytest.raises(RuntimeError, match="SMS_SIGN_NAME.*SMS_TEMPLATE_LOGIN_CODE"):
        create_app(type("Deployed", (TestConfig,), {"SMS_BACKEND": name}))
