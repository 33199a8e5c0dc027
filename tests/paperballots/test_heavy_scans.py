"""Reading scans cannot stall the server (issue 31.2, 31.3).

- A JPEG with its last scan repeated is refused from its markers, before decoding.
- Scanned PDFs are rendered by pdftocairo in the helper processes (app/offload.py):
  never more at once than the machine has cores, niced, each with a time limit, and the
  rendered page is read and shrunk there too, not on the event loop.
"""
import io
import threading
import time
from pathlib import Path

import pytest
from PIL import Image

from app.paperballots import reading
from tests.heavy import HealthProbe, slow_jpeg

LIMITS = {"max_bytes": 10 << 20, "max_pixels": 40_000_000, "max_pdf_pages": 1}


def test_a_scan_with_too_many_jpeg_scans_is_refused_before_decoding():
    with pytest.raises(reading.BadInput) as refused:
        reading.decode_input(slow_jpeg(65, side=1000), **LIMITS)
    assert refused.value.reason == "too_many_scans"
    assert reading.decode_input(slow_jpeg(64, side=400), **LIMITS)[0].shape == (400, 400)


def seed_vote(url: str) -> tuple[int, str]:
    """An open consultation and a committee member's token, in a live server's database."""
    from app.auth.tokens import issue
    from tests.factories import make_consultation, make_estate, make_user
    from tests.realtime.helpers import seeding

    with seeding(url):
        estate = make_estate()
        committee = make_user(roles=[("committee", estate.id)])
        return make_consultation(estate, actor=committee).id, issue(committee, "access")


def scanned_pdf(dpi: int = 600) -> bytes:
    """An A4 page scanned at `dpi` (a grey JPEG inside a PDF): tens of megapixels to render."""
    width, height = round(8.27 * dpi), round(11.69 * dpi)
    page = Image.linear_gradient("L").resize((width, height))
    out = io.BytesIO()
    page.save(out, "PDF", resolution=dpi, quality=60)
    return out.getvalue()


def _server_children(pid: int, root: int) -> bool:
    for _ in range(6):
        try:
            pid = int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            return False
        if pid == root:
            return True
    return False


class RendererWatch:
    """Samples the server's pdftocairo processes: the most at once and their niceness."""

    def __init__(self, root: int):
        self.root, self.most, self.niceness = root, 0, set()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while not self._stop.is_set():
            seen = 0
            for comm in Path("/proc").glob("[0-9]*/comm"):
                try:
                    if comm.read_text().strip() != "pdftocairo":
                        continue
                    pid = int(comm.parent.name)
                    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                except (OSError, ValueError):
                    continue
                if _server_children(pid, self.root):
                    seen += 1
                    self.niceness.add(int(fields[16]))
            self.most = max(self.most, seen)
            self._stop.wait(0.01)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join(10)


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
    assert {a.json()["error"]["code"] for a in answers} == {"not_a_ballot_sheet"}
    assert 1 <= watch.most <= (os.cpu_count() or 1)
    assert min(watch.niceness) >= 10
