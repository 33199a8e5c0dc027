"""Read-aloud on a real gunicorn + gevent server: how long a long page takes to speak
(espeak-ng + lame, nothing cached), and whether /api/v1/health keeps answering while
four such pages are spoken at once, beside /health on the idle server.

    .venv/bin/python -m bench.read_aloud
"""
import logging
import statistics
import tempfile
import threading
import time

import requests

from bench import print_rows
from bench._databases import live_server

PAGES = 4
GOAL_P99_MS = 250
SENTENCE = "电梯井道在南侧，冬至日的日照会少一些，大家希望设计师来小区讲一讲方案。第{n}条，费用 1{n},234.56 元。"


def seed():
    from app.auth.api import issue
    from app.cases.api import services as cases
    from tests.factories import flats_of, make_estate, make_owner

    estate = make_estate(name="朗读小区")
    flats = flats_of(estate.id)
    owner = make_owner(flats[0])
    ids = [cases.create_case(estate.id, title=f"议题{page}", actor_id=owner.id,
                             affected_flat_ids=[flats[0].id],
                             description="".join(SENTENCE.format(n=page * 100 + n) for n in range(15))).id
           for page in range(PAGES + 1)]
    return ids, issue(owner, "access")


def health_ms(url: str, stop: threading.Event | None = None, count: int = 50) -> list[float]:
    times = []
    while (stop is None and len(times) < count) or (stop is not None and not stop.is_set()):
        started = time.perf_counter()
        requests.get(url + "/api/v1/health", timeout=30).raise_for_status()
        times.append((time.perf_counter() - started) * 1000)
        time.sleep(0.01)
    return times


def speak(url: str, case_id: int, token: str) -> tuple[float, int]:
    started = time.perf_counter()
    response = requests.get(f"{url}/read-aloud/cases/{case_id}", timeout=120,
                            headers={"Authorization": f"Bearer {token}"})
    response.raise_for_status()
    return time.perf_counter() - started, len(response.content)


def measure() -> list[dict]:
    with tempfile.TemporaryDirectory() as cache, \
            live_server(seed, "sqlite", READ_ALOUD_CACHE_DIR=cache,
                        READ_ALOUD_TIMEOUT_S=120) as (url, seeded):
        ids, token = seeded
        idle = health_ms(url)
        one_s, size = speak(url, ids[0], token)
        stop, during = threading.Event(), []
        poller = threading.Thread(target=lambda: during.extend(health_ms(url, stop)))
        poller.start()
        threads = [threading.Thread(target=speak, args=(url, case_id, token)) for case_id in ids[1:]]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        together_s = time.perf_counter() - started
        stop.set()
        poller.join()
    p99, idle_p99 = percentile(during, 99), percentile(idle, 99)
    return [{"benchmark": f"read-aloud: /health while {PAGES} long pages are spoken (sqlite, espeak-ng)",
             "value": f"/health p99 {p99:.0f} ms, median {statistics.median(during):.0f} ms, max "
                      f"{max(during):.0f} ms ({len(during)} calls in {together_s:.1f} s)",
             "baseline": f"idle /health p99 {idle_p99:.0f} ms; one page {one_s:.2f} s, {size / 1024:.0f} KiB MP3",
             "ratio": f"{p99 / idle_p99:.1f}×", "goal": f"/health p99 < {GOAL_P99_MS} ms",
             "met": p99 < GOAL_P99_MS}]


def percentile(values: list[float], pct: int) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, len(ordered) * pct // 100)]


def main(argv=None) -> None:
    logging.disable(logging.INFO)
    print_rows(measure())


if __name__ == "__main__":
    main()
