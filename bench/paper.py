"""How long reading one photographed paper ballot sheet takes (no database, no HTTP):
decode the JPEG, find the QR code, find the corner marks and align the page, measure every
box and decide. Beside it, decoding the same JPEG alone (the floor any reader pays).

The sheet (one page: an elevator consent question and 8 catalogue items, 31 boxes) is
rendered at 200 dpi by pdftoppm,
marked, turned by up to 10°, blurred, noised and saved as JPEG quality 60 (as the tests do).
A second row reads 200 sheets the way tests/paperballots/test_reading.py reads 40, and
counts the rows read wrong.

    .venv/bin/python -m bench.paper [RUNS]
"""
import logging
import random
import statistics
import sys
import time

GOAL_S = 1.0
#: photos read for the accuracy row (the test reads 40)
SHEETS = 200


def _photos(count: int):
    from app.consultations.api import get_template
    from app.paperballots.api import layout, pdf
    from tests.paperballots.sheets import fill, render_pages

    items = get_template("content_vote").questions[0]
    questions = [*get_template("elevator_consent").questions, {**items, "items": items["items"][:8]}]
    flats = [pdf.FlatSheet(100 + n, "基准小区", f"1号楼 1单元 {101 + n} 室", "业主：张*") for n in range(4)]
    published = layout.layout_json(questions, [f.flat_id for f in flats])["pages"]
    assert len(published) == len(flats), "the bench sheet is meant to fit one page"
    pages = render_pages(pdf.render(flats, questions, "基准表决", 1), dpi=200)
    rng = random.Random(11)
    return questions, [fill(pages[n % 4], published[n % 4]["boxes"], rng).photo for n in range(count)]


def _read(questions, photo: bytes) -> int:
    from app.paperballots.api import layout, pdf, reading

    image = reading.working_copy(reading.decode_input(
        photo, max_bytes=10 << 20, max_pixels=40_000_000, max_pdf_pages=1)[0])
    code = reading.find_code(image)
    token = pdf.unsign(code.text)
    _, readings = reading.read_page(image, code, layout.sheet_pages(questions)[token.page - 1].boxes)
    reading.decide(questions, readings)
    return len(readings)


def measure(runs: int = 20) -> list[dict]:
    import cv2
    import numpy as np

    from app import create_app
    from app.config import TestConfig

    app = create_app(TestConfig)
    with app.app_context():
        questions, photos = _photos(runs)
        _read(questions, photos[0])  # warm up imports and caches
        times, cpu_times, decode_times, boxes = [], [], [], 0
        for photo in photos:
            started = time.perf_counter()
            cv2.imdecode(np.frombuffer(photo, np.uint8), cv2.IMREAD_GRAYSCALE)
            decode_times.append(time.perf_counter() - started)
            started, cpu = time.perf_counter(), time.process_time()
            boxes = _read(questions, photo)
            times.append(time.perf_counter() - started)
            cpu_times.append(time.process_time() - cpu)
        accuracy = _accuracy(SHEETS)
    median, worst = statistics.median(times), max(times)
    floor = statistics.median(decode_times)
    return [{"benchmark": f"read one photographed sheet ({boxes} boxes, {runs} photos, 200 dpi JPEG)",
             "value": f"median {median * 1000:.0f} ms, max {worst * 1000:.0f} ms "
                      f"(CPU median {statistics.median(cpu_times) * 1000:.0f} ms)",
             "baseline": f"JPEG decode alone {floor * 1000:.0f} ms",
             "ratio": f"{median / floor:.1f}×", "goal": f"< {GOAL_S:.0f} s",
             "met": worst < GOAL_S}, accuracy]


def _accuracy(sheets: int) -> dict:
    """The reading test (tests/paperballots/test_reading.py) at full size: every clear mark
    read right, every faint or doubled row flagged, every empty row left unanswered."""
    from tests.paperballots.batch import read_sheets

    started = time.perf_counter()
    batch = read_sheets(sheets)
    spent = time.perf_counter() - started
    return {"benchmark": f"read {sheets} photographed sheets (150 dpi, 10 pages, each photo its own marks)",
            "value": f"{len(batch.problems)} rows read wrong of {batch.clear} clear, "
                     f"{batch.flagged} faint or doubled, {batch.blank} empty ({spent:.0f} s)",
            "baseline": "-", "ratio": "-", "goal": "0 read wrong", "met": not batch.problems}


def main(argv=None) -> None:
    logging.disable(logging.INFO)
    argv = sys.argv[1:] if argv is None else argv
    from bench import print_rows

    print_rows(measure(int(argv[0]) if argv else 20))


if __name__ == "__main__":
    main()
