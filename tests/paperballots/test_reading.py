"""Reading 200 photographed sheets: the PDF rendered by pdftoppm at 150 dpi, marks drawn with
Pillow into the boxes layout.json publishes (checkmarks, crosses, filled scribbles, faint
ones, two in a row), turned by up to 10°, lit unevenly, blurred, noised, JPEG quality 60.

Every clear mark is read right; every faint or doubled row is flagged, never guessed; an
empty row stays unanswered. No database: reading is pure (the app only signs the codes).
"""
import random

import pytest

from app import create_app
from app.config import TestConfig
from app.paperballots import layout, pdf, reading
from tests.paperballots.sheets import fill, render_pages

SHEETS = 200
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


@pytest.fixture(scope="module")
def app_context():
    app = create_app(TestConfig)
    with app.app_context():
        yield


def read(photo: bytes):
    image = reading.working_copy(reading.decode_input(
        photo, max_bytes=10 << 20, max_pixels=40_000_000, max_pdf_pages=1)[0])
    code = reading.find_code(image)
    assert code is not None
    token = pdf.unsign(code.text)
    _, readings = reading.read_page(image, code, layout.sheet_pages(QUESTIONS)[token.page - 1].boxes)
    return token, *reading.decide(QUESTIONS, readings)


def test_two_hundred_photographed_sheets(app_context):
    flats = [pdf.FlatSheet(1000 + n, "测试小区", f"1号楼 1单元 {101 + n} 室", "业主：张*")
             for n in range(DISTINCT_PAGES)]
    sheet = pdf.render(flats, QUESTIONS, "改造内容表决", consultation_id=7)
    published = layout.layout_json(QUESTIONS, [f.flat_id for f in flats])["pages"]
    pages = render_pages(sheet)
    rng = random.Random(20261127)
    clear = flagged = blank = 0
    problems = []
    for n in range(SHEETS):
        entry = published[n % DISTINCT_PAGES]
        filled = fill(pages[n % DISTINCT_PAGES], entry["boxes"], rng)
        token, answers, uncertain = read(filled.photo)
        assert (token.consultation_id, token.flat_id, token.page) == (7, entry["flat_id"], 1)
        assert token.version == layout.sheet_version(QUESTIONS)
        unsure = {(row["question"], row["item"]) for row in uncertain}
        for (question, item), option in filled.expected.items():
            got = answers.get(question, {}).get(item) if item else answers.get(question)
            if str(got) != option or (question, item) in unsure:
                problems.append((n, question, item, "clear mark", option, got))
            clear += 1
        for row in filled.uncertain:
            question, item = row
            got = answers.get(question, {}).get(item) if item else answers.get(question)
            if row not in unsure or got is not None:
                problems.append((n, question, item, "faint or doubled, not flagged", got))
            flagged += 1
        for row in filled.blank:
            question, item = row
            got = answers.get(question, {}).get(item) if item else answers.get(question)
            if row in unsure or got is not None:
                problems.append((n, question, item, "blank, not left unanswered", got))
            blank += 1
    assert problems == []
    # the mix is what the docstring says: mostly clear marks, and enough of the hard cases
    assert clear > 850 and flagged > 220 and blank > 120


def box(question, option, item=None):
    return layout.Box(question, item, option, (0, 0, 22, 22))


def test_decide_reads_one_clear_box_and_flags_faint_or_doubled_rows():
    questions = [*QUESTIONS, {"key": "join", "type": "multiple", "title": "参加", "when": None,
                              "options": [{"key": "a", "label": "甲"}, {"key": "b", "label": "乙"}]}]
    ink, faint, paper = (0.3, 0.5), (0.0, 0.1), (0.0, 0.0)
    readings = [reading.BoxReading(box("install", option), *values) for option, values in
                (("agree", ink), ("oppose", paper), ("abstain", paper))]
    readings += [reading.BoxReading(box("items", option, "basic.i0"), *values) for option, values in
                 (("agree", ink), ("oppose", ink), ("abstain", paper))]  # two in one row
    readings += [reading.BoxReading(box("items", option, "basic.i1"), *values) for option, values in
                 (("agree", paper), ("oppose", faint), ("abstain", paper))]  # faint
    readings += [reading.BoxReading(box("items", option, "basic.i2"), *paper)
                 for option in ("agree", "oppose", "abstain")]  # left empty
    readings += [reading.BoxReading(box("score", str(n)), *(ink if n == 4 else paper)) for n in range(1, 6)]
    readings += [reading.BoxReading(box("join", "a"), *ink), reading.BoxReading(box("join", "b"), *ink)]
    answers, uncertain = reading.decide(questions, readings)
    assert answers == {"install": "agree", "score": 4, "join": ["a", "b"]}
    assert uncertain == [{"question": "items", "item": "basic.i0"}, {"question": "items", "item": "basic.i1"}]
    assert [r.state for r in readings[6:9]] == ["blank", "faint", "blank"]


def test_a_mark_on_a_question_its_condition_skips_is_left_to_a_person():
    from app.paperballots.services import drop_skipped

    questions = [QUESTIONS[0], {"key": "why", "type": "single", "title": "原因",
                                "when": {"question": "install", "in": ["oppose"]},
                                "options": [{"key": "cost", "label": "费用"}]}]
    answers, uncertain = {"install": "agree", "why": "cost"}, []
    drop_skipped(questions, answers, uncertain)
    assert answers == {"install": "agree"} and uncertain == [{"question": "why", "item": None}]
