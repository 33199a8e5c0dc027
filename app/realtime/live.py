"""Per-app live-update machinery: the dispatcher, the tally coalescer and their greenlets."""
import logging

import redis

from app.config import redis_options
from app.realtime import access, events
from app.realtime.coalesce import MemoryMarks, RedisMarks, TallyCoalescer
from app.realtime.outage import RedisHealth

log = logging.getLogger("app.realtime")

#: How often a server process looks for dirty tallies another process marked.
FLUSH_POLL_S = 0.1
#: Events waiting for the dispatcher beyond this are dropped (and logged once).
QUEUE_LIMIT = 10_000


class Live:
    """Kept in app.extensions["realtime"]."""

    def __init__(self, app, health: RedisHealth, serving: bool, socketio=None, namespace=None):
        self.app = app
        #: the process's Socket.IO server and its live namespace (the connections' tokens)
        self.socketio, self.namespace = socketio, namespace
        self.health = health
        self.serving = serving
        config = app.config
        if config.get("REDIS_URL"):
            client = redis.Redis.from_url(config["REDIS_URL"], **redis_options(config))
            marks = RedisMarks(client, config["SOCKETIO_CHANNEL"], health)
        else:
            marks = MemoryMarks()
        self.tallies = TallyCoalescer(marks, config["TALLY_INTERVAL_MS"] / 1000, self._send_tally)
        self.queue = None
        self._wake = None
        self._overflow_logged = False
        #: consultations marked in this process since the flusher last ran (server processes)
        self._marked: set[int] = set()

    # --- called from signal listeners ---

    def submit(self, handler, kwargs: dict) -> None:
        """Run a handler off the request; never raises into the caller."""
        if self.queue is None:
            self._run(handler, kwargs)
            return
        try:
            self.queue.put_nowait((handler, kwargs))
        except Exception:
            if not self._overflow_logged:
                self._overflow_logged = True
                log.error("live-update queue full; events are dropped until it drains")

    def access_changed(self, user_ids: list[int]) -> None:
        """After a commit that may take access away from these people: their connections here
        are re-checked off the request, and the other processes are told (Redis)."""
        manager = self.socketio.server.manager
        if hasattr(manager, "publish_access"):
            manager.publish_access(user_ids)
        self.recheck_here(user_ids)

    def recheck_here(self, user_ids: list[int]) -> None:
        if self.serving:  # other processes hold no connections
            self.submit(access.recheck, {"socketio": self.socketio, "tokens": self.namespace.tokens,
                                         "user_ids": user_ids})

    def tallies_changed(self, consultation_id: int) -> None:
        """A ballot (or a change of status) changed this consultation's tally. In a server
        process the mark is kept here and handed to the shared marks by the flusher, which
        is woken now: one Redis write for a burst of ballots rather than one per ballot; the
        flusher hands them over before it reads the marks, so the last tally still follows
        the last ballot. Elsewhere (CLI, tests) it is marked at once."""
        if self._wake is None:
            self.tallies.mark(consultation_id)
            return
        self._marked.add(consultation_id)
        self._wake.set()

    def _hand_over_marks(self) -> None:
        marked, self._marked = self._marked, set()
        for consultation_id in sorted(marked):
            self.tallies.mark(consultation_id)

    # --- background greenlets (server processes only) ---

    def start(self) -> None:
        import gevent
        from gevent.event import Event
        from gevent.queue import Queue

        self.queue = Queue(QUEUE_LIMIT)
        self._wake = Event()
        gevent.spawn(self._dispatch_forever)
        gevent.spawn(self._flush_forever)

    def _dispatch_forever(self) -> None:
        while True:
            handler, kwargs = self.queue.get()
            self._overflow_logged = False
            self._run(handler, kwargs)

    def _flush_forever(self) -> None:
        while True:
            self._wake.wait(FLUSH_POLL_S)
            self._wake.clear()
            try:
                self._hand_over_marks()
                with self.app.app_context():
                    self.tallies.flush()
            except Exception:
                log.exception("tally flush failed")

    def _run(self, handler, kwargs: dict) -> None:
        try:
            with self.app.app_context():
                handler(**kwargs)
        except Exception:
            log.exception("live update %s not sent", handler.__name__)

    def _send_tally(self, consultation_id: int) -> None:
        events.send_tally(consultation_id)


def connect_listeners(live: Live) -> None:
    """Each domain signal sent by this app hands its work to the dispatcher.

    Connected weakly and kept on `live`, so the listeners go when the app goes.
    """
    live.listeners = []
    for signal, handler in events.HANDLERS.items():
        def listener(sender, _handler=handler, **kwargs):
            live.submit(_handler, kwargs)
        signal.connect(listener, sender=live.app)
        live.listeners.append(listener)
