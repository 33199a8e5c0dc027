"""Reading a photographed or scanned sheet (OpenCV and zbar; no Flask, no database).

1. `decode_input`: bytes -> grey images, bounded (size, pixels, PDF pages: poppler's
   pdfinfo counts them, pdftocairo renders them, each a subprocess with a timeout;
   pdftoppm took ten times as long on a page holding one photo).
2. `find_code`: the QR code's text and where it lies in the image.
3. `align`: the four corner marks (solid squares of the expected size, the four that
   span the largest quadrilateral), put in page order by where the QR code must be,
   refined at full resolution; the page is warped to layout coordinates.
4. `measure`: each box's ink inside an inset rectangle, on the page divided by its
   local background (so shade and uneven light cancel out).
5. `decide`: per question or item row: one clear box -> the answer; no ink -> unanswered;
   faint ink, or two boxes where one belongs -> uncertain, never guessed.
"""
import io
import itertools
import subprocess
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import cv2
import numpy as np
import qrcode
from PIL import Image, UnidentifiedImageError
# imported here, in the main thread: loading libzbar looks for it with a subprocess, which a
# gevent worker can only start from its main loop, never from the thread pool reading runs in
from pyzbar.pyzbar import ZBarSymbol, decode
from qrcode.constants import ERROR_CORRECT_M

from app.media.api import MAX_SCANS, count_scans
from app.paperballots import layout

#: the aligned page: pixels per PDF point
SCALE = 2.0
#: a photo is read at most this large (longest side, pixels): enough for 0.5 mm strokes
WORK_SIDE_PX = 2400
#: mark search: the page shrunk to about this many pixels per point
DETECT_SCALE = 0.8
#: the part of a box measured: its inside, this fraction away from each printed edge
INSET = 0.2
#: a pixel is ink when it is this much darker than the paper around it (fraction)
STRONG_INK = 0.36
WEAK_INK = 0.10
#: a box is marked when this share of its inside is strong ink ...
MARKED = 0.03
#: ... and blank when less than this share shows even weak ink; between is "faint"
BLANK = 0.008
QR_TEXT_PREFIX = "GZPB1:"
#: smaller pictures cannot hold a readable sheet
MIN_SIDE_PX = 300


class NotASheet(Exception):
    """No code of ours, or no four corner marks: not a sheet we can read."""


class BadInput(Exception):
    """The file is too large, too many pixels or pages, or not an image or PDF."""

    def __init__(self, reason: str, **values):
        super().__init__(reason)
        self.reason, self.values = reason, values


# -- 1. input --------------------------------------------------------------------------------

def decode_input(data: bytes, *, max_bytes: int, max_pixels: int, max_pdf_pages: int,
                 pdf_dpi: int = 150, timeout_s: float = 30) -> list[np.ndarray]:
    """Grey images (one per page) of an uploaded PNG, JPEG or PDF, or BadInput."""
    if len(data) > max_bytes:
        raise BadInput("too_large", max_mb=max_bytes // (1024 * 1024))
    if data[:5] == b"%PDF-":
        return _pdf_pages(data, max_pixels, max_pdf_pages, pdf_dpi, timeout_s)
    try:
        with Image.open(io.BytesIO(data)) as probe:  # the header only: nothing decoded yet
            if probe.format not in ("JPEG", "PNG"):
                raise BadInput("unsupported")
            if probe.width * probe.height > max_pixels:
                raise BadInput("too_many_pixels")
            if probe.format == "JPEG":
                check_scans(data)
    except Image.DecompressionBombError as error:
        raise BadInput("too_many_pixels") from error
    except (UnidentifiedImageError, OSError) as error:
        raise BadInput("unsupported") from error
    image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_GRAYSCALE)
    if image is None:
        raise BadInput("unsupported")
    return [image]


def check_scans(data: bytes) -> None:
    """A JPEG of too many scans (each decodes the whole image again), refused from its markers."""
    if count_scans(data) > MAX_SCANS:
        raise BadInput("too_many_scans")


def _pdf_pages(data, max_pixels, max_pages, dpi, timeout_s) -> list[np.ndarray]:
    with tempfile.TemporaryDirectory(prefix="gz-scan-") as folder:
        source = Path(folder) / "scan.pdf"
        source.write_bytes(data)
        try:  # the page count first (pdfinfo reads it without rendering anything)
            info = subprocess.run(["pdfinfo", str(source)], check=True, capture_output=True,
                                  timeout=timeout_s).stdout.decode("utf-8", "replace")
            count = next((int(line.split(":", 1)[1]) for line in info.splitlines()
                          if line.startswith("Pages:")), 0)
            if count > max_pages:
                raise BadInput("too_many_pages", max_pages=max_pages)
            subprocess.run(["pdftocairo", "-png", "-gray", "-r", str(dpi), "-f", "1",
                            "-l", str(max_pages), "-scale-to", str(WORK_SIDE_PX), str(source),
                            str(Path(folder) / "page")],
                           check=True, capture_output=True, timeout=timeout_s)
        except subprocess.TimeoutExpired as error:
            raise BadInput("timeout") from error
        except (subprocess.CalledProcessError, ValueError) as error:
            raise BadInput("unsupported") from error
        files = sorted(Path(folder).glob("page*.png"))
        if not files:
            raise BadInput("unsupported")
        pages = [cv2.imread(str(path), cv2.IMREAD_GRAYSCALE) for path in files]
    if any(page is None or page.size > max_pixels for page in pages):
        raise BadInput("too_many_pixels")
    return pages


def first_page(data: bytes, limits: dict) -> np.ndarray:
    """The first page of an upload, decoded and shrunk to its working copy. Read scans run
    this in a helper process (app/offload.py): decoding, pdftocairo and the image work."""
    return working_copy(decode_input(data, **limits)[0])


def working_copy(image: np.ndarray) -> np.ndarray:
    """The image at most WORK_SIDE_PX on its longest side."""
    side = max(image.shape[:2])
    if side <= WORK_SIDE_PX:
        return image
    factor = WORK_SIDE_PX / side
    return cv2.resize(image, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)


# -- 2. the QR code --------------------------------------------------------------------------

@dataclass
class Code:
    text: str
    corners: np.ndarray  # 4×2 float, image pixels, around the code (no quiet zone)


def find_code(image: np.ndarray) -> Code | None:
    """Our QR code in the image (tried as it is, binarised, and halved), or None."""
    if min(image.shape[:2]) < MIN_SIDE_PX:
        return None
    def halved():
        return cv2.resize(image, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA), 2.0

    def binarised():
        return cv2.adaptiveThreshold(image, 255, cv2.ADAPTIVE_THRESH_GAUSSIAN_C,
                                     cv2.THRESH_BINARY, 51, 10), 1.0

    # halved first: four times fewer pixels, and a phone photo's modules are still large
    for attempt in (halved, lambda: (image, 1.0), binarised):
        candidate, factor = attempt()
        for found in decode(candidate, symbols=[ZBarSymbol.QRCODE]):
            text = found.data.decode("utf-8", "replace")
            if text.startswith(QR_TEXT_PREFIX) and len(found.polygon) >= 4:
                points = np.array([(p.x, p.y) for p in found.polygon], np.float32) * factor
                return Code(text, cv2.boxPoints(cv2.minAreaRect(points)).astype(np.float32))
    return None


@lru_cache(maxsize=32)
def _code_side_pt(length: int) -> float:
    """The side of the code proper (without its quiet zone) as printed, in points, for a text
    of this length (our texts are always byte mode: the length alone fixes the version)."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=2)
    code.add_data("x" * length)
    code.make(fit=True)
    modules = code.modules_count
    return (layout.QR_RECT[2] - layout.QR_RECT[0]) * modules / (modules + 4)


# -- 3. corner marks and alignment -----------------------------------------------------------

def _mark_candidates(image: np.ndarray, px_per_pt: float) -> list[tuple]:
    """Centres (at detection scale) of solid dark squares about the size of a corner mark."""
    factor = min(1.0, DETECT_SCALE / px_per_pt)
    small = cv2.resize(image, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)
    side = layout.MARK * px_per_pt * factor
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (int(side * 2) | 1, int(side * 2) | 1))
    background = cv2.dilate(small, kernel).astype(np.float32) + 1
    dark = ((small.astype(np.float32) / background) < 0.55).astype(np.uint8)
    count, labels, stats, centroids = cv2.connectedComponentsWithStats(dark, connectivity=8)
    found = []
    for label in range(1, count):
        x, y, w, h, area = stats[label]
        if not 0.6 * side * side <= area <= 1.7 * side * side or max(w, h) > 2.2 * side:
            continue
        points = cv2.findNonZero((labels[y:y + h, x:x + w] == label).astype(np.uint8))
        (_, _), (rw, rh), _ = cv2.minAreaRect(points)
        if min(rw, rh) < 0.7 * max(rw, rh) or area < 0.82 * rw * rh:
            continue
        found.append((centroids[label] / factor, area))
    return [centre for centre, _ in sorted(found, key=lambda f: -f[1])[:10]]


def _quad_area(points) -> float:
    hull = cv2.convexHull(np.array(points, np.float32))
    return cv2.contourArea(hull) if len(hull) == 4 else 0.0


def _refine(image: np.ndarray, centre, side_px: float) -> np.ndarray:
    """The mark's centre at full resolution: the centroid of the dark square around `centre`."""
    half = int(side_px * 0.9)
    x, y = int(centre[0]), int(centre[1])
    x0, y0 = max(0, x - half), max(0, y - half)
    roi = image[y0:y + half, x0:x + half]
    if roi.size == 0:
        return np.array(centre, np.float32)
    _, dark = cv2.threshold(roi, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    count, labels, stats, centroids = cv2.connectedComponentsWithStats(dark)
    if count < 2:
        return np.array(centre, np.float32)
    best = 1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))
    return np.array(centroids[best] + (x0, y0), np.float32)


def align(image: np.ndarray, code: Code) -> np.ndarray:
    """The page warped to layout coordinates (SCALE pixels per point), or NotASheet."""
    code_side_px = float(np.mean([np.linalg.norm(code.corners[i] - code.corners[i - 1])
                                  for i in range(4)]))
    px_per_pt = code_side_px / _code_side_pt(len(code.text.encode()))
    candidates = _mark_candidates(image, px_per_pt)
    if len(candidates) < 4:
        raise NotASheet("marks")
    corners = max(itertools.combinations(candidates, 4), key=_quad_area)
    if _quad_area(corners) <= 0:
        raise NotASheet("marks")
    centre = np.mean(corners, axis=0)
    ordered = sorted(corners, key=lambda p: np.arctan2(p[1] - centre[1], p[0] - centre[0]))
    page_points = np.array(layout.mark_centres(), np.float32)
    qr_centre = np.array([[(layout.QR_RECT[0] + layout.QR_RECT[2]) / 2,
                           (layout.QR_RECT[1] + layout.QR_RECT[3]) / 2]], np.float32)
    code_centre = code.corners.mean(axis=0).reshape(1, 1, 2)
    best = None
    for shift in range(4):  # which mark is the top-left one: the one that puts the code in place
        source = np.array(ordered[shift:] + ordered[:shift], np.float32)
        to_page = cv2.getPerspectiveTransform(source, page_points)
        miss = float(np.linalg.norm(cv2.perspectiveTransform(code_centre, to_page)[0] - qr_centre))
        if best is None or miss < best[0]:
            best = (miss, source)
    if best[0] > 30:
        raise NotASheet("marks")
    source = np.array([_refine(image, p, layout.MARK * px_per_pt) for p in best[1]], np.float32)
    to_page = cv2.getPerspectiveTransform(source, page_points * SCALE)
    size = (int(round(layout.PAGE_W * SCALE)), int(round(layout.PAGE_H * SCALE)))
    return cv2.warpPerspective(image, to_page, size, flags=cv2.INTER_LINEAR,
                               borderMode=cv2.BORDER_REPLICATE)


# -- 4. measuring ----------------------------------------------------------------------------

def darkness(page: np.ndarray) -> np.ndarray:
    """How much darker each pixel is than the paper around it: 0 paper … 1 black."""
    smooth = cv2.GaussianBlur(page, (3, 3), 0)
    small = cv2.resize(smooth, None, fx=0.25, fy=0.25, interpolation=cv2.INTER_AREA)
    small = cv2.medianBlur(small, 5)
    side = int(layout.BOX * SCALE * 0.25 * 1.6) | 1  # wider than a filled box: only paper is left
    small = cv2.dilate(small, cv2.getStructuringElement(cv2.MORPH_RECT, (side, side)))
    background = cv2.resize(small, (page.shape[1], page.shape[0]), interpolation=cv2.INTER_LINEAR)
    ratio = smooth.astype(np.float32) / (background.astype(np.float32) + 1)
    return np.clip(1 - ratio, 0, 1)


@dataclass(frozen=True)
class BoxReading:
    box: layout.Box
    strong: float  # share of the inside that is clearly ink
    weak: float  # share that is ink at all

    @property
    def state(self) -> str:
        if self.strong >= MARKED:
            return "marked"
        if self.weak < BLANK:
            return "blank"
        return "faint"


def measure(page: np.ndarray, boxes: list[layout.Box]) -> list[BoxReading]:
    dark = darkness(page)
    readings = []
    for box in boxes:
        x0, y0, x1, y1 = box.rect
        inset = (x1 - x0) * INSET
        region = dark[int((y0 + inset) * SCALE):int((y1 - inset) * SCALE),
                      int((x0 + inset) * SCALE):int((x1 - inset) * SCALE)]
        readings.append(BoxReading(box, float(np.mean(region > STRONG_INK)),
                                   float(np.mean(region > WEAK_INK))))
    return readings


# -- 5. deciding -----------------------------------------------------------------------------

def decide(questions: list[dict], readings: list[BoxReading]) -> tuple[dict, list[dict]]:
    """(answers, uncertain) for the questions whose boxes are on this page."""
    groups: dict[tuple, list[BoxReading]] = {}
    for reading in readings:
        groups.setdefault((reading.box.question, reading.box.item), []).append(reading)
    kinds = {q["key"]: q["type"] for q in questions}
    answers, uncertain = {}, []
    for (question, item), group in groups.items():
        marked = [r.box.option for r in group if r.state == "marked"]
        faint = any(r.state == "faint" for r in group)
        if kinds.get(question) == "multiple":
            if faint:
                uncertain.append({"question": question, "item": None})
            elif marked:
                answers[question] = marked
            continue
        if faint or len(marked) > 1:
            uncertain.append({"question": question, "item": item})
        elif marked and item is not None:
            answers.setdefault(question, {})[item] = marked[0]
        elif marked:
            answers[question] = int(marked[0]) if kinds.get(question) == "scale" else marked[0]
    return answers, uncertain


def read_page(image: np.ndarray, code: Code, boxes: list[layout.Box]) -> tuple[np.ndarray, list]:
    """The aligned page and each box's reading (heavy: run it off the event loop)."""
    page = align(image, code)
    return page, measure(page, boxes)
