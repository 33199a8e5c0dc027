"""Runs the registered jobs when they are due, each under a lock two schedulers share.

A plain loop rather than APScheduler: the jobs are a handful of idempotent sweeps at
minute granularity; what matters is that two copies (a restart overlapping the old
process, or a second host) never run one job twice, and that is the lock plus the
`job_runs` row read under it, which APScheduler would not give us either (its job
stores do not lock across processes). The loop needs no dependency and stops cleanly
on SIGTERM between jobs.
"""
import fcntl
import hashlib
import logging
import os
import signal
import tempfile
import threading
from contextlib import contextmanager
from datetime import datetime, timedelta

from sqlalchemy import select, text

from app.db import utcnow
from app.extensions import db
from app.jobs.models import JobRun
from app.jobs.registry import Job, jobs_of

log = logging.getLogger(__name__)


def lock_key(name: str) -> int:
    """A stable signed 64-bit key for pg_advisory_lock from the job's name."""
    return int.from_bytes(hashlib.sha256(f"gongzhi-job:{name}".encode()).digest()[:8], "big", signed=True)


@contextmanager
def _advisory_lock(name: str):
    """PostgreSQL: a session-level advisory lock on a connection of its own, released
    before the connection goes back to the pool."""
    with db.engine.connect() as connection:
        held = connection.execute(text("SELECT pg_try_advisory_lock(:key)"), {"key": lock_key(name)}).scalar()
        connection.commit()
        try:
            yield bool(held)
        finally:
            if held:
                connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": lock_key(name)})
                connection.commit()


@contextmanager
def _file_lock(name: str):
    """SQLite (one host): an exclusive flock on a file named after the database and job."""
    digest = hashlib.sha256(f"{db.engine.url}:{name}".encode()).hexdigest()[:24]
    path = os.path.join(tempfile.gettempdir(), f"gongzhi-job-{digest}.lock")
    with open(path, "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        try:
            yield True
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def job_lock(name: str):
    return _advisory_lock(name) if db.engine.dialect.name == "postgresql" else _file_lock(name)


def _due(job: Job, last: JobRun | None, now: datetime) -> bool:
    return last is None or now >= last.started_at + timedelta(seconds=job.every_s)


def _run(job: Job, now: datetime) -> bool:
    """Run one job if it is due and no other scheduler holds it; True when it ran."""
    with job_lock(job.name) as held:
        if not held:
            return False
        db.session.rollback()  # read the row as it is now, after the lock, not as cached
        last = db.session.scalar(select(JobRun).where(JobRun.name == job.name)
                                 .execution_options(populate_existing=True))
        if not _due(job, last, now):
            return False
        last = last or JobRun(name=job.name, runs=0)
        last.started_at, last.finished_at, last.ok, last.outcome = now, None, None, None
        last.runs += 1
        db.session.add(last)
        db.session.commit()
        try:
            outcome, ok = job.func(now), True
            db.session.commit()
        except Exception as error:  # noqa: BLE001 - one job's failure must not stop the others
            db.session.rollback()
            log.exception("job %s failed", job.name)
            outcome, ok = f"{type(error).__name__}: {error}", False
        last = db.session.get(JobRun, job.name)
        last.finished_at, last.ok, last.outcome = utcnow(), ok, str(outcome)[:500]
        db.session.commit()
        log.info("job %s %s: %s", job.name, "done" if ok else "failed", last.outcome)
        return True


def overview(app, now: datetime | None = None) -> list[dict]:
    """Each job with its last run and whether it is late (not started for three intervals:
    the scheduler is probably not running). Reads only."""
    now = now or utcnow()
    runs = {run.name: run for run in db.session.scalars(select(JobRun))}
    return [{"job": job, "run": runs.get(job.name),
             "late": job.name not in runs or now - runs[job.name].started_at > timedelta(seconds=3 * job.every_s)}
            for job in jobs_of(app).values()]


def run_due(app, now: datetime | None = None, only: list[str] | None = None) -> list[str]:
    """Run every job that is due now (or only those named); returns the names that ran."""
    ran = []
    for job in jobs_of(app).values():
        if only and job.name not in only:
            continue
        if _run(job, now or utcnow()):
            ran.append(job.name)
    return ran


def run_forever(app, tick_s: float, stop: threading.Event | None = None) -> None:
    """The scheduler's loop: every `tick_s` seconds, run what is due. SIGTERM and SIGINT
    stop it between jobs (a running job finishes first)."""
    stop = stop or threading.Event()
    if threading.current_thread() is threading.main_thread():
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda *_: stop.set())
    log.info("scheduler started: %s", ", ".join(jobs_of(app)))
    while not stop.is_set():
        try:
            run_due(app)
        except Exception:  # noqa: BLE001 - the database may be away for a while; try again
            db.session.rollback()
            log.exception("scheduler tick failed")
        finally:
            db.session.remove()
        stop.wait(tick_s)
    log.info("scheduler stopped")
