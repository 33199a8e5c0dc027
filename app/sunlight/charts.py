"""The picture people read faster than a table (PNG, Pillow).

Top: a plan view, north up — existing buildings grey, the proposed structures orange,
shadows on the ground at three hours of the counted period (the proposed structures'
in light orange), the windows as dots with their numbers. Below: per window, a bar of
the day for before and after, yellow where the sun reaches it, with the minutes written
beside (colour is never the only cue). With one window chosen, the picture is narrower
and larger-lettered for a phone, the plan zoomed on that window and the new structures.
"""
import io
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from app.sunlight import geometry, messages, solar

MAX_ROWS = 30
#: the zoomed plan of one window shows at least this many metres across
MIN_ZOOM_M = 50.0
FONT_PATHS = ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
              "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
GREY, ORANGE, SUN, INK, HIGHLIGHT = "#9aa0a6", "#e8710a", "#f9c513", "#1a1a1a", "#c5221f"
SHADOWS = {"buildings": (60, 80, 110, 70), "proposed": (232, 113, 10, 110)}


@dataclass(frozen=True)
class Layout:
    width_px: int
    plan_px: int
    row_px: int
    text_px: int
    margin_px: int = 16


FULL = Layout(width_px=720, plan_px=460, row_px=70, text_px=14)
ONE_WINDOW = Layout(width_px=480, plan_px=400, row_px=84, text_px=18)


@lru_cache(maxsize=8)
def font(size: int):
    for path in FONT_PATHS:
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default(size)


def shadow_hours(plan: solar.DayPlan) -> list[int]:
    return [plan.start_h + 1, 12, plan.end_h - 1]


def day_of(results: dict) -> solar.DayPlan:
    return solar.DayPlan(results["day"], results["declination_deg"], int(results["period"][:2]),
                         int(results["period"][6:8]))


def _frame(inputs: dict, layout: Layout, highlight: int | None):
    """metres -> pixels: the whole site, or the chosen window and the proposed structures."""
    if highlight is None:
        points = [p for group in ("buildings", "proposed") for b in inputs[group] for p in b["footprint"]]
        points += [[w["x"], w["y"]] for w in inputs["windows"]]
        minimum = 10.0
    else:
        points = [p for b in inputs["proposed"] for p in b["footprint"]]
        points.append([inputs["windows"][highlight]["x"], inputs["windows"][highlight]["y"]])
        minimum = MIN_ZOOM_M
    xy = np.array(points, dtype=float)
    low, high = xy.min(axis=0), xy.max(axis=0)
    size = max(float((high - low).max()) * 1.15, minimum)
    centre = (low + high) / 2
    inner = layout.plan_px - 2 * layout.margin_px
    scale = inner / size
    left = (layout.width_px - inner) / 2

    def to_px(point):
        return (float(left + (point[0] - centre[0] + size / 2) * scale),
                float(layout.margin_px + (centre[1] - point[1] + size / 2) * scale))
    return to_px


def _plan(image: Image.Image, inputs: dict, results: dict, layout: Layout, highlight: int | None):
    to_px = _frame(inputs, layout, highlight)
    day = day_of(results)
    overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
    shade = ImageDraw.Draw(overlay)
    for hour in shadow_hours(day):
        altitude, azimuth = solar.altitude_azimuth(inputs["latitude"], day.declination_deg, hour)
        for group in ("buildings", "proposed"):
            for building in inputs[group]:
                for part in geometry.shadow_polygon(np.array(building["footprint"], dtype=float),
                                                    building["height_m"], float(altitude), float(azimuth)):
                    shade.polygon([to_px(p) for p in part], fill=SHADOWS[group])
    draw = ImageDraw.Draw(image)
    for group, colour in (("buildings", GREY), ("proposed", ORANGE)):
        for building in inputs[group]:
            draw.polygon([to_px(p) for p in building["footprint"]], fill=colour, outline=INK)
    image = Image.alpha_composite(image, overlay)
    draw = ImageDraw.Draw(image)
    for index, window in enumerate(inputs["windows"]):  # windows on top of the shadows
        x, y = to_px((window["x"], window["y"]))
        radius = 7 if index == highlight else 3
        draw.ellipse([x - radius, y - radius, x + radius, y + radius],
                     fill=HIGHLIGHT if index == highlight else INK)
        if highlight is None or index == highlight:
            draw.text((x + 8, y - layout.text_px), str(index + 1), fill=INK, font=font(layout.text_px))
    draw.rectangle([0, 0, layout.width_px, layout.margin_px + layout.text_px + 8], fill="white")
    draw.text((layout.margin_px, 4), "北 ↑", fill=INK, font=font(layout.text_px + 2))
    hours = "、".join(str(h) for h in shadow_hours(day))
    draw.rectangle([0, layout.plan_px - 8 - 2 * layout.text_px, layout.width_px, layout.plan_px], fill="white")
    legend = messages.CHART_LEGEND.format(hours=hours)
    middle = len(legend) // 2 if highlight is not None else len(legend)
    for line, text in enumerate((legend[:middle], legend[middle:])):
        if text:
            draw.text((layout.margin_px, layout.plan_px - 6 - (2 - line) * (layout.text_px + 2)),
                      text.strip(), fill=INK, font=font(layout.text_px - 2))
    return image


def _bar(draw, layout: Layout, top: int, label: str, runs: list, minutes: int, period_minutes: int):
    left, right = layout.margin_px + 4 * layout.text_px, layout.width_px - 6 * layout.text_px
    size = layout.text_px
    draw.text((layout.margin_px, top), label, fill=INK, font=font(size - 1))
    draw.rectangle([left, top + 3, right, top + size + 2], fill="#e8eaed", outline=GREY)
    for start, end in runs:
        draw.rectangle([left + (right - left) * start / period_minutes, top + 3,
                        left + (right - left) * end / period_minutes, top + size + 2], fill=SUN)
    draw.text((right + 8, top), messages.MINUTES.format(minutes=minutes), fill=INK, font=font(size - 1))


def size_px(rows: int, layout: Layout = ONE_WINDOW, more: bool = False) -> tuple[int, int]:
    """The picture's width and height: pages reserve the space before it loads."""
    return layout.width_px, layout.plan_px + 2 * layout.text_px + layout.row_px * rows + (30 if more else 0) + 8


def render_png(inputs: dict, results: dict, highlight: int | None = None) -> bytes:
    """The plan and the day bars; with `highlight`, only that window's, for a phone."""
    layout = FULL if highlight is None else ONE_WINDOW
    windows = results["windows"]
    rows = [highlight] if highlight is not None else list(range(min(len(windows), MAX_ROWS)))
    more = highlight is None and len(windows) > len(rows)
    image = Image.new("RGBA", size_px(len(rows), layout, more), "white")
    plan = _plan(Image.new("RGBA", (layout.width_px, layout.plan_px), "white"), inputs, results, layout,
                 highlight)  # its own canvas: nothing drawn past the plan reaches the bars
    image.paste(plan, (0, 0))
    draw = ImageDraw.Draw(image)
    start_h, end_h = int(results["period"][:2]), int(results["period"][6:8])
    period_minutes = (end_h - start_h) * 60
    top = layout.plan_px + 4
    draw.text((layout.margin_px + 4 * layout.text_px, top), f"{start_h:02d}:00", fill=INK,
              font=font(layout.text_px - 2))
    end_label = f"{end_h:02d}:00"  # right-aligned on the bars' end
    draw.text((layout.width_px - 6 * layout.text_px - draw.textlength(end_label, font=font(layout.text_px - 2)),
               top), end_label, fill=INK, font=font(layout.text_px - 2))
    top += 2 * layout.text_px
    for index in rows:
        window = windows[index]
        draw.text((layout.margin_px, top), f"{index + 1}. {window['label']}", fill=INK, font=font(layout.text_px))
        _bar(draw, layout, top + layout.text_px + 6, messages.CHART_BEFORE, window["before_runs"],
             window["before_minutes"], period_minutes)
        _bar(draw, layout, top + 2 * layout.text_px + 14, messages.CHART_AFTER, window["after_runs"],
             window["after_minutes"], period_minutes)
        top += layout.row_px
    if more:
        draw.text((layout.margin_px, top), messages.CHART_MORE.format(count=len(windows)), fill=INK,
                  font=font(layout.text_px))
    out = io.BytesIO()
    image.convert("P", palette=Image.Palette.ADAPTIVE, colors=64).save(out, format="PNG")
    return out.getvalue()
