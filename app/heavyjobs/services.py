"""Heavy jobs: submit, take, finish, fail, re-run; and how a job looks to a person.

A job is written 排队 and committed before its work starts, then taken (进行中) by one
conditional UPDATE, so two re-runs of one interrupted job cannot both take it. The work
calls `finish` before its own commit: the job is 完成 exactly when the result is kept.
"""
import os
import socket
from datetime import timedelta
from typing import Callable

from flask import current_app
from sqlalchemy import select, update

from app.audit.api import record
from app.db import utcnow
from app.errors import Conflict, DomainError, NotFound
from app.extensions import db
from app.heavyjobs import messages
from app.heavyjobs.models import HeavyJob, JobState

#: kind -> run(job, payload, upload): the work of one kind of job (register_kind)
KINDS: dict[str, Callable] = {}
UNFINISHED = (JobState.queued, JobState.running)


def register_kind(kind: str, run: Callable) -> None:
    """What runs a kind of job; `run(job, payload, upload)` calls `finish` before its commit."""
    KINDS[kind] = run


def _process_start(pid: int) -> str:
    """When the process started (Linux clock ticks since boot), telling a reused pid apart."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rpartition(")")[2].split()[19]
    except (OSError, IndexError):
        return ""


def runner_name() -> str:
    """This process, as a job's runner: host, pid and when the process started."""
    return f"{socket.gethostname()}:{os.getpid()}:{_process_start(os.getpid())}"


def runner_alive(runner: str | None) -> bool:
    """Whether the process named may still be running the job (another host's: only its
    lease tells, so it counts as alive here)."""
    if not runner:
        return False
    host, pid, started = (runner.split(":") + ["", ""])[:3]
    if host != socket.gethostname():
        return True
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except (PermissionError, ValueError):
        return True
    return not started or _process_start(int(pid)) == started


def shown_state(job: HeavyJob, now=None) -> str:
    """The state a person sees: a job not ended whose lease ran out and whose process is
    gone is "interrupted" (a read: nothing is written)."""
    now = now or utcnow()
    if (job.state in UNFINISHED and job.lease_until is not None and job.lease_until <= now
            and not runner_alive(job.runner)):
        return "interrupted"
    return job.state.value


def _lease():
    return utcnow() + timedelta(seconds=current_app.config["HEAVY_JOB_LEASE_S"])


def submit(kind: str, estate_id: int, actor_id: int | None, payload: dict,
           upload: bytes | None = None, upload_name: str | None = None):
    """Record the job (committed), then run it here; its result, or its refusal raised."""
    job = HeavyJob(estate_id=estate_id, kind=kind, state=JobState.queued, payload=payload,
                   upload=upload, upload_name=upload_name, created_by_id=actor_id,
                   runner=runner_name(), lease_until=_lease())
    db.session.add(job)
    db.session.commit()
    return _run(job.id, (JobState.queued,), 0)


def _take(job_id: int, states, attempts: int, audit_actor=False) -> HeavyJob:
    """Take the job for this process (one conditional UPDATE, committed), or 409."""
    now = utcnow()
    condition = [HeavyJob.id == job_id, HeavyJob.state.in_(states), HeavyJob.attempts == attempts]
    if attempts:  # a re-run: only once the lease of the process that had it ran out
        condition.append(HeavyJob.lease_until <= now)
    taken = db.session.execute(update(HeavyJob).where(*condition).values(
        state=JobState.running, runner=runner_name(), lease_until=_lease(), started_at=now,
        finished_at=None, error=None, attempts=HeavyJob.attempts + 1))
    if taken.rowcount != 1:
        db.session.rollback()
        raise Conflict(messages.RERUN_BUSY, code="job_taken")
    if audit_actor is not False:
        job = db.session.get(HeavyJob, job_id)
        record("heavy_job.rerun", estate_id=job.estate_id, actor_id=audit_actor,
               subject_type="heavy_job", subject_id=job_id, data={"kind": job.kind, "attempt": attempts + 1})
    db.session.commit()
    job = db.session.get(HeavyJob, job_id)
    db.session.refresh(job)
    return job


def _run(job_id: int, states, attempts: int, audit_actor=False):
    job = _take(job_id, states, attempts, audit_actor)
    run = KINDS.get(job.kind)
    try:
        if run is None:
            raise Conflict(messages.UNKNOWN_KIND, code="job_unknown")
        return run(job, job.payload, job.upload)
    except DomainError as error:
        _fail(job_id, error.message)
        raise
    except Exception:
        _fail(job_id, messages.FAILED_UNEXPECTED)
        raise


def finish(job: HeavyJob | None, subject_id: int | None) -> None:
    """The job is done with the work's result: call before the work's commit (no commit here)."""
    if job is None:
        return
    job.state, job.subject_id, job.finished_at = JobState.done, subject_id, utcnow()
    job.upload, job.error = None, None


def _fail(job_id: int, message: str) -> None:
    """The work rolled back: the job failed, with why (its own commit); the upload is dropped."""
    db.session.rollback()
    db.session.execute(update(HeavyJob).where(HeavyJob.id == job_id, HeavyJob.state == JobState.running)
                       .values(state=JobState.failed, error=message[:500], finished_at=utcnow(),
                               upload=None))
    db.session.commit()


def get_job(job_id: int) -> HeavyJob:
    job = db.session.get(HeavyJob, job_id)
    if job is None:
        raise NotFound()
    return job


def rerun(job: HeavyJob, actor_id: int) -> HeavyJob:
    """Run an interrupted job again with the same input; the job as it ended (a refusal of
    the work leaves it failed, with why)."""
    if shown_state(job) != "interrupted":
        raise Conflict(messages.NOT_INTERRUPTED, code="job_not_interrupted")
    job_id = job.id
    try:
        _run(job_id, UNFINISHED, job.attempts, audit_actor=actor_id)
    except DomainError as error:
        if error.code == "job_taken":
            raise
    return get_job(job_id)


def jobs_of(estate_id: int, limit: int = 50) -> list[HeavyJob]:
    """The estate's jobs, newest first."""
    return list(db.session.scalars(select(HeavyJob).where(HeavyJob.estate_id == estate_id)
                                   .order_by(HeavyJob.id.desc()).limit(limit)))


def interrupted_count(estate_id: int, kind_prefix: str) -> int:
    """How many of the estate's recent jobs of a kind (sunlight., estates.ledger_import, …)
    are interrupted, for a hint on that kind's page."""
    now = utcnow()
    return sum(1 for job in jobs_of(estate_id)
               if job.kind.startswith(kind_prefix) and shown_state(job, now) == "interrupted")


def view(job: HeavyJob, now=None) -> dict:
    """A job as the API and the console show it."""
    state = shown_state(job, now)
    return {"id": job.id, "estate_id": job.estate_id, "kind": job.kind,
            "kind_label": messages.KIND_LABELS.get(job.kind, job.kind), "state": state,
            "state_label": messages.STATE_LABELS[state], "subject_id": job.subject_id,
            "attempts": job.attempts, "created_at": job.created_at, "started_at": job.started_at,
            "finished_at": job.finished_at,
            "error": messages.INTERRUPTED_NOTE if state == "interrupted" else job.error,
            "can_rerun": state == "interrupted"}
