"""/api/v1/health while each heavy input of issue 31 is sent, and whether the worker survived.

    .venv/bin/python -m bench.heavy [SLOW_JPEG_SCANS]

A real gunicorn + gevent server (one worker, as tests/live.py starts it). A thread polls
/api/v1/health every 50 ms, idle first (the baseline), then during:
- sunlight: the largest analysis the schema accepted before issue 31 (500 windows,
  50 buildings of 64 footprint points, 1-minute steps) beside the dense estate of
  bench/sunlight.py (500 windows, 50 four-point slabs), sent together;
- slow JPEG: two progressive JPEGs with their last scan repeated (3,000 scans by
  default) sent together, and an ordinary photo a second later (how long it waited);
- PDFs: 20 scanned A4 pages at 600 dpi sent at once as paper ballot scans (how many
  pdftocairo ran at once, at which niceness);
- ledger: a 1,440-flat ledger imported (a heavy job, app/heavyjobs);
- a kill mid-way (item 8): the same import again, the worker SIGKILLed while its job
  runs; what the import left (flats kept), the job's state once its lease is over, and
  the re-run (health measured across the kill, the restart and the re-run).
Each row prints health p50/p99/max and whether the worker is the same process after
(the kill row: whether the master replaced the killed worker).
"""
import logging
import sys
import threading
import time

from bench import print_rows
from bench._databases import backends, committee_token, scratch_app

SCANNED_PDFS = 20
#: the kill row's lease (HEAVY_JOB_LEASE_S): an interrupted job shows 中断了 this soon
LEASE_S = 2


def largest_site() -> dict:
    """bench/sunlight.py's estate with every slab's footprint a 64-point ellipse."""
    import math

    from bench.sunlight import site

    inputs = site()
    for building in inputs["buildings"]:
        x0, y0 = building["footprint"][0]
        building["footprint"] = [[x0 + 25 + 25 * math.cos(2 * math.pi * k / 64),
                                  y0 + 6.2 + 6 * math.sin(2 * math.pi * k / 64)] for k in range(64)]
    return inputs


def _seed():
    from app.projects.api import create_project
    from tests.factories import make_consultation, make_estate, make_user

    estate = make_estate(name="重载小区")
    token = committee_token(estate.id)
    from app.auth.api import get_or_create_user

    committee = get_or_create_user("13800000009")
    project = create_project(estate.id, "屋面改造", 100_000_00, committee.id)
    consultation = make_consultation(estate, actor=make_user(roles=[("committee", estate.id)]))
    return estate.id, project.id, consultation.id, token


def _together(calls) -> list:
    """Run the calls in threads at once; their results (or what they raised), in order."""
    results = [None] * len(calls)

    def run(index, call):
        try:
            results[index] = call()
        except Exception as error:  # noqa: BLE001 - a dropped connection is a result here
            results[index] = error

    threads = [threading.Thread(target=run, args=item) for item in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(900)
    return results


def _status(result) -> str:
    return str(getattr(result, "status_code", f"no answer ({type(result).__name__})"))


def measure(scans: int = 3000) -> list[dict]:
    import requests

    from tests.heavy import HealthProbe, RendererWatch, normal_jpeg, post_photos, scanned_pdf, slow_jpeg
    from tests.heavy import worker_pids
    from tests.live import TEST_SECRET, LiveServer

    backend = backends()[-1]
    slow, normal, pdf = slow_jpeg(scans), normal_jpeg(), scanned_pdf()
    with scratch_app(backend, SECRET_KEY=TEST_SECRET) as app:
        estate_id, project_id, consultation_id, token = _seed()
        server = LiveServer(app.config["SQLALCHEMY_DATABASE_URI"], HEAVY_JOB_LEASE_S=LEASE_S).start(timeout_s=300)
        headers = {"Authorization": f"Bearer {token}"}
        rows = []
        try:
            workers = worker_pids(server.process.pid)
            with HealthProbe(server.url) as idle:
                time.sleep(2)

            def sunlight(inputs):
                return lambda: requests.post(f"{server.url}/api/v1/estates/{estate_id}/sunlight-analyses",
                                             json=inputs, headers=headers, timeout=600)

            from bench.sunlight import site

            with HealthProbe(server.url) as during:
                started = time.perf_counter()
                answers = _together([sunlight(largest_site()), sunlight(site())])
                spent = time.perf_counter() - started
            rows.append(_row(server, workers, idle, during, "sunlight: 500 windows × 50 buildings "
                             "(64-point and 4-point footprints), sent together",
                             f"{', '.join(_status(a) for a in answers)} in {spent:.1f} s"))

            waited = {}

            def ordinary():
                time.sleep(1)
                started = time.perf_counter()
                answer = post_photos(server.url, project_id, token, [normal])
                waited["s"] = time.perf_counter() - started
                return answer

            with HealthProbe(server.url) as during:
                answers = _together([lambda: post_photos(server.url, project_id, token, [slow]),
                                     lambda: post_photos(server.url, project_id, token, [slow]), ordinary])
            rows.append(_row(server, workers, idle, during,
                             f"slow JPEG: two of {scans} scans ({len(slow) / 1e3:.0f} KB) + an ordinary photo",
                             f"slow {_status(answers[0])}, {_status(answers[1])}; the ordinary photo "
                             f"{_status(answers[2])} after {waited.get('s', 0):.1f} s"))

            def scan():
                return requests.post(f"{server.url}/api/v1/consultations/{consultation_id}/paper-ballot-scans",
                                     headers=headers, files={"file": ("scan.pdf", pdf)}, timeout=900)

            with RendererWatch(server.process.pid) as renderers, HealthProbe(server.url) as during:
                started = time.perf_counter()
                answers = _together([scan] * SCANNED_PDFS)
                spent = time.perf_counter() - started
            codes = sorted({_status(a) for a in answers})
            rows.append(_row(server, workers, idle, during,
                             f"PDFs: {SCANNED_PDFS} scanned A4 pages at 600 dpi ({len(pdf) / 1e6:.1f} MB each) at once",
                             f"{'/'.join(codes)} in {spent:.1f} s; pdftocairo at once {renderers.most}, "
                             f"niceness {sorted(renderers.niceness)}"))
            rows += _ledger_rows(server, workers, idle, estate_id, headers)
        finally:
            server.stop()
    return rows


def _ledger_rows(server, workers, idle, estate_id: int, headers: dict) -> list[dict]:
    """A big ledger import, then the same import killed mid-way and re-run."""
    import requests

    from tests.estates.ledgers import csv_bytes, ledger_rows
    from tests.heavy import HealthProbe, worker_pids
    from tests.heavyjobs.killing import Database, kill_mid_way, post_quietly

    def ledger(prefix):
        rows = ledger_rows(buildings=tuple((f"{prefix}{n}号楼", 2) for n in range(1, 11)), floors=18, doors=4)
        return csv_bytes(rows), len(rows)

    url = f"{server.url}/api/v1/estates/{estate_id}/flats/import?id_number_consent=true"
    first, count = ledger("台账")
    with HealthProbe(server.url) as during:
        started = time.perf_counter()
        answer = requests.post(url, files={"file": ("ledger.csv", first)}, headers=headers, timeout=900)
        spent = time.perf_counter() - started
    rows = [_row(server, workers, idle, during, f"ledger: a {count}-flat CSV imported",
                 f"{_status(answer)} in {spent:.1f} s")]
    database = Database(server.database_url)
    flats = "SELECT count(*) FROM flats WHERE estate_id = :e"
    try:
        before = database.value(flats, e=estate_id)
        with HealthProbe(server.url) as during:
            job_id = kill_mid_way(server, database, "estates.ledger_import", lambda attempt: post_quietly(
                url, files={"file": ("ledger.csv", ledger(f"重导{attempt}-")[0])}, headers=headers, timeout=900))
            kept = database.value(flats, e=estate_id) - before
            time.sleep(LEASE_S + 0.5)
            shown = next(j for j in requests.get(f"{server.url}/api/v1/estates/{estate_id}/heavy-jobs",
                                                 headers=headers, timeout=60).json() if j["id"] == job_id)
            started = time.perf_counter()
            rerun = requests.post(f"{server.url}/api/v1/heavy-jobs/{job_id}/rerun", headers=headers, timeout=900)
            spent = time.perf_counter() - started
            after = database.value(flats, e=estate_id) - before
    finally:
        database.close()
    replaced = server.process.poll() is None and len(worker_pids(server.process.pid)) == 1
    rows.append({"benchmark": f"health across a worker SIGKILLed mid-way through a {count}-flat import, "
                              "its restart and the re-run",
                 "value": f"flats kept after the kill {kept}; job shown {shown['state_label']}; re-run "
                          f"{_status(rerun)} {rerun.json().get('state_label', '')} in {spent:.1f} s, flats "
                          f"{after}; {during.summary()}; killed worker replaced: {'yes' if replaced else 'NO'}",
                 "baseline": f"idle {idle.summary()}",
                 "ratio": f"{during.percentile_s(99) / max(idle.percentile_s(99), 1e-3):.1f}× (p99)",
                 "goal": "nothing half-written (0 flats kept), 中断了, re-run 完成 with every flat",
                 "met": kept == 0 and shown["state"] == "interrupted" and after == count and replaced})
    return rows


def _row(server, workers, idle, during, name: str, outcome: str) -> dict:
    from tests.heavy import worker_pids

    survived = server.process.poll() is None and worker_pids(server.process.pid) == workers
    return {"benchmark": f"health during {name}",
            "value": f"{outcome}; {during.summary()}; worker survived: {'yes' if survived else 'NO'}",
            "baseline": f"idle {idle.summary()}",
            "ratio": f"{during.percentile_s(99) / max(idle.percentile_s(99), 1e-3):.1f}× (p99)",
            "goal": "health p99 < 100 ms, worker survives",
            "met": during.percentile_s(99) < 0.1 and survived}


def main(argv=None) -> None:
    logging.disable(logging.INFO)
    scans = (sys.argv[1:] if argv is None else argv) or ["3000"]
    print_rows(measure(int(scans[0])))


if __name__ == "__main__":
    main()
