"""The printed sheets: one A4 page (or more, for long consultations) per flat, drawn from
app.paperballots.layout, with a signed QR code naming consultation, flat, sheet version
and page, and four solid corner marks to align a photo by.
"""
import io
from dataclasses import dataclass
import qrcode
from itsdangerous import BadData
from qrcode.constants import ERROR_CORRECT_M
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from app.display import PDF_FONT, pdf_font
from app.paperballots import layout, messages
from app.qr.api import serializer

SALT = "gongzhi.paper-ballot"
#: what the code says before the token, so a reader knows a sheet of ours at once
PREFIX = "GZPB1:"
MAX_TOKEN_LENGTH = 200
INK = HexColor("#111111")
GREY = HexColor("#444444")


@dataclass(frozen=True)
class SheetToken:
    consultation_id: int
    flat_id: int
    version: str
    page: int  # 1.. within the flat's sheet


def sign(consultation_id: int, flat_id: int, version: str, page: int) -> str:
    return PREFIX + serializer(SALT).dumps([consultation_id, flat_id, version, page])


def unsign(text: str) -> SheetToken | None:
    """The sheet a decoded QR text names, or None for anything not signed by us."""
    if not isinstance(text, str) or not text.startswith(PREFIX) or len(text) > MAX_TOKEN_LENGTH:
        return None
    try:
        data = serializer(SALT).loads(text[len(PREFIX):])
    except BadData:
        return None
    if not isinstance(data, list) or len(data) != 4:
        return None
    consultation_id, flat_id, version, page = data
    if not (all(type(n) is int and n > 0 for n in (consultation_id, flat_id, page))
            and isinstance(version, str)):
        return None
    return SheetToken(consultation_id, flat_id, version, page)


@dataclass(frozen=True)
class FlatSheet:
    """What is printed for one flat besides the boxes."""

    flat_id: int
    estate: str
    room: str  # 1号楼 1单元 302 室
    owner: str  # 业主：张*


def _qr_image(text: str):
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=8, border=2)
    code.add_data(text)
    code.make(fit=True)
    return ImageReader(code.make_image().get_image().convert("L"))


def _text(canvas: Canvas, text: layout.Text, color=INK) -> None:
    y = layout.PAGE_H - text.y
    canvas.saveState()
    canvas.setFillColor(color)
    line = canvas.beginText()
    line.setFont(PDF_FONT, text.size)
    if text.bold:  # STSong-Light has no bold face: fill and stroke the glyphs
        line.setTextRenderMode(2)
        canvas.setStrokeColor(color)
        canvas.setLineWidth(text.size / 32)
    x = text.x - layout.width(text.text, text.size) / 2 if text.centred else text.x
    line.setTextOrigin(x, y)
    line.textOut(text.text)
    canvas.drawText(line)
    canvas.restoreState()


def _rect(canvas: Canvas, rect: tuple, fill: bool, line_width: float = 1.4) -> None:
    x0, y0, x1, y1 = rect
    canvas.setLineWidth(line_width)
    canvas.rect(x0, layout.PAGE_H - y1, x1 - x0, y1 - y0, stroke=0 if fill else 1, fill=1 if fill else 0)


def _header(canvas: Canvas, sheet: FlatSheet, title: str) -> None:
    x, width = layout.LEFT, layout.QR_RECT[0] - layout.LEFT - 10
    y = layout.MARGIN + 8
    for text, size, bold in ((f"{sheet.estate}　{messages.SHEET_HEADING}", 13, False),
                             (sheet.room, 22, True), (sheet.owner, 15, False)):
        y += size * layout.LINE
        _text(canvas, layout.Text(x, y, text, size, bold))
    for line in layout.wrap(title, 15, width)[:2]:
        y += 15 * layout.LINE
        _text(canvas, layout.Text(x, y, line, 15, True))
    how_top = layout.HOW_TOP
    for n, line in enumerate(messages.SHEET_HOW):
        _text(canvas, layout.Text(x, how_top + (n + 1) * 12.5 * layout.LINE, line, 12.5), GREY)


def _page(canvas: Canvas, page: layout.PageLayout, pages: int, sheet: FlatSheet, title: str,
          consultation_id: int, version: str) -> None:
    canvas.setFillColor(INK)
    canvas.setStrokeColor(INK)
    for rect in layout.mark_rects():
        _rect(canvas, rect, fill=True)
    x0, y0, x1, y1 = layout.QR_RECT
    canvas.drawImage(_qr_image(sign(consultation_id, sheet.flat_id, version, page.number)),
                     x0, layout.PAGE_H - y1, x1 - x0, y1 - y0)
    _header(canvas, sheet, title)
    canvas.setStrokeColor(GREY)
    canvas.setLineWidth(0.5)
    for rx0, ry0, rx1, ry1 in page.rules:
        canvas.line(rx0, layout.PAGE_H - ry0, rx1, layout.PAGE_H - ry1)
    canvas.setStrokeColor(INK)
    for box in page.boxes:
        _rect(canvas, box.rect, fill=False)
    for text in page.texts:
        _text(canvas, text)
    bottom = layout.PAGE_H - layout.MARGIN - layout.MARK / 2
    if page.number == pages:
        _text(canvas, layout.Text(layout.LEFT, bottom - 22, messages.SHEET_SIGN, 13))
    _text(canvas, layout.Text(layout.PAGE_W / 2, bottom + 4, messages.SHEET_FOOTER.format(
        page=page.number, pages=pages, version=version), 9, centred=True), GREY)


def render(sheets: list[FlatSheet], questions: list[dict], title: str, consultation_id: int) -> bytes:
    """Every flat's sheet, in the order given (layout.json numbers the pages the same way)."""
    pdf_font()
    pages = layout.sheet_pages(questions)
    version = layout.sheet_version(questions)
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, pageCompression=1)
    canvas.setTitle(f"{title} {messages.SHEET_HEADING}")  # literal text: drawn, never parsed as markup
    canvas.setCreator("共治")
    for sheet in sheets:
        for page in pages:
            _page(canvas, page, len(pages), sheet, title, consultation_id, version)
            canvas.showPage()
    canvas.save()
    return out.getvalue()
