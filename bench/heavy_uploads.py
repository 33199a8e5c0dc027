"""/api/v1/health while a zip bomb and big photos are uploaded, and the worker's peak memory.

    .venv/bin/python -m bench.heavy_uploads

A real gunicorn + gevent server (one worker). A thread polls /api/v1/health every 50 ms:
idle first (the baseline), then during the upload of an XLSX ledger whose sheet unpacks
to 256 MB of whitespace (refused from its zip directory), then during a progress post
of nine 39-megapixel photos (decoded in the worker's thread pool, app/offload.py).
Before issue 16 the bomb held the event loop until gunicorn killed the worker (> 30 s,
about 350 MB to parse in a plain process) and the photos froze HTTP for seconds.
"""
import logging
import time

from bench import print_rows
from bench._databases import backends, committee_token, scratch_app


def _seed():
    from app.estates.api import create_estate
    from app.projects.api import create_project

    estate = create_estate("重载小区", "东城区", "和平里街道", 1990)
    token = committee_token(estate.id)
    from app.auth.api import get_or_create_user

    project = create_project(estate.id, "屋面改造", 100_000_00, get_or_create_user("13800000009").id)
    return estate.id, project.id, token


def measure() -> list[dict]:
    from tests.heavy import (
        HealthProbe, big_png, peak_memory_mb, post_photos, upload_ledger, worker_pids, xlsx_bomb)
    from tests.live import TEST_SECRET, LiveServer

    backend = backends()[-1]
    bomb, photo = xlsx_bomb(256), big_png(7200, 5400)
    with scratch_app(backend, SECRET_KEY=TEST_SECRET) as app:
        estate_id, project_id, token = _seed()
        server = LiveServer(app.config["SQLALCHEMY_DATABASE_URI"]).start()
        try:
            worker = worker_pids(server.process.pid)[0]
            with HealthProbe(server.url) as idle:
                time.sleep(2)
            started_mb = peak_memory_mb(worker)
            with HealthProbe(server.url) as during_bomb:
                refused = upload_ledger(server.url, estate_id, token, bomb)
                time.sleep(0.5)
            bomb_mb = peak_memory_mb(worker)
            with HealthProbe(server.url) as during_photos:
                started = time.perf_counter()
                posted = post_photos(server.url, project_id, token, [photo] * 9)
                photos_s = time.perf_counter() - started
            photos_mb = peak_memory_mb(worker)
        finally:
            server.stop()
    assert refused.status_code == 413 and posted.status_code == 201, (refused.text, posted.text)
    baseline = f"idle health worst {idle.worst_s * 1000:.0f} ms, median {idle.median_s * 1000:.0f} ms"
    return [
        {"benchmark": f"health during an XLSX zip bomb (266 KB → 256 MB; {backend})",
         "value": f"refused {refused.status_code}; health worst {during_bomb.worst_s * 1000:.0f} ms "
                  f"({len(during_bomb.latencies)} polls); worker peak memory {bomb_mb:.0f} MB "
                  f"(at start {started_mb:.0f} MB)",
         "baseline": baseline,
         "ratio": f"{during_bomb.worst_s / max(idle.worst_s, 1e-3):.1f}×",
         "goal": "health < 100 ms, memory +< 100 MB",
         "met": during_bomb.worst_s < 0.1 and bomb_mb - started_mb < 100},
        {"benchmark": f"health during 9 photos of 39 Mpx ({backend})",
         "value": f"posted in {photos_s:.1f} s; health worst {during_photos.worst_s * 1000:.0f} ms, "
                  f"median {during_photos.median_s * 1000:.0f} ms ({len(during_photos.latencies)} "
                  f"polls); worker peak memory {photos_mb:.0f} MB",
         "baseline": baseline,
         "ratio": f"{during_photos.worst_s / max(idle.worst_s, 1e-3):.1f}×",
         "goal": "health < 100 ms",
         "met": during_photos.worst_s < 0.1},
    ]


def main() -> None:
    logging.disable(logging.INFO)
    print_rows(measure())


if __name__ == "__main__":
    main()
