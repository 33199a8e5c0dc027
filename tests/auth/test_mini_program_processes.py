"""The mini-program's access token is fetched once for many logins across processes.

Two gunicorn servers (as deployed: gevent, one database, one Redis) log in twenty
new people at once, ten each, against the fake WeChat, whose stable_token answers
slowly so the processes overlap while the first fetch is under way.
"""
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
import redis
import requests

from tests.auth.fake_wechat import FakeWechat
from tests.auth.wechat_steps import LOGIN, MINI_ID, MINI_SECRET, PHONE
from tests.live import serve_wsgi

REDIS_URL = "redis://127.0.0.1:6379/0"


@pytest.fixture
def wechat():
    fake = FakeWechat("wx-web-unused", "unused", MINI_ID, MINI_SECRET)
    with serve_wsgi(fake.app) as url:
        fake.url = url
        yield fake


@pytest.fixture
def channel():
    name = f"gz-test-{uuid.uuid4().hex[:8]}"
    yield name
    client = redis.Redis.from_url(REDIS_URL)
    for key in client.scan_iter(f"{name}:*"):
        client.delete(key)


def test_access_token_is_fetched_once_for_many_logins_across_two_processes(
        start_server, clone_database, wechat, channel):
    env = {"REDIS_URL": REDIS_URL, "SOCKETIO_CHANNEL": channel, "WECHAT_MINI_APP_ID": MINI_ID,
           "WECHAT_MINI_APP_SECRET": MINI_SECRET, "WECHAT_API_BASE_URL": wechat.url}
    database = clone_database("postgresql")
    servers = [start_server("postgresql", database_url=database, **env) for _ in range(2)]
    wechat.slow("stable_token", 0.5)

    def log_in(number: int) -> int:
        server = servers[number % 2]
        asked = requests.post(server.url + LOGIN, json={"code": wechat.mini_login(f"o_live_{number}")},
                              timeout=30)
        assert asked.status_code == 200, asked.text
        done = requests.post(server.url + PHONE, timeout=30, json={
            "ticket": asked.json()["ticket"], "phone_code": wechat.phone_button(f"139000100{number:02d}")})
        return done.status_code

    with ThreadPoolExecutor(20) as pool:
        statuses = list(pool.map(log_in, range(20)))
    assert statuses == [201] * 20
    assert wechat.calls["getuserphonenumber"] == 20
    assert wechat.calls["stable_token"] == 1
    # both processes still share it later, and each knows everyone
    for number, server in enumerate(servers):
        again = requests.post(server.url + LOGIN, json={"code": wechat.mini_login(f"o_live_{number + 2}")},
                              timeout=30)
        assert again.status_code == 201
    assert wechat.calls["stable_token"] == 1
