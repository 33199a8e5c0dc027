"""Small horizontal bar charts as inline SVG: no scripts, no external resources.

Each label sits on its own line above its bar, so the labels may grow (长辈模式 sets every
chart label to the elder text size in app.css) without running into the bars or the numbers.
"""
from decimal import Decimal
from xml.sax.saxutils import escape

#: per bar: a label line, the bar, a gap (viewBox units, drawn about 1:1 on a phone)
LABEL_PX, BAR_H_PX, GAP_PX = 26, 20, 14
ROW_PX = LABEL_PX + BAR_H_PX + GAP_PX
#: the longest bar leaves room for its number after it ("100.0%" at the elder size)
BAR_PX, WIDTH_PX = 250, 360


def bar_chart(title: str, bars: list[tuple[str, Decimal, Decimal]], unit: str = "") -> str:
    """bars: (label, value, max value). Each bar is labelled with its number, so colour is never the only cue."""
    height = ROW_PX * len(bars) + 4
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" class="bar-chart" width="100%" '
             f'viewBox="0 0 {WIDTH_PX} {height}" aria-label="{escape(title)}">',
             f'<title>{escape(title)}</title>']
    for index, (label, value, maximum) in enumerate(bars):
        top = index * ROW_PX
        bar_y = top + LABEL_PX
        share = (Decimal(value) / Decimal(maximum)) if maximum else Decimal(0)
        width = int(BAR_PX * min(max(share, Decimal(0)), Decimal(1)))
        short = label if len(label) <= 16 else label[:15] + "…"
        parts.append(f'<text x="0" y="{bar_y - 6}" font-size="15" fill="#1a1a1a">{escape(short)}</text>')
        parts.append(f'<rect x="0" y="{bar_y}" width="{width}" height="{BAR_H_PX}" fill="#0b57d0"/>')
        parts.append(f'<text x="{width + 6}" y="{bar_y + 16}" font-size="15" '
                     f'fill="#1a1a1a">{escape(str(value))}{escape(unit)}</text>')
    parts.append("</svg>")
    return "".join(parts)
