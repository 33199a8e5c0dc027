"""Kill a live server's worker (SIGKILL) while it runs a heavy job, and read what it left."""
import os
import signal
import threading
import time

import requests
from sqlalchemy import create_engine, text



class Database:
    """Plain SQL on a live server's database: what a kill left, without an app."""

    def __init__(self, url: str):
        self.engine = create_engine(url)

    def value(self, sql: str, **params):
        with self.engine.connect() as connection:
            return connection.execute(text(sql), params).scalar()

    def jobs(self, kind: str) -> list:
        with self.engine.connect() as connection:
            return connection.execute(text(
                "SELECT id, state, runner, subject_id, attempts FROM heavy_jobs WHERE kind = :kind "
                "ORDER BY id"), {"kind": kind}).all()

    def close(self):
        self.engine.dispose()


def wait_healthy(server, timeout_s: float = 60) -> None:
    """Until the master's new worker answers /health."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            if requests.get(server.url + "/api/v1/health", timeout=2).ok:
                return
        except requests.RequestException:
            pass
        time.sleep(0.1)
    raise AssertionError("the server did not come back:\n" + server.output()[-3000:])


def kill_mid_way(server, database: Database, kind: str, send, attempts: int = 6):
    """Send heavy requests (send(n) in a thread) until one is caught while its job runs:
    the worker is stopped (SIGSTOP) the moment the job shows 进行中 and, if it still does,
    killed (SIGKILL). The caught job's id, or an AssertionError after `attempts` tries."""
    for attempt in range(attempts):
        known = {job.id for job in database.jobs(kind)}
        thread = threading.Thread(target=send, args=(attempt,), daemon=True)
        thread.start()
        caught = None
        deadline = time.monotonic() + 120
        while caught is None and thread.is_alive() and time.monotonic() < deadline:
            running = [job for job in database.jobs(kind) if job.id not in known and job.state == "running"]
            if running:
                pid = int(running[0].runner.split(":")[1])
                os.kill(pid, signal.SIGSTOP)  # frozen: it can commit nothing more
                time.sleep(0.3)  # a commit already sent is settled by now
                if [j for j in database.jobs(kind) if j.id == running[0].id][0].state == "running":
                    caught = running[0].id
                os.kill(pid, signal.SIGKILL if caught else signal.SIGCONT)
            else:
                time.sleep(0.01)
        thread.join(120)
        wait_healthy(server)
        if caught is not None:
            return caught
    raise AssertionError(f"no {kind} job was caught running in {attempts} tries")


def post_quietly(*args, **kwargs):
    """A request whose worker may die under it: its answer (or the error) is not the point."""
    try:
        return requests.post(*args, **kwargs)
    except requests.RequestException as error:
        return error
