"""Many photographed sheets read in a row: the 10 pages of a three-question sheet rendered once,
each photo with its own marks and distortion (tests/paperballots/sheets.py). Shared by
tests/paperballots/test_reading.py (a few dozen photos) and bench/paper.py (200)."""
import random
from dataclasses import dataclass, field

from app.paperballots.api import layout, pdf, reading
from tests.paperballots.sheets import fill, render_pages

DISTINCT_PAGES = 10  # rendered once each; every photo gets its own marks and distortion
QUESTIONS = [
    {"key": "install", "type": "single", "title": "您是否同意本单元加装电梯？", "when": None,
     "options": [{"key": "agree", "label": "同意"}, {"key": "oppose", "label": "不同意"},
                 {"key": "abstain", "label": "弃权"}]},
    {"key": "items", "type": "items", "title": "请对以下改造内容逐项表态", "when": None,
     "options": [{"key": "agree", "label": "同意"}, {"key": "oppose", "label": "反对"},
                 {"key": "abstain", "label": "弃权"}],
     "items": [{"code": f"basic.i{n}", "label": label} for n, label in
               enumerate(["供水", "排水", "外墙保温", "楼梯扶手", "电动自行车及汽车充电设施"])]},
    {"key": "score", "type": "scale", "title": "您对施工的总体评价", "when": None,
     "options": [{"key": str(n), "label": str(n)} for n in range(1, 6)],
     "low_label": "很不满意", "high_label": "很满意"},
]


@dataclass
class Batch:
    """Rows read: clear marks, faint or doubled rows, empty rows; and every row read wrong."""

    clear: int = 0
    flagged: int = 0
    blank: int = 0
    problems: list = field(default_factory=list)


def read(photo: bytes):
    image = reading.working_copy(reading.decode_input(
        photo, max_bytes=10 << 20, max_pixels=40_000_000, max_pdf_pages=1)[0])
    code = reading.find_code(image)
    assert code is not None
    token = pdf.unsign(code.text)
    _, readings = reading.read_page(image, code, layout.sheet_pages(QUESTIONS)[token.page - 1].boxes)
    return token, *reading.decide(QUESTIONS, readings)


def read_sheets(count: int, seed: int = 20261127) -> Batch:
    """Photograph and read `count` filled sheets (needs an app context: the codes are signed)."""
    flats = [pdf.FlatSheet(1000 + n, "测试小区", f"1号楼 1单元 {101 + n} 室", "业主：张*")
             for n in range(DISTINCT_PAGES)]
    sheet = pdf.render(flats, QUESTIONS, "改造内容表决", consultation_id=7)
    published = layout.layout_json(QUESTIONS, [f.flat_id for f in flats])["pages"]
    pages = render_pages(sheet)
    rng = random.Random(seed)
    batch = Batch()
    for n in range(count):
        entry = published[n % DISTINCT_PAGES]
        filled = fill(pages[n % DISTINCT_PAGES], entry["boxes"], rng)
        token, answers, uncertain = read(filled.photo)
        assert (token.consultation_id, token.flat_id, token.page) == (7, entry["flat_id"], 1)
        assert token.version == layout.sheet_version(QUESTIONS)
        unsure = {(row["question"], row["item"]) for row in uncertain}

        def got(question, item):
            return answers.get(question, {}).get(item) if item else answers.get(question)

        for (question, item), option in filled.expected.items():
            if str(got(question, item)) != option or (question, item) in unsure:
                batch.problems.append((n, question, item, "clear mark", option, got(question, item)))
            batch.clear += 1
        for row in filled.uncertain:
            if row not in unsure or got(*row) is not None:
                batch.problems.append((n, *row, "faint or doubled, not flagged", got(*row)))
            batch.flagged += 1
        for row in filled.blank:
            if row in unsure or got(*row) is not None:
                batch.problems.append((n, *row, "blank, not left unanswered", got(*row)))
            batch.blank += 1
    return batch
