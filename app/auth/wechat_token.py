"""The mini-program's access token, shared by every process through Redis.

WeChat limits how often a token may be fetched, and a fetch by one process must not
be repeated by the others. With REDIS_URL the token sits under one key until it
expires (minus WECHAT_TOKEN_MARGIN_S); a process that finds none takes a short lock
(SET NX) and fetches, while the others wait for the key to appear. Without Redis (one
process) the token is kept in memory. A Redis outage falls back to memory too.
"""
import secrets
import threading
import time

import redis
from flask import current_app
from redis.exceptions import RedisError

from app.auth import messages
from app.errors import Unavailable

POLL_S = 0.05
#: compare-and-delete: release the lock only if this process still holds it
RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0"


class MemoryTokens:
    def __init__(self):
        self.lock = threading.Lock()
        self.token, self.valid_until = None, 0.0

    def get(self, stale: str | None, fetch) -> str:
        with self.lock:
            if self.token and self.token != stale and time.monotonic() < self.valid_until:
                return self.token
            token, ttl = fetch()
            self.token, self.valid_until = token, time.monotonic() + ttl
            return token


class RedisTokens:
    def __init__(self, client: redis.Redis, key: str):
        self.redis, self.key, self.lock_key = client, key, key + ":lock"
        self.release = client.register_script(RELEASE)

    def _cached(self, stale: str | None) -> str | None:
        value = self.redis.get(self.key)
        token = value.decode() if value else None
        return token if token and token != stale else None

    def get(self, stale: str | None, fetch) -> str:
        timeout_s = current_app.config["WECHAT_TIMEOUT_S"]
        deadline = time.monotonic() + 2 * timeout_s + 1
        while True:
            token = self._cached(stale)
            if token:
                return token
            nonce = secrets.token_hex(8)
            if self.redis.set(self.lock_key, nonce, nx=True, px=int((timeout_s + 2) * 1000)):
                try:
                    token = self._cached(stale)  # fetched while we were taking the lock
                    if token:
                        return token
                    token, ttl = fetch()
                    self.redis.set(self.key, token, ex=max(1, int(ttl)))
                    return token
                finally:
                    self.release(keys=[self.lock_key], args=[nonce])
            if time.monotonic() > deadline:
                raise Unavailable(messages.WECHAT_BUSY, code="wechat_busy")
            time.sleep(POLL_S)


def _stores(app) -> dict:
    return app.extensions.setdefault("wechat_tokens", {})


def _store():
    app = current_app._get_current_object()
    config = app.config
    app_id = config["WECHAT_MINI_APP_ID"]
    stores = _stores(app)
    if config.get("REDIS_URL") and "redis" not in stores:
        client = redis.Redis.from_url(config["REDIS_URL"], socket_connect_timeout=2, socket_timeout=2)
        stores["redis"] = RedisTokens(
            client, f"{config['SOCKETIO_CHANNEL']}:wechat:access-token:{app_id}")
    return stores.get("redis"), stores.setdefault(f"memory:{app_id}", MemoryTokens())


def _kept_for(fetch) -> tuple[str, int]:
    """A fresh token from `fetch` and how long to keep it: its lifetime less a margin."""
    token, expires_in = fetch()
    margin = current_app.config["WECHAT_TOKEN_MARGIN_S"]
    return token, max(1, expires_in - margin) if expires_in > 2 * margin else max(1, expires_in // 2)


def access_token(fetch, stale: str | None = None) -> str:
    """The current access token, got from `fetch` (WeChat's stable_token) when none is kept;
    `stale` is one WeChat just refused (it is not reused)."""
    shared, local = _store()
    _fetch = lambda: _kept_for(fetch)  # noqa: E731 - the stores call it without arguments
    if shared is not None:
        try:
            return shared.get(stale, _fetch)
        except RedisError:
            current_app.logger.warning("redis unavailable; the WeChat access token is kept in memory")
    return local.get(stale, _fetch)
