"""Sun positions by the method of GB/T 50947 (建筑日照计算参数标准).

Time is local true solar time (真太阳时): solar noon is 12:00 wherever the estate is, so
no longitude or equation-of-time correction enters the counted period. The standard days
fix the declination (大寒日 −20°13′, 冬至日 −23°26′); any other calendar date takes its
declination from `sunposition` (NREL's SPA, Reda & Andreas 2004).

    sin h = sin φ sin δ + cos φ cos δ cos Ω          (altitude h, latitude φ, hour angle Ω)
    Ω = 15° × (t − 12)                                 (t in hours of true solar time)
    azimuth A from the south, west positive: tan A = sin Ω / (sin φ cos Ω − cos φ tan δ)

Azimuths are returned clockwise from north (180 = south), as `facing_deg` is given.
"""
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

import numpy as np

#: the standard days: declination (degrees) and the counted period (hours of true solar time)
STANDARD_DAYS = {
    "dahan": {"declination_deg": -(20 + 13 / 60), "start_h": 8, "end_h": 16, "label": "大寒日"},
    "dongzhi": {"declination_deg": -(23 + 26 / 60), "start_h": 9, "end_h": 15, "label": "冬至日"},
}
#: a calendar date is counted over the 大寒日 period, 08:00-16:00 true solar time
CALENDAR_PERIOD_H = (8, 16)


@dataclass(frozen=True)
class DayPlan:
    """Which day is computed: its declination and counted period."""

    key: str  # "dahan", "dongzhi" or an ISO date
    declination_deg: float
    start_h: int
    end_h: int

    @property
    def period(self) -> str:
        return f"{self.start_h:02d}:00-{self.end_h:02d}:00"

    @property
    def minutes(self) -> int:
        return (self.end_h - self.start_h) * 60


@dataclass(frozen=True)
class SunTrack:
    """The sun over the counted period, one entry per time step (sampled at the step's middle)."""

    minutes_from_start: np.ndarray  # the step's middle, minutes after the period's start
    duration_minutes: np.ndarray  # each step's length (the last may be shorter)
    altitude_rad: np.ndarray
    azimuth_rad: np.ndarray  # clockwise from north

    @property
    def tan_altitude(self) -> np.ndarray:
        return np.tan(self.altitude_rad)


def calendar_declination_deg(day: date, longitude_deg: float, latitude_deg: float) -> float:
    """The sun's declination at the estate's solar noon of `day`, from sunposition (SPA)."""
    from sunposition import sunpos

    noon_utc = datetime(day.year, day.month, day.day, 12, tzinfo=timezone.utc) - timedelta(
        hours=longitude_deg / 15)
    *_, declination, _ = sunpos(noon_utc, latitude_deg, longitude_deg, 0)
    return float(declination)


def day_plan(day: str, longitude_deg: float, latitude_deg: float) -> DayPlan:
    if day in STANDARD_DAYS:
        spec = STANDARD_DAYS[day]
        return DayPlan(day, spec["declination_deg"], spec["start_h"], spec["end_h"])
    calendar_day = date.fromisoformat(day)
    start_h, end_h = CALENDAR_PERIOD_H
    return DayPlan(calendar_day.isoformat(),
                   calendar_declination_deg(calendar_day, longitude_deg, latitude_deg), start_h, end_h)


def altitude_azimuth(latitude_deg: float, declination_deg: float, solar_hours):
    """Altitude and azimuth (clockwise from north), radians, at hours of true solar time."""
    phi, delta = np.radians(latitude_deg), np.radians(declination_deg)
    omega = np.radians(15.0 * (np.asarray(solar_hours, dtype=float) - 12.0))
    sin_h = np.sin(phi) * np.sin(delta) + np.cos(phi) * np.cos(delta) * np.cos(omega)
    altitude = np.arcsin(np.clip(sin_h, -1.0, 1.0))
    from_south = np.arctan2(np.sin(omega), np.sin(phi) * np.cos(omega) - np.cos(phi) * np.tan(delta))
    return altitude, np.mod(np.pi + from_south, 2 * np.pi)


def sun_track(plan: DayPlan, latitude_deg: float, step_minutes: int) -> SunTrack:
    """Steps of `step_minutes` over the period; each is sampled at its middle."""
    edges = np.arange(0, plan.minutes, step_minutes, dtype=float)
    ends = np.minimum(edges + step_minutes, plan.minutes)
    middles = (edges + ends) / 2
    altitude, azimuth = altitude_azimuth(latitude_deg, plan.declination_deg,
                                         plan.start_h + middles / 60.0)
    return SunTrack(middles, ends - edges, altitude, azimuth)
