"""Security headers, cookie flags and body size limits, on every kind of response."""
import re

import pytest

from tests.factories import auth, make_estate, make_user

PHONE = "13912345678"


def assert_hardened(response):
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "object-src 'none'" in csp
    assert "unsafe-inline" not in csp and "*" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "same-origin"


@pytest.mark.parametrize("method, path, expected", [
    ("get", "/api/v1/health", 200),
    ("get", "/api/v1/openapi.json", 200),
    ("get", "/api/v1/me", 401),
    ("get", "/api/v1/no-such-route", 404),
    ("post", "/api/v1/auth/sms-codes", 422),
])
def test_api_responses_carry_security_headers(client, method, path, expected):
    response = getattr(client, method)(path, json={} if method == "post" else None)
    assert response.status_code == expected
    assert_hardened(response)
    assert response.headers["Cache-Control"] == "no-store"
    assert "Strict-Transport-Security" not in response.headers  # plain http in tests


def test_html_error_page_styles_run_under_the_policy_by_nonce(client):
    response = client.get("/no-such-page", headers={"Accept": "text/html"})
    assert response.status_code == 404
    assert_hardened(response)
    nonce = re.search(r"<style nonce=\"([^\"]+)\">", response.get_data(as_text=True)).group(1)
    assert f"style-src 'self' 'nonce-{nonce}'" in response.headers["Content-Security-Policy"]
    other = client.get("/no-such-page", headers={"Accept": "text/html"})
    assert nonce not in other.headers["Content-Security-Policy"]


@pytest.fixture
def config_overrides(request):
    return getattr(request, "param", {})


@pytest.mark.parametrize("config_overrides", [{"PUBLIC_BASE_URL": "https://gz.example.cn"}],
                         indirect=True)
def test_https_site_sends_hsts_and_secure_session_cookie(client):
    assert client.get("/api/v1/health").headers["Strict-Transport-Security"].startswith(
        "max-age=31536000")
    client.post("/api/v1/auth/sms-codes", json={"phone": PHONE})
    code = client.get(f"/api/v1/dev/sms-outbox?phone={PHONE}").json[0]["code"]
    response = client.post("/api/v1/auth/session", json={"phone": PHONE, "code": code})
    assert response.status_code == 201
    cookie = response.headers["Set-Cookie"]
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_session_cookie_is_http_only_and_same_site(client):
    client.post("/api/v1/auth/sms-codes", json={"phone": PHONE})
    code = client.get(f"/api/v1/dev/sms-outbox?phone={PHONE}").json[0]["code"]
    response = client.post("/api/v1/auth/session", json={"phone": PHONE, "code": code})
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert "Secure" not in cookie  # http://127.0.0.1 in tests; browsers would drop it


@pytest.mark.parametrize("config_overrides", [{"TRUSTED_PROXIES": 1}], indirect=True)
def test_behind_a_trusted_proxy_https_is_recognised(client):
    response = client.get("/api/v1/health", headers={"X-Forwarded-Proto": "https"})
    assert "Strict-Transport-Security" in response.headers


def test_forwarded_headers_are_ignored_without_a_trusted_proxy(client):
    response = client.get("/api/v1/health", headers={"X-Forwarded-Proto": "https"})
    assert "Strict-Transport-Security" not in response.headers


def test_oversized_json_body_answers_413_json(app, client):
    body = '{"phone": "' + "1" * (app.config["MAX_JSON_BODY_BYTES"] + 10) + '"}'
    response = client.post("/api/v1/auth/sms-codes", data=body, content_type="application/json")
    assert response.status_code == 413
    assert response.json["error"]["code"] == "too_large"
    assert response.json["error"]["message"] == "文件或内容太大了"
    assert_hardened(response)


def test_chunked_body_without_length_is_cut_at_the_limit_on_a_real_server(start_server):
    """gunicorn passes chunked bodies through; the limit still holds without Content-Length."""
    import requests

    from app.config import Config

    server = start_server("sqlite")

    def chunks():
        yield b'{"phone": "'
        for _ in range(Config.MAX_JSON_BODY_BYTES // 1000 + 2):
            yield b"1" * 1000
        yield b'"}'

    response = requests.post(server.url + "/api/v1/auth/sms-codes", data=chunks(),
                             headers={"Content-Type": "application/json"}, timeout=10)
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "too_large"
    small = requests.post(server.url + "/api/v1/auth/sms-codes", data=iter([b'{"phone": "1"}']),
                          headers={"Content-Type": "application/json"}, timeout=10)
    assert small.status_code == 422


def test_ledger_upload_may_be_larger_than_a_json_body(app, client):
    """A ledger upload over the JSON limit but under MAX_CONTENT_LENGTH is read, not refused."""
    estate = make_estate()
    committee = make_user(roles=[("committee", estate.id)])
    header = "building,stairwell,room,floor,area_m2,owner_name\n"
    rows = "".join(f"9号楼,1单元,{n},1,50.00,业主{n}\n" for n in range(1, 12001))
    data = (header + rows).encode()
    assert app.config["MAX_JSON_BODY_BYTES"] < len(data) < app.config["MAX_CONTENT_LENGTH"]
    import io

    response = client.post(f"/api/v1/estates/{estate.id}/flats/import", headers=auth(committee),
                           data={"file": (io.BytesIO(data), "ledger.csv")},
                           content_type="multipart/form-data")
    assert response.status_code == 200, response.json
    assert response.json["created"] == 12000


def test_upload_over_the_upload_limit_answers_413(app, client):
    estate = make_estate()
    committee = make_user(roles=[("committee", estate.id)])
    app.config["MAX_CONTENT_LENGTH"] = 64 * 1024
    import io

    response = client.post(f"/api/v1/estates/{estate.id}/flats/import", headers=auth(committee),
                           data={"file": (io.BytesIO(b"x" * 70 * 1024), "ledger.csv")},
                           content_type="multipart/form-data")
    assert response.status_code == 413
    assert response.json["error"]["code"] == "too_large"


def test_a_request_without_a_session_cookie_builds_no_signer_and_a_cookie_still_signs_in(
        client, app, monkeypatch):
    built = []
    interface = app.session_interface
    original = interface.get_signing_serializer
    monkeypatch.setattr(interface, "get_signing_serializer", lambda a: built.append(1) or original(a))
    assert client.get("/api/v1/health").status_code == 200
    assert client.get("/api/v1/me", headers=auth(make_user())).status_code == 200
    assert built == []
    with client.session_transaction() as session:  # a signed cookie, as after a web login
        session["probe"] = "kept"
    with client.session_transaction() as session:
        assert session["probe"] == "kept"
    assert built  # a request with the cookie reads it through the signer
