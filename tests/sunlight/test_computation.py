"""The computation against cases worked by hand, the library, and a brute-force reference.

Pure: no database, no HTTP. Expected values are computed here independently of
app/sunlight (the standard's formulas written out with `math`, shapely for rays).
"""
import math
import random
from datetime import date, datetime, timezone

import numpy as np
import pytest
from shapely.geometry import LineString, Polygon

from app.errors import InvalidInput
from app.sunlight.api import geometry, solar, standards
from app.sunlight.api import Settings, run

BEIJING = {"latitude": 39.9, "longitude": 116.4}
DAHAN_DEG = -(20 + 13 / 60)
FAR = [[500, 500], [501, 500], [501, 501]]  # a proposed shed that shades nobody


def site(windows, buildings=(), proposed=None, day="dahan", **extra):
    return {**BEIJING, "day": day, "step_minutes": 1, "min_stretch_minutes": None,
            "buildings": list(buildings), "windows": windows,
            "proposed": proposed or [{"name": "棚", "footprint": FAR, "height_m": 3, "kind": "other"}],
            **extra}


def window(label="A", x=0.0, y=0.0, z=1.0, facing=180.0, **extra):
    return {"label": label, "x": x, "y": y, "z": z, "facing_deg": facing, "flat_id": None, **extra}


def sun_by_hand(latitude, declination, hours):
    """GB/T 50947's formulas, written out: altitude and azimuth from the south (west +)."""
    phi, delta = math.radians(latitude), math.radians(declination)
    omega = math.radians(15 * (hours - 12))
    sin_h = math.sin(phi) * math.sin(delta) + math.cos(phi) * math.cos(delta) * math.cos(omega)
    h = math.asin(sin_h)
    cos_a = (sin_h * math.sin(phi) - math.sin(delta)) / (math.cos(h) * math.cos(phi))
    a = math.acos(max(-1.0, min(1.0, cos_a)))
    return h, (a if omega > 0 else -a)


def test_an_unobstructed_south_window_in_beijing_has_480_minutes_on_dahan():
    result = run(site([window()]), Settings())
    assert result["period"] == "08:00-16:00"
    assert result["windows"][0]["before_minutes"] == 480
    assert result["windows"][0]["after_minutes"] == 480
    assert result["windows"][0]["before_runs"] == [[0, 480]]


def test_dongzhi_counts_09_to_15():
    result = run(site([window()], day="dongzhi"), Settings())
    assert result["period"] == "09:00-15:00"
    assert result["windows"][0]["before_minutes"] == 360


@pytest.mark.parametrize("height_m, distance_m", [(10.0, 20.0), (12.0, 25.0), (6.0, 15.0)])
def test_a_wide_wall_due_south_cuts_the_minutes_the_altitude_formula_gives(height_m, distance_m):
    sill = 1.0
    wall = {"name": "墙", "height_m": height_m,
            "footprint": [[-5000, -distance_m], [5000, -distance_m], [5000, -distance_m - 1],
                          [-5000, -distance_m - 1]]}
    result = run(site([window(z=sill)], [wall]), Settings())
    expected = 0
    for minute in range(480):
        h, a = sun_by_hand(39.9, DAHAN_DEG, 8 + (minute + 0.5) / 60)
        # the ray meets the wall's face at horizontal distance d / cos(a) (a from the south)
        if math.tan(h) * distance_m / math.cos(a) >= height_m - sill:
            expected += 1
    assert 0 < expected < 480
    assert abs(result["windows"][0]["before_minutes"] - expected) <= 1


def test_an_east_window_gets_only_the_morning():
    result = run(site([window(facing=90.0)]), Settings())["windows"][0]
    assert result["before_minutes"] == 240
    assert result["before_runs"] == [[0, 240]]
    west = run(site([window(facing=270.0)]), Settings())["windows"][0]
    assert west["before_runs"] == [[240, 480]]


def test_a_north_window_gets_no_sun_in_winter():
    assert run(site([window(facing=0.0)]), Settings())["windows"][0]["before_minutes"] == 0


def test_the_proposed_structure_is_counted_after_only_and_elevators_are_exempt():
    shaft = {"name": "电梯", "kind": "elevator", "height_m": 20.0,
             "footprint": [[-3, -6], [3, -6], [3, -3], [-3, -3]]}
    result = run(site([window()], proposed=[shaft]), Settings())
    w = result["windows"][0]
    assert w["before_minutes"] == 480 and w["after_minutes"] < 480
    assert w["loss_minutes"] == w["before_minutes"] - w["after_minutes"]
    assert result["exempt"] is True and "不是否决的依据" in result["explanation"]
    shed = dict(shaft, kind="other", name="车棚")
    mixed = run(site([window()], proposed=[shaft, shed]), Settings())
    assert mixed["exempt"] is False and "不应使相邻住宅原有日照标准降低" in mixed["explanation"]


def test_verdicts_follow_the_standard_of_the_window_use():
    wall = {"name": "墙", "height_m": 30.0, "footprint": [[-5000, -20], [5000, -20], [5000, -21], [-5000, -21]]}
    shed = {"name": "车棚", "kind": "other", "height_m": 40.0,
            "footprint": [[-5000, -10], [5000, -10], [5000, -11], [-5000, -11]]}
    result = run(site([window("home"), window("elderly", use="elderly")], proposed=[shed]), Settings())
    home, elderly = result["windows"]
    assert (home["standard_minutes"], home["standard_day"]) == (120, "dahan")
    assert home["meets_before"] and not home["meets_after"] and home["verdict"] == "falls_below"
    assert elderly["standard_minutes"] is None and elderly["verdict"] == "not_assessed"  # 冬至日 rule
    below = run(site([window()], [wall], proposed=[shed]), Settings())["windows"][0]
    assert below["meets_before"] is False and below["verdict"] in ("already_below", "worse_already_below")


def test_standards_table_of_gb50180():
    assert standards.requirement("II", True) == standards.Requirement("dahan", 120, "住宅")
    assert standards.requirement("II", False).minutes == 180
    assert standards.requirement("IV", True) == standards.Requirement("dahan", 180, "住宅")
    assert standards.requirement("IV", False).day == "dongzhi"
    assert standards.requirement("V", True).minutes == 60
    assert standards.requirement("VII", True, "elderly") == standards.Requirement("dongzhi", 120, "老年人居住建筑")
    assert standards.requirement("II", True, "new_home") == standards.Requirement("dahan", 60, "旧区改建新建住宅")
    assert standards.exempt(["elevator", "elevator"]) and not standards.exempt(["elevator", "other"])


def test_min_stretch_drops_short_runs():
    sunlit = np.array([[1, 1, 0, 1, 1, 1, 1, 0, 1], [0, 0, 0, 0, 0, 0, 0, 0, 0]], dtype=bool)
    kept = geometry.drop_short_stretches(sunlit, np.ones(9), 3)
    assert kept.tolist()[0] == [0, 0, 0, 1, 1, 1, 1, 0, 0]
    east = run(site([window(facing=90.0)], min_stretch_minutes=300), Settings())["windows"][0]
    assert east["before_minutes"] == 0


def test_a_step_of_several_minutes_still_counts_the_whole_period():
    result = run(site([window()], step_minutes=7), Settings())
    assert result["windows"][0]["before_minutes"] == 480


@pytest.mark.parametrize("day, standard_deg, tolerance", [
    (date(2026, 12, 22), -(23 + 26 / 60), 0.05),  # 冬至 2026
    (date(2027, 1, 20), DAHAN_DEG, 0.2),  # 大寒 2027
])
def test_the_library_agrees_with_the_standard_days(day, standard_deg, tolerance):
    declination = solar.calendar_declination_deg(day, 116.4, 39.9)
    assert abs(declination - standard_deg) < tolerance
    result = run(site([window()], day=day.isoformat()), Settings())
    assert result["day"] == day.isoformat() and result["period"] == "08:00-16:00"


def test_the_standard_formulas_agree_with_the_library_position():
    from sunposition import sunpos

    moment = datetime(2026, 12, 22, 3, 0, tzinfo=timezone.utc)
    azimuth, zenith, _, declination, hour_angle = sunpos(moment, 39.9, 116.4, 0)
    hours = 12 + (((hour_angle + 180) % 360) - 180) / 15
    altitude, ours = solar.altitude_azimuth(39.9, declination, hours)
    assert abs((90 - math.degrees(altitude)) - zenith) < 0.1  # refraction only
    assert abs(math.degrees(ours) - azimuth) < 0.01


def _brute_force(windows, buildings, altitude, azimuth):
    """Shapely: where the horizontal ray first meets each footprint, compare heights."""
    blocked = []
    for w in windows:
        direction = (math.sin(azimuth), math.cos(azimuth))
        ray = LineString([(w["x"], w["y"]), (w["x"] + 1e4 * direction[0], w["y"] + 1e4 * direction[1])])
        hit = False
        for b in buildings:
            crossing = ray.intersection(Polygon(b["footprint"]).exterior)
            points = [crossing] if crossing.geom_type == "Point" else list(getattr(crossing, "geoms", []))
            distances = [math.hypot(p.x - w["x"], p.y - w["y"]) for p in points if p.geom_type == "Point"]
            distances = [d for d in distances if d > 1e-6]
            if distances and min(distances) * math.tan(altitude) < b["height_m"] - w["z"]:
                hit = True
        blocked.append(hit)
    return blocked


def test_the_vectorised_shading_matches_a_brute_force_reference():
    rng = random.Random(21)
    buildings = []
    for index in range(12):
        x, y = rng.uniform(-80, 80), rng.uniform(-80, 80)
        w, d = rng.uniform(5, 30), rng.uniform(5, 15)
        shape = [[x, y], [x + w, y], [x + w, y + d], [x, y + d]]
        if index % 3 == 0:  # an L
            shape = [[x, y], [x + w, y], [x + w, y + d], [x + w / 2, y + d], [x + w / 2, y + 2 * d], [x, y + 2 * d]]
        buildings.append({"name": str(index), "footprint": shape, "height_m": rng.uniform(3, 40)})
    polygons = [Polygon(b["footprint"]) for b in buildings]
    windows = []
    while len(windows) < 60:
        x, y = rng.uniform(-100, 100), rng.uniform(-100, 100)
        if not any(p.buffer(0.5).contains(LineString([(x, y), (x, y)]).centroid) for p in polygons):
            windows.append(window(str(len(windows)), x, y, rng.uniform(0, 20), rng.uniform(0, 359)))
    plan = solar.day_plan("dahan", 116.4, 39.9)
    sun = solar.sun_track(plan, 39.9, 10)
    front = geometry.in_front(geometry.Windows.of(windows), sun)  # shading is asked only there
    got = geometry.shaded(geometry.Windows.of(windows), geometry.prisms(buildings), sun, front)
    mismatches = 0
    for step in range(len(sun.altitude_rad)):
        expected = _brute_force(windows, buildings, sun.altitude_rad[step], sun.azimuth_rad[step])
        mismatches += sum(a != (b and asked) for a, b, asked in
                          zip(got[:, step].tolist(), expected, front[:, step].tolist()))
    assert got.any() and not got[front].all()
    assert mismatches == 0


@pytest.mark.parametrize("change, field", [
    (lambda s: s["buildings"].append({"name": "坏", "height_m": 10,
                                      "footprint": [[0, -10], [10, -20], [10, -10], [0, -20]]}), "buildings"),
    (lambda s: s["proposed"].__setitem__(0, {"name": "坏", "kind": "other", "height_m": 10,
                                            "footprint": [[0, -10], [10, -10], [20, -10]]}), "proposed"),
    (lambda s: s["buildings"].append({"name": "楼", "height_m": 10,
                                      "footprint": [[-5, -5], [5, -5], [5, 5], [-5, 5]]}), "windows"),
])
def test_bad_geometry_names_the_field(change, field):
    inputs = site([window()])
    change(inputs)
    with pytest.raises(InvalidInput) as refused:
        run(inputs, Settings())
    assert field in refused.value.fields


def test_a_window_on_its_own_facade_is_not_inside():
    own = {"name": "本楼", "height_m": 18, "footprint": [[-10, 0], [10, 0], [10, 12], [-10, 12]]}
    result = run(site([window(y=0.0)], [own]), Settings())
    assert result["windows"][0]["before_minutes"] == 480


def test_a_local_facade_cut_off_counts_less_of_the_grazing_sun():
    east = run(site([window(facing=90.0)]), Settings(min_facade_angle_deg=30))["windows"][0]
    # the sun counts only while its azimuth is within 60° of east: it leaves at azimuth 150°
    expected = sum(1 for minute in range(480)
                   if math.degrees(sun_by_hand(39.9, DAHAN_DEG, 8 + (minute + 0.5) / 60)[1]) < -30)
    assert 0 < east["before_minutes"] < 240 and abs(east["before_minutes"] - expected) <= 1


def test_a_broken_standards_file_stops_naming_the_field(tmp_path):
    bad = tmp_path / "standards.yaml"
    bad.write_text(standards.PATH.read_text(encoding="utf-8").replace("hours: 2}", "hours: two}", 1),
                   encoding="utf-8")
    with pytest.raises(RuntimeError, match="hours"):
        standards.load.__wrapped__(bad)
