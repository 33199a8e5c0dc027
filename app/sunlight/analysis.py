"""One analysis, pure: validated inputs in, each window's minutes and verdict out.

No database here; services.py stores what this returns. Geometry that marshmallow
cannot judge (a footprint crossing itself, a window inside a building) is refused
with InvalidInput naming the field, e.g. {"buildings": {"2": {"footprint": "…"}}}.
"""
from dataclasses import dataclass

import numpy as np
import shapely
from shapely.geometry import Polygon

from app.errors import InvalidInput
from app.sunlight import geometry, messages, solar, standards

#: a window closer than this to a footprint's edge is on the facade, not inside
FACADE_TOLERANCE_M = 0.05


@dataclass(frozen=True)
class Settings:
    climate_zone: str = "II"
    large_city: bool = True
    min_stretch_minutes: int = 0
    min_facade_angle_deg: float = 0.0


def check_geometry(inputs: dict) -> None:
    """Refuse self-intersecting or empty footprints and windows inside a building (422)."""
    errors: dict = {}
    shapes = []
    for group in ("buildings", "proposed"):
        for index, building in enumerate(inputs[group]):
            polygon = Polygon(building["footprint"])
            problem = None
            if not polygon.is_valid or not polygon.exterior.is_simple:
                problem = messages.FOOTPRINT_SELF_INTERSECTING
            elif polygon.area <= 1e-6:
                problem = messages.FOOTPRINT_EMPTY
            if problem:
                errors.setdefault(group, {})[str(index)] = {"footprint": problem}
            else:
                shapes.append((building, polygon))
    windows = inputs["windows"]
    xs = np.array([w["x"] for w in windows], dtype=float)
    ys = np.array([w["y"] for w in windows], dtype=float)
    zs = np.array([w["z"] for w in windows], dtype=float)
    for building, polygon in shapes:  # vectorised over the windows, one footprint at a time
        inside = shapely.contains_xy(polygon, xs, ys) & (zs < building["height_m"])
        if inside.any():
            inside &= shapely.distance(polygon.exterior, shapely.points(xs, ys)) > FACADE_TOLERANCE_M
        for index in np.flatnonzero(inside):
            errors.setdefault("windows", {}).setdefault(str(index), {
                "position": messages.WINDOW_INSIDE.format(name=building["name"])})
    if errors:
        raise InvalidInput(fields=errors)


def runs(sunlit: np.ndarray, sun: solar.SunTrack) -> list[list[int]]:
    """Sunlit stretches as [start, end] minutes after the period's start."""
    edges = np.concatenate([[0.0], np.cumsum(sun.duration_minutes)])
    change = np.diff(np.concatenate([[0], sunlit.astype(np.int8), [0]]))
    starts, stops = np.flatnonzero(change == 1), np.flatnonzero(change == -1)
    return [[int(round(edges[a])), int(round(edges[b]))] for a, b in zip(starts, stops)]


def sunlit_minutes(inputs: dict, settings: Settings, plan: solar.DayPlan):
    """(before, after, sun): (W, S) sunlit masks without and with the proposed structures."""
    sun = solar.sun_track(plan, inputs["latitude"], inputs["step_minutes"])
    windows = geometry.Windows.of(inputs["windows"])
    candidate = geometry.in_front(windows, sun, settings.min_facade_angle_deg)
    existing = geometry.shaded(windows, geometry.prisms(inputs["buildings"]), sun, candidate)
    before = candidate & ~existing
    proposed = geometry.shaded(windows, geometry.prisms(inputs["proposed"]), sun, before)
    after = before & ~proposed
    stretch = inputs.get("min_stretch_minutes")
    stretch = settings.min_stretch_minutes if stretch is None else stretch
    before = geometry.drop_short_stretches(before, sun.duration_minutes, stretch)
    after = geometry.drop_short_stretches(after, sun.duration_minutes, stretch)
    return before, after, sun


def verdict(standard: int | None, before: int, after: int) -> str:
    if standard is None:
        return "not_assessed"
    if after >= standard:
        return "meets"
    if before >= standard:
        return "falls_below"
    return "worse_already_below" if after < before else "already_below"


def run(inputs: dict, settings: Settings) -> dict:
    """Compute the analysis; `inputs` as SunlightInSchema loaded them."""
    check_geometry(inputs)
    plan = solar.day_plan(inputs["day"], inputs["longitude"], inputs["latitude"])
    before, after, sun = sunlit_minutes(inputs, settings, plan)
    durations = sun.duration_minutes
    zone = inputs.get("climate_zone") or settings.climate_zone
    large = settings.large_city if inputs.get("large_city") is None else inputs["large_city"]
    exempt = standards.exempt([p.get("kind", "other") for p in inputs["proposed"]])
    windows = []
    for index, window in enumerate(inputs["windows"]):
        rule = standards.requirement(zone, large, window.get("use", "home"))
        standard = rule.minutes if rule.day == plan.key else None
        minutes_before = int(round(float(durations[before[index]].sum())))
        minutes_after = int(round(float(durations[after[index]].sum())))
        windows.append({
            "label": window["label"], "flat_id": window.get("flat_id"), "use": window.get("use", "home"),
            "before_minutes": minutes_before, "after_minutes": minutes_after,
            "loss_minutes": minutes_before - minutes_after,
            "standard_minutes": standard, "standard_day": rule.day,
            "meets_before": None if standard is None else minutes_before >= standard,
            "meets_after": None if standard is None else minutes_after >= standard,
            "verdict": verdict(standard, minutes_before, minutes_after),
            "before_runs": runs(before[index], sun), "after_runs": runs(after[index], sun),
        })
    stretch = inputs.get("min_stretch_minutes")
    stretch = settings.min_stretch_minutes if stretch is None else stretch
    return {"day": plan.key, "period": plan.period, "declination_deg": plan.declination_deg,
            "exempt": exempt, "climate_zone": zone, "large_city": large,
            "min_stretch_minutes": stretch, "windows": windows,
            "explanation": explanation(plan, inputs["step_minutes"], stretch, exempt, windows)}


def explanation(plan: solar.DayPlan, step: int, stretch: int, exempt: bool, windows: list[dict]) -> str:
    day = messages.DAY_LABELS.get(plan.key, plan.key)
    text = messages.EXPLAIN_METHOD.format(
        day=day, period=plan.period.replace("-", "–"), step=step,
        stretch=messages.EXPLAIN_STRETCH.format(minutes=stretch) if stretch else "")
    if exempt:
        return text + messages.EXPLAIN_EXEMPT
    falling = sum(1 for w in windows if w["verdict"] == "falls_below")
    return text + messages.EXPLAIN_RULE.format(count=falling) + messages.EXPLAIN_FOR_DISCUSSION
