"""Heavy jobs without HTTP: written before the work, done in the work's commit, failed with
the reason after a refusal, interrupted only when the process is gone and the lease over,
re-run once however many ask at once."""
import subprocess
import sys
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from app.db import utcnow
from app.errors import BadRequest, Conflict
from app.estates.api import start_import
from app.estates.api import Flat
from app.extensions import db
from app.heavyjobs.api import services
from app.heavyjobs.api import HeavyJob, JobState
from tests.estates.ledgers import csv_bytes, ledger_rows
from tests.factories import make_estate, make_user
from tests.helpers import together


def gone_runner() -> str:
    """The runner name of a process that has ended."""
    child = subprocess.Popen([sys.executable, "-c", "print(1)"], stdout=subprocess.DEVNULL)
    child.wait()
    return services.runner_name().split(":")[0] + f":{child.pid}:1"


def stuck_job(estate_id: int, actor_id: int, runner: str, lease_s: float) -> HeavyJob:
    """A ledger import left 进行中 by its runner, its lease ending in `lease_s` seconds."""
    job = HeavyJob(estate_id=estate_id, kind="estates.ledger_import", state=JobState.running,
                   payload={"filename": "ledger.csv"},
                   upload=csv_bytes(ledger_rows(buildings=(("9号楼", 1),), floors=2, doors=2)),
                   created_by_id=actor_id, runner=runner, attempts=1, started_at=utcnow(),
                   lease_until=utcnow() + timedelta(seconds=lease_s))
    db.session.add(job)
    db.session.commit()
    return job


def flats(estate_id: int) -> int:
    return db.session.scalar(select(func.count(Flat.id)).where(Flat.estate_id == estate_id))


def test_an_import_is_recorded_and_done_in_its_own_commit(app):
    estate = make_estate()
    committee = make_user(roles=[("committee", estate.id)])
    before = flats(estate.id)
    counts = start_import(estate.id, csv_bytes(ledger_rows(buildings=(("9号楼", 1),))), "a.csv", committee.id)
    job = services.jobs_of(estate.id)[0]
    assert counts["created"] == 12 and flats(estate.id) == before + 12
    assert (job.state, job.attempts, job.upload) == (JobState.done, 1, None)
    assert job.started_at <= job.finished_at and services.view(job)["state_label"] == "完成"


def test_a_refused_import_fails_with_its_reason_and_keeps_nothing(app):
    estate = make_estate()
    committee = make_user(roles=[("committee", estate.id)])
    before = flats(estate.id)
    broken = csv_bytes([["9号楼", "1单元", "101", "1", "不是面积", "业主", "", ""]])
    with pytest.raises(BadRequest) as refused:
        start_import(estate.id, broken, "a.csv", committee.id)
    job = services.jobs_of(estate.id)[0]
    assert (job.state, job.error, job.upload) == (JobState.failed, refused.value.message, None)
    assert "行" in job.error and flats(estate.id) == before
    assert services.view(job)["can_rerun"] is False


def test_interrupted_only_once_the_process_is_gone_and_the_lease_over(app):
    estate = make_estate()
    committee = make_user(roles=[("committee", estate.id)])
    later = utcnow() + timedelta(seconds=5)
    gone = stuck_job(estate.id, committee.id, gone_runner(), lease_s=-1)
    mine = stuck_job(estate.id, committee.id, services.runner_name(), lease_s=-1)
    leased = stuck_job(estate.id, committee.id, gone_runner(), lease_s=60)
    assert services.shown_state(gone) == "interrupted"
    assert services.view(gone)["state_label"] == "中断了" and services.view(gone)["can_rerun"]
    assert services.shown_state(mine) == "running"  # this process still runs it
    assert services.shown_state(leased) == "running"
    assert services.shown_state(leased, later + timedelta(seconds=60)) == "interrupted"
    with pytest.raises(Conflict):
        services.rerun(mine, committee.id)
    assert db.session.get(HeavyJob, gone.id).state == JobState.running  # reading wrote nothing


def test_a_rerun_imports_the_kept_file_once_however_many_ask(app):
    estate = make_estate()
    committee = make_user(roles=[("committee", estate.id)])
    before = flats(estate.id)
    job_id = stuck_job(estate.id, committee.id, gone_runner(), lease_s=-1).id
    committee_id = committee.id
    outcomes = together(app, 3, lambda _: services.rerun(services.get_job(job_id), committee_id).state.value,
                        returns=True)
    db.session.expire_all()
    job = db.session.get(HeavyJob, job_id)
    assert sorted(outcomes).count("done") == 1 and len(outcomes) == 3, outcomes
    assert set(outcomes) - {"done"} <= {"job_taken", "job_not_interrupted"}
    assert (job.state, job.attempts, job.upload) == (JobState.done, 2, None)
    assert flats(estate.id) == before + 4
