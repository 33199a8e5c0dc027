"""Tally coalescing: however fast ballots arrive, a room gets a bounded number of tallies.

A ballot marks its consultation dirty. A flusher (one background greenlet per
server process) sends a tally for a dirty consultation only when it wins that
consultation's slot, which lasts `interval_s`; it clears the mark *before*
reading the results, so a ballot committed after the read leaves the mark set
and is sent by a later flush: the last tally always reflects the final state.

With Redis the marks and slots live in Redis (`RedisMarks`), so several
processes share them: any process may flush, and the slot bounds the room's
messages across all of them. Without Redis they live in memory (`MemoryMarks`),
which is right for a single process. If Redis goes away, `RedisMarks` falls
back to memory in each process; events then only reach that process's own
clients anyway, so the per-client bound still holds.
"""
import logging
import time
from typing import Callable

from redis.exceptions import RedisError

from app.realtime.outage import RedisHealth

log = logging.getLogger("app.realtime")


class MemoryMarks:
    """Dirty marks and send slots of one process."""

    def __init__(self, clock: Callable[[], float] = time.monotonic):
        self.clock = clock
        self._dirty: set[int] = set()
        self._slots: dict[int, float] = {}

    def mark(self, consultation_id: int) -> None:
        self._dirty.add(consultation_id)

    def dirty(self) -> set[int]:
        return set(self._dirty)

    def take_slot(self, consultation_id: int, interval_s: float) -> bool:
        now = self.clock()
        if self._slots.get(consultation_id, 0.0) > now:
            return False
        if len(self._slots) > 1000:
            self._slots = {key: until for key, until in self._slots.items() if until > now}
        self._slots[consultation_id] = now + interval_s
        return True

    def clear(self, consultation_id: int) -> None:
        self._dirty.discard(consultation_id)


class RedisMarks:
    """Dirty marks in a Redis set and slots as expiring keys, shared by every process."""

    def __init__(self, client, prefix: str, health: RedisHealth, fallback: MemoryMarks | None = None):
        self.redis = client
        self.dirty_key = f"{prefix}:tally:dirty"
        self.slot_prefix = f"{prefix}:tally:slot:"
        self.health = health
        self.fallback = fallback or MemoryMarks()

    def _call(self, what: str, operation):
        """Run a Redis operation; None when Redis is (known to be) unreachable."""
        if not self.health.should_try():
            return None
        try:
            result = operation()
        except (RedisError, OSError) as error:
            self.health.failed(what, error)
            return None
        self.health.ok()
        return result

    def mark(self, consultation_id: int) -> None:
        if self._call("mark", lambda: self.redis.sadd(self.dirty_key, consultation_id)) is None:
            self.fallback.mark(consultation_id)

    def dirty(self) -> set[int]:
        shared = self._call("dirty", lambda: self.redis.smembers(self.dirty_key)) or set()
        return self.fallback.dirty() | {int(value) for value in shared}

    def take_slot(self, consultation_id: int, interval_s: float) -> bool:
        taken = self._call("slot", lambda: bool(self.redis.set(
            self.slot_prefix + str(consultation_id), 1, nx=True, px=int(interval_s * 1000))))
        if taken is None:
            return self.fallback.take_slot(consultation_id, interval_s)
        return taken

    def clear(self, consultation_id: int) -> None:
        self.fallback.clear(consultation_id)
        self._call("clear", lambda: self.redis.srem(self.dirty_key, consultation_id))


class TallyCoalescer:
    """Marks consultations dirty and sends at most one tally per slot for each."""

    def __init__(self, marks, interval_s: float, send: Callable[[int], None]):
        self.marks = marks
        self.interval_s = interval_s
        self.send = send

    def mark(self, consultation_id: int) -> None:
        self.marks.mark(consultation_id)

    def flush(self) -> list[int]:
        """Send the tallies now due; returns the consultation ids sent."""
        sent = []
        for consultation_id in sorted(self.marks.dirty()):
            if not self.marks.take_slot(consultation_id, self.interval_s):
                continue
            self.marks.clear(consultation_id)
            try:
                self.send(consultation_id)
            except Exception:
                log.exception("tally of consultation %s not sent", consultation_id)
                continue
            sent.append(consultation_id)
        return sent
