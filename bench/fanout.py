"""Fan-out of live updates: N clients in one room, time until the last one gets a tally.

    .venv/bin/python -m bench.fanout [N ...]        (default: 200 1000)

For each N, on this machine and in the same run, ROUNDS times each (median, min, max):
- ours: a real server (gunicorn -k gevent -w 1, PostgreSQL when reachable), N clients
  authenticated and subscribed to `consultation:<id>`; one ballot is cast over
  HTTP and we time from just before the request until the last client has its
  tally (HTTP, signal, coalescer, results query and emit included);
- raw: Flask-SocketIO alone in the same server setup, N clients with no auth and
  no rooms; one broadcast of the same payload (POST /emit), timed the same way.
The clients live in a separate load-generator process (bench._fanout_clients).
Every step is bounded in time; a round that times out says so.
"""
import json
import statistics
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import requests

from bench import print_rows

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 5
ROUND_TIMEOUT_S = 60


class LoadGenerator:
    """N clients in their own process; `measure(trigger)` times one event to all of them."""

    def __init__(self, url: str, count: int, token: str | None = None, room: str | None = None):
        args = [sys.executable, "-m", "bench._fanout_clients", url, str(count), str(ROUND_TIMEOUT_S)]
        if token:
            args += [token, room]
        self.count = count
        self.process = subprocess.Popen(args, cwd=ROOT, stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, text=True)
        ready = self.process.stdout.readline().split()
        self.connected = int(ready[1]) if len(ready) == 2 and ready[0] == "ready" else 0

    def measure(self, trigger) -> float | None:
        """Milliseconds from trigger() until the last client had the event; None if not all did."""
        self.process.stdin.write("go\n")
        self.process.stdin.flush()
        if self.process.stdout.readline().strip() != "armed":
            return None
        started = time.time()
        trigger()
        result = json.loads(self.process.stdout.readline())
        if result["received"] < self.count or result["last"] is None:
            return None
        return (result["last"] - started) * 1000

    def close(self):
        try:
            self.process.communicate("stop\n", timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()


def _rounds(generator: LoadGenerator, trigger) -> tuple[list[float], str | None]:
    """The round times in ms, and why there are none (or too few) if so."""
    if generator.connected < generator.count:
        return [], f"{generator.connected}/{generator.count} connected"
    times = [generator.measure(trigger) for _ in range(ROUNDS)]
    done = [t for t in times if t is not None]
    if len(done) < len(times):
        return done, f"{len(times) - len(done)}/{len(times)} rounds incomplete"
    return done, None


def _text(times: list[float], problem: str | None) -> str:
    if problem:
        return problem
    return f"{statistics.median(times):.0f} ({min(times):.0f}–{max(times):.0f}) ms"


def _raw_server(port: int):
    gunicorn = Path(sys.executable).with_name("gunicorn")
    process = subprocess.Popen(
        [str(gunicorn), "-k", "gevent", "-w", "1", "--worker-connections", "10000",
         "--no-control-socket", "-b", f"127.0.0.1:{port}", "bench._raw_broadcast:app"],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if requests.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=1).ok:
                return process
        except requests.RequestException:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("raw broadcast server did not start")


def _seed():
    """An estate, a committee member, an owner who votes, an open consultation."""
    from app.auth.api import issue
    from app.consultations.api import create_consultation, open_consultation
    from app.db import utcnow
    from tests.factories import flats_of, make_estate, make_owner, make_user

    estate = make_estate()
    committee = make_user(roles=[("committee", estate.id)])
    voter = make_owner(flats_of(estate.id)[0])
    consultation = create_consultation(
        estate.id, template_key="elevator_consent", closes_at=utcnow() + timedelta(days=7),
        actor_id=committee.id)
    open_consultation(consultation, committee.id)
    return (consultation.id, flats_of(estate.id)[0].id, issue(voter, "access"),
            issue(committee, "access"))


def measure(sizes=(200, 1000)) -> list[dict]:
    """One row per N: ours beside the raw broadcast, median of ROUNDS each."""
    import logging

    from bench._databases import backends, scratch_app
    from tests.live import TEST_SECRET, LiveServer, free_port

    logging.disable(logging.WARNING)
    backend = backends()[-1]
    rows = []
    with scratch_app(backend, SECRET_KEY=TEST_SECRET) as app:
        consultation_id, flat_id, voter_token, committee_token = _seed()
        server = LiveServer(app.config["SQLALCHEMY_DATABASE_URI"]).start()
        raw_url = f"http://127.0.0.1:{free_port()}"
        raw = _raw_server(int(raw_url.rsplit(":", 1)[1]))
        auth = {"Authorization": f"Bearer {voter_token}"}
        consultation_url = f"{server.url}/api/v1/consultations/{consultation_id}"
        answers = iter(["agree", "abstain"] * 1000)  # every ballot changes the tally

        def cast():
            requests.put(f"{consultation_url}/ballots/mine", headers=auth, timeout=60,
                         json={"flat_id": flat_id, "answers": {"install": next(answers)}}
                         ).raise_for_status()
            time.sleep(0.7)  # the next round starts with the tally slot free (600 ms)

        try:
            for count in sizes:
                payload = requests.get(f"{consultation_url}/results", headers=auth, timeout=30).json()
                ours = LoadGenerator(server.url, count, committee_token, f"consultation:{consultation_id}")
                ours_times, ours_problem = _rounds(ours, cast)
                ours.close()
                theirs = LoadGenerator(raw_url, count)
                raw_times, raw_problem = _rounds(theirs, lambda: requests.post(
                    f"{raw_url}/emit", json=payload, timeout=60).raise_for_status())
                theirs.close()
                ratio = (statistics.median(ours_times) / statistics.median(raw_times)
                         if not (ours_problem or raw_problem) else None)
                rows.append({
                    "benchmark": f"fan-out of a tally to {count} clients ({backend})",
                    "value": "ballot → last tally " + _text(ours_times, ours_problem),
                    "baseline": "raw broadcast " + _text(raw_times, raw_problem),
                    "ratio": f"{ratio:.2f}×" if ratio else "—",
                    "goal": "≤ 1.5× the raw broadcast",
                    "met": ratio is not None and ratio <= 1.5})
        finally:
            server.stop()
            raw.terminate()
            raw.wait(timeout=10)
    return rows


def main(sizes=(200, 1000)):
    print(f"fan-out of one tally to N clients (load generator in its own process;"
          f" median (min–max) of {ROUNDS})")
    print_rows(measure(sizes))


if __name__ == "__main__":
    main(tuple(int(n) for n in sys.argv[1:]) or (200, 1000))
