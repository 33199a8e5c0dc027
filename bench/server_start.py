"""What a test server's start costs: forked from the warm template (tests/server_template.py,
as the suite starts them) beside a fresh gunicorn process (as a shell starts one), in CPU
seconds of the server's processes until /api/v1/health answers, on SQLite.

    .venv/bin/python -m bench.server_start
"""
import subprocess
import sys
import time
from pathlib import Path

import requests

from bench import print_rows
from bench._cpu import cpu_seconds, group
from bench._databases import scratch_app

STARTS = 5
GOAL_RATIO = 0.6


def _fresh(server) -> None:
    """Start the server as a fresh process, as tests/live.py did before the template."""
    log = open(server.log_path, "wb")
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server.process = subprocess.Popen(
        [str(gunicorn), "-k", "gevent", "-w", "1", "--no-control-socket", "-b",
         f"127.0.0.1:{server.port}", "wsgi:app"],
        cwd=Path(__file__).resolve().parent.parent, env=server.env, stdout=log,
        stderr=subprocess.STDOUT, start_new_session=True)
    while True:
        try:
            if requests.get(server.url + "/api/v1/health", timeout=1).ok:
                return
        except requests.RequestException:
            time.sleep(0.05)


def _cpu_per_start(database_url: str, fresh: bool) -> list[float]:
    from tests.live import LiveServer

    spent = []
    for _ in range(STARTS):
        server = LiveServer(database_url)
        _fresh(server) if fresh else server.start()
        spent.append(sum(cpu_seconds(pid) for pid in group(server.process.pid)))
        server.kill()
        server.stop()
    return spent


def measure() -> list[dict]:
    from tests.live import template

    with scratch_app("sqlite") as app:
        url = app.config["SQLALCHEMY_DATABASE_URI"]
        template()  # started once per test process, before its first server
        forked, fresh = _cpu_per_start(url, fresh=False), _cpu_per_start(url, fresh=True)
    mean_forked, mean_fresh = sum(forked) / STARTS, sum(fresh) / STARTS
    ratio = mean_forked / mean_fresh
    return [{"benchmark": f"test server start, forked from the template (mean of {STARTS}, sqlite)",
             "value": f"{mean_forked:.2f} CPU-s ({', '.join(f'{s:.2f}' for s in forked)})",
             "baseline": f"fresh gunicorn process {mean_fresh:.2f} CPU-s ({', '.join(f'{s:.2f}' for s in fresh)})",
             "ratio": f"{ratio:.2f}×", "goal": f"≤ {GOAL_RATIO}× a fresh start", "met": ratio <= GOAL_RATIO}]


if __name__ == "__main__":
    print_rows(measure())
