"""Stairwell posters: one A4 page per code, names in large type, the code, three steps.

reportlab's built-in `STSong-Light` CID font draws the Chinese without shipping a
font file (PDF readers supply a Song/Ming face). The code is embedded as an image
at 6 px a module (grey, not RGB: a third of the data), sharp even where a reader smooths images.
"""
import io
from dataclasses import dataclass

from reportlab.lib.colors import HexColor, white
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from app.display import PDF_FONT, pdf_font
from app.qr import images, messages

PAGE_W, PAGE_H = A4
MARGIN = 18 * mm
INK = HexColor("#1a1a1a")
BAND = HexColor("#0b4f9c")  # white on this blue: contrast 8.4:1
GREY = HexColor("#555555")
CODE_SIZE = 105 * mm
POSTER_BOX_PX = 6


@dataclass(frozen=True)
class PosterPage:
    estate_name: str
    place_name: str  # 3号楼 2单元
    link: str
    code_label: str  # 编号 S12 · 第 1 版


def _fitted_size(text: str, size: float, max_width: float, min_size: float = 14) -> float:
    """The largest size up to `size` at which text fits in max_width."""
    width = pdfmetrics.stringWidth(text, PDF_FONT, size)
    if width <= max_width:
        return size
    return max(min_size, size * max_width / width)


def _centred(canvas: Canvas, text: str, y: float, size: float, *, bold=False, color=INK,
             max_width=PAGE_W - 2 * MARGIN) -> None:
    size = _fitted_size(text, size, max_width)
    canvas.saveState()  # the text render mode is graphics state: keep bold from leaking
    line = canvas.beginText()
    line.setFont(PDF_FONT, size)
    line.setFillColor(color)
    if bold:  # STSong-Light has no bold face: fill and stroke the glyphs
        line.setTextRenderMode(2)
        canvas.setStrokeColor(color)
        canvas.setLineWidth(size / 30)
    line.setTextOrigin((PAGE_W - pdfmetrics.stringWidth(text, PDF_FONT, size)) / 2, y)
    line.textOut(text)
    canvas.drawText(line)
    canvas.restoreState()


def _step(canvas: Canvas, number: int, text: str, x: float, y: float) -> None:
    radius = 9 * mm
    canvas.setFillColor(BAND)
    canvas.circle(x + radius, y + 3.5 * mm, radius, stroke=0, fill=1)
    canvas.setFillColor(white)
    canvas.setFont(PDF_FONT, 30)
    canvas.drawCentredString(x + radius, y - 0.5 * mm, str(number))
    canvas.setFillColor(INK)
    canvas.setFont(PDF_FONT, 30)
    canvas.drawString(x + 2 * radius + 6 * mm, y, text)


def _page(canvas: Canvas, page: PosterPage) -> None:
    band_h = 30 * mm
    canvas.setFillColor(BAND)
    canvas.rect(0, PAGE_H - band_h, PAGE_W, band_h, stroke=0, fill=1)
    _centred(canvas, messages.POSTER_HEADLINE, PAGE_H - band_h + 10 * mm, 34, bold=True,
             color=white)

    _centred(canvas, page.estate_name, PAGE_H - band_h - 17 * mm, 28)
    _centred(canvas, page.place_name, PAGE_H - band_h - 40 * mm, 54, bold=True)

    code_top = PAGE_H - band_h - 48 * mm
    image = ImageReader(images.pil_image(page.link, POSTER_BOX_PX).convert("L"))
    canvas.drawImage(image, (PAGE_W - CODE_SIZE) / 2, code_top - CODE_SIZE,
                     CODE_SIZE, CODE_SIZE)

    steps_x = PAGE_W / 2 - 50 * mm
    y = code_top - CODE_SIZE - 18 * mm
    for number, text in enumerate(messages.POSTER_STEPS, start=1):
        _step(canvas, number, text, steps_x, y)
        y -= 22 * mm

    canvas.setStrokeColor(GREY)
    canvas.setLineWidth(0.8)
    canvas.line(MARGIN, 33 * mm, PAGE_W - MARGIN, 33 * mm)
    _centred(canvas, messages.POSTER_NOTE, 24 * mm, 15)
    _centred(canvas, messages.POSTER_ASK, 16 * mm, 15)
    _centred(canvas, page.code_label, 8 * mm, 10, color=GREY)


def render(pages: list[PosterPage], title: str) -> bytes:
    """One A4 page per poster, as PDF bytes."""
    pdf_font()
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, pageCompression=1)
    canvas.setTitle(title)
    canvas.setCreator("共治")
    for page in pages:
        _page(canvas, page)
        canvas.showPage()
    canvas.save()
    return out.getvalue()
