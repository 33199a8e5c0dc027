"""The `http` SMS backend against a real HTTP server started here (a stand-in gateway)."""
import json
import re
import threading

import pytest
from sqlalchemy import func, select

from app import create_app
from app.auth.api import SmsCode, SmsOutboxMessage
from app.config import TestConfig, default_sms_backend
from app.extensions import db
from tests.live import free_port, serve_wsgi

TOKEN = "gateway-token-123"


class Gateway:
    """A minimal SMS gateway: POST {phone, text} with a bearer token; remembers what it got."""

    def __init__(self):
        self.received = []
        self.fail_with = None
        self.lock = threading.Lock()

    def __call__(self, environ, start_response):
        body = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
        with self.lock:
            self.received.append({"method": environ["REQUEST_METHOD"], "path": environ["PATH_INFO"],
                                  "auth": environ.get("HTTP_AUTHORIZATION"),
                                  "type": environ.get("CONTENT_TYPE"), "body": body})
        if self.fail_with:
            start_response(f"{self.fail_with} Gateway Error", [("Content-Type", "application/json")])
            return [b'{"ok": false}']
        start_response("200 OK", [("Content-Type", "application/json")])
        return [b'{"ok": true}']


@pytest.fixture(scope="module")
def gateway():
    gateway = Gateway()
    with serve_wsgi(gateway) as url:
        gateway.url = url + "/send"
        yield gateway


@pytest.fixture
def config_overrides(gateway):
    gateway.received.clear()
    gateway.fail_with = None
    return {"SMS_BACKEND": "http", "SMS_HTTP_URL": gateway.url, "SMS_HTTP_TOKEN": TOKEN}


def test_code_is_posted_to_the_gateway_and_logs_in(client, gateway):
    response = client.post("/api/v1/auth/sms-codes", json={"phone": "139 1111 2222"})
    assert response.status_code == 202
    assert response.json == {"expires_in": 600}
    [sent] = gateway.received
    assert (sent["method"], sent["path"]) == ("POST", "/send")
    assert sent["auth"] == f"Bearer {TOKEN}"
    assert sent["type"].startswith("application/json")
    payload = json.loads(sent["body"])
    assert payload["phone"] == "13911112222"
    code = re.search(r"验证码是 (\d{6})", payload["text"]).group(1)
    assert "10 分钟内有效" in payload["text"]
    # the outbox records the message without its code, and the outbox route is closed
    [kept] = db.session.scalars(select(SmsOutboxMessage)).all()
    assert (kept.kind, kept.status.value, kept.provider, kept.code, kept.params) == (
        "login_code", "sent", "http", None, None)
    assert code not in kept.body and "******" in kept.body
    assert client.get("/api/v1/dev/sms-outbox").status_code == 404
    login = client.post("/api/v1/auth/tokens", json={"phone": "13911112222", "code": code})
    assert login.status_code == 201


@pytest.mark.parametrize("status", [500, 401])
def test_gateway_error_is_a_clear_503_and_keeps_no_code(client, gateway, status):
    gateway.fail_with = status
    response = client.post("/api/v1/auth/sms-codes", json={"phone": "13911113333"})
    assert response.status_code == 503
    assert response.json["error"] == {"code": "sms_failed", "message": "短信没有发出去，请稍后再试",
                                      "fields": {}}
    assert db.session.scalar(select(func.count(SmsCode.id))) == 0
    # so asking again at once is not blocked by the one-minute wait
    gateway.fail_with = None
    assert client.post("/api/v1/auth/sms-codes", json={"phone": "13911113333"}).status_code == 202


def test_unreachable_gateway_is_a_clear_503(app, client):
    app.config["SMS_HTTP_URL"] = f"http://127.0.0.1:{free_port()}/send"
    response = client.post("/api/v1/auth/sms-codes", json={"phone": "13911114444"})
    assert response.status_code == 503
    assert response.json["error"]["code"] == "sms_failed"



def test_a_deployment_must_name_its_sms_backend():
    """With SECRET_KEY set there is no default: the console backend would publish every code."""
    assert default_sms_backend({}) == "console"  # make run, on a laptop
    assert default_sms_backend({"SECRET_KEY": "x" * 48}) is None
    for backend in (None, "carrier-pigeon"):
        with pytest.raises(RuntimeError, match="SMS_BACKEND"):
            create_app(type("Deployed", (TestConfig,), {"SMS_BACKEND": backend}))
    with pytest.raises(RuntimeError, match="SMS_HTTP_URL"):
        create_app(type("NoUrl", (TestConfig,), {"SMS_BACKEND": "http", "SMS_HTTP_URL": None}))
