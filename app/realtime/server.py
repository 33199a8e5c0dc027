"""The Socket.IO server of this process, and the Redis queue that joins processes."""
import logging
import time
from urllib.parse import urlsplit

import redis
import socketio as socketio_lib
from flask_socketio import SocketIO

from app.config import redis_options
from app.realtime.outage import RedisHealth

log = logging.getLogger("app.realtime")

#: Longest wait between two attempts to re-subscribe to a Redis that went away.
RESUBSCRIBE_MAX_WAIT_S = 2.0


def is_serving() -> bool:
    """True in a gevent server process (gunicorn -k gevent patches the socket module).

    CLI commands and the test process are not serving: they hold no clients and
    run no background greenlets; with Redis they still emit through the queue.
    """
    from gevent import monkey

    return monkey.is_module_patched("socket")


def origin_of(url: str) -> str:
    parts = urlsplit(url.strip())
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def allowed_origins(config) -> list[str]:
    """PUBLIC_BASE_URL's origin plus SOCKETIO_ALLOWED_ORIGINS: browsers elsewhere are refused."""
    origins = [config["PUBLIC_BASE_URL"], *config["SOCKETIO_ALLOWED_ORIGINS"]]
    return sorted({origin_of(url) for url in origins if origin_of(url)})


class ResilientRedisManager(socketio_lib.RedisManager):
    """The Redis message queue, quiet and self-healing during an outage.

    Events always reach this process's own clients first (the library emits
    locally before publishing). A failed publish is dropped, logged once per
    outage through `RedisHealth`, and never raised; while Redis is down only one
    publish a second is attempted. The listener re-subscribes every
    RESUBSCRIBE_MAX_WAIT_S at most, so events flow again soon after Redis is back.
    """

    #: the queue message that names people whose access changed (app.realtime.access)
    ACCESS_METHOD = "gz_access_changed"

    def __init__(self, url: str, *, channel: str, health: RedisHealth, options: dict,
                 write_only: bool = False):
        super().__init__(url, channel=channel, write_only=write_only, redis_options=options)
        self.health = health
        #: called with the user ids another process named (set by the app's Live)
        self.on_access_changed = None

    def publish_access(self, user_ids: list[int]) -> None:
        """Tell the other processes whose access changed (this one re-checks its own)."""
        self._publish({"method": self.ACCESS_METHOD, "user_ids": user_ids, "host_id": self.host_id})

    def _listen(self):
        """The queue's messages, less the access changes, which go to on_access_changed."""
        marker = self.ACCESS_METHOD.encode()
        for message in super()._listen():
            if isinstance(message, bytes) and marker in message:
                self._access_message(message)
                continue
            yield message

    def _access_message(self, message: bytes) -> None:
        try:
            data = self.json.loads(message)
            if data.get("host_id") != self.host_id and self.on_access_changed is not None:
                self.on_access_changed([int(user_id) for user_id in data["user_ids"]])
        except Exception:  # a bad message must not stop the listener
            log.exception("access change from the queue not handled")

    def _redis_connect(self):
        """Publishing uses the short timeouts (REDIS_TIMEOUT_S); the listener's connection has
        no read timeout, since a quiet channel is no failure."""
        self.redis = redis.Redis.from_url(self.redis_url, **self.redis_options)
        listener = redis.Redis.from_url(self.redis_url,
                                        **{**self.redis_options, "socket_timeout": None})
        self.pubsub = listener.pubsub(ignore_subscribe_messages=True)
        self.connected = True

    def _publish(self, data):
        if not self.health.should_try():
            return None
        try:
            if not self.connected:
                self._redis_connect()
            result = self.redis.publish(self.channel, self.json.dumps(data))
        except Exception as error:  # any failure of the queue must not reach the caller
            self.connected = False
            self.health.failed("publish", error)
            return None
        self.health.ok()
        return result

    def _redis_listen_with_retries(self):
        wait_s = 0.1
        while True:
            try:
                self._redis_connect()
                self.pubsub.subscribe(self.channel)
                self.health.ok()
                wait_s = 0.1
                yield from self.pubsub.listen()
            except Exception as error:  # keep listening whatever the queue did
                self.connected = False
                self.health.failed("subscribe", error)
            time.sleep(wait_s)
            wait_s = min(wait_s * 2, RESUBSCRIBE_MAX_WAIT_S)


def bind(app, health: RedisHealth) -> SocketIO:
    """The app's Socket.IO server (one per app, kept in app.extensions["socketio"])."""
    config = app.config
    options = {"async_mode": config["SOCKETIO_ASYNC_MODE"],
               "cors_allowed_origins": allowed_origins(config),
               "logger": False, "engineio_logger": False}
    if config.get("REDIS_URL"):
        options["client_manager"] = ResilientRedisManager(
            config["REDIS_URL"], channel=config["SOCKETIO_CHANNEL"], health=health,
            options=redis_options(config))
    return SocketIO(app, **options)
