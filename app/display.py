"""How money, times, PDF text and CSV cells are shown to people: one place, so every page,
SMS, PDF and spreadsheet agree."""
import csv
import io
import math
from collections.abc import Iterable
from datetime import date, datetime, timezone
from decimal import Decimal
from fractions import Fraction
from xml.sax.saxutils import escape
from zoneinfo import ZoneInfo

#: China Standard Time, the zone every resident reads times in
CHINA_TZ = ZoneInfo("Asia/Shanghai")
#: reportlab's built-in CID font: Chinese in PDFs without shipping a font file
PDF_FONT = "STSong-Light"


def yuan(cents: int, unit: bool = False) -> str:
    """12345678 -> '123,456.78' (with unit: '123,456.78 元'); exact, from integer cents."""
    sign = "-" if cents < 0 else ""
    whole, part = divmod(abs(cents), 100)
    return f"{sign}{whole:,}.{part:02d}" + (" 元" if unit else "")


def cents_yuan(cents: int | None) -> str:
    """The template filter: `{{ budget_cents|cents_yuan }}` (nothing recorded reads 0.00)."""
    return yuan(cents or 0)


def percent_figure(value: Fraction | Decimal | int | str | float) -> str:
    """The one percent rule: an exact share, times 100, rounded half up (away from zero) to
    one decimal place. Fraction(1, 12) -> '8.3'; '0.0625' -> '6.3'; 1 -> '100.0'.
    Text and floats are read as the decimal they print as, never as binary fractions."""
    share = Fraction(str(value)) if isinstance(value, (str, float)) else Fraction(value)
    tenths = math.floor(abs(share) * 1000 + Fraction(1, 2))
    sign = "-" if share < 0 and tenths else ""
    return f"{sign}{tenths // 10}.{tenths % 10}"


def percent(value) -> str:
    """A share as people read it: '8.3%' (see percent_figure); '' for nothing."""
    if value is None or value == "":
        return ""
    return percent_figure(value) + "%"


def china_time(value: datetime | None, pattern: str = "%Y年%m月%d日 %H:%M") -> str:
    """An aware UTC time as read in China; '' for None."""
    return value.astimezone(CHINA_TZ).strftime(pattern) if value else ""


def day_label(value: date | None) -> str:
    """A calendar day (already a day in China: a ledger entry's, a payment's) as people read
    it: 2026年12月02日; '' for None."""
    return value.strftime("%Y年%m月%d日") if value else ""


def china_today() -> date:
    """Today's date in China: what "today" means on a ledger entry a committee writes (the
    server's own date is UTC's, a day behind before 08:00 Beijing time)."""
    return datetime.now(timezone.utc).astimezone(CHINA_TZ).date()


def pdf_font() -> str:
    """PDF_FONT, registered with reportlab on first use (posters, statements, 公示 exports)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    if PDF_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(PDF_FONT))
    return PDF_FONT


def pdf_text(value) -> str:
    """User text made safe for a reportlab Paragraph, which reads its text as markup:
    `<link href=…>` would become a live link and a lone `<br` fails the whole PDF."""
    return escape(str(value))


#: a spreadsheet reads a cell starting with one of these as a formula (OWASP, CSV injection)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value):
    """A text cell a spreadsheet will not run: a leading quote before a formula start.
    Numbers are left as they are (a negative amount stays a number)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_document(rows: Iterable[Iterable]) -> str:
    """Every CSV we hand out: UTF-8 with BOM (so Excel in China opens it), cells neutralised."""
    out = io.StringIO()
    csv.writer(out).writerows([csv_cell(value) for value in row] for row in rows)
    return "\ufeff" + out.getvalue()
