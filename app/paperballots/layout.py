"""The sheet's layout: one function places every box and line of text, in PDF points with the
origin at the page's top-left. The PDF draws from it and layout.json publishes it, so
the two cannot disagree; the reader measures the boxes it names.

The layout depends on the questions only (never on the flat), so every flat's sheet
of a consultation has the same boxes; the sheet version is a hash of the questions
and of LAYOUT_VERSION, printed in the QR code: a changed consultation (or a changed
layout) makes older sheets `outdated_sheet`.
"""
import hashlib
import json
from dataclasses import dataclass, field
from functools import lru_cache

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics

from app.consultations.api import ITEM_OPTIONS
from app.display import PDF_FONT, pdf_font
from app.paperballots import messages

#: bump when anything below moves a box: printed sheets of the old layout become outdated
LAYOUT_VERSION = 1
PAGE_W, PAGE_H = A4
MARGIN = 24.0
#: corner marks: solid squares, their centres are the alignment points
MARK = 32.0
#: the QR code, drawn at the top right, inside the marks
QR_SIZE = 104.0
QR_RECT = (PAGE_W - MARGIN - MARK - 12 - QR_SIZE, MARGIN + 4, PAGE_W - MARGIN - MARK - 12,
           MARGIN + 4 + QR_SIZE)
LEFT = MARGIN + MARK + 12
RIGHT = PAGE_W - LEFT
#: where questions start and must end on each page
#: the instructions line below the header, then the questions
HOW_TOP = 150.0
BODY_TOP = 198.0
BODY_BOTTOM = PAGE_H - MARGIN - MARK - 14
#: answer boxes: large squares, and the type beside them (elder-friendly on paper)
BOX = 22.0
TITLE_SIZE = 15.0
TEXT_SIZE = 14.0
NOTE_SIZE = 12.0
LINE = 1.45  # line height as a multiple of the type size
ROW = 32.0  # an option row / an item row
ITEM_COLUMN = 62.0  # width of each 同意/反对/弃权 column
GAP = 12.0  # between questions


@dataclass(frozen=True)
class Box:
    question: str
    item: str | None
    option: str
    rect: tuple  # (x0, y0, x1, y1), top-left origin, points


@dataclass(frozen=True)
class Text:
    x: float
    y: float  # the baseline, from the top
    text: str
    size: float
    bold: bool = False
    centred: bool = False


@dataclass
class PageLayout:
    """One page of a flat's sheet: the same for every flat (the header text is added per flat)."""

    number: int  # 1.. within the flat's sheet
    boxes: list[Box] = field(default_factory=list)
    texts: list[Text] = field(default_factory=list)
    rules: list[tuple] = field(default_factory=list)  # thin lines (x0, y0, x1, y1)


def mark_rects() -> list[tuple]:
    """The four corner marks, in the order top-left, top-right, bottom-right, bottom-left."""
    near, far_x, far_y = MARGIN, PAGE_W - MARGIN - MARK, PAGE_H - MARGIN - MARK
    return [(x, y, x + MARK, y + MARK) for x, y in
            ((near, near), (far_x, near), (far_x, far_y), (near, far_y))]


def mark_centres() -> list[tuple]:
    return [((x0 + x1) / 2, (y0 + y1) / 2) for x0, y0, x1, y1 in mark_rects()]


def sheet_version(questions: list[dict]) -> str:
    """10 hex digits naming the questions and the layout: what the QR code carries."""
    text = json.dumps({"layout": LAYOUT_VERSION, "questions": questions}, sort_keys=True,
                      ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:10]


def width(text: str, size: float) -> float:
    pdf_font()
    return pdfmetrics.stringWidth(text, PDF_FONT, size)


def wrap(text: str, size: float, max_width: float) -> list[str]:
    """Chinese text broken into lines that fit (character by character; no hyphenation)."""
    lines, current = [], ""
    for char in text:
        if current and width(current + char, size) > max_width:
            lines.append(current)
            current = ""
        current += char
    return lines + [current] if current else lines or [""]


def _condition_note(question: dict, questions: list[dict]) -> str | None:
    when = question.get("when")
    if not when:
        return None
    target = next((q for q in questions if q["key"] == when["question"]), None)
    labels = [o["label"] for o in (target or {}).get("options", []) if o["key"] in when["in"]]
    return messages.SHEET_WHEN.format(options="、".join(f"“{label}”" for label in labels))


class _Flow:
    """Places blocks top to bottom, starting a new page when one does not fit."""

    def __init__(self):
        self.pages = [PageLayout(1)]
        self.y = BODY_TOP

    @property
    def page(self) -> PageLayout:
        return self.pages[-1]

    def need(self, height: float) -> None:
        if self.y + height > BODY_BOTTOM and self.y > BODY_TOP:
            self.pages.append(PageLayout(len(self.pages) + 1))
            self.y = BODY_TOP

    def lines(self, lines: list[str], size: float, x: float = LEFT, bold=False) -> None:
        for line in lines:
            self.y += size * LINE
            self.page.texts.append(Text(x, self.y - size * 0.3, line, size, bold))


def _title_lines(question: dict, number: int, questions: list[dict]) -> tuple[list[str], list[str]]:
    title = wrap(f"{number}. {question['title']}", TITLE_SIZE, RIGHT - LEFT)
    notes = []
    note = _condition_note(question, questions)
    if note:
        notes.append(note)
    if question["type"] == "multiple":
        notes.append(messages.SHEET_MULTIPLE)
    elif question["type"] in ("single", "scale"):
        notes.append(messages.SHEET_SINGLE)
    if question["type"] == "scale" and (question.get("low_label") or question.get("high_label")):
        notes.append(messages.SHEET_SCALE.format(low=question.get("low_label") or "",
                                                 high=question.get("high_label") or ""))
    return title, [line for note in notes for line in wrap(note, NOTE_SIZE, RIGHT - LEFT)]


def _options(flow: _Flow, question: dict) -> None:
    """Option boxes left to right, wrapping to a new row when the line is full."""
    x, rows = LEFT, [[]]
    for option in question["options"]:
        label_w = width(option["label"], TEXT_SIZE)
        span = BOX + 8 + label_w + 26
        if x + BOX + 8 + label_w > RIGHT and rows[-1]:
            rows.append([])
            x = LEFT
        rows[-1].append((x, option, label_w))
        x += span
    flow.need(len(rows) * ROW)
    for row in rows:
        top = flow.y + (ROW - BOX) / 2
        for x, option, _ in row:
            flow.page.boxes.append(Box(question["key"], None, option["key"],
                                       (x, top, x + BOX, top + BOX)))
            flow.page.texts.append(Text(x + BOX + 8, top + BOX / 2 + TEXT_SIZE * 0.35,
                                        option["label"], TEXT_SIZE))
        flow.y += ROW


def _item_header(flow: _Flow, question: dict) -> None:
    flow.y += ROW * 0.7
    for index, key in enumerate(ITEM_OPTIONS):
        label = next(o["label"] for o in question["options"] if o["key"] == key)
        centre = RIGHT - ITEM_COLUMN * (len(ITEM_OPTIONS) - index) + ITEM_COLUMN / 2
        flow.page.texts.append(Text(centre, flow.y - 6, label, TEXT_SIZE, bold=True, centred=True))


def _items(flow: _Flow, question: dict, title_height: float) -> None:
    """One row per item: its label, then the 同意 / 反对 / 弃权 boxes in fixed columns."""
    label_w = RIGHT - LEFT - ITEM_COLUMN * len(ITEM_OPTIONS) - 8
    first = True
    for item in question["items"]:
        lines = wrap(item["label"], TEXT_SIZE, label_w)
        height = max(ROW, len(lines) * TEXT_SIZE * LINE + 10)
        before = flow.page
        flow.need(height + (title_height if first else 0))
        if first or flow.page is not before:
            if not first:
                flow.lines([messages.SHEET_CONTINUED], NOTE_SIZE)
            _item_header(flow, question)
        first = False
        top = flow.y
        flow.page.rules.append((LEFT, top, RIGHT, top))
        text_top = top + (height - len(lines) * TEXT_SIZE * LINE) / 2
        for n, line in enumerate(lines):
            flow.page.texts.append(Text(LEFT + 4, text_top + (n + 0.78) * TEXT_SIZE * LINE,
                                        line, TEXT_SIZE))
        box_top = top + (height - BOX) / 2
        for index, key in enumerate(ITEM_OPTIONS):
            x = RIGHT - ITEM_COLUMN * (len(ITEM_OPTIONS) - index) + (ITEM_COLUMN - BOX) / 2
            flow.page.boxes.append(Box(question["key"], item["code"], key,
                                       (x, box_top, x + BOX, box_top + BOX)))
        flow.y += height
    flow.page.rules.append((LEFT, flow.y, RIGHT, flow.y))


def _layout(questions: list[dict]) -> list[PageLayout]:
    flow = _Flow()
    for number, question in enumerate(questions, start=1):
        title, notes = _title_lines(question, number, questions)
        title_height = len(title) * TITLE_SIZE * LINE + len(notes) * NOTE_SIZE * LINE
        if question["type"] == "text":
            notes = wrap(messages.SHEET_TEXT_NOT_ON_PAPER, NOTE_SIZE, RIGHT - LEFT)
            flow.need(title_height + len(notes) * NOTE_SIZE * LINE)
        elif question["type"] == "items":
            flow.need(title_height + ROW * 1.7)
        else:
            flow.need(title_height + ROW)
        flow.lines(title, TITLE_SIZE, bold=True)
        flow.lines(notes, NOTE_SIZE)
        if question["type"] == "items":
            _items(flow, question, title_height)
        elif question["type"] != "text":
            _options(flow, question)
        flow.y += GAP
    return flow.pages


@lru_cache(maxsize=64)
def _cached(version: str, questions_json: str) -> tuple:
    return tuple(_layout(json.loads(questions_json)))


def sheet_pages(questions: list[dict]) -> list[PageLayout]:
    """The pages of one flat's sheet (cached per sheet version: the layout never changes)."""
    return list(_cached(sheet_version(questions),
                        json.dumps(questions, sort_keys=True, ensure_ascii=False)))


def layout_json(questions: list[dict], flat_ids: list[int]) -> dict:
    """API.md's layout: every page of the PDF in order, with its flat and its boxes."""
    pages, number = [], 0
    sheet = sheet_pages(questions)
    for flat_id in flat_ids:
        for page in sheet:
            number += 1
            pages.append({"page": number, "flat_id": flat_id, "sheet_page": page.number,
                          "boxes": [{"question": b.question, "item": b.item, "option": b.option,
                                     "rect_pt": [round(v, 2) for v in b.rect]} for b in page.boxes]})
    return {"page_size_pt": [round(PAGE_W, 2), round(PAGE_H, 2)], "version": sheet_version(questions),
            "marks_pt": [[round(v, 2) for v in rect] for rect in mark_rects()],
            "qr_pt": [round(v, 2) for v in QR_RECT], "pages": pages}
