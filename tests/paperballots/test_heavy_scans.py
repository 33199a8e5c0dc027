"""Reading scans cannot stall the server (issue 31.2, 31.3).

- A JPEG with its last scan repeated is refused from its markers, before decoding.
- Scanned PDFs are rendered by pdftocairo in the helper processes (app/offload.py):
  never more at once than the machine has cores, niced, each with a time limit, and the
  rendered page is read and shrunk there too, not on the event loop.
"""
import threading

import pytest

from app.paperballots.api import reading
from tests.heavy import HealthProbe, RendererWatch, scanned_pdf, slow_jpeg

LIMITS = {"max_bytes": 10 << 20, "max_pixels": 40_000_000, "max_pdf_pages": 1}


def test_a_scan_with_too_many_jpeg_scans_is_refused_before_decoding():
    with pytest.raises(reading.BadInput) as refused:
        reading.decode_input(slow_jpeg(65, side=1000), **LIMITS)
    assert refused.value.reason == "too_many_scans"
    assert reading.decode_input(slow_jpeg(64, side=400), **LIMITS)[0].shape == (400, 400)


def seed_vote(url: str) -> tuple[int, str]:
    """An open consultation and a committee member's token, in a live server's database."""
    from app.auth.api import issue
    from tests.factories import make_consultation, make_estate, make_user
    from tests.realtime.helpers import seeding

    with seeding(url):
        estate = make_estate()
        committee = make_user(roles=[("committee", estate.id)])
        return make_consultation(estate, actor=committee).id, issue(committee, "access")


def test_scanned_pdfs_render_at_most_one_per_core_niced(start_server, clone_database, backend):
    import os

    url = clone_database(backend)
    consultation_id, token = seed_vote(url)
    server = start_server(backend, database_url=url)
    scan, answers = scanned_pdf(), []

    def send():
        import requests

        answers.append(requests.post(
            f"{server.url}/api/v1/consultations/{consultation_id}/paper-ballot-scans",
            headers={"Authorization": f"Bearer {token}"}, files={"file": ("scan.pdf", scan)}, timeout=300))

    senders = [threading.Thread(target=send) for _ in range(4)]
    with RendererWatch(server.process.pid) as watch, HealthProbe(server.url) as health:
        for thread in senders:
            thread.start()
        for thread in senders:
            thread.join(300)
    print(f"\n[pdf] {backend}: 4 scans of {len(scan) / 1e6:.1f} MB -> "
          f"{sorted(a.status_code for a in answers)}; pdftocairo at once {watch.most}, "
          f"niceness {sorted(watch.niceness)}; health worst {health.worst_s * 1000:.0f} ms")
    assert [a.status_code for a in answers] == [422] * 4
    # not a sheet; or, on a machine too busy for a niced render, stopped at its time limit
    assert {a.json()["error"]["code"] for a in answers} <= {"not_a_ballot_sheet", "scan_timeout"}
    assert 1 <= watch.most <= (os.cpu_count() or 1)
    assert min(watch.niceness) >= 10
