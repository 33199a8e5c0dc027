"""Heavy uploads for tests and bench/heavy_uploads.py: an XLSX zip bomb, photos of tens of
megapixels, a /api/v1/health poller and a server worker's peak memory."""
import io
import threading
import time
import zipfile
from functools import lru_cache
from pathlib import Path

import requests

LEDGER_HEADER = ["楼栋", "单元", "房号", "楼层", "建筑面积", "业主姓名"]
SHEET = "xl/worksheets/sheet1.xml"


@lru_cache(maxsize=4)
def xlsx_bomb(padding_mb: int = 256) -> bytes:
    """A valid two-flat ledger whose sheet XML carries `padding_mb` MB of whitespace between
    two tags (deflated to about 1/200 of that): small to upload, huge once unpacked."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(LEDGER_HEADER)
    sheet.append(["1号楼", "1单元", "101", 1, 60.5, "张三"])
    sheet.append(["1号楼", "1单元", "102", 1, 60.5, "李四"])
    plain = io.BytesIO()
    book.save(plain)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(plain.getvalue())) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as bomb:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename != SHEET:
                bomb.writestr(info.filename, data)
                continue
            head, tail = data.split(b"<sheetData>", 1)
            entry_info = zipfile.ZipInfo(SHEET, date_time=info.date_time)
            entry_info.compress_type = zipfile.ZIP_DEFLATED
            with bomb.open(entry_info, "w", force_zip64=True) as entry:
                entry.write(head + b"<sheetData>")
                chunk = b" " * (1 << 20)
                for _ in range(padding_mb):
                    entry.write(chunk)
                entry.write(tail)
    return out.getvalue()


@lru_cache(maxsize=4)
def big_png(width: int, height: int) -> bytes:
    """A PNG of width × height pixels: a few hundred KB on the wire, megapixels to decode."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (width, height), (90, 140, 200))
    ImageDraw.Draw(image).rectangle((width // 4, height // 4, width // 2, height // 2),
                                    fill=(230, 200, 40))
    out = io.BytesIO()
    image.save(out, "PNG", compress_level=1)
    return out.getvalue()


class HealthProbe:
    """Polls GET /api/v1/health every `interval_s` in a thread; keeps every latency."""

    def __init__(self, url: str, interval_s: float = 0.05):
        self.url = url + "/api/v1/health"
        self.interval_s = interval_s
        self.latencies: list[float] = []
        self.failures = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        session = requests.Session()
        while not self._stop.is_set():
            started = time.perf_counter()
            try:
                ok = session.get(self.url, timeout=30).status_code == 200
            except requests.RequestException:
                ok = False
            self.latencies.append(time.perf_counter() - started)
            self.failures += not ok
            self._stop.wait(self.interval_s)

    def __enter__(self) -> "HealthProbe":
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join(60)

    @property
    def worst_s(self) -> float:
        return max(self.latencies, default=0.0)

    @property
    def median_s(self) -> float:
        return self.percentile_s(50)

    def percentile_s(self, share: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(len(ordered) * share / 100))] if ordered else 0.0

    def summary(self) -> str:
        return (f"health p50 {self.percentile_s(50) * 1000:.0f} / p99 {self.percentile_s(99) * 1000:.0f} / "
                f"max {self.worst_s * 1000:.0f} ms ({len(self.latencies)} polls, {self.failures} failed)")


def worker_pids(master_pid: int) -> list[int]:
    """The gunicorn workers of a master (its child processes)."""
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children")
    return [int(pid) for pid in children.read_text().split()] if children.exists() else []


def peak_memory_mb(pid: int) -> float:
    """A process's peak resident memory so far (VmHWM), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def upload_ledger(url: str, estate_id: int, token: str, data: bytes, filename="ledger.xlsx"):
    return requests.post(f"{url}/api/v1/estates/{estate_id}/flats/import",
                         headers={"Authorization": f"Bearer {token}"},
                         files={"file": (filename, data)}, timeout=300)


def post_photos(url: str, project_id: int, token: str, photos: list[bytes]):
    return requests.post(f"{url}/api/v1/projects/{project_id}/progress",
                         headers={"Authorization": f"Bearer {token}"},
                         data={"body": "屋面防水完工", "author_role": "committee"},
                         files=[("photos", (f"p{n}.png", data, "image/png"))
                                for n, data in enumerate(photos)], timeout=300)


@lru_cache(maxsize=4)
def slow_jpeg(scans: int, side: int = 2000) -> bytes:
    """A progressive JPEG of side × side pixels whose last scan is repeated until it has
    `scans` scans: a few KB per hundred scans, and each scan decodes the whole image again."""
    from PIL import Image

    from app.media.api import count_scans

    out = io.BytesIO()
    Image.new("RGB", (side, side), (90, 140, 200)).save(out, "JPEG", progressive=True, quality=90)
    data = out.getvalue()
    last_scan = data[data.rfind(b"\xff\xda"):-2]
    return data[:-2] + last_scan * (scans - count_scans(data)) + b"\xff\xd9"


def normal_jpeg(side: int = 1200) -> bytes:
    """An ordinary (baseline) photo-sized JPEG."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (side, side * 3 // 4), (200, 180, 150))
    ImageDraw.Draw(image).ellipse((side // 4, side // 8, side // 2, side // 3), fill=(40, 90, 160))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=85)
    return out.getvalue()


@lru_cache(maxsize=2)
def scanned_pdf(dpi: int = 600) -> bytes:
    """An A4 page scanned at `dpi` (a grey JPEG inside a PDF): tens of megapixels to render."""
    from PIL import Image

    width, height = round(8.27 * dpi), round(11.69 * dpi)
    page = Image.linear_gradient("L").resize((width, height))
    out = io.BytesIO()
    page.save(out, "PDF", resolution=dpi, quality=60)
    return out.getvalue()


def _descends_from(pid: int, root: int) -> bool:
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
                if _descends_from(pid, self.root):
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
