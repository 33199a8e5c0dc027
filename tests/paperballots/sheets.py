"""Synthetic photos of filled-in sheets: the PDF rendered by pdftoppm, marks drawn with Pillow
into the published boxes, then turned, lit unevenly, blurred, noised and saved as a JPEG.

Deterministic for a seed, so a failure can be replayed. Used by the tests and by bench/paper.py.
"""
import math
import random
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw

DPI = 150
PX_PER_PT = DPI / 72


def render_pages(pdf: bytes, dpi: int = DPI, first: int = 1, last: int | None = None) -> list[Image.Image]:
    """PDF pages as RGB images, by pdftoppm."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "sheets.pdf"
        source.write_bytes(pdf)
        command = ["pdftoppm", "-r", str(dpi), "-png", "-f", str(first)]
        if last is not None:
            command += ["-l", str(last)]
        subprocess.run(command + [str(source), str(Path(folder) / "p")], check=True, timeout=120)
        return [Image.open(path).convert("RGB") for path in sorted(Path(folder).glob("p*.png"))]


def _px(rect_pt):
    return [v * PX_PER_PT for v in rect_pt]


def draw_mark(draw: ImageDraw.ImageDraw, rect_pt, kind: str, rng: random.Random, colour) -> None:
    """A checkmark, a cross or a filled scribble inside the box (a hand: never quite the same)."""
    x0, y0, x1, y1 = _px(rect_pt)
    side = x1 - x0
    width = rng.choice((2, 3, 3, 4))

    def at(fx, fy):
        return (x0 + side * (fx + rng.uniform(-0.05, 0.05)), y0 + side * (fy + rng.uniform(-0.05, 0.05)))

    if kind == "check":
        draw.line([at(0.15, 0.55), at(0.42, 0.85), at(0.9, 0.12)], fill=colour, width=width, joint="curve")
    elif kind == "cross":
        draw.line([at(0.15, 0.15), at(0.85, 0.85)], fill=colour, width=width)
        draw.line([at(0.85, 0.15), at(0.15, 0.85)], fill=colour, width=width)
    else:  # scribble: a zigzag filling most of the box
        points, y = [], 0.15
        while y < 0.88:
            points += [at(0.12, y), at(0.88, y + 0.06)]
            y += 0.11
        draw.line(points, fill=colour, width=width + 1)


def dark_ink(rng: random.Random):
    return rng.choice([(rng.randint(0, 60),) * 3, (20, 30, rng.randint(110, 150))])


def faint_ink(rng: random.Random):
    grey = rng.randint(178, 200)
    return (grey, grey, grey)


def photograph(image: Image.Image, rng: random.Random, max_turn_deg: float = 10) -> bytes:
    """As a phone would take it (in grey, which is all the reader looks at): turned, uneven
    light, blurred, noisy, JPEG quality 60. OpenCV does the pixel work: it is fast."""
    grey = np.asarray(image.convert("L"), np.float32)
    h, w = grey.shape
    across = rng.random() < 0.5
    ramp = np.linspace(rng.uniform(0.72, 0.9), 1.0, w if across else h, dtype=np.float32)
    if rng.random() < 0.5:
        ramp = ramp[::-1]
    lit = cv2.multiply(grey, np.broadcast_to(ramp[None, :] if across else ramp[:, None], grey.shape),
                       dtype=cv2.CV_8U)
    angle = rng.uniform(-max_turn_deg, max_turn_deg)
    cos, sin = abs(math.cos(math.radians(angle))), abs(math.sin(math.radians(angle)))
    size = (int(w * cos + h * sin) + 1, int(w * sin + h * cos) + 1)
    turn = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    turn[0, 2] += (size[0] - w) / 2
    turn[1, 2] += (size[1] - h) / 2
    turned = cv2.warpAffine(lit, turn, size, flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT,
                            borderValue=rng.randint(60, 140))
    blurred = cv2.GaussianBlur(turned, (0, 0), rng.uniform(0.4, 1.2))
    noise = np.empty(blurred.shape, np.int16)
    cv2.setRNGSeed(rng.randint(0, 2**31))
    cv2.randn(noise, 0, rng.uniform(4, 9))
    noisy = cv2.add(blurred.astype(np.int16), noise)
    ok, jpeg = cv2.imencode(".jpg", np.clip(noisy, 0, 255).astype(np.uint8),
                            [cv2.IMWRITE_JPEG_QUALITY, 60])
    return jpeg.tobytes()


@dataclass
class Filled:
    """What was drawn on one sheet, and what a correct reader must say."""

    photo: bytes
    expected: dict = field(default_factory=dict)  # (question, item) -> option, only clear rows
    uncertain: set = field(default_factory=set)  # (question, item) that must be flagged
    blank: set = field(default_factory=set)  # rows left empty
    ink: dict = field(default_factory=dict)  # (question, item, option) -> "dark" | "faint"


def fill(page: Image.Image, boxes: list[dict], rng: random.Random, *, faint_share=0.12,
         double_share=0.08, blank_share=0.12) -> Filled:
    """Mark one box per row clearly, or leave it blank, or make it faint or doubled."""
    image = page.copy()
    draw = ImageDraw.Draw(image)
    rows: dict[tuple, list[dict]] = {}
    for box in boxes:
        rows.setdefault((box["question"], box["item"]), []).append(box)
    filled = Filled(b"")
    for key, row in rows.items():
        roll = rng.random()
        kind = rng.choice(("check", "cross", "scribble"))
        if roll < blank_share:
            filled.blank.add(key)
        elif roll < blank_share + faint_share:
            box = rng.choice(row)
            draw_mark(draw, box["rect_pt"], rng.choice(("check", "cross")), rng, faint_ink(rng))
            filled.ink[(*key, box["option"])] = "faint"
            filled.uncertain.add(key)
        elif roll < blank_share + faint_share + double_share and len(row) > 1:
            for box in rng.sample(row, 2):
                draw_mark(draw, box["rect_pt"], kind, rng, dark_ink(rng))
                filled.ink[(*key, box["option"])] = "dark"
            filled.uncertain.add(key)
        else:
            box = rng.choice(row)
            draw_mark(draw, box["rect_pt"], kind, rng, dark_ink(rng))
            filled.ink[(*key, box["option"])] = "dark"
            filled.expected[key] = box["option"]
    filled.photo = photograph(image, rng)
    return filled


def sheet_photo(consultation, flat_id: int, marks: dict, *, faint=(), seed: int = 1,
                page: int = 1, turn_deg: float = 6) -> bytes:
    """A photo of one flat's sheet (page `page` of it) with `marks` {(question, item): option}
    drawn clearly and `faint` [(question, item, option)] drawn lightly."""
    from app.paperballots.api import services

    flat = next(f for f in services.sheet_flats(consultation) if f.id == flat_id)
    layout = services.sheets_layout(consultation, flat.stairwell_id)
    entry = [p for p in layout["pages"] if p["flat_id"] == flat_id][page - 1]
    image = render_pages(services.sheets_pdf(consultation, flat.stairwell_id),
                         first=entry["page"], last=entry["page"])[0]
    rng = random.Random(seed)
    draw = ImageDraw.Draw(image)
    for box in entry["boxes"]:
        key = (box["question"], box["item"])
        if marks.get(key) == box["option"]:
            draw_mark(draw, box["rect_pt"], rng.choice(("check", "cross", "scribble")), rng, dark_ink(rng))
        if (*key, box["option"]) in faint:
            draw_mark(draw, box["rect_pt"], "check", rng, faint_ink(rng))
    return photograph(image, rng, max_turn_deg=turn_deg)
