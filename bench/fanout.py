"""Fan-out of live updates: N clients in one room, time until the last one gets a tally.

    .venv/bin/python -m bench.fanout [N ...]        (default: 200 1000)

For each N, on this machine and in the same run:
- ours: a real server (gunicorn -k gevent -w 1, PostgreSQL when reachable), N clients
  authenticated and subscribed to `consultation:<id>`; one ballot is cast over
  HTTP and we time from just before the request until the last client has its
  tally (auth, room check, signal, coalescer, results query and emit included);
- raw: Flask-SocketIO alone in the same server setup, N clients with no auth and
  no rooms; one broadcast of the same payload, timed the same way.
The clients live in a separate load-generator process (bench._fanout_clients).
Every step is bounded in time; a run that times out says so.
"""
import json
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
CLIENT_TIMEOUT_S = 240


def _spawn_clients(url: str, count: int, token: str | None = None, room: str | None = None):
    args = [sys.executable, "-m", "bench._fanout_clients", url, str(count), str(CLIENT_TIMEOUT_S)]
    if token:
        args += [token, room]
    process = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    ready = process.stdout.readline().split()
    connected = int(ready[1]) if len(ready) == 2 and ready[0] == "ready" else 0
    return process, connected


def _finish(process, started: float) -> str:
    try:
        line = process.communicate(timeout=CLIENT_TIMEOUT_S)[0].splitlines()[0]
    except (subprocess.TimeoutExpired, IndexError):
        process.kill()
        return "timed out"
    result = json.loads(line)
    if result["received"] < result["clients"] or result["last"] is None:
        return f"only {result['received']}/{result['clients']} received"
    return f"{(result['last'] - started) * 1000:7.1f} ms"


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
    from app.auth.tokens import issue
    from app.consultations.services import create_consultation, open_consultation
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


def main(sizes=(200, 1000)):
    import logging

    from bench._databases import backends, scratch_app
    from tests.live import TEST_SECRET, LiveServer, free_port

    logging.disable(logging.WARNING)
    backend = backends()[-1]
    print(f"fan-out of one tally ({backend}; load generator in its own process)")
    print(f"{'clients':>8}  {'ours: ballot -> last tally':>28}  {'raw library broadcast':>22}")
    with scratch_app(backend, SECRET_KEY=TEST_SECRET) as app:
        url = app.config["SQLALCHEMY_DATABASE_URI"]
        consultation_id, flat_id, voter_token, committee_token = _seed()
        server = LiveServer(url).start()
        raw_port = free_port()
        raw = _raw_server(raw_port)
        try:
            for round_number, count in enumerate(sizes):
                auth = {"Authorization": f"Bearer {voter_token}"}
                room = f"consultation:{consultation_id}"
                payload = requests.get(f"{server.url}/api/v1/consultations/{consultation_id}/results",
                                       headers=auth, timeout=30).json()

                clients, connected = _spawn_clients(server.url, count, committee_token, room)
                time.sleep(1)  # any earlier tally slot has expired
                started = time.time()
                answer = ("agree", "abstain")[round_number % 2]  # each round changes the tally
                cast = requests.put(
                    f"{server.url}/api/v1/consultations/{consultation_id}/ballots/mine",
                    json={"flat_id": flat_id, "answers": {"install": answer}}, headers=auth,
                    timeout=60)
                ours = _finish(clients, started) if cast.ok else f"ballot failed {cast.status_code}"
                ours = ours if connected == count else f"{ours} ({connected}/{count} connected)"

                clients, connected = _spawn_clients(f"http://127.0.0.1:{raw_port}", count)
                time.sleep(1)
                started = time.time()
                requests.post(f"http://127.0.0.1:{raw_port}/emit", json=payload, timeout=60)
                theirs = _finish(clients, started)
                theirs = theirs if connected == count else f"{theirs} ({connected}/{count} connected)"
                print(f"{count:>8}  {ours:>28}  {theirs:>22}", flush=True)
        finally:
            server.stop()
            raw.terminate()
            raw.wait(timeout=10)


if __name__ == "__main__":
    main(tuple(int(n) for n in sys.argv[1:]) or (200, 1000))
