"""JWT: only HS256 with our key, our issuer and audience, unexpired, of the right kind."""
import base64
import json
import time

import pytest
from joserfc import jwt
from joserfc.jwk import OctKey

from app.auth.api import _key, issue
from app.extensions import db
from tests.factories import make_user
from tests.security.helpers import b64, claims_for, me


def test_a_well_formed_token_is_accepted(app, client):
    user = make_user()
    token = jwt.encode({"alg": "HS256"}, claims_for(app, user), _key(), algorithms=["HS256"])
    assert me(client, token).status_code == 200
    assert me(client, issue(user, "access")).status_code == 200


def test_alg_none_is_refused(app, client):
    user = make_user()
    token = f"{b64({'alg': 'none', 'typ': 'JWT'})}.{b64(claims_for(app, user))}."
    response = me(client, token)
    assert response.status_code == 401
    assert response.json["error"]["code"] == "invalid_token"


def test_hs512_with_the_right_key_is_refused(app, client):
    user = make_user()
    token = jwt.encode({"alg": "HS512"}, claims_for(app, user), _key(), algorithms=["HS512"])
    assert me(client, token).status_code == 401


def test_a_token_signed_with_another_key_is_refused(app, client):
    user = make_user()
    token = jwt.encode({"alg": "HS256"}, claims_for(app, user),
                       OctKey.import_key(b"another-key-another-key-another-key!"),
                       algorithms=["HS256"])
    assert me(client, token).status_code == 401


@pytest.mark.parametrize("changes", [
    {"aud": "someone-else"},
    {"aud": None},
    {"iss": "evil"},
    {"exp": int(time.time()) - 5},
    {"exp": None},
    {"sub": None},
    {"typ": "refresh"},
    {"ver": 0},
    {"sub": "999999"},
])
def test_wrong_claims_are_refused(app, client, changes):
    user = make_user()
    token = jwt.encode({"alg": "HS256"}, claims_for(app, user, **changes), _key(),
                       algorithms=["HS256"])
    response = me(client, token)
    assert response.status_code == 401
    assert response.json["error"]["code"] == "invalid_token"


def test_bumping_the_token_version_revokes_earlier_tokens(app, client):
    user = make_user()
    token = issue(user, "access")
    user.token_version += 1
    db.session.commit()
    assert me(client, token).status_code == 401
    assert me(client, issue(user, "access")).status_code == 200


@pytest.mark.parametrize("header", ["Basic abc", "Bearer", "Bearer not.a.jwt", "token"])
def test_malformed_authorization_is_401_json(client, header):
    response = client.get("/api/v1/me", headers={"Authorization": header})
    assert response.status_code == 401
    assert response.json["error"]["code"] == "invalid_token"
