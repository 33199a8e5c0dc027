"""Revocable sign-ins (issue 16, item 5): refresh tokens rotate with reuse detection,
logout and "log out everywhere" are real on the server, and a captured cookie dies at logout.
"""
import pytest

from app.auth.api import tokens
from tests.factories import make_user

LOGIN_PHONE = "13912345678"


@pytest.fixture
def config_overrides():
    """One person signs in on several devices within a minute."""
    return {"SMS_RESEND_INTERVAL_S": 0}


def sms_login(client, phone=LOGIN_PHONE, path="/api/v1/auth/tokens"):
    assert client.post("/api/v1/auth/sms-codes", json={"phone": phone}).status_code == 202
    code = client.get(f"/api/v1/dev/sms-outbox?phone={phone}").json[0]["code"]
    response = client.post(path, json={"phone": phone, "code": code})
    assert response.status_code == 201, response.json
    return response.json


def refresh(client, token):
    return client.post("/api/v1/auth/tokens/refresh", json={"refresh_token": token})


def me(client, access_token=None):
    headers = {"Authorization": f"Bearer {access_token}"} if access_token else {}
    return client.get("/api/v1/me", headers=headers)


def assert_refused(response, code=None):
    assert response.status_code == 401, response.json
    error = response.json["error"]
    assert set(error) == {"code", "message", "fields"} and error["message"]
    if code:
        assert error["code"] == code


def test_a_rotated_refresh_token_used_again_revokes_its_whole_family(app, client):
    first = sms_login(client)
    second = refresh(client, first["refresh_token"])
    assert second.status_code == 201
    third = refresh(client, second.json["refresh_token"])
    assert third.status_code == 201

    # someone replays the first (already rotated) refresh token: a thief or a stale copy
    reuse = refresh(client, first["refresh_token"])
    print(f"\n[trust] refresh reuse after rotation answered {reuse.status_code}")
    assert_refused(reuse, "token_reused")
    # ... and the family dies: the newest refresh token and its access token no longer work
    assert_refused(refresh(client, third.json["refresh_token"]))
    assert_refused(me(client, third.json["access_token"]))
    # another login of the same person (another family) is untouched
    other = sms_login(client)
    assert me(client, other["access_token"]).status_code == 200
    assert refresh(client, other["refresh_token"]).status_code == 201


def test_logging_out_a_token_family_ends_it_on_the_server(app, client):
    pair = sms_login(client)
    response = client.post("/api/v1/auth/tokens/revoke", json={"refresh_token": pair["refresh_token"]})
    assert response.status_code == 204
    assert_refused(refresh(client, pair["refresh_token"]))
    assert_refused(me(client, pair["access_token"]))
    # revoking again (or a token that is not ours) still answers the same: nothing to learn
    assert client.post("/api/v1/auth/tokens/revoke",
                       json={"refresh_token": pair["refresh_token"]}).status_code == 204


def test_a_cookie_captured_before_logout_no_longer_signs_in(app):
    browser = app.test_client()
    signed_in = sms_login(browser, path="/api/v1/auth/session")
    cookie = browser.get_cookie("session").value
    assert me(browser).status_code == 200

    response = browser.delete("/api/v1/auth/session",
                              headers={"X-CSRF-Token": signed_in["csrf_token"]})
    assert response.status_code == 204

    thief = app.test_client()
    thief.set_cookie("session", cookie)
    replay = me(thief)
    print(f"\n[trust] cookie replayed after logout answered {replay.status_code}")
    assert replay.status_code == 401
    assert "您已登录" not in thief.get("/login").text


def test_log_out_everywhere_ends_every_other_device(app):
    phone_a, phone_b, browser = app.test_client(), app.test_client(), app.test_client()
    a = sms_login(phone_a)
    b = sms_login(phone_b)
    web = sms_login(browser, path="/api/v1/auth/session")
    live = browser.post("/api/v1/auth/session/live-token",
                        headers={"X-CSRF-Token": web["csrf_token"]}).json["access_token"]

    response = phone_a.post("/api/v1/auth/logout-everywhere",
                            headers={"Authorization": f"Bearer {a['access_token']}"})
    print(f"\n[trust] log out everywhere answered {response.status_code}")
    assert response.status_code == 204
    for access in (a["access_token"], b["access_token"], live):
        assert_refused(me(phone_b, access))
    for refresh_token in (a["refresh_token"], b["refresh_token"]):
        assert_refused(refresh(phone_b, refresh_token))
    assert me(browser).status_code == 401
    # signing in again works
    assert me(phone_a, sms_login(phone_a)["access_token"]).status_code == 200


def test_web_logout_ends_the_live_token_of_that_session(app):
    browser = app.test_client()
    web = sms_login(browser, path="/api/v1/auth/session")
    live = browser.post("/api/v1/auth/session/live-token",
                        headers={"X-CSRF-Token": web["csrf_token"]}).json["access_token"]
    assert me(app.test_client(), live).status_code == 200
    browser.delete("/api/v1/auth/session", headers={"X-CSRF-Token": web["csrf_token"]})
    assert_refused(me(app.test_client(), live))


def test_access_tokens_live_fifteen_minutes_at_most(app, client):
    pair = sms_login(client)
    claims = tokens.decode(pair["access_token"], "access")
    lifetime = claims["exp"] - claims["iat"]
    print(f"\n[trust] access token lifetime {lifetime} s (expires_in {pair['expires_in']})")
    assert lifetime <= 15 * 60 and pair["expires_in"] <= 15 * 60
    assert app.config["JWT_ACCESS_TTL_S"] <= 15 * 60


def test_a_refresh_token_outside_any_family_is_refused(app, client):
    """Only refresh tokens issued with a server-side family can be exchanged."""
    assert_refused(refresh(client, tokens.issue(make_user(), "refresh")))
