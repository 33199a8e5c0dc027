"""WeChat web authorization through Authlib, against a local fake of WeChat's endpoints."""
from urllib.parse import parse_qsl, urlsplit

import pytest
from sqlalchemy import func, select

from app.auth.api import User
from app.extensions import db
from tests.auth.fake_wechat import AUTHORIZE_ORDER
from tests.auth.wechat_steps import APP_ID, APP_SECRET, SITE, back_at_our_site, start, through_wechat
from tests.live import free_port


@pytest.fixture
def config_overrides(wechat):
    wechat.token_requests.clear()
    return {"WECHAT_APP_ID": APP_ID, "WECHAT_APP_SECRET": APP_SECRET,
            "WECHAT_AUTHORIZE_URL": wechat.url + "/connect/oauth2/authorize",
            "WECHAT_API_BASE_URL": wechat.url, "PUBLIC_BASE_URL": SITE}


def test_authorize_redirects_to_wechat_with_its_parameters_in_order(client, wechat):
    location = start(client, "/consultations/7")
    assert location.startswith(wechat.url + "/connect/oauth2/authorize?")
    assert location.endswith("#wechat_redirect")
    query = urlsplit(location).query
    pairs = parse_qsl(query)
    assert [name for name, _ in pairs] == AUTHORIZE_ORDER
    params = dict(pairs)
    assert params["appid"] == APP_ID
    assert params["redirect_uri"] == SITE + "/api/v1/auth/wechat/callback"
    assert params["response_type"] == "code" and params["scope"] == "snsapi_base"
    assert len(params["state"]) >= 16
    assert "client_id" not in params


def test_wechat_login_signs_in_and_returns_to_the_page(client, wechat):
    wechat.next_openid = "o_resident_001"
    back = back_at_our_site(client, through_wechat(start(client, "/consultations/7")))
    assert back.status_code == 302
    assert back.headers["Location"] == "/consultations/7"
    [token_request] = wechat.token_requests
    assert token_request["appid"] == APP_ID and token_request["secret"] == APP_SECRET
    assert token_request["grant_type"] == "authorization_code"
    me = client.get("/api/v1/me")
    assert me.status_code == 200
    user = db.session.get(User, me.json["id"])
    assert user.wechat_openid == "o_resident_001" and user.phone is None
    assert me.json["phone_masked"] is None
    # the page reads its CSRF token from the session, and can log out with it
    session = client.get("/api/v1/auth/session")
    assert session.status_code == 200 and session.json["user"]["id"] == user.id
    assert client.delete("/api/v1/auth/session").status_code == 403
    assert client.delete("/api/v1/auth/session",
                         headers={"X-CSRF-Token": session.json["csrf_token"]}).status_code == 204
    assert client.get("/api/v1/me").status_code == 401
    # the same person again is the same account
    back_at_our_site(client, through_wechat(start(client)))
    assert client.get("/api/v1/me").json["id"] == user.id
    assert db.session.scalar(select(func.count(User.id))) == 1


def back_with(client, location: str, **changes):
    """Come back from WeChat with some of the parameters changed (forged or replayed)."""
    parts = urlsplit(location)
    return client.get(parts.path, query_string={**dict(parse_qsl(parts.query)), **changes})


def assert_refused_and_signed_out(client, response):
    assert response.status_code == 401
    assert response.json["error"]["code"] == "wechat_failed"
    assert response.json["error"]["message"] == "微信登录没有成功，请再试一次或用手机号登录"
    assert client.get("/api/v1/me").status_code == 401
    assert db.session.scalar(select(func.count(User.id))) == 0


def test_errcode_from_wechat_is_refused_in_words(client, wechat):
    response = back_with(client, through_wechat(start(client)), code="a-code-wechat-never-issued")
    assert_refused_and_signed_out(client, response)
    assert len(wechat.token_requests) == 1  # WeChat was asked, and said errcode 40029


def test_wrong_app_secret_errcode_is_refused(app, client, wechat):
    app.config["WECHAT_APP_SECRET"] = "not-the-secret"
    assert_refused_and_signed_out(client, back_at_our_site(client, through_wechat(start(client))))


def test_a_code_is_good_once(client, wechat):
    location = through_wechat(start(client))
    assert back_at_our_site(client, location).status_code == 302
    client.delete("/api/v1/auth/session",
                  headers={"X-CSRF-Token": client.get("/api/v1/auth/session").json["csrf_token"]})
    assert client.get("/api/v1/me").status_code == 401
    # replaying the same callback: the state was used up
    assert back_at_our_site(client, location).status_code == 401


def test_bad_state_is_refused_without_asking_wechat(client, wechat):
    response = back_with(client, through_wechat(start(client)), state="forged-state-value")
    assert_refused_and_signed_out(client, response)
    assert wechat.token_requests == []


def test_callback_without_authorize_first_is_refused(app, client, wechat):
    code = wechat.person_agrees("o_someone")
    other_browser = app.test_client()
    response = other_browser.get("/api/v1/auth/wechat/callback",
                                 query_string={"code": code, "state": "anything"})
    assert response.status_code == 401
    assert wechat.token_requests == []


def test_person_who_declines_comes_back_without_code(client, wechat):
    location = start(client)
    state = dict(parse_qsl(urlsplit(location).query))["state"]
    response = client.get("/api/v1/auth/wechat/callback", query_string={"state": state})
    assert response.status_code == 401
    assert wechat.token_requests == []


def test_wechat_unreachable_is_refused_in_words(app, client):
    app.config["WECHAT_API_BASE_URL"] = f"http://127.0.0.1:{free_port()}"
    location = start(client)
    state = dict(parse_qsl(urlsplit(location).query))["state"]
    response = client.get("/api/v1/auth/wechat/callback",
                          query_string={"code": "x", "state": state})
    assert response.status_code == 401
    assert response.json["error"]["code"] == "wechat_failed"


@pytest.mark.parametrize("next_path", ["https://evil.example/", "//evil.example/x",
                                       "/\\evil.example", "javascript:alert(1)", "evil"])
def test_next_never_leaves_the_site(client, wechat, next_path):
    back = back_at_our_site(client, through_wechat(start(client, next_path)))
    assert back.status_code == 302
    assert back.headers["Location"] == "/"


def test_wechat_login_is_off_without_app_id(app, client):
    app.config["WECHAT_APP_ID"] = None
    for path in ("/api/v1/auth/wechat/authorize", "/api/v1/auth/wechat/callback"):
        response = client.get(path)
        assert response.status_code == 404
        assert response.json["error"]["message"] == "本平台没有开通微信登录"
