"""Rate limits on login, codes (SMS and flat codes); Redis storage shared by processes."""
import uuid

import pytest
import redis
import requests

from tests.factories import auth, make_estate, make_user

REDIS_URL = "redis://127.0.0.1:6379/0"


@pytest.fixture
def config_overrides():
    return {"RATELIMIT_ENABLED": True, "RATELIMIT_SMS_PER_IP": "3 per hour",
            "RATELIMIT_LOGIN_PER_IP": "4 per hour", "RATELIMIT_CODE_PER_USER": "3 per hour",
            "RATELIMIT_KEY_PREFIX": f"test-{uuid.uuid4().hex}"}


def assert_limited(response):
    assert response.status_code == 429
    assert response.json["error"]["code"] == "too_many_requests"
    assert response.json["error"]["message"] == "操作太频繁，请稍后再试"
    assert int(response.headers["Retry-After"]) > 0


def test_sms_codes_are_limited_per_address(client):
    for n in range(3):
        assert client.post("/api/v1/auth/sms-codes",
                           json={"phone": f"1391234000{n}"}).status_code == 202
    assert_limited(client.post("/api/v1/auth/sms-codes", json={"phone": "13912340009"}))
    other_address = client.post("/api/v1/auth/sms-codes", json={"phone": "13912340008"},
                                environ_base={"REMOTE_ADDR": "10.0.0.2"})
    assert other_address.status_code == 202


def test_login_attempts_are_limited_even_when_wrong(client):
    for _ in range(4):
        response = client.post("/api/v1/auth/tokens", json={"phone": "13912345678", "code": "000000"})
        assert response.status_code == 401
    assert_limited(client.post("/api/v1/auth/tokens", json={"phone": "13912345678", "code": "000000"}))
    for _ in range(4):
        assert client.post("/api/v1/auth/tokens/refresh",
                           json={"refresh_token": "x" * 20}).status_code == 401
    assert_limited(client.post("/api/v1/auth/tokens/refresh", json={"refresh_token": "x" * 20}))


def test_flat_code_guesses_are_limited_per_person(client):
    make_estate()
    guesser, neighbour = make_user(), make_user()
    for n in range(3):
        response = client.post("/api/v1/flats/claims/by-code", json={"code": f"1234567{n}"},
                               headers=auth(guesser))
        assert response.status_code == 422
    assert_limited(client.post("/api/v1/flats/claims/by-code", json={"code": "12345679"},
                               headers=auth(guesser)))
    # a neighbour on the same address still has their own allowance
    assert client.post("/api/v1/flats/claims/by-code", json={"code": "12345679"},
                       headers=auth(neighbour)).status_code == 422


def test_limits_hold_across_two_server_processes_through_redis(start_server, clone_database):
    """Two gunicorn processes share one Redis: the third code request is refused by either."""
    prefix = f"test-{uuid.uuid4().hex}"
    database_url = clone_database("sqlite")
    env = {"REDIS_URL": REDIS_URL, "RATELIMIT_ENABLED": "1", "RATELIMIT_SMS_PER_IP": "2 per hour",
           "RATELIMIT_KEY_PREFIX": prefix}
    first = start_server("sqlite", database_url=database_url, **env)
    second = start_server("sqlite", database_url=database_url, **env)
    store = redis.Redis.from_url(REDIS_URL)
    try:
        assert requests.post(first.url + "/api/v1/auth/sms-codes",
                             json={"phone": "13912340001"}).status_code == 202
        assert requests.post(second.url + "/api/v1/auth/sms-codes",
                             json={"phone": "13912340002"}).status_code == 202
        refused = requests.post(first.url + "/api/v1/auth/sms-codes", json={"phone": "13912340003"})
        assert refused.status_code == 429
        assert refused.json()["error"]["code"] == "too_many_requests"
        assert list(store.scan_iter(f"*{prefix}*"))
    finally:
        for key in store.scan_iter(f"*{prefix}*"):
            store.delete(key)
