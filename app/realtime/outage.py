"""Redis health as one process sees it: an outage is logged when it starts and when it ends."""
import logging
import time

log = logging.getLogger("app.realtime")


class RedisHealth:
    """Shared by the message queue and the tally marks of one process.

    `failed()` logs the first failure only; `ok()` logs the recovery once. While
    Redis is down, `should_try()` lets one attempt through per `retry_s`, so an
    unreachable Redis costs at most one connection attempt a second.
    """

    def __init__(self, retry_s: float = 1.0):
        self.down = False
        self.retry_s = retry_s
        self._next_try = 0.0

    def should_try(self) -> bool:
        return not self.down or time.monotonic() >= self._next_try

    def failed(self, what: str, error: Exception) -> None:
        self._next_try = time.monotonic() + self.retry_s
        if not self.down:
            self.down = True
            log.warning("Redis unreachable (%s: %s); live updates reach only this process's "
                        "clients until it is back", what, error)

    def ok(self) -> None:
        if self.down:
            self.down = False
            log.warning("Redis reachable again; live updates flow between processes")
