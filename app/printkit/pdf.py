"""A4 pages in large type (reportlab platypus, the CJK font of app.display), QR codes
from app.qr.images. Each document is a list of pages; each page a list of blocks."""
import io
from dataclasses import dataclass, field

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Image, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app.display import PDF_FONT, pdf_font, pdf_text
from app.qr.api import images

MARGIN = 16 * mm
WIDTH = A4[0] - 2 * MARGIN
INK = HexColor("#111111")
BAND = HexColor("#0b4f9c")
#: large type: the smallest text an elderly owner reads on the board is 16 pt
STYLES = {
    "headline": dict(fontSize=34, leading=44, alignment=1, textColor=BAND),
    "title": dict(fontSize=24, leading=32, alignment=1),
    "heading": dict(fontSize=20, leading=28, spaceBefore=8),
    "body": dict(fontSize=17, leading=26),
    "code": dict(fontSize=30, leading=40, alignment=1),
    "small": dict(fontSize=13, leading=19, textColor=HexColor("#444444")),
}


@dataclass
class Page:
    """One A4 page: paragraphs (style, text), an optional QR code, an optional table."""
    blocks: list = field(default_factory=list)

    def text(self, style: str, text: str) -> "Page":
        self.blocks.append(("text", style, text))
        return self

    def qr(self, link: str, size_mm: float = 60) -> "Page":
        self.blocks.append(("qr", link, size_mm))
        return self

    def table(self, header: tuple, rows: list[tuple], widths: tuple, row_mm: float = 14) -> "Page":
        self.blocks.append(("table", header, rows, widths, row_mm))
        return self

    def space(self, height_mm: float = 6) -> "Page":
        self.blocks.append(("space", height_mm))
        return self


def _style(name: str) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=PDF_FONT, wordWrap="CJK", **{"textColor": INK, **STYLES[name]})


def _needed(row: list, col_widths: list) -> float:
    """The height a row's longest cell takes at its column's width (with the cell's padding):
    a row grows with its text rather than printing over the next (a long 分摊依据)."""
    return max(cell.wrap(width - 12, 10_000)[1] for cell, width in zip(row, col_widths)) + 12


def _table(header: tuple, rows: list[tuple], widths: tuple, row_mm: float) -> Table:
    cell = ParagraphStyle("cell", fontName=PDF_FONT, fontSize=16, leading=22, wordWrap="CJK")
    data = [[Paragraph(pdf_text(value), cell) for value in row] for row in [header, *rows]]
    col_widths = [WIDTH * share for share in widths]
    heights = [max(minimum, _needed(row, col_widths))
               for row, minimum in zip(data, [12 * mm] + [row_mm * mm] * len(rows))]
    table = Table(data, colWidths=col_widths, rowHeights=heights, repeatRows=1)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 1, INK), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 0), HexColor("#e6eef8"))]))
    return table


def _flowables(page: Page) -> list:
    out = []
    for block in page.blocks:
        if block[0] == "text":
            out.append(Paragraph(pdf_text(block[2]), _style(block[1])))
        elif block[0] == "qr":
            size = block[2] * mm
            out.append(Image(io.BytesIO(images.png_bytes(block[1], 8)), width=size, height=size))
        elif block[0] == "table":
            out.append(_table(*block[1:]))
        else:
            out.append(Spacer(1, block[1] * mm))
    return out


def render(pages: list[Page], title: str) -> bytes:
    """The pages as one A4 PDF (a table longer than a page runs on, its header repeated)."""
    pdf_font()
    out = io.BytesIO()
    document = SimpleDocTemplate(out, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
                                 topMargin=MARGIN, bottomMargin=MARGIN, title=title, creator="共治")
    story = []
    for number, page in enumerate(pages):
        if number:
            story.append(PageBreak())
        story.extend(_flowables(page))
    document.build(story)
    return out.getvalue()
