"""The scheduler (`flask jobs run`): every job once per interval however many copies run."""
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy import select

from app import create_app
from app.auth.api import SmsOutboxMessage
from app.config import TestConfig, default_public_base_url
from app.consultations.api import Status
from app.db import utcnow
from app.extensions import db
from app.jobs.api import jobs_of, register_job
from app.jobs.api import JobRun
from app.jobs.api import run_due
from tests.factories import flats_of, make_consultation, make_estate, make_owner
from tests.helpers import together
from tests.live import ROOT, server_env

SHIPPED = {"consultations.close_due", "notifications.remind_closing", "sms.send_queued", "sms.receipts"}


@pytest.fixture
def temporary_jobs(app):
    """Jobs a test registers on the (cached) app, taken off again after it."""
    added = []

    def add(name, func, every_s=60):
        added.append(name)
        return register_job(app, name, func, every_s=every_s, label="测试任务")

    yield add
    for name in added:
        jobs_of(app).pop(name, None)


def test_the_shipped_jobs_are_registered(app):
    assert SHIPPED <= set(jobs_of(app))
    assert jobs_of(app)["consultations.close_due"].every_s == 60


def test_two_schedulers_at_once_run_a_job_once(app, backend, temporary_jobs):
    """Two schedulers (threads, each with its own connection) look at the same moment: one
    takes the job's lock and runs it, the other finds it held or already run."""
    calls = []
    temporary_jobs("test.slow", lambda now: calls.append(now) or time.sleep(0.5) or "slept")
    now = utcnow()
    ran = together(app, 2, lambda _: run_due(app, now=now, only=["test.slow"]), returns=True, timeout_s=30)
    assert len(calls) == 1, backend
    assert sorted(ran) == [[], ["test.slow"]]
    row = db.session.get(JobRun, "test.slow")
    assert (row.runs, row.ok, row.outcome) == (1, True, "slept")
    # not again within its interval; again once it has passed
    assert run_due(app, now=now + timedelta(seconds=30), only=["test.slow"]) == []
    assert run_due(app, now=now + timedelta(seconds=60), only=["test.slow"]) == ["test.slow"]
    assert len(calls) == 2


def test_a_failing_job_is_recorded_and_the_others_still_run(app, temporary_jobs):
    temporary_jobs("test.broken", lambda now: 1 / 0)
    temporary_jobs("test.fine", lambda now: "fine")
    assert run_due(app, only=["test.broken", "test.fine"]) == ["test.broken", "test.fine"]
    broken, fine = db.session.get(JobRun, "test.broken"), db.session.get(JobRun, "test.fine")
    assert (broken.ok, fine.ok) == (False, True)
    assert broken.outcome.startswith("ZeroDivisionError") and broken.finished_at is not None


def test_the_scheduler_closes_due_votes_and_reminds_with_public_links(app):
    app.config["PUBLIC_BASE_URL"] = "https://gongzhi.example.cn"
    try:
        estate = make_estate()
        make_owner(flats_of(estate.id)[0])
        vote = make_consultation(estate, "elevator_consent", closes_in=timedelta(hours=3))
        # 10:00 Beijing the next day: inside 24 hours of the close, outside the quiet hours
        morning = (utcnow() + timedelta(days=1)).replace(hour=2, minute=0)
        reminder_time = min(morning, vote.closes_at - timedelta(minutes=30))
        run_due(app, now=reminder_time, only=["notifications.remind_closing", "sms.send_queued"])
        [sms] = db.session.scalars(select(SmsOutboxMessage).where(SmsOutboxMessage.kind == "closing_soon")).all()
        assert f"https://gongzhi.example.cn/consultations/{vote.id}" in sms.body
        run_due(app, now=vote.closes_at + timedelta(minutes=1), only=["consultations.close_due"])
        db.session.refresh(vote)
        assert vote.stored_status == Status.closed
    finally:
        app.config["PUBLIC_BASE_URL"] = TestConfig.PUBLIC_BASE_URL


def test_a_deployment_refuses_to_start_without_public_base_url():
    assert default_public_base_url({}) == "http://127.0.0.1:5000"
    assert default_public_base_url({"SECRET_KEY": "x" * 48}) is None
    with pytest.raises(RuntimeError, match="PUBLIC_BASE_URL"):
        create_app(type("Deployed", (TestConfig,), {"TESTING": False, "PUBLIC_BASE_URL": None}))
    debug = create_app(type("Debug", (TestConfig,), {"TESTING": False, "DEBUG": True, "PUBLIC_BASE_URL": None}))
    assert debug.config["PUBLIC_BASE_URL"] == "http://127.0.0.1:5000"


def test_two_scheduler_processes_run_each_job_once(backend, clone_database):
    """Two `flask jobs run --once` processes started together: each job runs once in all."""
    url = clone_database(backend)
    env = {**server_env(url, "https://gongzhi.example.cn"), "FLASK_APP": "wsgi.py"}
    flask = str(Path(sys.executable).with_name("flask"))
    processes = [subprocess.Popen([flask, "jobs", "run", "--once"], cwd=ROOT, env=env, text=True,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
    outputs = [process.communicate(timeout=120) for process in processes]
    assert [process.returncode for process in processes] == [0, 0], outputs
    engine = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.connect() as connection:
        runs = dict(connection.execute(sa.text("SELECT name, runs FROM job_runs")).all())
    engine.dispose()
    assert SHIPPED <= set(runs) and set(runs.values()) == {1}, (runs, outputs)
    ran = [out.strip().split(": ", 1)[1].split(", ") if ": " in out else [] for out, _ in outputs]
    assert sorted(sum(ran, [])) == sorted(runs), outputs
