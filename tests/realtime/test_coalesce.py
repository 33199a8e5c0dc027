"""Tally coalescing without a server: memory marks, shared Redis marks, Redis unreachable."""
import logging
import time
import uuid

import redis

from app.realtime.api import MemoryMarks, RedisMarks, TallyCoalescer
from app.realtime.api import RedisHealth
from tests.live import free_port

SHARED_REDIS = "redis://127.0.0.1:6379/0"


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_one_tally_per_slot_and_the_last_after_the_last_ballot():
    clock, sent = Clock(), []
    tallies = TallyCoalescer(MemoryMarks(clock), 0.6, sent.append)
    tallies.mark(7)
    assert tallies.flush() == [7]
    tallies.mark(7)
    assert tallies.flush() == []  # the slot is still held
    clock.now += 0.6
    assert tallies.flush() == [7]
    assert tallies.flush() == []  # nothing new


def test_a_burst_of_ballots_costs_at_most_two_tallies_a_second():
    clock, sent = Clock(), []
    tallies = TallyCoalescer(MemoryMarks(clock), 0.6, lambda cid: sent.append(clock.now))
    for tick in range(100):  # 10 s; a ballot on each of consultations 1 and 2 every 0.1 s
        tallies.mark(1)
        tallies.mark(2)
        tallies.flush()
        clock.now += 0.1
    last_ballot = clock.now - 0.1
    for _ in range(10):  # the flusher keeps polling after the burst
        tallies.flush()
        clock.now += 0.1
    per_room = len(sent) // 2
    assert per_room <= 10 * 2
    times = sorted(set(sent))
    assert all(later - earlier >= 0.6 - 1e-9 for earlier, later in zip(times, times[1:]))
    assert times[-1] >= last_ballot  # the final state was sent after the last ballot


def test_processes_share_marks_and_slots_through_redis():
    prefix = f"gz-test-{uuid.uuid4().hex}"
    client = redis.Redis.from_url(SHARED_REDIS)
    sent_a, sent_b = [], []
    a = TallyCoalescer(RedisMarks(client, prefix, RedisHealth()), 0.3, sent_a.append)
    b = TallyCoalescer(RedisMarks(client, prefix, RedisHealth()), 0.3, sent_b.append)
    try:
        a.mark(5)
        assert b.flush() == [5]  # B sends what A marked
        a.mark(5)
        assert a.flush() == [] and b.flush() == []  # one slot for both
        time.sleep(0.35)
        assert a.flush() == [5]
        assert b.flush() == []
        assert (sent_a, sent_b) == ([5], [5])
    finally:
        client.delete(f"{prefix}:tally:dirty")


def test_unreachable_redis_falls_back_to_memory_and_logs_once(caplog):
    dead = redis.Redis.from_url(f"redis://127.0.0.1:{free_port()}/0", socket_connect_timeout=0.5)
    health, sent = RedisHealth(retry_s=0.0), []
    tallies = TallyCoalescer(RedisMarks(dead, "gz-test-dead", health), 0.0, sent.append)
    with caplog.at_level(logging.WARNING, logger="app.realtime"):
        for _ in range(5):
            tallies.mark(3)
            assert tallies.flush() == [3]
    assert health.down
    assert sent == [3] * 5
    assert [r.message.startswith("Redis unreachable") for r in caplog.records] == [True]
