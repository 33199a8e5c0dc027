"""JWT refusals not covered in tests/security/test_tokens.py: tampering, expiry by TTL,
alg none spellings, garbage, and refresh tokens."""
import base64
import json

import pytest

from app.auth.api import tokens
from app.extensions import db
from tests.factories import auth, make_user, refresh_token_of
from tests.security.helpers import b64, claims_for, me


def parts(token: str) -> tuple[dict, dict, str]:
    header, claims, signature = token.split(".")
    pad = lambda s: s + "=" * (-len(s) % 4)  # noqa: E731
    return (json.loads(base64.urlsafe_b64decode(pad(header))),
            json.loads(base64.urlsafe_b64decode(pad(claims))), signature)


def assert_refused(response):
    assert response.status_code == 401
    assert response.json["error"]["code"] == "invalid_token"
    assert response.json["error"]["message"] == "登录已失效，请重新登录"


def test_tampered_claims_are_refused(client):
    user, other = make_user(), make_user()
    header, claims, signature = parts(tokens.issue(user, "access"))
    claims["sub"] = str(other.id)
    assert_refused(me(client, f"{b64(header)}.{b64(claims)}.{signature}"))
    claims["sub"], claims["exp"] = str(user.id), claims["exp"] + 3600  # extend one's own token
    assert_refused(me(client, f"{b64(header)}.{b64(claims)}.{signature}"))


def test_tampered_signature_is_refused(client):
    token = tokens.issue(make_user(), "access")
    head, _, signature = token.rpartition(".")
    flipped = ("A" if signature[0] != "A" else "B") + signature[1:]
    assert_refused(me(client, f"{head}.{flipped}"))
    assert_refused(me(client, f"{head}."))


def test_token_issued_with_a_lifetime_that_has_passed_is_refused(app, client):
    user = make_user()
    app.config["JWT_ACCESS_TTL_S"] = -1
    assert_refused(me(client, tokens.issue(user, "access")))
    app.config["JWT_REFRESH_TTL_S"] = -1
    response = client.post("/api/v1/auth/tokens/refresh",
                           json={"refresh_token": refresh_token_of(user)})
    assert_refused(response)


@pytest.mark.parametrize("header", [{"alg": "None"}, {"alg": "NONE"}, {"alg": "none"}])
def test_alg_none_in_any_spelling_and_without_trailing_dot_is_refused(app, client, header):
    claims = claims_for(app, make_user())
    assert_refused(me(client, f"{b64(header)}.{b64(claims)}."))
    assert_refused(me(client, f"{b64(header)}.{b64(claims)}"))


@pytest.mark.parametrize("token", ["abc", "a.b.c", "!!!.###.$$$", "eyJ.eyJ.x", "中文", "a" * 3000,
                                   b64({"alg": "HS256"}) + ".e30.", "...."])
def test_garbage_tokens_are_refused(client, token):
    assert_refused(me(client, token))


def test_bumping_token_version_revokes_refresh_tokens_too(client):
    user = make_user()
    refresh = refresh_token_of(user)
    user.token_version += 1
    db.session.commit()
    assert_refused(client.post("/api/v1/auth/tokens/refresh", json={"refresh_token": refresh}))


def test_refresh_token_does_not_open_the_api(client):
    assert_refused(me(client, tokens.issue(make_user(), "refresh")))
    assert me(client, auth(make_user())["Authorization"].split()[1]).status_code == 200


def test_no_token_asks_to_log_in(client):
    response = client.get("/api/v1/me")
    assert response.status_code == 401
    assert response.json["error"] == {"code": "unauthorized", "message": "请先登录", "fields": {}}


def test_a_client_sending_its_expired_token_can_still_refresh_and_log_in(app, client):
    user = make_user(phone="13912340077")
    refresh = refresh_token_of(user)
    app.config["JWT_ACCESS_TTL_S"] = -1
    stale = {"Authorization": f"Bearer {tokens.issue(user, 'access')}"}
    app.config["JWT_ACCESS_TTL_S"] = 3600
    assert_refused(client.get("/api/v1/me", headers=stale))
    refreshed = client.post("/api/v1/auth/tokens/refresh", json={"refresh_token": refresh},
                            headers=stale)
    assert refreshed.status_code == 201
    assert me(client, refreshed.json["access_token"]).status_code == 200
    assert client.post("/api/v1/auth/sms-codes", json={"phone": user.phone},
                       headers=stale).status_code == 202
    code = client.get(f"/api/v1/dev/sms-outbox?phone={user.phone}", headers=stale).json[0]["code"]
    login = client.post("/api/v1/auth/tokens", json={"phone": user.phone, "code": code},
                        headers=stale)
    assert login.status_code == 201 and login.json["user"]["id"] == user.id


@pytest.mark.parametrize("sub", ["abc", "1.5", " 1", "-1", "0", "99999999999999999999", "", 1,
                                 None, ["1"]], ids=repr)
def test_a_signed_token_whose_subject_is_no_user_id_is_refused(app, client, sub):
    """A correctly signed token with a `sub` that is not a user id answered 500 (issue 16.11)."""
    from joserfc import jwt

    user = make_user()
    claims = {**tokens_claims(app, user), "sub": sub}
    token = jwt.encode({"alg": "HS256"}, claims, tokens._key(), algorithms=["HS256"])
    assert_refused(client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"}))
    assert_refused(client.post("/api/v1/auth/tokens/refresh",
                               json={"refresh_token": jwt.encode(
                                   {"alg": "HS256"}, {**claims, "typ": "refresh"}, tokens._key(),
                                   algorithms=["HS256"])}))


def tokens_claims(app, user) -> dict:
    from tests.security.helpers import claims_for

    return claims_for(app, user)


def test_a_short_secret_key_stops_start_up():
    from app import create_app
    from tests.conftest import make_config

    with pytest.raises(RuntimeError, match="SECRET_KEY must be at least 32 characters"):
        create_app(make_config("sqlite://", SECRET_KEY="abc"))
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        create_app(make_config("sqlite://", SECRET_KEY="x" * 31))
    assert create_app(make_config("sqlite://", SECRET_KEY="x" * 32)).config["SECRET_KEY"]
