"""A worker killed (SIGKILL) in the middle of a sunlight analysis, a scan read or a ledger
import (issue 31, item 8): after the restart nothing of the work is kept, its job shows
中断了 with 重新运行 on the console once its lease is over, and the re-run finishes it with
the same input. Real gunicorn servers, on SQLite and PostgreSQL."""
import time

import requests

from tests.heavyjobs.killing import Database, kill_mid_way, post_quietly
from tests.realtime.helpers import seeding

LEASE_S = 1


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def hint_on(server, token: str, page: str) -> bool:
    """Whether the work's own console page says some of it stopped half-way."""
    answer = requests.get(server.url + page, headers={**bearer(token), "Accept": "text/html"}, timeout=30)
    assert answer.ok, answer.status_code
    return 'id="jobs-hint"' in answer.text


def interrupted_then_rerun(server, database, estate_id: int, token: str, job_id: int, own_page: str) -> dict:
    """The job shows 中断了 (API, the 后台任务 page and a hint on the work's own page) once its
    lease is over; re-run, it is done and the hint is gone."""
    time.sleep(LEASE_S + 0.2)
    listed = requests.get(f"{server.url}/api/v1/estates/{estate_id}/heavy-jobs", headers=bearer(token),
                          timeout=30).json()
    job = next(j for j in listed if j["id"] == job_id)
    assert (job["state"], job["state_label"], job["can_rerun"]) == ("interrupted", "中断了", True)
    page = requests.get(f"{server.url}/console/estates/{estate_id}/jobs",
                        headers={**bearer(token), "Accept": "text/html"}, timeout=30)
    assert page.ok and f'id="job-{job_id}" data-state="interrupted"' in page.text
    assert f"/console/heavy-jobs/{job_id}/rerun" in page.text and "重新运行" in page.text
    assert hint_on(server, token, own_page)
    rerun = requests.post(f"{server.url}/api/v1/heavy-jobs/{job_id}/rerun", headers=bearer(token), timeout=300)
    assert rerun.status_code == 200, rerun.text[:500]
    assert rerun.json()["state"] == "done" and rerun.json()["attempts"] == 2
    again = requests.post(f"{server.url}/api/v1/heavy-jobs/{job_id}/rerun", headers=bearer(token), timeout=30)
    assert again.status_code == 409  # done is done: never run twice
    assert not hint_on(server, token, own_page)
    return rerun.json()


def test_a_sunlight_analysis_killed_mid_way(start_server, clone_database, backend):
    from app.auth.api import issue
    from tests.sunlight.helpers import Place
    from tests.sunlight.test_heavy import estate_site

    url = clone_database(backend)
    with seeding(url):
        place = Place()
        estate_id, token = place.estate.id, issue(place.committee, "access")
    server = start_server(backend, database_url=url, HEAVY_JOB_LEASE_S=str(LEASE_S))
    database = Database(url)

    def send(attempt):  # near the largest work the schema accepts; a new design each time
        body = estate_site(buildings=50, points=10, windows=500 - attempt, step_minutes=2)
        post_quietly(f"{server.url}/api/v1/estates/{estate_id}/sunlight-analyses", json=body,
                     headers=bearer(token), timeout=300)

    try:
        job_id = kill_mid_way(server, database, "sunlight.create", send)
        count = "SELECT count(*) FROM sunlight_analyses"
        made = database.value(count)
        # nothing half-written: the kept analyses are exactly the jobs that finished
        assert made == len([j for j in database.jobs("sunlight.create") if j.state == "done"])
        job = interrupted_then_rerun(server, database, estate_id, token, job_id,
                                     f"/console/estates/{estate_id}/sunlight")
        assert database.value(count) == made + 1
        assert database.value("SELECT count(*) FROM sunlight_analyses WHERE id = :id", id=job["subject_id"]) == 1
    finally:
        database.close()


def test_a_scan_read_killed_mid_way(start_server, clone_database, backend, tmp_path):
    from app.auth.api import issue
    from app.consultations.api import services as consultations
    from tests.factories import flats_of, make_consultation, make_estate, make_user
    from tests.paperballots.sheets import sheet_photo

    url = clone_database(backend)
    with seeding(url):
        estate = make_estate()
        committee = make_user(roles=[("committee", estate.id)])
        vote = make_consultation(estate, actor=committee)
        flat_id = flats_of(estate.id)[0].id
        photo = sheet_photo(consultations.get_consultation(vote.id), flat_id, {("install", None): "agree"})
        estate_id, vote_id, token = estate.id, vote.id, issue(committee, "access")
    server = start_server(backend, database_url=url, HEAVY_JOB_LEASE_S=str(LEASE_S), MEDIA_ROOT=str(tmp_path))
    database = Database(url)

    def send(attempt):
        post_quietly(f"{server.url}/api/v1/consultations/{vote_id}/paper-ballot-scans",
                     files={"file": ("sheet.jpg", photo)}, headers=bearer(token), timeout=300)

    try:
        job_id = kill_mid_way(server, database, "paperballots.scan", send, attempts=10)
        count = "SELECT count(*) FROM paper_ballot_scans"
        made = database.value(count)
        assert made == len([j for j in database.jobs("paperballots.scan") if j.state == "done"])
        audited = sum(database.value(f"SELECT count(*) FROM {table} WHERE action = 'paper_ballot.scanned'")
                      for table in ("audit_entries", "audit_pending"))
        assert audited == made  # no audit entry of a scan that was not kept
        job = interrupted_then_rerun(server, database, estate_id, token, job_id,
                                     f"/console/consultations/{vote_id}/paper")
        assert database.value(count) == made + 1
        scan = requests.get(f"{server.url}/api/v1/paper-ballot-scans/{job['subject_id']}", headers=bearer(token),
                            timeout=30).json()
        assert scan["flat_id"] == flat_id and scan["answers"]["install"] == "agree"
        # no JPEG outlives the run that wrote it: two files (the photo, its aligned copy) per scan kept
        assert len(list(tmp_path.glob("estate-*/paper-ballots/*.jpg"))) == 2 * (made + 1)
        # the photo was kept only until the job ended
        assert database.value("SELECT count(*) FROM heavy_jobs WHERE upload IS NOT NULL AND state = 'done'") == 0
    finally:
        database.close()


def test_a_ledger_import_killed_mid_way(start_server, clone_database, backend):
    from app.auth.api import issue
    from tests.estates.ledgers import csv_bytes, ledger_rows
    from tests.factories import make_estate, make_user

    url = clone_database(backend)
    with seeding(url):
        estate = make_estate()
        committee = make_user(roles=[("committee", estate.id)])
        estate_id, token = estate.id, issue(committee, "access")
    server = start_server(backend, database_url=url, HEAVY_JOB_LEASE_S=str(LEASE_S))
    database = Database(url)
    before = database.value("SELECT count(*) FROM flats WHERE estate_id = :e", e=estate_id)
    rows = ledger_rows(buildings=tuple((f"台账{n}号楼", 2) for n in range(1, 11)), floors=18, doors=4)

    def send(attempt):
        post_quietly(f"{server.url}/api/v1/estates/{estate_id}/flats/import?id_number_consent=true",
                     files={"file": ("ledger.csv", csv_bytes(rows))}, headers=bearer(token), timeout=300)

    try:
        job_id = kill_mid_way(server, database, "estates.ledger_import", send)
        flats = "SELECT count(*) FROM flats WHERE estate_id = :e"
        done = [j for j in database.jobs("estates.ledger_import") if j.state == "done"]
        # all or nothing: the registry as it was, or the whole file (a job that finished)
        assert database.value(flats, e=estate_id) == before + (len(rows) if done else 0)
        assert database.value("SELECT count(*) FROM buildings WHERE estate_id = :e AND name LIKE '台账%'",
                              e=estate_id) == (10 if done else 0)
        interrupted_then_rerun(server, database, estate_id, token, job_id, f"/console/estates/{estate_id}/ledger")
        assert database.value(flats, e=estate_id) == before + len(rows)
        assert database.value("SELECT count(*) FROM heavy_jobs WHERE upload IS NOT NULL AND state = 'done'") == 0
    finally:
        database.close()
