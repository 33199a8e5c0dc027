"""The scheduler: one long-running `flask jobs run` process runs every registered job.

Domains register their jobs in their own `init_app` with `register_job(app, name, func,
every_s=)`; the runner (`app.jobs.runner`) runs each job when it is due, under a lock
that two copies of the scheduler share (a PostgreSQL advisory lock; a file lock for the
embedded SQLite), and records each run in `job_runs`, so a job runs once per interval
however many copies run.
"""
from app.jobs.registry import Job, jobs_of, register_job  # noqa: F401 - the seam for domains


def init_app(app):
    from app.jobs.cli import jobs_cli

    app.cli.add_command(jobs_cli)
