"""One analysis, pure: validated inputs in, each window's minutes and verdict out.

No database here; services.py stores what this returns. Geometry that marshmallow
cannot judge (a footprint crossing itself, a window inside a building) is refused
with InvalidInput naming the field, e.g. {"buildings": {"2": {"footprint": "…"}}}.
"""
from dataclasses import dataclass

import numpy as np
from shapely.geometry import Point, Polygon

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
    for index, window in enumerate(inputs["windows"]):
        point = Point(window["x"], window["y"])
        for building, polygon in shapes:
            if (window["z"] < building["height_m"] and polygon.contains(point)
                    and polygon.exterior.distance(point) > FACADE_TOLERANCE_M):
                errors.setdefault("windows", {})[str(index)] = {
                    "position": messages.WINDOW_INSIDE.format(name=building["name"])}
                break
    if errors:
        raise InvalidInput(fields=errors)


def runs(sunlit: np.ndarray, sun: solar.SunTrack) -> list[list[int]]:
    """Sunlit stretches as [start, end] minutes after the period's start."""
    starts = sun.minutes_from_start - sun.duration_minutes / 2
    out, begin = [], None
    for index, lit in enumerate(sunlit):
        if lit and begin is None:
            begin = int(round(starts[index]))
        if not lit and begin is not None:
            out.append([begin, int(round(starts[index]))])
            begin = None
    if begin is not None:
        out.append([begin, int(round(starts[-1] + sun.duration_minutes[-1]))])
    return out


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
