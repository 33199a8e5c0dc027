"""Small horizontal bar charts as inline SVG: no scripts, no external resources."""
from decimal import Decimal
from xml.sax.saxutils import escape

ROW_PX, LABEL_PX, BAR_PX, WIDTH_PX = 34, 150, 170, 360


def bar_chart(title: str, bars: list[tuple[str, Decimal, Decimal]], unit: str = "") -> str:
    """bars: (label, value, max value). Each bar is labelled with its number, so colour is never the only cue."""
    height = ROW_PX * len(bars) + 30
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="100%" '
             f'viewBox="0 0 {WIDTH_PX} {height}" aria-label="{escape(title)}">',
             f'<title>{escape(title)}</title>']
    for index, (label, value, maximum) in enumerate(bars):
        y = 20 + index * ROW_PX
        share = (Decimal(value) / Decimal(maximum)) if maximum else Decimal(0)
        width = int(BAR_PX * min(max(share, Decimal(0)), Decimal(1)))
        short = label if len(label) <= 9 else label[:8] + "…"
        parts.append(f'<text x="0" y="{y + 15}" font-size="14" fill="#1a1a1a">{escape(short)}</text>')
        parts.append(f'<rect x="{LABEL_PX}" y="{y}" width="{width}" height="20" fill="#0b57d0"/>')
        parts.append(f'<text x="{LABEL_PX + width + 6}" y="{y + 15}" font-size="14" '
                     f'fill="#1a1a1a">{escape(str(value))}{escape(unit)}</text>')
    parts.append("</svg>")
    return "".join(parts)
