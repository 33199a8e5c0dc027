"""The picture people read faster than a table (PNG, Pillow).

Top: a plan view, north up — existing buildings grey, the proposed structures orange,
their shadows on the ground at three hours of the counted period, the windows as dots
with their numbers. Below: per window, a bar of the day for before and after, yellow
where the sun reaches it, with the minutes written beside (colour is never the only cue).
"""
import io
from functools import lru_cache
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from app.sunlight import geometry, messages, solar

WIDTH_PX, PLAN_PX, ROW_PX, MARGIN_PX = 720, 460, 58, 16
MAX_ROWS = 30
FONT_PATHS = ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
              "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
GREY, ORANGE, SUN, INK, HIGHLIGHT = "#9aa0a6", "#e8710a", "#f9c513", "#1a1a1a", "#c5221f"
SHADOWS = {"buildings": (60, 80, 110, 70), "proposed": (232, 113, 10, 110)}


@lru_cache(maxsize=4)
def font(size: int):
    for path in FONT_PATHS:
        if Path(path).exists():
            return ImageFont.truetype(path, size)
    return ImageFont.load_default(size)


def shadow_hours(plan: solar.DayPlan) -> list[int]:
    return [plan.start_h + 1, 12, plan.end_h - 1]


def _frame(inputs: dict):
    points = [p for group in ("buildings", "proposed") for b in inputs[group] for p in b["footprint"]]
    points += [[w["x"], w["y"]] for w in inputs["windows"]]
    xy = np.array(points, dtype=float)
    low, high = xy.min(axis=0), xy.max(axis=0)
    size = max(float((high - low).max()), 10.0) * 1.15
    centre = (low + high) / 2
    scale = (PLAN_PX - 2 * MARGIN_PX) / size
    left = (WIDTH_PX - (PLAN_PX - 2 * MARGIN_PX)) / 2

    def to_px(point):
        x = left + (point[0] - centre[0] + size / 2) * scale
        y = MARGIN_PX + (centre[1] - point[1] + size / 2) * scale
        return (float(x), float(y))
    return to_px


def _plan(draw: ImageDraw.ImageDraw, overlay: Image.Image, inputs: dict, results: dict,
          highlight: int | None) -> None:
    to_px = _frame(inputs)
    day = solar.DayPlan(results["day"], results["declination_deg"], int(results["period"][:2]),
                        int(results["period"][6:8]))
    shade = ImageDraw.Draw(overlay)
    for hour in shadow_hours(day):
        altitude, azimuth = solar.altitude_azimuth(inputs["latitude"], day.declination_deg, hour)
        for group in ("buildings", "proposed"):
            for building in inputs[group]:
                for part in geometry.shadow_polygon(np.array(building["footprint"], dtype=float),
                                                    building["height_m"], float(altitude), float(azimuth)):
                    shade.polygon([to_px(p) for p in part], fill=SHADOWS[group])
    for group, colour in (("buildings", GREY), ("proposed", ORANGE)):
        for building in inputs[group]:
            draw.polygon([to_px(p) for p in building["footprint"]], fill=colour, outline=INK)
    draw.text((MARGIN_PX, MARGIN_PX), "北 ↑", fill=INK, font=font(16))
    hours = "、".join(str(h) for h in shadow_hours(day))
    draw.text((MARGIN_PX, PLAN_PX - 22), messages.CHART_LEGEND.format(hours=hours), fill=INK, font=font(13))


def _bar(draw, top: int, label: str, runs: list, minutes: int, period_minutes: int) -> None:
    left, right = 150, WIDTH_PX - 110
    draw.text((70, top), label, fill=INK, font=font(13))
    draw.rectangle([left, top + 2, right, top + 16], fill="#e8eaed", outline=GREY)
    for start, end in runs:
        x0 = left + (right - left) * start / period_minutes
        x1 = left + (right - left) * end / period_minutes
        draw.rectangle([x0, top + 2, x1, top + 16], fill=SUN)
    draw.text((right + 8, top), messages.MINUTES.format(minutes=minutes), fill=INK, font=font(13))


def render_png(inputs: dict, results: dict, highlight: int | None = None) -> bytes:
    """The plan and the day bars; with `highlight`, only that window's bars."""
    windows = results["windows"]
    rows = [highlight] if highlight is not None else list(range(min(len(windows), MAX_ROWS)))
    height = PLAN_PX + 36 + ROW_PX * len(rows) + (24 if len(windows) > len(rows) and highlight is None else 0)
    image = Image.new("RGBA", (WIDTH_PX, height), "white")
    overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    _plan(draw, overlay, inputs, results, highlight)
    image = Image.alpha_composite(image, overlay)
    draw = ImageDraw.Draw(image)
    to_px = _frame(inputs)
    for index, window in enumerate(inputs["windows"]):  # windows on top of the shadows
        x, y = to_px((window["x"], window["y"]))
        radius = 6 if index == highlight else 3
        draw.ellipse([x - radius, y - radius, x + radius, y + radius],
                     fill=HIGHLIGHT if index == highlight else INK)
        if highlight is None or index == highlight:
            draw.text((x + 6, y - 8), str(index + 1), fill=INK, font=font(13))
    start_h = int(results["period"][:2])
    end_h = int(results["period"][6:8])
    period_minutes = (end_h - start_h) * 60
    top = PLAN_PX + 8
    draw.text((150, top), f"{start_h:02d}:00", fill=INK, font=font(12))
    draw.text((WIDTH_PX - 150, top), f"{end_h:02d}:00", fill=INK, font=font(12))
    top += 24
    for index in rows:
        window = windows[index]
        draw.text((MARGIN_PX, top + 8), f"{index + 1}. {window['label']}"[:8], fill=INK, font=font(14))
        _bar(draw, top, messages.CHART_BEFORE, window["before_runs"], window["before_minutes"], period_minutes)
        _bar(draw, top + 22, messages.CHART_AFTER, window["after_runs"], window["after_minutes"], period_minutes)
        top += ROW_PX
    if len(windows) > len(rows) and highlight is None:
        draw.text((MARGIN_PX, top), f"…… 共 {len(windows)} 个窗户，其余见表格", fill=INK, font=font(13))
    out = io.BytesIO()
    image.convert("P", palette=Image.Palette.ADAPTIVE, colors=64).save(out, format="PNG")
    return out.getvalue()
