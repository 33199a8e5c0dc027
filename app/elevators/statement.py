"""A printable per-flat statement of the cost share (PDF, Chinese).

reportlab's built-in CID font STSong-Light renders Chinese without shipping a font.
The statement shows amounts and says the owner may use housing provident fund
(住房公积金); it processes no money.
"""
import io
from decimal import Decimal

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from app.display import pdf_font, yuan
from app.elevators import messages

def render_statement(*, estate: str, building: str, stairwell: str, room: str, floor: int,
                     area_m2: Decimal, coefficient: Decimal, total_cost_cents: int,
                     subsidy_cents: int, owners_cost_cents: int, pays_cents: int,
                     receives_cents: int, share_cents: int, stage_label: str,
                     signed: bool, issued_on: str) -> bytes:
    font = pdf_font()
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, pageCompression=0)
    pdf.setTitle(messages.STATEMENT_TITLE)
    width, height = A4
    y = height - 30 * mm
    pdf.setFont(font, 20)
    pdf.drawCentredString(width / 2, y, messages.STATEMENT_TITLE)
    y -= 16 * mm
    rows = [
        ("小区", estate), ("楼栋单元", f"{building}{stairwell}"), ("房号", room),
        ("楼层", f"{floor} 层"), ("面积", f"{area_m2} ㎡"), ("楼层系数", str(coefficient)),
        ("电梯总造价", yuan(total_cost_cents, unit=True)), ("补贴", yuan(subsidy_cents, unit=True)),
        ("业主共同承担", yuan(owners_cost_cents, unit=True)),
        ("本户分摊", yuan(pays_cents, unit=True)),
    ]
    if receives_cents:
        rows.append(("本户获得低层补偿", yuan(receives_cents, unit=True)))
    rows += [("本户合计应付", yuan(share_cents, unit=True)), ("项目阶段", stage_label),
             ("协议签署", "已签署" if signed else "未签署"), ("出具日期", issued_on)]
    pdf.setFont(font, 14)
    for label, value in rows:
        pdf.drawString(25 * mm, y, label)
        pdf.drawString(75 * mm, y, value)
        y -= 10 * mm
    y -= 6 * mm
    pdf.setFont(font, 12)
    for line in _wrap(messages.STATEMENT_PROVIDENT_FUND, 36):
        pdf.drawString(25 * mm, y, line)
        y -= 7 * mm
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _wrap(text: str, width: int) -> list[str]:
    """Chinese wraps anywhere: cut every `width` characters."""
    return [text[i:i + width] for i in range(0, len(text), width)]
