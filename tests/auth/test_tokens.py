"""JWT access and refresh tokens: only our own, unexpired, unaltered HS256 tokens open the API."""
import base64
import json
import time

import pytest
from joserfc import jwt
from joserfc.jwk import OctKey

from app.auth import tokens
from app.extensions import db
from tests.factories import auth, make_user


def b64(part: dict | bytes) -> str:
    raw = part if isinstance(part, bytes) else json.dumps(part).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def parts(token: str) -> tuple[dict, dict, str]:
    header, claims, signature = token.split(".")
    pad = lambda s: s + "=" * (-len(s) % 4)  # noqa: E731
    return (json.loads(base64.urlsafe_b64decode(pad(header))),
            json.loads(base64.urlsafe_b64decode(pad(claims))), signature)


def me(client, token):
    return client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})


def signed(claims: dict, key: OctKey | None = None) -> str:
    """A token signed exactly as ours are (same key unless told), with these claims."""
    return jwt.encode({"alg": "HS256", "typ": "JWT"}, claims, key or tokens._key(),
                      algorithms=["HS256"])


def good_claims(app, user, **changes) -> dict:
    now = int(time.time())
    claims = {"iss": app.config["JWT_ISSUER"], "aud": app.config["JWT_AUDIENCE"],
              "sub": str(user.id), "iat": now, "exp": now + 600, "typ": "access",
              "ver": user.token_version, "jti": "t1"}
    claims.update(changes)
    return {k: v for k, v in claims.items() if v is not None}


def assert_refused(response):
    assert response.status_code == 401
    assert response.json["error"]["code"] == "invalid_token"
    assert response.json["error"]["message"] == "登录已失效，请重新登录"


def test_our_own_token_opens_me_and_a_hand_signed_copy_does_too(app, client):
    user = make_user()
    assert me(client, tokens.issue(user, "access")).status_code == 200
    # the control for the tests below: the same construction with good claims works
    assert me(client, signed(good_claims(app, user))).status_code == 200


def test_tampered_claims_are_refused(app, client):
    user, other = make_user(), make_user()
    header, claims, signature = parts(tokens.issue(user, "access"))
    claims["sub"] = str(other.id)
    assert_refused(me(client, f"{b64(header)}.{b64(claims)}.{signature}"))


def test_tampered_signature_is_refused(client):
    token = tokens.issue(make_user(), "access")
    head, _, signature = token.rpartition(".")
    flipped = ("A" if signature[0] != "A" else "B") + signature[1:]
    assert_refused(me(client, f"{head}.{flipped}"))


def test_token_signed_with_another_key_is_refused(app, client):
    user = make_user()
    other_key = OctKey.import_key(b"another-secret-of-enough-length-0123456789")
    assert_refused(me(client, signed(good_claims(app, user), other_key)))


def test_expired_token_is_refused(app, client):
    user = make_user()
    now = int(time.time())
    assert_refused(me(client, signed(good_claims(app, user, iat=now - 7200, exp=now - 1))))
    app.config["JWT_ACCESS_TTL_S"] = -1
    assert_refused(me(client, tokens.issue(user, "access")))


@pytest.mark.parametrize("change", [
    {"aud": "someone-else"}, {"aud": None}, {"iss": "not-us"}, {"iss": None}, {"exp": None},
    {"sub": None}, {"typ": "refresh"}, {"ver": 2},
])
def test_wrong_or_missing_claims_are_refused(app, client, change):
    user = make_user()
    assert_refused(me(client, signed(good_claims(app, user, **change))))


def test_alg_none_is_refused(app, client):
    user = make_user()
    claims = good_claims(app, user)
    for header in ({"alg": "none", "typ": "JWT"}, {"alg": "None"}, {"alg": "NONE"}):
        assert_refused(me(client, f"{b64(header)}.{b64(claims)}."))
        assert_refused(me(client, f"{b64(header)}.{b64(claims)}"))


def test_other_algorithms_are_refused(app, client):
    user = make_user()
    key = tokens._key()
    token = jwt.encode({"alg": "HS512"}, good_claims(app, user), key, algorithms=["HS512"])
    assert_refused(me(client, token))


@pytest.mark.parametrize("token", ["abc", "a.b.c", "!!!.###.$$$", "eyJ.eyJ.x", "中文", "a" * 3000,
                                   b64({"alg": "HS256"}) + ".e30.", "...."])
def test_garbage_tokens_are_refused(client, token):
    assert_refused(me(client, token))


def test_other_schemes_and_empty_bearer_are_refused(client):
    for header in ("Basic dXNlcjpwYXNz", "Bearer", "Bearer ", "Token abc"):
        response = client.get("/api/v1/me", headers={"Authorization": header})
        assert response.status_code == 401


def test_no_token_asks_to_log_in(client):
    response = client.get("/api/v1/me")
    assert response.status_code == 401
    assert response.json["error"] == {"code": "unauthorized", "message": "请先登录", "fields": {}}


def test_bumping_token_version_revokes_access_and_refresh(client):
    user = make_user()
    access, refresh = tokens.issue(user, "access"), tokens.issue(user, "refresh")
    user.token_version += 1
    db.session.commit()
    assert_refused(me(client, access))
    response = client.post("/api/v1/auth/tokens/refresh", json={"refresh_token": refresh})
    assert_refused(response)


def test_refresh_token_does_not_open_the_api(client):
    assert_refused(me(client, tokens.issue(make_user(), "refresh")))
    assert me(client, auth(make_user())["Authorization"].split()[1]).status_code == 200
