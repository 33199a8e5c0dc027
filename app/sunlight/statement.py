"""The committee's statement for the meeting (PDF, reportlab, Chinese).

What was computed and how, the standard and whether it binds (the elevator exemption),
each window's minutes before and after, and the picture. Text people typed (building
and window names) is escaped before it enters reportlab's markup.
"""
import io
from datetime import datetime
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Image, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app.display import china_time, pdf_font
from app.sunlight import charts, messages
from app.sunlight.text import minutes_text, standard_text, verdict_text

MAX_TABLE_ROWS = 500


def render_statement(inputs: dict, results: dict, issued_at: datetime) -> bytes:
    """Plain values in (the routes draw it in a thread pool, away from the session)."""
    font = pdf_font()
    title = ParagraphStyle("title", fontName=font, fontSize=18, leading=26, alignment=1)
    body = ParagraphStyle("body", fontName=font, fontSize=11, leading=17)
    cell = ParagraphStyle("cell", fontName=font, fontSize=9, leading=12)
    day = messages.DAY_LABELS.get(results["day"], results["day"])
    story = [Paragraph(escape(messages.STATEMENT_TITLE), title), Spacer(1, 4 * mm),
             Paragraph(escape(f"{day}，当地真太阳时 {results['period']}；纬度 {inputs['latitude']}°，"
                              f"经度 {inputs['longitude']}°；出具时间 {china_time(issued_at)}"), body),
             Spacer(1, 2 * mm), Paragraph(escape(results["explanation"]), body), Spacer(1, 4 * mm)]
    names = "、".join(b["name"] for b in inputs["proposed"])
    story += [Paragraph(escape(f"新建设施：{names}"), body), Spacer(1, 3 * mm)]
    rows = [[Paragraph(escape(h), cell) for h in messages.STATEMENT_HEADERS]]
    for window in results["windows"][:MAX_TABLE_ROWS]:
        verdict = verdict_text(window, results["exempt"])
        rows.append([Paragraph(escape(text), cell) for text in (
            window["label"], minutes_text(window["before_minutes"]), minutes_text(window["after_minutes"]),
            minutes_text(window["loss_minutes"]), standard_text(window), verdict)])
    table = Table(rows, colWidths=[28 * mm, 24 * mm, 24 * mm, 22 * mm, 30 * mm, 52 * mm], repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                               ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eaed")),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story += [table, Spacer(1, 6 * mm)]
    png = charts.render_png(inputs, results)
    picture = Image(io.BytesIO(png))
    scale = min(170 * mm / picture.drawWidth, 240 * mm / picture.drawHeight)
    picture.drawWidth, picture.drawHeight = picture.drawWidth * scale, picture.drawHeight * scale
    story += [picture, Spacer(1, 4 * mm), Paragraph(escape(messages.EXPLAIN_FOR_DISCUSSION), body)]
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, title=messages.STATEMENT_TITLE, leftMargin=18 * mm,
                      rightMargin=18 * mm, topMargin=18 * mm, bottomMargin=18 * mm).build(story)
    return buffer.getvalue()
