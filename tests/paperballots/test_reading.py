"""Reading 40 photographed sheets (200 in bench/paper.py): the PDF rendered by pdftoppm at
150 dpi, marks drawn with Pillow into the boxes layout.json publishes (checkmarks, crosses, filled scribbles, faint
ones, two in a row), turned by up to 10°, lit unevenly, blurred, noised, JPEG quality 60.

Every clear mark is read right; every faint or doubled row is flagged, never guessed; an
empty row stays unanswered. No database: reading is pure (the app only signs the codes).
"""
import pytest

from app import create_app
from app.config import TestConfig
from app.paperballots.api import layout, reading
from tests.paperballots.batch import QUESTIONS, read_sheets

#: every page four times, each photo marked and distorted its own way; `make bench`
#: (bench/paper.py) reads 200
SHEETS = 40


@pytest.fixture(scope="module")
def app_context():
    app = create_app(TestConfig)
    with app.app_context():
        yield


def test_forty_photographed_sheets(app_context):
    batch = read_sheets(SHEETS)
    assert batch.problems == []
    # the mix is what the docstring says: mostly clear marks, and enough of the hard cases
    assert batch.clear > 4 * SHEETS and batch.flagged > SHEETS and batch.blank > SHEETS // 2


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
    from app.paperballots.api import drop_skipped

    questions = [QUESTIONS[0], {"key": "why", "type": "single", "title": "原因",
                                "when": {"question": "install", "in": ["oppose"]},
                                "options": [{"key": "cost", "label": "费用"}]}]
    answers, uncertain = {"install": "agree", "why": "cost"}, []
    drop_skipped(questions, answers, uncertain)
    assert answers == {"install": "agree"} and uncertain == [{"question": "why", "item": None}]
